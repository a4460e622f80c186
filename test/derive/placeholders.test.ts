// A derived draft with an unknown signer builds with a warning (its placeholders are listed); under
// --strict the same draft is an error located at the placeholder's line.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { deriveAll } from '../../src/derive/command.ts';
import { findPlaceholders, strictPlaceholderError } from '../../src/read/placeholders.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'vanban-derive-ph-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('placeholders in a derived draft', () => {
  it('build with a warning, and --strict makes them an error at their line', async () => {
    const outcome = deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/bac-giang.yaml'], out: TMP, root: ROOT });
    const plan = join(TMP, 'bac-giang/thi-dua-2024/ke-hoach.yaml');
    const line = readFileSync(plan, 'utf8').split('\n').findIndex((l) => l.startsWith('nguoi_ky:')) + 1;
    expect(outcome.reports[0]!.placeholders).toEqual([{ file: 'ke-hoach.yaml', line, text: '[cần điền: họ tên Giám đốc Sở]' }]);

    const result = await build([TMP], { outDir: join(TMP, 'out'), root: TMP, write: false });
    expect(result.failed).toEqual([]);
    const b = result.built[0]!;
    expect(b.doc.meta.placeholders).toEqual(['[cần điền: họ tên Giám đốc Sở]']);
    expect(b.doc.parts[0]!.closing!.signature).toEqual({ lines: ['GIÁM ĐỐC'], name: '[cần điền: họ tên Giám đốc Sở]' });

    expect(findPlaceholders(b.doc.meta.sources, TMP).map((p) => p.loc)).toEqual([{ file: 'bac-giang/thi-dua-2024/ke-hoach.yaml', line, col: expect.any(Number) }]);
    const e = strictPlaceholderError(b.doc.meta.sources, b.doc.meta.placeholders, TMP)!;
    expect(e.message).toMatch(new RegExp(`^bac-giang/thi-dua-2024/ke-hoach\\.yaml:${line}:\\d+: dự thảo còn 1 chỗ cần điền: \\[cần điền: họ tên Giám đốc Sở\\]\\. Cách sửa: `, 'u'));
  });

  it('build({ strict: true }) refuses the draft and writes nothing for it; the known-signer draft still builds', async () => {
    deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/ninh-thuan.yaml'], out: TMP, root: ROOT });
    const result = await build([TMP], { outDir: join(TMP, 'out-strict'), root: TMP, write: false, strict: true });
    expect(result.built.map((b) => b.source)).toEqual(['ninh-thuan/thi-dua-2024/ke-hoach.yaml']);
    expect(result.failed.map((f) => f.error.message)).toEqual([expect.stringMatching(/^bac-giang\/thi-dua-2024\/ke-hoach\.yaml:\d+:\d+: .*1 chỗ cần điền: \[cần điền: họ tên Giám đốc Sở\]/u)]);
  });

  it('none for a draft whose signer is known', () => {
    expect(strictPlaceholderError(['data/dia-phuong/ninh-thuan/thi-dua-2024/ke-hoach.yaml'], [], ROOT)).toBeNull();
  });
});
