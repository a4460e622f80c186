// Line breaking of one paragraph: first fit, justification by spaces only, the decree's spans kept whole.

import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/layout/fonts.ts';
import { breakParagraph, type StyledRun } from '../../src/layout/paragraph.ts';
import { unbreakableSpans } from '../../src/layout/unbreakable.ts';

const run = (text: string, face: StyledRun['face'] = 'regular'): StyledRun => ({ text, face, size: 14 });
const lineText = (l: { pieces: { text: string }[] }) => l.pieces.map((p) => p.text).join('');
const TEXT =
  'Căn cứ Quyết định số 244/QĐ-BTP ngày 29/02/2024 của Bộ trưởng Bộ Tư pháp, Nghị định số 98/2023/NĐ-CP và Nghị quyết ' +
  'số 27-NQ/TW, theo Điều 5, khoản 2, điểm a Chương II, các đơn vị báo cáo trong 15 ngày kể từ ngày 05/01/2024 ' +
  '(giai đoạn 02/9/1945-02/9/2024), Kế hoạch 305/KH-UBND của Ủy ban nhân dân tỉnh.';

describe('breakParagraph', () => {
  it('gives the same spec the same shared, frozen lines, and a spec differing in one field its own', () => {
    const spec = { runs: [run(TEXT)], width: 300, firstIndent: 0, leftIndent: 0, align: 'justify' as const };
    const a = breakParagraph(spec);
    expect(breakParagraph({ ...spec, runs: [run(TEXT)] })).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a[0]) && Object.isFrozen(a[0]!.pieces[0])).toBe(true);
    expect(() => ((a[0]!.pieces[0] as { x: number }).x = 1)).toThrow(TypeError);
    const narrower = breakParagraph({ ...spec, width: 250 });
    expect(narrower).not.toBe(a);
    expect(narrower.length).toBeGreaterThan(a.length);
    const italic = breakParagraph({ ...spec, runs: [run(TEXT, 'italic')] });
    expect(italic).not.toBe(a);
    expect(italic[0]!.pieces[0]!.face).toBe('italic');
  });

  it('fills each line first-fit: the next word would not have fitted', () => {
    const width = 300;
    const lines = breakParagraph({ runs: [run(TEXT)], width, firstIndent: 0, leftIndent: 0, align: 'justify' });
    expect(lines.length).toBeGreaterThan(3);
    lines.slice(0, -1).forEach((l, i) => {
      expect(l.width).toBeLessThanOrEqual(width);
      const next = lineText(lines[i + 1]!).split(/ /)[0]!;
      expect(l.width + textWidth(` ${next}`, 'regular', 14), `line ${i + 1} + "${next}"`).toBeGreaterThan(width - 0.06);
    });
  });

  it('never splits a số/ký hiệu, a date, "Điều 5" or a number and its unit, at any column width', () => {
    const protectedTexts = unbreakableSpans(TEXT).map(([s, e]) => TEXT.slice(s, e).replace(/ /g, '\u00a0'));
    expect(protectedTexts.length).toBeGreaterThan(10);
    for (let width = 120; width <= 480; width += 3) {
      const lines = breakParagraph({ runs: [run(TEXT)], width, firstIndent: 28.35, leftIndent: 0, align: 'justify' }).map(lineText);
      const joined = lines.join('\n');
      for (const p of protectedTexts) expect(joined, `width ${width}: "${p}"`).toContain(p);
      // and nothing is lost or added: the lines are the text
      const rejoined = lines.reduce((acc, l) => (acc === '' ? l : /[-–—…/!?]$/.test(acc) ? acc + l : `${acc} ${l}`), '');
      expect(rejoined.replace(/\u00a0/g, ' ')).toBe(TEXT);
    }
  });

  it('breaks a range of dates after its hyphen, where LibreOffice does', () => {
    const t = 'xxxxxxxxxxxxxxxxxxxxxxxxx (02/9/1945-02/9/2024)';
    const w = textWidth('xxxxxxxxxxxxxxxxxxxxxxxxx (02/9/1945-', 'regular', 14) + 2;
    const lines = breakParagraph({ runs: [run(t)], width: w, firstIndent: 0, leftIndent: 0, align: 'left' }).map(lineText);
    expect(lines).toEqual(['xxxxxxxxxxxxxxxxxxxxxxxxx (02/9/1945-', '02/9/2024)']);
  });

  it('justifies by widening spaces only, leaving no-break spaces and the last line alone', () => {
    const width = 300;
    const lines = breakParagraph({ runs: [run(TEXT)], width, firstIndent: 0, leftIndent: 0, align: 'justify' });
    for (const l of lines.slice(0, -1)) {
      const p = l.pieces[0]!;
      const spaces = (p.text.match(/ /g) ?? []).length;
      expect(p.spaceExtra).toBeGreaterThan(0);
      // natural width plus the widened spaces spans the column exactly
      expect(textWidth(p.text, 'regular', 14) + spaces * p.spaceExtra).toBeCloseTo(width, 6);
    }
    expect(lines[lines.length - 1]!.pieces[0]!.spaceExtra).toBe(0);
  });

  it('centres and indents', () => {
    const [centred] = breakParagraph({ runs: [run('QUYẾT ĐỊNH')], width: 400, firstIndent: 0, leftIndent: 0, align: 'center' });
    expect(centred!.pieces[0]!.x).toBeCloseTo((400 - textWidth('QUYẾT ĐỊNH', 'regular', 14)) / 2, 6);
    const lines = breakParagraph({ runs: [run(TEXT)], width: 400, firstIndent: 28, leftIndent: 10, align: 'left' });
    expect(lines[0]!.pieces[0]!.x).toBe(38);
    expect(lines[1]!.pieces[0]!.x).toBe(10);
  });

  it('keeps runs of different faces on one line and draws same-face neighbours as one run', () => {
    const lines = breakParagraph({ runs: [run('Điều 1. ', 'bold'), run('Ban hành kèm theo'), run(' Quyết định', 'regular')], width: 400, firstIndent: 0, leftIndent: 0, align: 'left' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.pieces.map((p) => [p.face, p.text])).toEqual([['bold', 'Điều\u00a01. '], ['regular', 'Ban hành kèm theo Quyết định']]);
    expect(lines[0]!.pieces[1]!.x).toBeCloseTo(textWidth('Điều\u00a01. ', 'bold', 14), 6);
  });

  it('ends a line at a hard break without stretching it, and cuts a word wider than the column', () => {
    const lines = breakParagraph({ runs: [run('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG')], width: 300, firstIndent: 0, leftIndent: 0, align: 'justify' });
    expect(lines.map(lineText)).toEqual(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(lines[0]!.pieces[0]!.spaceExtra).toBe(0);
    const long = 'x'.repeat(60);
    const cut = breakParagraph({ runs: [run(long)], width: 100, firstIndent: 0, leftIndent: 0, align: 'left' }).map(lineText);
    expect(cut.join('')).toBe(long);
    expect(cut.length).toBeGreaterThan(3);
  });

  it('gives an italic portion LibreOffice’s italic correction when fitting a line', () => {
    const text = 'Căn cứ Nghị định 98/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định';
    const upright = breakParagraph({ runs: [run(text)], width: 439.4, firstIndent: 0, leftIndent: 0, align: 'justify' }).map(lineText);
    const italic = breakParagraph({ runs: [run(text, 'italic')], width: 439.4, firstIndent: 0, leftIndent: 0, align: 'justify' }).map(lineText);
    // LibreOffice 7.4 ends this italic line before "quy"; upright, "quy" fits
    expect(italic[0]!.endsWith('Chính phủ')).toBe(true);
    expect(upright[0]!.endsWith('Chính phủ quy')).toBe(true);
  });
});
