import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingTitle } from '../../src/check/rules/heading-title.ts';
import { realPath, run, runReal } from './helpers.ts';

describe('heading-title: a phần, chương or mục has its title', () => {
  it('finds nothing in the real documents whose chapters and parts carry their titles', () => {
    for (const name of [
      'page-thong-tu-18-2014-tt-bnv.txt',
      'page-quy-che-06-qc-tt-hdnd-ubnd-2019-hoa-binh.txt',
      'page-quyet-dinh-20-2015-qd-ubnd-lai-chau.txt',
      'page-ke-hoach-1312-kh-ubnd-ben-tre-2013.txt',
      'web-quyet-dinh-12-2012-qd-ubnd-quy-dinh-tang-qua-doi-voi-thuong.md',
      'web-quyet-dinh-31-2011-qd-ubnd-trinh-tu-thu-tuc-giai-quyet-che-d.md',
      'web-quyet-dinh-49-2012-qd-ubnd-quy-che-quan-ly-kinh-phi-chi-thuc.md',
    ]) {
      expect(runReal(headingTitle, name), name).toEqual([]);
    }
  });

  it('finds the chapter of a real Thông tư whose title line is taken out, at its line, in Vietnamese', () => {
    const text = readFileSync(realPath('page-thong-tu-18-2014-tt-bnv.txt'), 'utf8').replace('QUY ĐỊNH CHUNG\n', '');
    const fs = run(headingTitle, text);
    expect(fs).toHaveLength(1);
    const lines = text.split('\n');
    expect(lines[fs[0]!.line - 1]).toBe('Chương I');
    expect(fs[0]!.message).toBe('chương "Chương I" không có tiêu đề (dòng sau là "Điều 1. Phạm vi điều chỉnh")');
    expect(fs[0]!.fix).toMatch(/^ghi tiêu đề của chương/u);
  });

  it('takes a title on the heading line itself, and an article without one is not its business', () => {
    expect(run(headingTitle, 'Chương II. TỔ CHỨC THỰC HIỆN\n\nĐiều 5. Trách nhiệm')).toEqual([]);
    expect(run(headingTitle, 'Điều 1.\n\nTán thành cơ bản nội dung Báo cáo')).toEqual([]);
    expect(run(headingTitle, 'Mục 2\n\n1. Phạm vi').map((f) => f.line)).toEqual([1]);
  });
});
