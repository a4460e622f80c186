// The place-and-date line (ô 4): "Hà Nội, ngày 05 tháng 01 năm 2024". Leading zeros, a date after today,
// a year different from the year written in the "Số:" of the same document.

import { dayText, isValidDate, monthText } from '../../text/date.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

export interface DateLine {
  index: number; // 0-based line
  place: string;
  day: string;
  month: string;
  year: string;
  /** "ngày 5 tháng 3 năm 2024": the part of the line after the place. */
  dateText: string;
  dateCol: number; // 1-based
  /** 1-based columns of the day's number and of the word "tháng": where a wrapped date line is cut, they may stand on the next input line. */
  dayCol: number;
  monthCol: number;
}

// The number and the date may share a line when the header table is read from a PDF.
const DATE_LINE = /^(?:Số\s*:\s*\S+\s+)?([\p{Lu}][\p{L}\p{M}.'’ -]{1,60}?),\s*(ngày\s+(\d{1,2}|\d \d)\s+(tháng)\s+(\d{1,2}|\d \d)\s+năm\s+(\d{4}))\s*\.?$/du;

/** Lines that are a place-and-date line of the document (ô 4) or of a copy block. */
export function dateLines(lines: string[]): DateLine[] {
  const out: DateLine[] = [];
  lines.forEach((line, index) => {
    const m = DATE_LINE.exec(line);
    if (!m) return;
    // "tháng 0 6": a web copy split the digits; the date is read as written, "06"
    const at = m.indices!;
    out.push({ index, place: m[1]!, dateText: m[2]!, day: m[3]!.replace(' ', ''), month: m[5]!.replace(' ', ''), year: m[6]!, dateCol: at[2]![0] + 1, dayCol: at[3]![0] + 1, monthCol: at[4]![0] + 1 });
  });
  return out;
}

const SOURCE_ZERO = 'NĐ 30/2020, Phụ lục I, mục II.4.b: ngày dưới 10 và tháng 1, 2 ghi thêm số 0 ở trước';

export const dateLineZero: Rule = {
  id: 'date-line-zero',
  title: 'số 0 ở ngày, tháng của dòng địa danh, ngày tháng',
  source: SOURCE_ZERO,
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    for (const dl of dateLines(doc.lines)) {
      const d = Number(dl.day), m = Number(dl.month);
      if (m < 1 || m > 12 || d < 1) continue; // date-impossible says it
      const want = `ngày ${dayText(d)} tháng ${monthText(m)} năm ${dl.year}`;
      if (dl.day === dayText(d) && dl.month === monthText(m)) continue;
      const problems: string[] = [];
      if (dl.day !== dayText(d)) problems.push(d < 10 ? `ngày ${d} cần ghi "${dayText(d)}"` : `ngày ${d} không có số 0 ở trước`);
      if (dl.month !== monthText(m)) problems.push(m <= 2 ? `tháng ${m} cần ghi "${monthText(m)}"` : `tháng ${m} không ghi số 0 ở trước (chỉ tháng 1, 2 mới thêm số 0)`);
      // the finding stands where the first wrong number does (the day's number, else "tháng …"), and the fix replaces
      // from there: a page that wrapped the line after "ngày" has them on the next line
      const col = dl.day !== dayText(d) ? dl.dayCol : dl.monthCol;
      const cut = col - dl.dateCol;
      const wantCut = dl.day !== dayText(d) ? 'ngày '.length : want.indexOf(' tháng ') + 1;
      out.push(
        finding(dateLineZero, 'lỗi', dl.index + 1, dl.dateText, problems.join('; '), {
          col,
          fix: `ghi "${want}"`,
          replacement: { from: dl.dateText.slice(cut), to: want.slice(wantCut) },
        }),
      );
    }
    return out;
  },
};

const localDay = (t: Date) => ({ y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() });
const ord = (y: number, m: number, d: number) => y * 10_000 + m * 100 + d;

export const dateLineFuture: Rule = {
  id: 'date-line-future',
  title: 'ngày ban hành sau ngày hôm nay',
  source: 'NĐ 30/2020, Phụ lục I, mục II.4.b: thời gian ban hành là ngày văn bản được ban hành (không thể ở tương lai)',
  check(doc: TextDoc): Finding[] {
    const today = localDay(doc.today);
    const out: Finding[] = [];
    for (const dl of dateLines(doc.lines)) {
      const y = Number(dl.year), m = Number(dl.month), d = Number(dl.day);
      if (!isValidDate(y, m, d) || ord(y, m, d) <= ord(today.y, today.m, today.d)) continue;
      out.push(
        finding(dateLineFuture, 'cảnh báo', dl.index + 1, dl.dateText, `ngày ban hành ở sau hôm nay (${dayText(today.d)}/${monthText(today.m)}/${today.y})`, {
          col: dl.dateCol,
          fix: 'ghi ngày ký ban hành thật; văn bản chưa ký thì để trống ngày, tháng ("ngày    tháng    năm …")',
        }),
      );
    }
    return out;
  },
};

/** "Số: 12/2024/QĐ-UBND": the number line of a document whose số carries a year. */
const NUMBER_WITH_YEAR = /^Số\s*:\s*(\d+\s*\/\s*(\d{4})\s*\/\s*[^\s,;]+)/u;

export const dateLineYear: Rule = {
  id: 'date-line-year',
  title: 'năm của dòng ngày tháng khác năm trong số, ký hiệu',
  source: 'Luật Ban hành VBQPPL 2015, Điều 8 (số, ký hiệu ghi năm ban hành); NĐ 30/2020, Phụ lục I, mục II.3–II.4',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const lines = dateLines(doc.lines);
    doc.lines.forEach((line, i) => {
      const m = NUMBER_WITH_YEAR.exec(line);
      if (!m) return;
      // The date line that belongs to this number: the first one after it, or the nearest one before it.
      const dl = lines.find((l) => l.index > i && l.index - i <= 8) ?? [...lines].reverse().find((l) => l.index < i && i - l.index <= 8);
      if (!dl || dl.year === m[2]) return;
      out.push(
        finding(dateLineYear, 'lỗi', dl.index + 1, dl.dateText, `năm ban hành ${dl.year} khác năm ${m[2]} trong số, ký hiệu "${m[1]}" (dòng ${i + 1})`, {
          col: dl.dateCol,
          fix: `sửa năm trong số, ký hiệu hoặc ở dòng ngày tháng cho khớp nhau`,
        }),
      );
    });
    return out;
  },
};
