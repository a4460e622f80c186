// Properties of the readers on arbitrary input: the YAML reader, the byte decoder and the Markdown
// reader either return or throw an InputError located inside the file; never another error, never a
// hang. Markdown made of the constructs the tool supports loses no word of its text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, eachError } from '../../src/model/errors.ts';
import { parseYaml } from '../../src/read/yaml.ts';
import { checkCharacters, decodeUtf8 } from '../../src/read/characters.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { blockText } from '../../src/model/ast.ts';
import { RUNS, TIMEOUT } from './runs.ts';

/** Runs `f`; an InputError must point inside `text`; anything else thrown fails the property. */
function onlyInputErrors(text: string, f: () => unknown): void {
  try {
    f();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const lines = text.split('\n').length;
    // a combined error: one line per error, each inside the text
    for (const e of eachError(error)) {
      expect(e.loc.line).toBeGreaterThanOrEqual(1);
      expect(e.loc.line).toBeLessThanOrEqual(lines);
      expect(e.loc.col).toBeGreaterThanOrEqual(1);
      expect(e.message).not.toMatch(/\n/);
    }
  }
}

// YAML-ish text: the characters that make YAML's syntax, plus Vietnamese letters and oddities.
const yamlChar = fc.constantFrom(...':-[]{}#&*!|>\'"%@`,? \n\t\\0123456789xeo.+abcđơưáàảãạ\u0000\u200b\u202e\ufeff'.split(''));
const yamlText = fc.oneof(fc.string({ unit: yamlChar, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 60 }));

describe('đọc YAML với đầu vào bất kỳ', () => {
  it(`${RUNS} chuỗi: trả về dữ liệu hoặc InputError có vị trí`, () => {
    fc.assert(fc.property(yamlText, (text) => onlyInputErrors(text, () => parseYaml(text, 'x.yaml'))), { numRuns: RUNS });
  }, TIMEOUT);

  it(`${RUNS} dãy byte: giải mã UTF-8 và kiểm ký tự chỉ báo InputError`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        try {
          const text = decodeUtf8(bytes, 'x.md');
          checkCharacters(text, 'x.md');
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`${RUNS} chuỗi Unicode hợp lệ, dài cả nghìn ký tự: giải mã ra đúng chuỗi ban đầu`, () => {
    // long texts take the transcoding path (from 1 KB), short ones Node's own decoder
    const unit = fc.oneof(fc.constantFrom('ệ', 'Đ', 'ư', 'a', ' ', '\n'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 1500 }), fc.boolean(), (text, bom) => {
        const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
        expect(decodeUtf8(bytes, 'x.md')).toBe(Buffer.from(text, 'utf8').toString('utf8')); // V8's own decoder as the reference
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

const mdChar = fc.constantFrom(...'#-*_+>`[]()!<>&;{}|~=^:\\ \n\n\n  1.)abcđơư'.split(''));
const mdText = fc.oneof(fc.string({ unit: mdChar, maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

describe('đọc Markdown với đầu vào bất kỳ', () => {
  it(`${RUNS} chuỗi: trả về các khối hoặc InputError có vị trí`, () => {
    fc.assert(fc.property(mdText, (text) => onlyInputErrors(text, () => readMarkdown({ text, file: 'x.md' }))), { numRuns: RUNS });
  }, TIMEOUT);

  // Lines of the supported constructs: headings, paragraphs, "-" and "1." lists at two depths.
  const word = fc.stringMatching(/^[a-zđơưâêôăáàảãạếềểễệ]{1,8}$/u);
  const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
  const line = fc.oneof(
    words.map((w) => ({ md: `# ${w}`, w })),
    words.map((w) => ({ md: `## ${w}`, w })),
    words.map((w) => ({ md: `### ${w}`, w })),
    words.map((w) => ({ md: w, w })),
    words.map((w) => ({ md: `- ${w}`, w })),
    words.map((w) => ({ md: `  - ${w}`, w })),
    words.map((w) => ({ md: `1. ${w}`, w })),
  );

  it(`${RUNS} văn bản từ các cấu trúc được hỗ trợ: không mất chữ nào (hoặc báo lỗi)`, () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const text = lines.map((l) => l.md).join('\n\n') + '\n';
        let blocks;
        try {
          blocks = readMarkdown({ text, file: 'x.md' });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          return;
        }
        read++;
        const out = blocks.map((b) => blockText(b)).join(' ').split(/\s+/).filter(Boolean);
        expect(out).toEqual(lines.flatMap((l) => l.w.split(' ')));
      }),
      { numRuns: RUNS },
    );
    // Most cases must be read, or the property says nothing about lost words.
    expect(read).toBeGreaterThan(RUNS / 2);
  }, TIMEOUT);
});
