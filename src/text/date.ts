// Calendar dates and their Vietnamese wording (Phụ lục I, II.4: leading zero for days 1–9 and months 1–2).

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parses "yyyy-mm-dd"; returns null for a malformed or impossible date (2023-02-29, 2024-04-31). */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(date.y, date.m, date.d) ? date : null;
}

export function toIso({ y, m, d }: CalendarDate): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Day with its leading zero below 10. */
export const dayText = (d: number): string => pad(d);
/** Month with a leading zero for January and February only. */
export const monthText = (m: number): string => (m <= 2 ? pad(m) : String(m));

/** "ngày 05 tháng 01 năm 2024". */
export function longDate(date: CalendarDate): string {
  return `ngày ${dayText(date.d)} tháng ${monthText(date.m)} năm ${date.y}`;
}

/** "05/01/2024", "15/3/2024": the short form used inside the text. */
export function shortDate(date: CalendarDate): string {
  return `${dayText(date.d)}/${monthText(date.m)}/${date.y}`;
}

/** Blank day (and month, unless known) for an undated draft, to be filled by hand at signing. */
export const BLANK_DATE = (year: number, month?: number): string => `ngày      tháng ${month ? monthText(month) : '     '} năm ${year}`;

/** The ô 4 line: "Hà Nội, ngày 29 tháng 02 năm 2024"; a draft's "ngày      tháng 01 năm 2024". */
export function placeDateLine(place: string, date: CalendarDate | null, year: number, month?: number): string {
  return `${place}, ${date ? longDate(date) : BLANK_DATE(year, month)}`;
}

/** Days between two dates (b − a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const wd = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return wd === 0 || wd === 6;
}
