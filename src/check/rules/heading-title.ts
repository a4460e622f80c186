// A phần, chương or mục has a title: the word and its number on their own line ("Chương I"), the title right
// under it ("QUY ĐỊNH CHUNG"), or both on one line ("Chương I. QUY ĐỊNH CHUNG"). A heading line followed straight
// by "Điều 1.", a khoản or the next heading has lost its title. Articles are not judged here: the articles of an
// individual decision ("Điều 1." then its text) are commonly written without one.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

const HEADING = /^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+([IVXLC]+|\d+)\s*[.:]?\s*$/u;
/** What comes after a heading that has no title: an article, a khoản, an điểm, another heading. */
const NOT_A_TITLE = /^(?:Điều\s+\d|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục)\s+(?:[IVXLC]+|\d+)\b)/u;

export const headingTitle: Rule = {
  id: 'heading-title',
  title: 'phần, chương, mục thiếu tiêu đề',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.d: văn bản bố cục theo phần, chương, mục, tiểu mục, điều thì phần, chương, mục, tiểu mục, điều phải có tiêu đề',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const { lines } = doc;
    lines.forEach((line, i) => {
      const m = HEADING.exec(line.trim());
      if (!m) return;
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next !== undefined && !NOT_A_TITLE.test(next.trim())) return;
      const word = m[1]!.charAt(0) + m[1]!.slice(1).toLocaleLowerCase('vi');
      out.push(
        finding(headingTitle, 'lỗi', i + 1, line.trim(), `${word.toLocaleLowerCase('vi')} "${line.trim()}" không có tiêu đề${next ? ` (dòng sau là "${next.trim().slice(0, 30)}")` : ''}`, {
          col: 1,
          fix: `ghi tiêu đề của ${word.toLocaleLowerCase('vi')} (cụm từ chỉ nội dung chính, chữ in hoa) ngay dưới dòng "${line.trim()}"`,
        }),
      );
    });
    return out;
  },
};
