import { describe, expect, it } from 'vitest';
import { markerOf, numberingLetter, numberingSequence, numberingStyle } from '../../src/check/rules/numbering.ts';
import { readFileSync } from 'node:fs';
import { brief, realPath, run, runReal } from './helpers.ts';

const PLAN = `KẾ HOẠCH
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
1.1. Phát huy
1.2. Cổ vũ
2. Yêu cầu
a) Thiết thực
b) Gắn kết
II. NỘI DUNG
1. Công tác thứ nhất
a) một
b) hai
c) ba
d) bốn
đ) năm
e) sáu
g) bảy
2. Công tác thứ hai
III. TỔ CHỨC THỰC HIỆN`;

describe('numbering-sequence', () => {
  it('accepts a well-numbered plan with đ in the point letters', () => {
    expect(run(numberingSequence, PLAN.replace('2. Yêu cầu\na) Thiết thực\nb) Gắn kết', '2. Yêu cầu'))).toEqual([]);
  });

  it('finds a repeated point letter and says the next one is đ', () => {
    const fs = run(numberingSequence, '1. Mục đích\na) một\nb) hai\nc) ba\nd) bốn\nd) năm');
    expect(brief(fs)).toEqual(['6 numbering-sequence d)']);
    expect(fs[0]!.message).toBe('điểm d) lặp lại');
    expect(fs[0]!.fix).toContain('đ)');
  });

  it('finds a point list that skips đ', () => {
    const fs = run(numberingSequence, 'a) một\nb) hai\nc) ba\nd) bốn\ne) năm');
    expect(fs.map((f) => f.message)).toEqual(['sau d) là e): thiếu đ)']);
  });

  it('finds skipped and repeated Roman parts, Điều, items and sub-items', () => {
    const text = 'I. MỘT\n1. a\n1.1. x\n1.3. y\n2. b\n2. c\nIII. BA\nĐiều 1. A\nĐiều 3. B\nV. NĂM';
    expect(run(numberingSequence, text).map((f) => `${f.line} ${f.message}`)).toEqual([
      '4 sau 1.1. là 1.3.: thiếu 1.2.',
      '6 khoản 2. lặp lại',
      '7 sau I. là III.: thiếu II.',
      '9 sau Điều 1. là Điều 3.: thiếu Điều 2.',
      '10 sau III. là V.: thiếu IV.',
    ]);
  });

  it('finds a sub-item under the wrong item and a list that starts past 1', () => {
    expect(run(numberingSequence, '1. Một\n2.1. x').map((f) => f.message)).toEqual(['2.1. nằm dưới khoản 1.: số đầu phải là 1']);
    expect(run(numberingSequence, 'I. MỘT\n2. Hai').map((f) => f.message)).toEqual(['khoản đầu tiên là 2., thiếu 1.']);
  });

  it('starts counting again for each document in the file', () => {
    expect(run(numberingSequence, 'QUYẾT ĐỊNH\nĐiều 1. A\nĐiều 2. B\nKẾ HOẠCH\nI. MỘT\nII. HAI\nQUY CHẾ\nĐiều 1. X')).toEqual([]);
  });
});

describe('numbering-letter', () => {
  it('finds letters that are not Vietnamese point letters', () => {
    const fs = run(numberingLetter, 'a) một\nb) hai\nc) ba\nd) bốn\nđ) năm\ne) sáu\nf) bảy');
    expect(brief(fs)).toEqual(['7 numbering-letter f)']);
    expect(fs[0]!.fix).toBe('sau e) là g)');
    expect(brief(run(numberingLetter, 'w) một'))).toEqual(['1 numbering-letter w)']);
  });

  it('accepts the Vietnamese sequence up to y and doubled letters', () => {
    expect(run(numberingLetter, ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y', 'aa'].map((l) => `${l}) x`).join('\n'))).toEqual([]);
  });
});

describe('numbering-style', () => {
  it('finds one level divided as 1.1. under one item and a) under another', () => {
    const fs = run(numberingStyle, PLAN);
    expect(brief(fs)).toEqual(['7 numbering-style a)']);
    expect(fs[0]!.message).toContain('khoản 1. (dòng 4)');
  });

  it('accepts one style throughout, and khoản with điểm inside Điều next to a plan using 1.1.', () => {
    expect(run(numberingStyle, PLAN.replace('2. Yêu cầu\na) Thiết thực\nb) Gắn kết', '2. Yêu cầu\n2.1. Thiết thực').replace(/^1\. Công tác thứ nhất\n(?:[a-zđ]\) .*\n)+/mu, ''))).toEqual([]);
    expect(run(numberingStyle, 'QUYẾT ĐỊNH\nĐiều 1. X\n1. Khoản\na) điểm\nKẾ HOẠCH\nI. A\n1. Một\n1.1. x')).toEqual([]);
  });
});

describe('markerOf', () => {
  it('reads the numbering at the start of a line', () => {
    expect(markerOf('IV. TỔ CHỨC THỰC HIỆN')).toMatchObject({ kind: 'roman', n: 4 });
    expect(markerOf('Điều 12. Hiệu lực')).toMatchObject({ kind: 'article', n: 12 });
    expect(markerOf('1.2. Cá nhân')).toMatchObject({ kind: 'sub', parent: 1, n: 2 });
    expect(markerOf('đ) Năm')).toMatchObject({ kind: 'point', n: 5 });
    expect(markerOf('Chương II')).toMatchObject({ kind: 'part', word: 'chương', n: 2 });
    expect(markerOf('2024 là năm')).toBeNull();
    expect(markerOf('15/3/2024 họp')).toBeNull();
  });
});

describe('numbering-sequence on a copy that lost its first heading (Phụ lục I, mục II.6)', () => {
  const file = 'page-ke-hoach-130-kh-ubnd-2022-ninh-binh.txt';
  it('does not tell "II." to be "I." when the khoản of the lost "I." stand before it (Kế hoạch 130/KH-UBND, Ninh Bình)', () => {
    // the site dropped "I. MỤC ĐÍCH, YÊU CẦU": the page goes from the opening sentence to "1. Mục đích", "2. Yêu cầu"
    expect(runReal(numberingSequence, file)).toEqual([]);
  });
  it('still tells a first mục past I. with nothing numbered before it (the same plan without the khoản of I.)', () => {
    const text = readFileSync(realPath(file), 'utf8').replace(/^1\. Mục đích$/mu, 'Mục đích').replace(/^2\. Yêu cầu$/mu, 'Yêu cầu');
    expect(run(numberingSequence, text).map((f) => `${f.line} ${f.message}`)).toEqual(['12 mục đầu tiên là II., thiếu I.']);
  });
});
