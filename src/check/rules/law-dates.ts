// The same law or ordinance cited by its name with two dates of adoption: "Luật Tổ chức chính quyền địa phương
// ngày 19 tháng 6 năm 2015" in one căn cứ and "… ngày 22 tháng 6 năm 2015" further on. A law has no number to key
// it in the text (citation-date keys numbered documents), so its name is the key: the words from "Luật" to
// "ngày", compared without case. A name inside an amending law's title ("Luật sửa đổi, bổ sung một số điều của
// Luật X … ngày …") carries the amending law's date and is left out.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

/** Where a kind word starts; the rest is read from there to the next ";" (a căn cứ, a clause). */
const KIND = /(?<![\p{L}\p{M}])(?:Bộ luật|Luật|Pháp lệnh) /gu;
const LAW = /^(Bộ luật|Luật|Pháp lệnh) ((?:(?!ngày|số\s+\d)[^;()])+?) ngày (\d{1,2})(?:\/| tháng )(\d{1,2})(?:\/| năm )(\d{4})(?!\d)/u;

interface Mention {
  key: string;
  name: string;
  date: { d: number; m: number; y: number };
  line: number;
  col: number;
  text: string;
}

function mentions(lines: readonly string[]): Mention[] {
  const out: Mention[] = [];
  lines.forEach((line, i) => {
    if (!/Luật|Pháp lệnh/u.test(line) || !/ngày \d/u.test(line)) return;
    for (const k of line.matchAll(KIND)) {
      const end = line.indexOf(';', k.index!);
      const m = LAW.exec(line.slice(k.index!, end < 0 ? undefined : end));
      if (!m) continue;
      m.index = k.index!;
      const name = m[2]!.trim().replace(/,$/u, '');
      // the sentence so far: an amending law's title dates the whole title, not the law it amends
      const before = line.slice(Math.max(0, line.lastIndexOf(';', m.index!) + 1), m.index!);
      if (/sửa đổi|bổ sung|thay thế|hợp nhất/iu.test(before) || /^(?:sửa đổi|bổ sung)/iu.test(name)) continue;
      if (name.split(/\s+/u).length < 1 || name.length > 90) continue;
      out.push({ key: `${m[1]} ${name}`.toLocaleLowerCase('vi'), name: `${m[1]} ${name}`, date: { d: +m[3]!, m: +m[4]!, y: +m[5]! }, line: i, col: m.index!, text: m[0] });
    }
  });
  return out;
}

const dmy = (d: Mention['date']) => `${d.d}/${d.m}/${d.y}`;

export const lawDates: Rule = {
  id: 'law-dates',
  title: 'một luật, pháp lệnh được dẫn với hai ngày thông qua khác nhau',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6.a (dẫn văn bản ghi đúng tên loại, tên và ngày, tháng, năm thông qua)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const first = new Map<string, Mention>();
    for (const m of mentions(doc.lines)) {
      const seen = first.get(m.key);
      if (!seen) {
        first.set(m.key, m);
        continue;
      }
      const a = seen.date, b = m.date;
      if (a.d === b.d && a.m === b.m && a.y === b.y) continue;
      out.push(
        finding(lawDates, 'lỗi', m.line + 1, m.text, `${m.name} đã được dẫn với ngày ${dmy(a)} (dòng ${seen.line + 1}), ở đây là ngày ${dmy(b)}`, {
          col: m.col + 1,
          fix: 'đối chiếu luật được dẫn và ghi cùng một ngày thông qua ở mọi chỗ',
        }),
      );
    }
    return out;
  },
};
