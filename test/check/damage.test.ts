// A copy damaged on its way out of a PDF (damage.ts), on the two real damaged copies of the corpus: tone marks cut
// off their letters (a Công văn of Ninh Thuận), hyphens and dashes dropped (a Quyết định of Kiên Giang). The
// damage gives no finding, the report says what was not checked, and a clean copy is not taken for a damaged one.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPath, formatFileReport } from '../../src/check/command.ts';
import { textDamage } from '../../src/check/damage.ts';
import { realPath, TODAY } from './helpers.ts';

const check = async (name: string) => (await checkPath(realPath(name), { format: 'text', fix: false, today: TODAY }, '/'))[0]!;
const lines = (name: string) => readFileSync(realPath(name), 'utf8').split('\n');

describe('damaged copies', () => {
  it('leaves a line whose tone marks are cut off unjudged ("2917 /SGDĐT-VP" in it is not reported) and says so', async () => {
    const r = await check('page-cong-van-2917-sgddt-vp-2010-ninh-thuan-pdf.txt');
    expect(r.structure?.status).toBe('document');
    expect(r.structure?.damaged?.lines).toBe(1);
    expect(r.findings).toEqual([]);
    expect(formatFileReport(r)).toContain('không kiểm tra 1 dòng có dấu thanh tách khỏi chữ');
  });

  it('does not run the hyphen and spacing rules on a copy that lost its hyphens, and says so', async () => {
    const d = textDamage(lines('page-quyet-dinh-1961-2019-qd-ubnd-kien-giang-pdf.txt'));
    expect(d.lostHyphens.slice(0, 3)).toEqual(['1961/QĐUBND', 'Độc lập  Tự do  Hạnh phúc', '30c/NQCP']);
    const r = await check('page-quyet-dinh-1961-2019-qd-ubnd-kien-giang-pdf.txt');
    expect(r.findings.filter((f) => ['national-header', 'spacing-number', 'kyhieu-abbrev', 'so-number'].includes(f.rule))).toEqual([]);
    expect(formatFileReport(r)).toContain('bản sao mất dấu gạch nối (như "1961/QĐUBND")');
  });

  it('takes a clean copy for clean: one dropped hyphen is a typo to report, not a damaged copy', () => {
    for (const name of ['page-quyet-dinh-20-2015-qd-ubnd-lai-chau.txt', 'web-quyet-dinh-773-qd-ttg-2018-tang-cuong-lanh-dao-cong-tac-nguoi-co-cong.md', 'page-ke-hoach-135-kh-ubnd-2022-soc-trang.txt']) {
      const d = textDamage(lines(name));
      expect(d.lines.size, name).toBe(0);
      expect(d.lostHyphens, name).toEqual([]);
    }
    expect(textDamage(['Căn cứ Quyết định số 12/QĐUBND ngày 02/3/2020;']).lostHyphens).toEqual([]);
  });

  it('does not judge the numbering of an excerpt with lines left out, and says so (Quyết định 41/2019/QĐ-UBND, Quảng Trị)', async () => {
    const d = textDamage(lines('page-quyet-dinh-41-2019-qd-ubnd-quang-tri.txt'));
    expect(d.gaps.length).toBeGreaterThanOrEqual(2);
    const r = await check('page-quyet-dinh-41-2019-qd-ubnd-quang-tri.txt');
    expect(r.findings.filter((f) => f.rule === 'numbering-sequence')).toEqual([]);
    expect(formatFileReport(r)).toContain('không kiểm tra thứ tự đánh số');
    expect(textDamage(['Điều 1. Ban hành.', 'a) Nội dung;', 'b) Nội dung.']).gaps).toEqual([]);
  });
});
