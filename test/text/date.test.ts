import { describe, expect, it } from 'vitest';
import { addDays, isWeekend, longDate, parseIsoDate, placeDateLine, shortDate } from '../../src/text/date.ts';

describe('dates', () => {
  it('rejects impossible dates and accepts leap days', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-04-31')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('29/02/2024')).toBeNull();
  });

  it('puts a leading zero on days below 10 and on months 1 and 2 only', () => {
    expect(longDate({ y: 2020, m: 1, d: 5 })).toBe('ngày 05 tháng 01 năm 2020');
    expect(longDate({ y: 2024, m: 2, d: 29 })).toBe('ngày 29 tháng 02 năm 2024');
    expect(longDate({ y: 2019, m: 6, d: 29 })).toBe('ngày 29 tháng 6 năm 2019');
    expect(longDate({ y: 2023, m: 12, d: 1 })).toBe('ngày 01 tháng 12 năm 2023');
    expect(shortDate({ y: 2024, m: 3, d: 15 })).toBe('15/3/2024');
    expect(shortDate({ y: 2024, m: 1, d: 5 })).toBe('05/01/2024');
  });

  it('writes the place-and-date line, blank for an undated draft', () => {
    expect(placeDateLine('Hà Nội', { y: 2024, m: 2, d: 29 }, 2024)).toBe('Hà Nội, ngày 29 tháng 02 năm 2024');
    expect(placeDateLine('Ninh Thuận', null, 2023)).toMatch(/^Ninh Thuận, ngày\s+tháng\s+năm 2023$/);
  });

  it('knows weekends and adds days across months', () => {
    expect(isWeekend({ y: 2024, m: 3, d: 16 })).toBe(true); // Saturday
    expect(isWeekend({ y: 2024, m: 3, d: 15 })).toBe(false);
    expect(addDays({ y: 2024, m: 3, d: 1 }, -1)).toEqual({ y: 2024, m: 2, d: 29 });
  });
});
