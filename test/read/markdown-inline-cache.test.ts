import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownParser, readMarkdown } from '../../src/read/markdown.ts';
import { markdownFiles } from '../support/markdown-files.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// The reader's own parser, with and without the cache.
const make = (cached: boolean) => markdownParser({ cacheInline: cached });

const tokensOf = (md: MarkdownIt, text: string) => JSON.stringify(md.parse(text, {}));

describe('the inline parse cached by text', () => {
  it('gives the tokens of a plain parse for every Markdown file of the project, the first time and again', () => {
    const files = ['data', 'templates', 'test/fixtures'].flatMap(markdownFiles);
    expect(files.length).toBeGreaterThan(100);
    const plain = make(false);
    const cached = make(true);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const expected = tokensOf(plain, text);
      expect(tokensOf(cached, text), f).toBe(expected);
      expect(tokensOf(cached, text), `${f}, from the cache`).toBe(expected);
    }
  });

  it('parses a repeated text once, and a text with "[" (links, footnotes) every time', () => {
    const md = make(true);
    const parse = md.inline.parse.bind(md.inline);
    const seen: string[] = [];
    md.inline.parse = (src, ...rest) => (seen.push(src), parse(src, ...rest));
    const body = '# Tổ chức thực hiện {#muc-2}\n\nThực hiện **Quyết định số 244/QĐ-BTP**.\n\nXem [](#muc-2) và chú thích.[^1]\n\n[^1]: Nội dung chú thích.\n';
    for (let i = 0; i < 3; i++) md.parse(body, {});
    expect(seen.filter((s) => s.startsWith('Thực hiện'))).toHaveLength(1);
    expect(seen.filter((s) => s.startsWith('Xem'))).toHaveLength(3);
    // footnote numbering comes from each document's own env, never from an earlier document
    const blocks = readMarkdown({ text: body, file: 'a.md' });
    expect(readMarkdown({ text: body, file: 'b.md' })).toEqual(blocks);
    expect(JSON.stringify(blocks)).toContain('"type":"note"');
  });

  it('holds only the tokens, not the source each text was cut from', () => {
    const md = make(true);
    gc();
    const before = process.memoryUsage().heapUsed;
    // 200 distinct 100 KB sources, each with its own short paragraph (a cache entry) cut from it; the long
    // paragraph has a "[", so it is never cached itself
    for (let i = 0; i < 200; i++) md.parse(`Đoạn riêng số ${i} của văn bản, đủ dài để là một chuỗi con.\n\n${'Thực hiện Quyết định [số] 244/QĐ-BTP. '.repeat(2800)}${i}\n`, {});
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * 2 ** 20); // 200 × 100 KB sources would be 40 MB
  });
});
