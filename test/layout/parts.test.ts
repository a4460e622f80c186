// Parts with a page set-up and page numbers of their own: a phụ lục numbered from 1, on A4 landscape.
// The layout, our PDF and LibreOffice's rendering of our DOCX must agree on sizes and printed numbers.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Document, Part } from '../../src/model/ast.ts';
import { layoutDocument } from '../../src/layout/document.ts';
import { textWidth } from '../../src/layout/fonts.ts';
import { PAGE, mmToPt } from '../../src/style/nd30.ts';
import { writeDocx } from '../../src/write/docx.ts';
import { writePdf } from '../../src/write/pdf.ts';
import { docxToPdf, hasLibreOffice } from '../support/libreoffice.ts';
import { compare, identicalShare, pageTexts } from '../support/parity.ts';
import { pdfPages, type PageText } from '../support/pdf-text.ts';

const sample = (): Document => JSON.parse(readFileSync(new URL('../fixtures/model-sample.json', import.meta.url), 'utf8')) as Document;
const LONG =
  'Các cơ quan, đơn vị thuộc Bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc Kế hoạch này, gắn phong trào thi đua với ' +
  'việc thực hiện nhiệm vụ chính trị được giao, bảo đảm thiết thực, hiệu quả, tránh hình thức, lãng phí.';
const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The sample decision and plan, then a two-page landscape phụ lục with its own numbering. */
function withAppendix(): Document {
  const doc = sample();
  const appendix: Part = {
    title: { docType: 'Phụ lục I', subject: 'DANH SÁCH ĐƠN VỊ', issuedWith: '(Kèm theo Kế hoạch số 244/KH-BTP ngày 29 tháng 02 năm 2024)' },
    bases: [],
    body: Array.from({ length: 30 }, (_, i) => para(`${i + 1}. ${LONG}`)),
    restartPageNumbers: true,
    landscape: true,
  };
  doc.parts.push(appendix);
  return doc;
}

const TOP = mmToPt(PAGE.margin.topMm);
/** The number printed in the top margin of each page, or null. */
const printed = (pages: PageText[]) => pages.map((p) => p.items.find((i) => i.y < TOP && /^\d+$/.test(i.str.trim()))?.str.trim() ?? null);

describe('a phụ lục with its own page numbers, on landscape pages', () => {
  const doc = withAppendix();
  const laid = layoutDocument(doc);
  const first = laid.pages.findIndex((p) => p.width > p.height);

  it('restarts the numbering at 1 (not shown on its first page) and turns the sheet', () => {
    expect(first).toBeGreaterThan(1);
    const numbers = laid.pages.map((p) => p.number);
    expect(numbers.slice(0, first)).toEqual([null, ...Array.from({ length: first - 1 }, (_, i) => i + 2)]);
    expect(numbers.slice(first)).toEqual([null, ...Array.from({ length: laid.pages.length - first - 1 }, (_, i) => i + 2)]);
    expect(laid.pages.length - first).toBeGreaterThanOrEqual(2);
    for (const p of laid.pages.slice(first)) {
      expect(p.width).toBeCloseTo(mmToPt(PAGE.heightMm), 2);
      expect(p.height).toBeCloseTo(mmToPt(PAGE.widthMm), 2);
      // text runs to the landscape text width
      const right = Math.max(...p.items.map((i) => (i.type === 'text' ? i.x + textWidth(i.text, i.face, i.size) + (i.text.split(' ').length - 1) * i.spaceExtra : 0)));
      expect(right).toBeGreaterThan(mmToPt(PAGE.widthMm));
    }
  });

  it('gives the same page sizes and printed numbers in our PDF and in LibreOffice’s rendering of our DOCX', async () => {
    const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
    if (!hasLibreOffice()) {
      if (required) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng LibreOffice (soffice) chưa được cài');
      console.warn('Bỏ qua so sánh với LibreOffice: không có soffice');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'vanban-parts-'));
    writeFileSync(join(dir, 'phu-luc.docx'), await writeDocx(doc));
    const theirs = await pdfPages(readFileSync(await docxToPdf(join(dir, 'phu-luc.docx'), dir)));
    const ours = await pdfPages(await writePdf(doc));
    expect(theirs.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual(ours.map((p) => [Math.round(p.width), Math.round(p.height)]));
    expect(printed(theirs)).toEqual(printed(ours));
    expect(printed(ours)).toEqual(laid.pages.map((p) => (p.number === null ? null : String(p.number))));
    // and the lines, on portrait and landscape pages alike
    const parity = compare(await pageTexts(await writePdf(doc)), await pageTexts(readFileSync(join(dir, 'phu-luc.pdf'))));
    expect(parity.pageEnds).toEqual({ same: ours.length, of: ours.length });
    expect(identicalShare(parity)).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});
