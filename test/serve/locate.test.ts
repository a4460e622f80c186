// Finding a field's or a line's words on the rendered pages (src/serve/client/locate.ts): across the
// runs and lines layout made, whatever the case, narrowed to the words a finding quotes.

import { describe, expect, it } from 'vitest';
import { locate, wordsOfLine, type PageText } from '../../src/serve/client/locate.ts';

// Two pages as pdfjs gives them: each run with its left, top, width and height in points.
const pages: PageText[] = [
  { page: 1, runs: [
    { str: 'QUYẾT ĐỊNH', x: 250, y: 200, w: 90, h: 14 },
    { str: 'Ban hành Quy chế làm việc của', x: 150, y: 220, w: 240, h: 14 },
    { str: 'Bộ Tư pháp', x: 250, y: 236, w: 80, h: 14 },
  ] },
  { page: 2, runs: [
    { str: 'Căn cứ Nghị định 98/NĐ-CP ngày', x: 100, y: 80, w: 300, h: 13 },
    { str: '31 tháng 12 năm 2023 của Chính phủ', x: 70, y: 96, w: 330, h: 13 },
  ] },
];

describe('locate', () => {
  it('finds a paragraph broken over two lines and boxes both lines', () => {
    const spot = locate(pages, ['Ban hành Quy chế làm việc của Bộ Tư pháp'])!;
    expect(spot.page).toBe(1);
    expect(spot.y).toBe(220);
    expect(spot.y + spot.h).toBe(250);
    expect(spot.x).toBe(150);
  });

  it('ignores case: a heading printed in capitals is found from its source words', () => {
    expect(locate(pages, ['Quyết định'])).toMatchObject({ page: 1, x: 250, y: 200, w: 90 });
  });

  it('narrows to the quoted words inside the line, on the right page', () => {
    const spot = locate(pages, ['Nghị định 98/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ'], 'Nghị định 98/NĐ-CP')!;
    expect(spot.page).toBe(2);
    expect(spot.y).toBe(80);
    expect(spot.h).toBe(13); // one line only
    // "Căn cứ " (7 of 30 characters) comes before it in the run.
    expect(spot.x).toBeCloseTo(100 + (300 * 7) / 30, 5);
    expect(spot.x + spot.w).toBeLessThan(400);
  });

  it('finds nothing for words not printed, or too short to mean anything', () => {
    expect(locate(pages, ['Thông tư 11/2023/TT-BTP'])).toBeNull();
    expect(locate(pages, ['Bộ'])).toBeNull();
    expect(locate([], ['Ban hành'])).toBeNull();
  });
});

describe('wordsOfLine', () => {
  const yaml = ['trich_yeu: Ban hành Quy chế # ghi chú', 'can_cu:', '  - "Luật Thi đua, khen thưởng"', 'ngay: 2024-02-09', 'ket: >-', '  Trên đây là'];
  it('takes a YAML value without its key, dash, quotes or comment', () => {
    expect(wordsOfLine(yaml, 1, 'yaml')).toEqual(['Ban hành Quy chế']);
    expect(wordsOfLine(yaml, 3, 'yaml')).toEqual(['Luật Thi đua, khen thưởng']);
    expect(wordsOfLine(yaml, 5, 'yaml')).toEqual(['Trên đây là']);
  });
  it('writes a date as the decree prints it, with the leading zeros of day and of January, February', () => {
    expect(wordsOfLine(yaml, 4, 'yaml')[0]).toBe('ngày 09 tháng 02 năm 2024');
    expect(wordsOfLine(['ngay: 2024-11-05'], 1, 'yaml')[0]).toBe('ngày 05 tháng 11 năm 2024');
  });
  it('drops the Markdown marks, footnote marks and labels', () => {
    expect(wordsOfLine(['## Mục **đích** {#muc-dich}[^1]'], 1, 'markdown')).toEqual(['Mục đích']);
    expect(wordsOfLine(['- Xem [Điều 2](#dieu-2).'], 1, 'markdown')).toEqual(['Xem Điều 2.']);
  });
});
