// Dates in the body and the căn cứ held to the rule of the date line: a day below 10 and the months 1 and 2 take a
// leading zero, the months 3 to 12 do not ("ngày 09 tháng 4 năm 2008", "27/02/1996", not "27/05/2015" nor
// "9/12/2011"). The decree states the rule for the date of issue; its own samples cite documents the same way, so
// a body date written otherwise is a suggestion, not an error.

import { dayText, monthText } from '../../text/date.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { dateLines } from './date-line.ts';

const WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/gu;
const NUMERIC = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu;

export const dateZero: Rule = {
  id: 'date-zero',
  title: 'số 0 ở ngày, tháng của ngày tháng trong nội dung, căn cứ',
  source: 'NĐ 30/2020, Phụ lục I, mục II.4.b (ngày dưới 10 và tháng 1, 2 ghi thêm số 0) và cách dẫn ngày trong các mẫu của Phụ lục III',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const dateLine = new Set(dateLines(doc.lines).map((d) => d.index));
    doc.lines.forEach((line, i) => {
      if (dateLine.has(i)) return; // date-line-zero says it
      const matches = [...line.matchAll(WORDS), ...line.matchAll(NUMERIC)].sort((a, b) => a.index! - b.index!);
      for (const m of matches) {
        const re = m[0].startsWith('ngày') ? WORDS : NUMERIC;
        {
          const d = Number(m[1]), mo = Number(m[2]);
          if (d < 1 || d > 31 || mo < 1 || mo > 12) continue;
          if (m[1] === dayText(d) && m[2] === monthText(mo)) continue;
          const want = re === WORDS ? `ngày ${dayText(d)} tháng ${monthText(mo)} năm ${m[3]}` : `${dayText(d)}/${monthText(mo)}/${m[3]}`;
          const why = [m[1] !== dayText(d) ? (d < 10 ? `ngày ${d} cần ghi "${dayText(d)}"` : `ngày ${d} không có số 0 ở trước`) : '', m[2] !== monthText(mo) ? (mo <= 2 ? `tháng ${mo} cần ghi "${monthText(mo)}"` : `tháng ${mo} không ghi số 0 ở trước`) : '']
            .filter(Boolean)
            .join('; ');
          out.push(finding(dateZero, 'gợi ý', i + 1, m[0], why, { col: m.index! + 1, fix: `ghi "${want}"`, replacement: { from: m[0], to: want } }));
        }
      }
    });
    return out;
  },
};

/** A date in numbers with a space on either side of a "/": "04 /01/2012", "04/ 01/2012". */
const SPACED_DATE = /(?<![\d/])(\d{1,2})[ \t]*\/[ \t]*(\d{1,2})[ \t]*\/[ \t]*((?:19|20)\d\d)(?![\d/])/gu;

export const dateForm: Rule = {
  id: 'date-form',
  title: 'ngày tháng viết sai dạng (năm bị tách, dấu cách quanh "/")',
  source: 'NĐ 30/2020, Phụ lục I, mục II.4.b: ngày, tháng, năm ghi bằng chữ số Ả Rập, năm đủ bốn chữ số; ngày tháng viết bằng số dùng "/" liền các số như "27/02/1996" ở các mẫu của Phụ lục III',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      // "16/7/20 21": a year split by a space
      for (const m of line.matchAll(/(?<![\d/])(\d{1,2}\/\d{1,2}\/)(\d{2}) (\d{2})(?![\d/])/gu)) {
        const fixed = `${m[1]}${m[2]}${m[3]}`;
        out.push(finding(dateForm, 'lỗi', i + 1, m[0], `năm "${m[2]} ${m[3]}" bị tách bởi dấu cách`, { col: m.index! + 1, fix: `ghi "${fixed}"`, replacement: { from: m[0], to: fixed } }));
      }
      // "ngày 04 /01/2012": a space beside the "/" of a date; not a số "40 /2012/TT-BTC" (spacing-number), whose
      // year is followed by "/", nor a day or month out of range
      for (const m of line.includes('/') ? line.matchAll(SPACED_DATE) : []) {
        if (!/\s/u.test(m[0]) || Number(m[1]) < 1 || Number(m[1]) > 31 || Number(m[2]) < 1 || Number(m[2]) > 12) continue;
        const fixed = `${m[1]}/${m[2]}/${m[3]}`;
        out.push(finding(dateForm, 'lỗi', i + 1, m[0], 'ngày tháng viết bằng số không có dấu cách quanh "/"', { col: m.index! + 1, fix: `ghi "${fixed}"`, replacement: { from: m[0], to: fixed } }));
      }
    });
    return out;
  },
};
