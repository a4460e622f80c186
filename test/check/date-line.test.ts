import { describe, expect, it } from 'vitest';
import { dateLineFuture, dateLineYear, dateLineZero, dateLines } from '../../src/check/rules/date-line.ts';
import { brief, run, runReal } from './helpers.ts';

describe('date-line-zero', () => {
  it('wants a leading zero on days below 10 and on months 1 and 2', () => {
    const fs = run(dateLineZero, 'Hà Nội, ngày 5 tháng 3 năm 2024\n\nHuế, ngày 15 tháng 1 năm 2024');
    expect(brief(fs)).toEqual(['1 date-line-zero ngày 5 tháng 3 năm 2024', '3 date-line-zero ngày 15 tháng 1 năm 2024']);
    // from the first wrong number on: the day's number, else the month
    expect(fs[0]!.replacement).toEqual({ from: '5 tháng 3 năm 2024', to: '05 tháng 3 năm 2024' });
    expect(fs[1]!.replacement).toEqual({ from: 'tháng 1 năm 2024', to: 'tháng 01 năm 2024' });
    expect(fs[0]!.col).toBe(14);
  });

  it('stands on the line of the wrong number when the page wrapped the date line after "ngày"', () => {
    // Quyết định 15/2015/QĐ-UBND, Bình Phước: "Đồng Xoài, ngày" (dòng 13), "12 tháng 06 năm 2015" (dòng 14)
    expect(runReal(dateLineZero, 'page-quyet-dinh-15-2015-qd-ubnd-binh-phuoc.txt')).toEqual(['14 ngày 12 tháng 06 năm 2015']);
  });

  it('wants no leading zero on months 3 to 12', () => {
    const fs = run(dateLineZero, 'Thành phố Hồ Chí Minh, ngày 05 tháng 03 năm 2024');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('chỉ tháng 1, 2 mới thêm số 0');
    expect(fs[0]!.replacement!.to).toBe('tháng 3 năm 2024');
  });

  it('accepts the decree’s own examples and leaves dates inside the text alone', () => {
    const text = 'Hà Nội, ngày 05 tháng 01 năm 2020\nThành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019\nTheo Công văn ngày 5 tháng 3 năm 2024 của Bộ.';
    expect(run(dateLineZero, text)).toEqual([]);
  });

  it('reads a date line that shares its line with the số, as PDF text does', () => {
    expect(brief(run(dateLineZero, 'Số: 12/QĐ-UBND An Giang, ngày 5 tháng 3 năm 2024'))).toEqual(['1 date-line-zero ngày 5 tháng 3 năm 2024']);
  });

  it('recognizes place-and-date lines only', () => {
    expect(dateLines(['TP. Hồ Chí Minh, ngày 01 tháng 12 năm 2023', 'Căn cứ Luật ngày 15 tháng 6 năm 2022;', 'Hà Nội, ngày      tháng      năm 2024']).map((d) => d.index)).toEqual([0]);
  });
});

describe('date-line-future', () => {
  it('warns about a date after today', () => {
    const fs = run(dateLineFuture, 'An Giang, ngày 23 tháng 11 năm 2026');
    expect(brief(fs)).toEqual(['1 date-line-future ngày 23 tháng 11 năm 2026']);
    expect(fs[0]!.severity).toBe('cảnh báo');
  });

  it('accepts today and earlier days', () => {
    expect(run(dateLineFuture, 'An Giang, ngày 22 tháng 11 năm 2026\nHà Nội, ngày 29 tháng 02 năm 2024')).toEqual([]);
    expect(run(dateLineFuture, 'An Giang, ngày 23 tháng 11 năm 2026', new Date(2026, 11, 1))).toEqual([]);
  });
});

describe('date-line-year', () => {
  it('finds a date line whose year is not the year in the số', () => {
    const fs = run(dateLineYear, 'Số: 12/2024/QĐ-UBND\n\nBình Dương, ngày 05 tháng 01 năm 2023');
    expect(brief(fs)).toEqual(['3 date-line-year ngày 05 tháng 01 năm 2023']);
    expect(fs[0]!.message).toContain('12/2024/QĐ-UBND');
  });

  it('accepts matching years and administrative numbers without a year', () => {
    expect(run(dateLineYear, 'Số: 12/2024/QĐ-UBND\nBình Dương, ngày 05 tháng 01 năm 2024')).toEqual([]);
    expect(run(dateLineYear, 'Số: 244/QĐ-BTP\nHà Nội, ngày 29 tháng 02 năm 2024')).toEqual([]);
  });
});

describe('date line with its digits split by a web copy', () => {
  it('reads "tháng 0 6" as the month written "06" and asks for "6", without calling the date impossible', async () => {
    const { impossibleDate } = await import('../../src/check/rules/dates.ts');
    const line = '| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |';
    const { runReal } = await import('./helpers.ts');
    expect(runReal(dateLineZero, 'web-quyet-dinh-773-qd-ttg-2018-tang-cuong-lanh-dao-cong-tac-nguoi-co-cong.md')).toEqual(['7 ngày 26 tháng 0 6 năm 2018']);
    expect(runReal(impossibleDate, 'web-quyet-dinh-773-qd-ttg-2018-tang-cuong-lanh-dao-cong-tac-nguoi-co-cong.md')).toEqual([]);
    expect(run(impossibleDate, line)).toEqual([]);
    expect(brief(run(impossibleDate, 'ngày 26 tháng 0 năm 2018'))).toHaveLength(1);
  });
});
