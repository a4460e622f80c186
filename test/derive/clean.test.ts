// Derived plans are clean: the ministry's defects are fixed (safely) or made placeholders before derive writes.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPath } from '../../src/check/command.ts';
import { cleanDerived } from '../../src/derive/clean.ts';
import { deriveAll } from '../../src/derive/command.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('derive applies the safe fixes of vanban check', () => {
  it('writes a Ninh Thuận plan on which vanban check finds no lỗi, and lists every fix in the change report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'vanban-derive-clean-'));
    const outcome = deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/ninh-thuan.yaml'], out, root: ROOT });
    const report = outcome.reports[0]!;
    // the ministry's "02/NQ- CP", "80- KL/TW" and Party directive "35/CT-TW", as the issue found them inherited
    expect(report.fixes).toEqual(expect.arrayContaining(['`chien-dich.yaml` dòng 18 [spacing-number]: "02/NQ- CP" → "02/NQ-CP"', '`chien-dich.yaml` dòng 53 [spacing-number]: "80- KL/TW" → "80-KL/TW"', '`chien-dich.yaml` dòng 102 [citation-party]: "35/CT-TW" → "35-CT/TW"']));
    const dir = join(out, 'ninh-thuan/thi-dua-2024');
    for (const f of ['ke-hoach.yaml', 'chien-dich.yaml']) {
      const reports = await checkPath(join(dir, f), { format: 'json', fix: false }, dir);
      expect(reports.flatMap((r) => r.findings).filter((x) => x.severity === 'lỗi'), f).toEqual([]);
    }
  });

  it('writes, for every province of 2023-2024, a plan without a lỗi of vanban check', async () => {
    const out = mkdtempSync(join(tmpdir(), 'vanban-derive-clean-all-'));
    const outcome = deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/*.yaml'], out, root: ROOT });
    expect(outcome.reports.length).toBeGreaterThanOrEqual(60);
    const errors: string[] = [];
    for (const r of outcome.reports) {
      for (const f of ['ke-hoach.yaml', 'chien-dich.yaml']) {
        const dir = join(out, r.slug, 'thi-dua-2024');
        for (const rep of await checkPath(join(dir, f), { format: 'json', fix: false }, dir)) for (const x of rep.findings) if (x.severity === 'lỗi') errors.push(`${r.slug}/${f} ${x.where} ${x.rule}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('makes the missing year of a cited Nghị định a placeholder, with a warning, and changes no word', () => {
    const text = 'noi_dung:\n  - Thực hiện Nghị định số 98/NĐ-CP của Chính phủ về thi đua, khen thưởng.\n';
    const cleaned = cleanDerived('chien-dich.yaml', text);
    expect(cleaned.text).toBe('noi_dung:\n  - Thực hiện Nghị định số 98/[cần điền: năm ban hành]/NĐ-CP của Chính phủ về thi đua, khen thưởng.\n');
    expect(cleaned.warnings).toHaveLength(1);
    expect(cleaned.changes).toEqual(['`chien-dich.yaml` dòng 2 [citation-year]: "98/NĐ-CP" → "98/[cần điền: năm ban hành]/NĐ-CP"']);
  });
});
