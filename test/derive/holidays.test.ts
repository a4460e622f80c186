// Public holidays with real dates: Tết and Giỗ Tổ follow the Vietnamese lunar calendar, the solar ones
// are fixed, a holiday on a weekend is made up on the next working day, and announced schedules win.

import { describe, expect, it } from 'vitest';
import { ANNOUNCED, LUNAR_HOLIDAYS, daysOff, holidayOn, isWorkingDay } from '../../src/derive/holidays.ts';
import { localDeadline, workingDayOnOrBefore } from '../../src/derive/deadlines.ts';
import { addDays, isWeekend, parseIsoDate, toIso } from '../../src/text/date.ts';

const d = (iso: string) => parseIsoDate(iso)!;
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('lunar holidays', () => {
  it('has the real dates of Tết and Giỗ Tổ', () => {
    expect(LUNAR_HOLIDAYS[2025]).toEqual({ tet: '01-29', gioTo: '04-07' }); // Ất Tỵ
    expect(LUNAR_HOLIDAYS[2024]).toEqual({ tet: '02-10', gioTo: '04-18' }); // Giáp Thìn
    expect(LUNAR_HOLIDAYS[2026]).toEqual({ tet: '02-17', gioTo: '04-26' }); // Bính Ngọ
    expect(LUNAR_HOLIDAYS[2030]!.tet, 'Việt Nam (UTC+7), a day before China').toBe('02-02');
  });

  it('covers 2020–2035, Tết between 21/1 and 20/2 and Giỗ Tổ 68 to 70 days after it (two 29- or 30-day months + 9)', () => {
    const years = Object.keys(LUNAR_HOLIDAYS).map(Number);
    expect(years).toEqual(Array.from({ length: 16 }, (_, i) => 2020 + i));
    for (const y of years) {
      const { tet, gioTo } = LUNAR_HOLIDAYS[y]!;
      expect(`${tet}` >= '01-21' && `${tet}` <= '02-20', `${y}`).toBe(true);
      const gap = (Date.parse(`${y}-${gioTo}`) - Date.parse(`${y}-${tet}`)) / 86_400_000;
      // 1/3 is 59 or 60 days after 1/1 (two months of 29–30 days), or one more lunar month later in a year
      // with a leap month 1 or 2; 10/3 is 9 days after 1/3.
      expect([67, 68, 69, 96, 97, 98, 99].includes(gap), `${y}: ${gap}`).toBe(true);
    }
  });
});

describe('days off', () => {
  it('takes the announced Tết 2025 holiday, 25/01 to 02/02, with its weekdays', () => {
    const off = [...daysOff(2025).entries()].filter(([, n]) => n === 'Tết Nguyên đán').map(([k]) => k);
    expect(off).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(holidayOn(d('2025-02-03'))).toBeNull(); // back to work Monday 3/2
  });

  it('has Giỗ Tổ 2025 (07/4, a Monday) and the 2/9 pair', () => {
    expect(holidayOn(d('2025-04-07'))).toBe('Giỗ Tổ Hùng Vương');
    expect(holidayOn(d('2025-09-01'))).toBe('Quốc khánh');
    expect(holidayOn(d('2025-09-02'))).toBe('Quốc khánh');
    expect(holidayOn(d('2025-09-03'))).toBeNull();
    expect(holidayOn(d('2025-05-02')), 'the swapped Friday').toBe('Ngày Chiến thắng');
  });

  it('makes up a holiday on a weekend (Bộ luật Lao động 2019, Điều 112 khoản 3), in an unannounced year', () => {
    // 2028: 1/1 a Saturday → Monday 3/1 off; 30/4 a Sunday and 1/5 a Monday → Tuesday 2/5 off.
    expect(weekday('2028-01-01')).toBe(6);
    expect(holidayOn(d('2028-01-03'))).toBe('Tết Dương lịch');
    expect(holidayOn(d('2028-05-01'))).toBe('Ngày Quốc tế lao động');
    expect(holidayOn(d('2028-05-02'))).toBe('Ngày Chiến thắng');
    expect(holidayOn(d('2028-05-03'))).toBeNull();
    // Tết 2028 (26/1, a Wednesday): cautiously 24/1 to 29/1, both usual patterns of the five days.
    for (const iso of ['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28']) expect(holidayOn(d(iso)), iso).toBe('Tết Nguyên đán');
    // 1/1/2023 a Sunday: the 2023 announcement starts on 31/12/2022 and holds Monday 2/1.
    expect(holidayOn(d('2023-01-02'))).toBe('Tết Dương lịch');
  });

  it('never lists a weekend, and every announced range holds the holidays it covers', () => {
    for (const y of [2023, 2024, 2025, 2026, 2027, 2030]) for (const iso of daysOff(y).keys()) expect(isWeekend(d(iso)), iso).toBe(false);
    for (const [y, list] of Object.entries(ANNOUNCED)) {
      const tet = `${y}-${LUNAR_HOLIDAYS[Number(y)]!.tet}`;
      for (const a of list.filter((x) => x.covers.includes('Tết Nguyên đán'))) expect(a.from <= tet && tet <= a.to, y).toBe(true);
    }
  });
});

describe('deadlines skip holidays', () => {
  const START = d('2024-01-01');

  it('moves a deadline on Giỗ Tổ 2025 (Monday 07/4) back to Friday 04/4', () => {
    expect(toIso(workingDayOnOrBefore(d('2025-04-07')))).toBe('2025-04-04');
    const r = localDeadline(d('2025-04-14'), 7, START);
    expect(r).toMatchObject({ moved: true, because: 'Giỗ Tổ Hùng Vương' });
    expect(toIso(r.date)).toBe('2025-04-04');
  });

  it('moves a deadline in Tết 2025 to Friday 24/01, the last working day before it', () => {
    const r = localDeadline(d('2025-02-10'), 10, START); // nominal 31/01, mùng 3 Tết
    expect(toIso(r.nominal)).toBe('2025-01-31');
    expect(toIso(r.date)).toBe('2025-01-24');
    expect(r.because).toBe('Tết Nguyên đán');
  });

  it('always lands on a working day, for every lead in 2024–2030', () => {
    for (let day = d('2024-01-10'); toIso(day) < '2030-12-31'; day = addDays(day, 13)) {
      const r = localDeadline(day, 5, START);
      expect(isWorkingDay(r.date), toIso(day)).toBe(true);
    }
  });
});
