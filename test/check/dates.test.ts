import { describe, expect, it } from 'vitest';
import { datesIn, impossibleDate, impossibility } from '../../src/check/rules/dates.ts';
import { brief, run } from './helpers.ts';

describe('date-impossible', () => {
  it('finds impossible dates in the short, long and yearless forms', () => {
    const fs = run(impossibleDate, 'Hạn 30/2/2024, họp ngày 31 tháng 4 năm 2023, nộp trước ngày 31/6 và ngày 30 tháng 02.');
    expect(brief(fs)).toEqual([
      '1 date-impossible 30/2/2024',
      '1 date-impossible ngày 31 tháng 4 năm 2023',
      '1 date-impossible ngày 31/6',
      '1 date-impossible ngày 30 tháng 02',
    ]);
    expect(fs[0]!.severity).toBe('lỗi');
    expect(fs[0]!.message).toContain('tháng 2 năm 2024 chỉ có 29 ngày');
    expect(fs[1]!.col).toBe(20);
  });

  it('checks each end of a range and other separators', () => {
    expect(brief(run(impossibleDate, 'từ 03/02/1930-30/02/2024'))).toEqual(['1 date-impossible 30/02/2024']);
    expect(brief(run(impossibleDate, 'ngày 31-04-2024 và 31.04.2024'))).toEqual(['1 date-impossible 31-04-2024', '1 date-impossible 31.04.2024']);
  });

  it('finds a month or a day that does not exist', () => {
    const fs = run(impossibleDate, 'trong tháng 13/2024 và ngày 00 tháng 5 năm 2020');
    expect(fs.map((f) => f.message)).toEqual(['ngày không có thật: không có tháng 13', 'ngày không có thật: không có ngày 0']);
  });

  it('accepts real dates: leap days, 31st of long months, dates without a year', () => {
    const text = 'Ngày 29/02/2024, ngày 29 tháng 02 năm 2024, ngày 31/12/2023, ngày 29/02, ngày 31 tháng 7, 15/3/2024, tháng 12/2023';
    expect(run(impossibleDate, text)).toEqual([]);
  });

  it('does not read document numbers, fractions or ranges of years as dates', () => {
    const text = 'Nghị định số 98/2023/NĐ-CP, Thông tư số 01/2020/TT-BTP, tỷ lệ 1/3, giai đoạn 2021-2025, 12/2021/QĐ-TTg';
    expect(datesIn(text)).toEqual([]);
    expect(run(impossibleDate, text)).toEqual([]);
  });

  it('tells why a date cannot exist', () => {
    expect(impossibility({ d: 29, m: 2, y: 2023 })).toBe('tháng 2 năm 2023 chỉ có 28 ngày');
    expect(impossibility({ d: 29, m: 2, y: null })).toBeNull();
    expect(impossibility({ d: 1, m: 1, y: 2024 })).toBeNull();
  });
});
