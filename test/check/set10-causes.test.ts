// The general causes behind set 10's false findings and clear misses (Lâm Đồng 2025–2026, held-out real DOCX,
// judged by reading each file's XML): each shown on a real document of the set, with the finding still made where
// the defect is real.

import { describe, expect, it } from 'vitest';
import { checkPath, type FileReport } from '../../src/check/command.ts';
import { kyHieuAbbrev } from '../../src/check/rules/ky-hieu.ts';
import { realPath, run, TODAY } from './helpers.ts';

const report = async (name: string): Promise<FileReport> => (await checkPath(realPath(name), { format: 'json', fix: false, today: TODAY }, process.cwd()))[0]!;
const of = (r: FileReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.where} ${f.excerpt}`);

describe('set 10 causes', () => {
  it('tells "HD" (hướng dẫn) from "HĐ" (hợp đồng) and "DA" (dự án) from "ĐA" (đề án): Phụ lục III has all four', async () => {
    expect(of(await report('docx-cong-van-khong-so-ubnd-2025-lam-dong-hd-46-bca.docx'), 'kyhieu-abbrev')).toEqual([]);
    expect(of(await report('docx-to-trinh-409-ttr-cat-2025-lam-dong.docx'), 'kyhieu-abbrev')).toEqual([]);
    expect(run(kyHieuAbbrev, 'Đề án số 12/ĐA-UBND, Dự án số 3/DA-UBND, Quy định số 5/QyĐ-UBND, Hợp đồng số 7/HĐ-UBND')).toEqual([]);
    // a D typed for Đ is still told, and the document's own kind against its tên loại
    expect(run(kyHieuAbbrev, 'Quyết định số 12/QD-UBND').map((f) => f.replacement!.to)).toEqual(['12/QĐ-UBND']);
    expect(run(kyHieuAbbrev, 'Số: 12/HĐ-UBND\nHƯỚNG DẪN').map((f) => f.excerpt)).toEqual(['HĐ']);
  });
});
