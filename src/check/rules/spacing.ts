// Stray spaces inside a document number ("02/NQ- CP", "80- KL/TW") or a range of years ("2021- 2025"), and a
// range of years written in several ways in one document.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { ABBR, PARTY_NUMBER, STATE_NUMBER } from './citations.ts';

const SP = '[ \\t]*';
/** One group of a ký hiệu with "&" inside it, as Sở and phòng write them: "NN&PTNT", "KT&KĐCL". */
const GROUP = `${ABBR}(?:&${ABBR})*`;
/**
 * A state number whose groups are parted by an en dash "–", with or without spaces ("2865/GDĐT –KT&KĐCL"): Phụ lục I,
 * mục II.3 parts the groups with a hyphen "-", no space.
 */
const DASHED_NUMBER = new RegExp(`(?<![\\p{L}\\p{M}\\d/.\\-])\\d{1,5}${SP}\\/${SP}(?:\\d{4}${SP}\\/${SP})?${GROUP}(?:${SP}[-–]${SP}${GROUP})*${SP}–${SP}${GROUP}(?:${SP}[-–]${SP}${GROUP})*(?![\\p{L}\\p{M}\\d])`, 'gu');
/**
 * A ký hiệu group split by a space: "01/2016/TT-BGD ĐT ngày …" (TT-BGDĐT). Only a tail of one to three capitals
 * that is no word, followed by a word in small letters or a stop; not "… 12/UBND-VX V/v", not in a title in capitals.
 */
const SPLIT_GROUP = new RegExp(`(?<![\\p{L}\\p{M}\\d/.\\-])\\d{1,5}\\/(?:\\d{4}\\/)?${GROUP}(?:-${GROUP})*-(\\p{Lu}{2,})( )(\\p{Lu}{1,3})(?=[,;.)]|[ \\t]+\\p{Ll})`, 'gu');

export const spacingNumber: Rule = {
  id: 'spacing-number',
  title: 'dấu cách trong số, ký hiệu văn bản',
  source: 'NĐ 30/2020, Phụ lục I, mục II.3: giữa số và ký hiệu có dấu "/", giữa các nhóm chữ viết tắt có dấu "-", không cách chữ',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      if (!/\d/u.test(line) || !/[ \t][\/–-]|[\/–-][ \t]|\d\/\S*–/u.test(line)) return;
      const seen = new Set<number>();
      for (const re of [PARTY_NUMBER, STATE_NUMBER]) {
        for (const m of line.matchAll(re)) {
          if (!/[ \t]/u.test(m[0]) || seen.has(m.index)) continue;
          seen.add(m.index);
          const fixed = m[0].replace(/[ \t]+/gu, '');
          out.push(
            finding(spacingNumber, 'lỗi', i + 1, m[0], 'số, ký hiệu văn bản không có dấu cách quanh "/" và "-"', {
              col: m.index + 1,
              fix: `ghi "${fixed}"`,
              replacement: { from: m[0], to: fixed },
            }),
          );
        }
      }
      for (const m of line.includes('–') ? line.matchAll(DASHED_NUMBER) : []) {
        if ([...seen].some((k) => k >= m.index && k < m.index + m[0].length)) continue;
        seen.add(m.index);
        const fixed = m[0].replace(/[ \t]+/gu, '').replace(/–/gu, '-');
        out.push(finding(spacingNumber, 'lỗi', i + 1, m[0], 'các nhóm chữ của ký hiệu văn bản nối bằng gạch nối "-", không cách chữ, không dùng gạch ngang "–"', { col: m.index + 1, fix: `ghi "${fixed}"`, replacement: { from: m[0], to: fixed } }));
      }
    });
    // a group split by a space, on the lines in small letters (a title in capitals runs "… NGÀY" after a số)
    doc.lines.forEach((line, i) => {
      if (!/\d\/.*\p{Lu} \p{Lu}/u.test(line) || line === line.toLocaleUpperCase('vi')) return;
      for (const m of line.matchAll(SPLIT_GROUP)) {
        if (out.some((f) => f.line === i + 1 && f.col === m.index + 1)) continue;
        const joined = m[0].replace(`${m[1]} ${m[3]}`, `${m[1]}${m[3]}`);
        // no replacement: "BGD ĐT" is most likely "BGDĐT", but a space before a capital word may be the text's own
        out.push(finding(spacingNumber, 'cảnh báo', i + 1, m[0], `nhóm chữ "${m[1]} ${m[3]}" của ký hiệu văn bản bị tách bởi dấu cách`, { col: m.index + 1, fix: `viết liền, như "${joined}", nếu đó là một nhóm của ký hiệu` }));
      }
    });
    return out.sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0));
  },
};

const YEAR = '(?:19|20)\\d\\d';
const RANGE = new RegExp(`(?<![\\d/.])(${YEAR})([ \\t]*)([-–—])([ \\t]*)(${YEAR})(?![\\d/])`, 'gu');

interface YearRange {
  line: number; // 1-based
  index: number;
  text: string;
  form: string; // "2021-2025", "2021 - 2025", "2021 – 2025", or '' when the spacing is lopsided
}

function rangesOf(lines: string[]): YearRange[] {
  const out: YearRange[] = [];
  lines.forEach((line, i) => {
    if (!/(?:19|20)\d\d[ \t]*[-–—]/u.test(line)) return;
    for (const m of line.matchAll(RANGE)) {
      if (Number(m[5]) <= Number(m[1])) continue;
      const [before, dash, after] = [m[2]!, m[3]!, m[4]!];
      const form = (before === '') !== (after === '') ? '' : `YYYY${before ? ' ' : ''}${dash}${after ? ' ' : ''}YYYY`;
      out.push({ line: i + 1, index: m.index, text: m[0], form });
    }
  });
  return out;
}

export const spacingRange: Rule = {
  id: 'spacing-range',
  title: 'dấu cách lệch một bên trong khoảng năm',
  source: 'Quy ước chính tả: dấu gạch nối khoảng năm viết liền cả hai bên ("2021-2025") hoặc cách đều hai bên',
  check(doc: TextDoc): Finding[] {
    return rangesOf(doc.lines)
      .filter((r) => r.form === '')
      .map((r) => {
        const fixed = r.text.replace(/[ \t]+/gu, '');
        return finding(spacingRange, 'cảnh báo', r.line, r.text, 'dấu cách chỉ ở một bên dấu gạch nối của khoảng năm', {
          col: r.index + 1,
          fix: `ghi "${fixed}"`,
          replacement: { from: r.text, to: fixed },
        });
      });
  },
};

/** "YYYY – YYYY" → 'cách hai bên dấu "–" (2023 – 2025)'. */
function formName(form: string): string {
  const dash = /[-–—]/u.exec(form)![0];
  const example = form.replace(/YYYY(.*)YYYY/u, '2023$12025');
  const name = dash === '-' ? 'gạch nối "-"' : dash === '–' ? 'gạch ngang "–"' : 'gạch dài "—"';
  return `${/ /u.test(form) ? 'cách hai bên' : 'viết liền'} ${name} như "${example}"`;
}

export const rangeStyle: Rule = {
  id: 'range-style',
  title: 'khoảng năm viết nhiều kiểu trong một văn bản',
  source: 'Quy ước trình bày: một văn bản viết khoảng năm theo một kiểu thống nhất',
  check(doc: TextDoc): Finding[] {
    const ranges = rangesOf(doc.lines).filter((r) => r.form !== '');
    const forms = new Map<string, YearRange[]>();
    for (const r of ranges) forms.set(r.form, [...(forms.get(r.form) ?? []), r]);
    if (forms.size < 2) return [];
    // The form used most (the first used on a tie) is the document's own; the first range in another form is shown.
    const ranked = [...forms.values()].sort((a, b) => b.length - a.length || a[0]!.line - b[0]!.line || a[0]!.index - b[0]!.index);
    const main = ranked[0]!;
    const first = ranges.find((r) => r.form !== main[0]!.form)!;
    const describe = (rs: YearRange[]) => `${formName(rs[0]!.form)} (dòng ${[...new Set(rs.map((r) => r.line))].join(', ')})`;
    return [
      finding(rangeStyle, 'gợi ý', first.line, first.text, `khoảng năm được viết ${forms.size} kiểu: ${ranked.map(describe).join('; ')}`, {
        col: first.index + 1,
        fix: `viết mọi khoảng năm theo một kiểu, ví dụ "${main[0]!.form.replace(/YYYY(.*)YYYY/u, '2023$12025')}"`,
      }),
    ];
  },
};
