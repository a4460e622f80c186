// The whole build on arbitrary field values and bodies: every case either builds (and out/ then
// verifies clean against its manifest) or fails with an InputError and leaves out/ as it was.
// Never an internal error. Rendering costs up to 0.1 s a case, so this runs RUNS / 20 cases.

import fc from 'fast-check';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { InputError } from '../../src/model/errors.ts';
import { verifyOutputs } from '../../src/archive/verify.ts';
import { DECISION, makeProject, treeHash } from '../support/project.ts';
import { BUILD_RUNS, TIMEOUT } from './runs.ts';

const dir = makeProject({ 'data/.giu-cho': '' }, 'vanban-fuzz-build-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = fc.array(fc.constantFrom('Ban', 'hành', 'Quy', 'chế', 'hòa', 'giải', 'thủy', 'lợi', 'Điều', '2024', '“Tư pháp”', '(nếu có)', 'A-B', 'x/y'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const value = fc.oneof(
  { arbitrary: words, weight: 6 },
  fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'Bộ Tư pháp hòa giải, ;:.-–"“”()[]{}#*&!%@\\/\t'.split('')), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const bodyLine = fc.oneof(
  { arbitrary: words.map((w) => `# ${w}`), weight: 3 },
  { arbitrary: words, weight: 3 },
  value.map((v) => `# ${v}`),
  value.map((v) => `## ${v}`),
  value.map((v) => `- ${v}`),
  value.map((v) => `1. ${v}`),
  value,
);
const number = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 99_999 }).map(String), weight: 6 }, fc.integer({ min: -5, max: 120_000 }).map(String), fc.constantFrom('null', '"07"', '0x1F', '1e3', 'abc'));
const date = fc.oneof({ arbitrary: fc.date({ min: new Date('1945-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 6 }, fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('null', '2024-02-30', '2024-13-01'));

describe('dựng cả văn bản với dữ liệu bất kỳ', () => {
  it(`${BUILD_RUNS} văn bản: dựng được và khớp bản kê, hoặc InputError và out/ giữ nguyên`, async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(value, value, number, date, fc.array(bodyLine, { minLength: 1, maxLength: 12 }), async (trichYeu, diaDanh, so, ngay, body) => {
        const yaml = DECISION.replace(/^trich_yeu: .*$/m, `trich_yeu: ${JSON.stringify(trichYeu)}`)
          .replace(/^dia_danh: .*$/m, `dia_danh: ${JSON.stringify(diaDanh)}`)
          .replace(/^so: .*$/m, `so: ${so}`)
          .replace(/^ngay: .*$/m, `ngay: ${ngay}\nnam: ${/^\d{4}/.test(ngay) ? ngay.slice(0, 4) : 2024}`); // nam agrees with ngay: a contradiction is refused
        writeFileSync(join(dir, 'data/van-ban.yaml'), yaml);
        writeFileSync(join(dir, 'data/noi-dung.md'), body.join('\n\n') + '\n');
        const before = treeHash(join(dir, 'out'));
        const result = await build(['data'], { outDir: 'out', root: dir, force: true });
        for (const f of result.failed) if (!(f.error instanceof InputError)) throw f.error;
        if (result.failed.length) expect(treeHash(join(dir, 'out'))).toEqual(before);
        else {
          built++;
          expect(verifyOutputs(join(dir, 'out'))?.problems).toEqual([]);
        }
      }),
      { numRuns: BUILD_RUNS },
    );
    console.log(`dựng cả văn bản: ${built}/${BUILD_RUNS} trường hợp dựng được`);
    expect(built, 'một phần đáng kể các trường hợp phải dựng được').toBeGreaterThan(BUILD_RUNS / 10);
  }, TIMEOUT);
});
