import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { markdownParser, readMarkdown } from '../../src/read/markdown.ts';
import { firstUnread, sectionParser } from '../../src/read/markdown-sections.ts';
import { markdownFiles } from '../support/markdown-files.ts';

// markdown-it as the reader configures it, with its own "normalize" rule.
const stock = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table').use(footnotes as unknown as Parameters<MarkdownIt['use']>[0]);
(stock.options as { maxNesting: number }).maxNesting = 200;
const ours = markdownParser({ cacheInline: false });
const tokensOf = (md: MarkdownIt, text: string) => JSON.stringify(md.parse(text, {}));

describe("the reader's line-ending normalization", () => {
  it('gives the tokens of markdown-it\'s own rule for every Markdown file, with LF, CRLF and CR line ends and NULs', () => {
    const files = ['data', 'templates', 'test/fixtures'].flatMap(markdownFiles);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/ /, '\0'), text.replace(/\n/, '\r\n\0\r')]) {
        expect(tokensOf(ours, variant), f).toBe(tokensOf(stock, variant));
      }
    }
  });

  it('turns CR, CRLF and NUL into what markdown-it does', () => {
    const text = '# Tiêu đề\r\n\r\nĐoạn một\rdòng hai\0.\r\n\r\n- mục\r\n';
    expect(tokensOf(ours, text)).toBe(tokensOf(stock, text));
    expect(ours.parse(text, {}).find((t) => t.type === 'inline' && t.content.startsWith('Đoạn'))!.content).toBe('Đoạn một\ndòng hai\uFFFD.');
  });
});

/** readMarkdown's outcome: its blocks, or its errors as printed (with their lines). */
function outcome(text: string, sections: boolean): string {
  try {
    return JSON.stringify(readMarkdown({ text, file: 'b.md', sections }));
  } catch (error) {
    return `error: ${String(error)}`;
  }
}

const texts = ['data', 'templates', 'test/fixtures'].flatMap(markdownFiles).map((f) => [f, readFileSync(f, 'utf8')] as const);
/** Every section of those texts: a body of a batch is sections seen before, in another order. */
const sectionsOf = (t: string) => t.split(/\n(?=#{1,6}(?:[ \t\n]|$))/).map((s, i, all) => (i < all.length - 1 ? `${s}\n` : s));
const pool = texts.flatMap(([, t]) => sectionsOf(t));

describe('a body read from the tokens of its sections (markdown-sections.ts)', () => {
  it('gives the blocks, or the errors at the same lines, of the whole text\'s reading for every Markdown file', () => {
    let shared = 0;
    const parse = sectionParser(markdownParser());
    for (const [f, text] of texts) {
      if (parse(text)) shared++;
      expect(outcome(text, true), f).toBe(outcome(text, false));
      expect(outcome(text, true), `${f}, again`).toBe(outcome(text, false));
    }
    expect(shared).toBeGreaterThan(texts.length * 0.3); // the section path is really taken
  });

  it('agrees with the whole text\'s reading on 2 000 bodies made of known sections, edited at random', () => {
    let seed = 20261204;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const bits = ['\n# ', '\n## Mục', '\n#', '#', '\n- ', '\n  - ', '\n1. ', '\n', '\n\n', '   ', '[', ']', '[x](#y)', '{#a}', '<b>', '```', '\r\n', '|', '\n| a | b |\n| - | - |\n', '---', '\n===\n', '> ', '    ', '**', '_', '[^1]', '^[n]', '\\', 'I. ', '\t'];
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      let t = '';
      for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) t += pool[Math.floor(rnd() * pool.length)];
      for (let k = Math.floor(rnd() * 4); k > 0; k--) {
        const at = Math.floor(rnd() * t.length);
        t = rnd() < 0.7 ? t.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + t.slice(at) : t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 5));
      }
      const got = outcome(t, true);
      expect(got, JSON.stringify(t)).toBe(outcome(t, false));
      if (got.startsWith('error')) refused++;
      else ok++;
    }
    // both outcomes are exercised
    expect(ok).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('leaves to the whole text the texts where a section can change another', () => {
    const parse = sectionParser(markdownParser());
    const body = (middle: string) => `# Một\n\nĐoạn.\n\n${middle}\n\n# Hai\n\nĐoạn hai.\n`;
    expect(parse(body('Đoạn thường.'))).not.toBeNull();
    for (const middle of ['Chú thích.[^1]\n\n[^1]: Nội dung.', 'Ghi chú ^[nội dung].', '```\n# không phải tiêu đề\n```', '<div>\n# x\n</div>', 'Dòng một\rdòng hai', 'Xem [nhãn\nhai dòng] ở dưới.'])
      expect(parse(body(middle)), middle).toBeNull();
  });

  it('finds the first line with text past the last token, the one markdown-it would drop without a word', () => {
    const text = '# Một\n\nĐoạn một.\n\nĐoạn hai.\n';
    const tokens = markdownParser().parse(text, {});
    expect(firstUnread(tokens, text.split('\n'))).toBe(-1); // every line read; the blank last one does not count
    const cut = tokens.slice(0, 3); // the heading's tokens only: lines 0–1
    expect(firstUnread(cut, text.split('\n'))).toBe(2);
    expect(firstUnread([], ['', '  ', 'x'])).toBe(2);
  });

  it('shares the tokens of a section seen before, and gives each text its own line numbers in an error', () => {
    const one = '# Căn cứ\n\nĐoạn chung của hai văn bản.\n\n# Riêng\n\nĐoạn của văn bản một.\n';
    const two = '# Mở đầu\n\nĐoạn mới.\n\n# Căn cứ\n\nĐoạn chung của hai văn bản.\n\n# Riêng\n\n1. Mục gõ số tay: I. sai\n\n# Cuối\n\nI. Gõ tay.\n';
    const parse = sectionParser(markdownParser());
    const a = parse(one)!;
    const b = parse(two)!;
    expect(b.find((t) => t.content === 'Đoạn chung của hai văn bản.')).toBe(a.find((t) => t.content === 'Đoạn chung của hai văn bản.'));
    readMarkdown({ text: one, file: 'one.md' });
    expect(outcome(two, true)).toMatch(/b\.md:15:1/);
    expect(outcome(two, true)).toBe(outcome(two, false));
  });
});
