// Vietnamese public holidays, so that a derived deadline never lands on a day off.
//
// The law: Bộ luật Lao động 2019 (Luật 45/2019/QH14), Điều 112, khoản 1: Tết Dương lịch (1/1),
// Tết Âm lịch 5 ngày, Chiến thắng (30/4), Quốc tế lao động (1/5), Quốc khánh 2 ngày (2/9 and the day
// before or after it), Giỗ Tổ Hùng Vương (10/3 âm lịch); khoản 3: a holiday on a weekly day off is
// made up on the next working day(s). The exact 5 Tết days and the day next to 2/9 are fixed each year
// by the Prime Minister, announced for cán bộ, công chức, viên chức by the ministry in charge of
// labour (Bộ Lao động - Thương binh và Xã hội; from 2025 Bộ Nội vụ), often with a swapped working day.
//
// Without an announcement (a year not in ANNOUNCED), the rule is applied cautiously: Tết from the
// second day before mùng 1 to mùng 4 and both 1/9 and 3/9 are taken as days off, so a deadline may
// move one day earlier than needed but never onto a holiday. A swapped Saturday worked in exchange
// ("làm bù") is not modelled: a deadline is never moved onto a Saturday anyway.

import { addDays, isWeekend, parseIsoDate, toIso, type CalendarDate } from '../text/date.ts';

/**
 * Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch) by solar year, month-day. Computed with two independent
 * implementations and compared: @dqcai/vn-lunar 1.0.1 (Hồ Ngọc Đức's Vietnamese calendar algorithm,
 * UTC+7) and lunar-javascript 1.7.7 (the Chinese calendar, UTC+8). They agree on every date but
 * Tết 2030, where the Vietnamese calendar (UTC+7) has the new moon a day earlier: 02/02/2030 in
 * Việt Nam, 03/02/2030 in China. 2020–2026 also match the announced holidays below.
 */
export const LUNAR_HOLIDAYS: Record<number, { tet: string; gioTo: string }> = {
  2020: { tet: '01-25', gioTo: '04-02' },
  2021: { tet: '02-12', gioTo: '04-21' },
  2022: { tet: '02-01', gioTo: '04-10' },
  2023: { tet: '01-22', gioTo: '04-29' },
  2024: { tet: '02-10', gioTo: '04-18' },
  2025: { tet: '01-29', gioTo: '04-07' },
  2026: { tet: '02-17', gioTo: '04-26' },
  2027: { tet: '02-06', gioTo: '04-16' },
  2028: { tet: '01-26', gioTo: '04-04' },
  2029: { tet: '02-13', gioTo: '04-23' },
  2030: { tet: '02-02', gioTo: '04-12' },
  2031: { tet: '01-23', gioTo: '04-01' },
  2032: { tet: '02-11', gioTo: '04-19' },
  2033: { tet: '01-31', gioTo: '04-09' },
  2034: { tet: '02-19', gioTo: '04-28' },
  2035: { tet: '02-08', gioTo: '04-17' },
};

export type HolidayName = 'Tết Dương lịch' | 'Tết Nguyên đán' | 'Giỗ Tổ Hùng Vương' | 'Ngày Chiến thắng' | 'Ngày Quốc tế lao động' | 'Quốc khánh';

interface Announced {
  covers: HolidayName[]; // the holidays whose days off this range replaces
  from: string; // ISO, first day off (weekends and made-up days included)
  to: string; // ISO, last day off
}

/**
 * Days off as announced for cán bộ, công chức, viên chức (the ministry's yearly notice of the Prime
 * Minister's decision, published in the national press each year). Only what was announced is listed;
 * the rest of a year follows the cautious rule above.
 */
export const ANNOUNCED: Record<number, Announced[]> = {
  2023: [
    { covers: ['Tết Dương lịch'], from: '2022-12-31', to: '2023-01-02' }, // 1/1 a Sunday, made up Monday 2/1
    { covers: ['Tết Nguyên đán'], from: '2023-01-20', to: '2023-01-26' }, // 29 Tết to mùng 5
    { covers: ['Giỗ Tổ Hùng Vương', 'Ngày Chiến thắng', 'Ngày Quốc tế lao động'], from: '2023-04-29', to: '2023-05-03' }, // 10/3 âm lịch and 30/4 on the weekend, made up 2 and 3/5
    { covers: ['Quốc khánh'], from: '2023-09-01', to: '2023-09-04' }, // 1 and 2/9, 2/9 a Saturday made up Monday 4/9
  ],
  2024: [
    { covers: ['Tết Dương lịch'], from: '2024-01-01', to: '2024-01-01' },
    { covers: ['Tết Nguyên đán'], from: '2024-02-08', to: '2024-02-14' }, // 29 Tết to mùng 5
    { covers: ['Giỗ Tổ Hùng Vương'], from: '2024-04-18', to: '2024-04-18' },
    { covers: ['Ngày Chiến thắng', 'Ngày Quốc tế lao động'], from: '2024-04-27', to: '2024-05-01' }, // Monday 29/4 swapped for Saturday 4/5
    { covers: ['Quốc khánh'], from: '2024-08-31', to: '2024-09-03' }, // 2 and 3/9
  ],
  2025: [
    { covers: ['Tết Dương lịch'], from: '2025-01-01', to: '2025-01-01' },
    { covers: ['Tết Nguyên đán'], from: '2025-01-25', to: '2025-02-02' }, // 26 tháng Chạp to mùng 5 (5 days: 27–31/1)
    { covers: ['Giỗ Tổ Hùng Vương'], from: '2025-04-05', to: '2025-04-07' }, // 10/3 âm lịch a Monday
    { covers: ['Ngày Chiến thắng', 'Ngày Quốc tế lao động'], from: '2025-04-30', to: '2025-05-04' }, // Friday 2/5 swapped for Saturday 26/4
    { covers: ['Quốc khánh'], from: '2025-08-30', to: '2025-09-02' }, // 1 and 2/9
  ],
  2026: [
    // 27 tháng Chạp to mùng 6 (5 days: 16–20/2); as reported by congan.com.vn ("Chính thức chốt phương án
    // Tết Nguyên đán Bính Ngọ 2026 nghỉ 9 ngày"). The other 2026 days off were not found in a public source
    // here, so they follow the cautious rule.
    { covers: ['Tết Nguyên đán'], from: '2026-02-14', to: '2026-02-22' },
  ],
};

const at = (year: number, md: string): CalendarDate => parseIsoDate(`${year}-${md}`)!;

/** The statutory holidays of a year (before any weekend make-up), per the cautious rule. */
function statutory(year: number): [HolidayName, CalendarDate[]][] {
  const days: [HolidayName, CalendarDate[]][] = [
    ['Tết Dương lịch', [at(year, '01-01')]],
    ['Ngày Chiến thắng', [at(year, '04-30')]],
    ['Ngày Quốc tế lao động', [at(year, '05-01')]],
    ['Quốc khánh', [at(year, '09-01'), at(year, '09-02'), at(year, '09-03')]],
  ];
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar) {
    const tet = at(year, lunar.tet);
    days.push(['Tết Nguyên đán', [-2, -1, 0, 1, 2, 3].map((n) => addDays(tet, n))]);
    days.push(['Giỗ Tổ Hùng Vương', [at(year, lunar.gioTo)]]);
  }
  return days;
}

const cache = new Map<number, Map<string, HolidayName>>();

/** Every day off of a solar year other than ordinary weekends (ISO date → holiday), made-up days included. */
export function daysOff(year: number): Map<string, HolidayName> {
  const known = cache.get(year);
  if (known) return known;
  const off = new Map<string, HolidayName>();
  const announced = ANNOUNCED[year] ?? [];
  for (const a of announced)
    for (let d = parseIsoDate(a.from)!; toIso(d) <= a.to; d = addDays(d, 1)) if (!isWeekend(d)) off.set(toIso(d), a.covers[0]!);
  const rest = statutory(year).filter(([name]) => !announced.some((a) => a.covers.includes(name)));
  for (const [name, days] of rest) for (const d of days) if (!isWeekend(d)) off.set(toIso(d), name);
  // Khoản 3: a holiday on a Saturday or Sunday is made up on the next working day.
  for (const [name, days] of rest)
    for (const d of days.filter(isWeekend)) {
      let next = addDays(d, 1);
      while (isWeekend(next) || off.has(toIso(next))) next = addDays(next, 1);
      off.set(toIso(next), name);
    }
  cache.set(year, off);
  return off;
}

/** The holiday a weekday is a day off for, or null (weekends are not reported: they are always off). */
export function holidayOn(date: CalendarDate): HolidayName | null {
  // A year's announced range may start in the year before (1/1 on a Sunday), so look at both.
  const iso = toIso(date);
  return daysOff(date.y).get(iso) ?? daysOff(date.y + 1).get(iso) ?? null;
}

/** True on a weekday that is not a public holiday or a day made up for one. */
export const isWorkingDay = (date: CalendarDate): boolean => !isWeekend(date) && holidayOn(date) === null;

/** Years whose lunar holidays (Tết, Giỗ Tổ) are known here; outside them only the solar ones apply. */
export const LUNAR_YEARS = { from: 2020, to: 2035 } as const;
