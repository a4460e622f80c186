// The decree's unbreakable spans and the line-break opportunities around them.

import { describe, expect, it } from 'vitest';
import { breakOpportunities } from '../../src/layout/breaks.ts';
import { unbreakableSpans, withNoBreakSpaces } from '../../src/layout/unbreakable.ts';

const spans = (t: string) => unbreakableSpans(t).map(([s, e]) => t.slice(s, e));
/** The text cut at every break opportunity. */
const pieces = (t: string) => {
  const out: string[] = [];
  let at = 0;
  for (const p of breakOpportunities(t)) out.push(t.slice(at, (at = p)));
  return [...out, t.slice(at)];
};

describe('unbreakable spans', () => {
  it('covers số and ký hiệu, dates, divisions with their numbers and numbers with units', () => {
    expect(spans('Quyết định số 244/QĐ-BTP ngày 29/02/2024')).toEqual(['số 244/QĐ-BTP', 'ngày 29/02/2024']);
    expect(spans('Nghị định 98/2023/NĐ-CP, Nghị quyết 27-NQ/TW, Kế hoạch KH-STP, Số: /KH-UBND')).toEqual([
      '98/2023/NĐ-CP', '27-NQ/TW', 'KH-STP', '/KH-UBND',
    ]);
    expect(spans('theo Điều 5, khoản 2 điểm a Chương II, Mục 1, Phần I, Phụ lục 3')).toEqual([
      'Điều 5', 'khoản 2', 'điểm a', 'Chương II', 'Mục 1', 'Phần I', 'Phụ lục 3',
    ]);
    expect(spans('trong 15 ngày, hỗ trợ 10 triệu đồng, đạt 20 %')).toEqual(['15 ngày', '10 triệu', '20 %']);
    expect(spans('V/v triển khai')).toEqual(['V/v']);
    // a ký hiệu typed with a stray space after its hyphen is still one token (check reports the space)
    expect(spans('Quyết định số 25/2021/QĐ- TTg')).toEqual(['số 25/2021/QĐ- TTg']);
  });

  it('leaves words, ranges and spaced dashes breakable', () => {
    expect(spans('Hà Nội-Hải Phòng, Thanh-Hóa, kinh tế - xã hội')).toEqual([]);
    expect(spans('giai đoạn 2021-2025')).toEqual([]);
    expect(spans('(02/9/1945-02/9/2024)')).toEqual(['02/9/1945', '02/9/2024']);
    expect(spans('mục đích, phần lớn, điều kiện')).toEqual([]);
  });

  it('makes the spaces inside a span no-break spaces, and nothing else', () => {
    expect(withNoBreakSpaces('theo Điều 5 và khoản 2')).toBe('theo Điều\u00a05 và khoản\u00a02');
    expect(withNoBreakSpaces('không có gì')).toBe('không có gì');
  });
});

describe('break opportunities (LibreOffice 7.4, measured)', () => {
  it('breaks after spaces, hyphens, dashes, ellipsis, ! and ?, and after "/" only between a digit and a non-digit', () => {
    // re-probed in vi-VN paragraphs of our DOCX: "trình/kế", "abc/DEF", "năm/2024" are never broken, "305/KH" and "12/abc" are
    expect(pieces('xxxx/yyyy 1111/2222 xxxx/2222 12/abc')).toEqual(['xxxx/yyyy ', '1111/2222 ', 'xxxx/2222 ', '12/', 'abc']);
    expect(pieces('ab-cd 1945-2024 a–b a—b a…b a!b')).toEqual(['ab-', 'cd ', '1945-', '2024 ', 'a–', 'b ', 'a—', 'b ', 'a…', 'b ', 'a!', 'b']);
    expect(pieces('a,b a.b a;b a:b (a) “a”')).toEqual(['a,b ', 'a.b ', 'a;b ', 'a:b ', '(a) ', '“a”']);
    // no line starts with closing punctuation
    expect(pieces('a-) b-, c/.')).toEqual(['a-) ', 'b-, ', 'c/.']);
  });

  it('never breaks inside a span', () => {
    expect(pieces('Quyết định số 244/QĐ-BTP ngày 29/02/2024 (02/9/1945-02/9/2024) Điều 5')).toEqual([
      'Quyết ', 'định ', 'số 244/QĐ-BTP ', 'ngày 29/02/2024 ', '(02/9/1945-', '02/9/2024) ', 'Điều 5',
    ]);
  });
});
