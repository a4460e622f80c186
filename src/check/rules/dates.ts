// Impossible calendar dates, in every form a document uses: "30/02/2024", "30-02-2024", "ngày 31 tháng 4 năm 2023",
// "ngày 31 tháng 4", "ngày 31/4", "tháng 13/2024", and each end of a range "03/02/1930-30/02/2024".

import { daysInMonth, isValidDate } from '../../text/date.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

interface DateMatch {
  index: number;
  text: string;
  d: number | null; // null: a month/year without a day
  m: number;
  y: number | null; // null: no year written
}

const FORMS: { hint: RegExp; re: RegExp; read(m: RegExpExecArray): Omit<DateMatch, 'index' | 'text'> }[] = [
  // ngày 31 tháng 4 năm 2023
  { hint: /ngày/iu, re: /(?<![\p{L}\p{M}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)/giu, read: (m) => ({ d: +m[1]!, m: +m[2]!, y: +m[3]! }) },
  // 30/02/2024, 30-02-2024, 30.02.2024 (one separator throughout)
  { hint: /\d[/.-]\d/u, re: /(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/gu, read: (m) => ({ d: +m[1]!, m: +m[3]!, y: +m[4]! }) },
  // ngày 31 tháng 4 (no year)
  { hint: /ngày/iu, re: /(?<![\p{L}\p{M}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?![\d/])(?!\s+năm\s+\d)(?!\s\d)/giu, read: (m) => ({ d: +m[1]!, m: +m[2]!, y: null }) },
  // ngày 31/4 (no year)
  { hint: /ngày/iu, re: /(?<![\p{L}\p{M}])ngày\s+(\d{1,2})\/(\d{1,2})(?![\d/])/giu, read: (m) => ({ d: +m[1]!, m: +m[2]!, y: null }) },
  // tháng 13/2024, tháng 13 năm 2024
  { hint: /tháng/iu, re: /(?<![\p{L}\p{M}])tháng\s+(\d{1,2})(?:\/|\s+năm\s+)(\d{4})(?!\d)/giu, read: (m) => ({ d: null, m: +m[1]!, y: +m[2]! }) },
];

/** Every date written in the line, in the order of the forms above, without overlaps. */
export function datesIn(line: string): DateMatch[] {
  const out: DateMatch[] = [];
  const taken: [number, number][] = [];
  if (!/\d/u.test(line)) return out;
  for (const form of FORMS) {
    if (!form.hint.test(line)) continue;
    for (const m of line.matchAll(form.re)) {
      const start = m.index, end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      out.push({ index: start, text: m[0], ...form.read(m as RegExpExecArray) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Why a date cannot exist, or null when it can. A date with no year may be 29 February. */
export function impossibility(date: Pick<DateMatch, 'd' | 'm' | 'y'>): string | null {
  const { d, m, y } = date;
  if (m < 1 || m > 12) return `không có tháng ${m}`;
  if (d === null) return null;
  if (y === null ? d >= 1 && d <= daysInMonth(2024, m) : isValidDate(y, m, d)) return null;
  if (d < 1) return 'không có ngày 0';
  const max = daysInMonth(y ?? 2024, m);
  return y === null ? `tháng ${m} chỉ có ${max} ngày` : `tháng ${m} năm ${y} chỉ có ${max} ngày`;
}

export const impossibleDate: Rule = {
  id: 'date-impossible',
  title: 'ngày tháng không có thật',
  source: 'Lịch dương; NĐ 30/2020, Phụ lục I, mục II.4 (thời gian ban hành ghi ngày, tháng, năm có thật)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      for (const date of datesIn(line)) {
        const why = impossibility(date);
        if (!why) continue;
        out.push(
          finding(impossibleDate, 'lỗi', i + 1, date.text, `ngày không có thật: ${why}`, {
            col: date.index + 1,
            fix: 'kiểm tra lại ngày, tháng với văn bản gốc và ghi ngày có thật',
          }),
        );
      }
    });
    return out;
  },
};
