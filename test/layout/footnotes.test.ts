// Footnotes: read from Markdown, numbered in reading order, set at the foot of the page of their mark,
// continued on the next page when too long, and written to the DOCX as Word footnotes.

import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, Document, Inline } from '../../src/model/ast.ts';
import { layoutDocument } from '../../src/layout/document.ts';
import type { LaidDocument, LaidPage } from '../../src/layout/types.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { FOOTNOTES, PAGE, STYLES, mmToPt } from '../../src/style/nd30.ts';
import { writeDocx } from '../../src/write/docx.ts';
import { writePdf } from '../../src/write/pdf.ts';
import { pdfPages } from '../support/pdf-text.ts';

const sample = (): Document => JSON.parse(readFileSync(new URL('../fixtures/model-sample.json', import.meta.url), 'utf8')) as Document;
const LONG =
  'Các cơ quan, đơn vị thuộc Bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc Kế hoạch này, gắn phong trào thi đua với ' +
  'việc thực hiện nhiệm vụ chính trị được giao, bảo đảm thiết thực, hiệu quả, tránh hình thức, lãng phí.';
const NOTE = 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng.';
const note = (text: string): Inline => ({ type: 'note', content: [{ type: 'text', text }] });
const para = (content: Inline[]): Block => ({ type: 'paragraph', content });
const TOP = mmToPt(PAGE.margin.topMm);
type Text = Extract<LaidPage['items'][number], { type: 'text' }>;
const texts = (p: LaidPage) => p.items.filter((i): i is Text => i.type === 'text' && i.y > TOP);
const marks = (d: LaidDocument, p: LaidPage) => texts(p).filter((i) => d.structure[i.struct]!.role !== 'Note' && i.size < STYLES.body.size && /^\d+$/.test(i.text)).map((i) => Number(i.text));
const noteStarts = (d: LaidDocument, p: LaidPage) => texts(p).filter((i) => d.structure[i.struct]!.role === 'Note' && i.size < STYLES.footnote.size && /^\d+$/.test(i.text)).map((i) => Number(i.text));

/** A decision whose body has `n` paragraphs, every third with a note (every fifth note long). */
function withNotes(n: number, longEvery = 5): Document {
  const doc = sample();
  doc.parts = doc.parts.slice(0, 1);
  let k = 0;
  doc.parts[0]!.body = Array.from({ length: n }, (_, i) => {
    if (i % 3 !== 1) return para([{ type: 'text', text: `${i + 1}. ${LONG}` }]);
    k++;
    return para([{ type: 'text', text: `${i + 1}. ${LONG.slice(0, 80 + ((i * 37) % 120))}` }, note(k % longEvery === 0 ? NOTE.repeat(6) : NOTE), { type: 'text', text: ' tiếp theo.' }]);
  });
  return doc;
}

describe('footnotes in the layout', () => {
  const docs = Array.from({ length: 30 }, (_, i) => layoutDocument(withNotes(10 + i)));

  it('sets every note at the foot of the page of its mark, numbered in reading order', () => {
    let pagesWithSeveral = 0;
    for (const d of docs) {
      const all: number[] = [];
      for (const p of d.pages) {
        const m = marks(d, p);
        all.push(...m);
        for (const n of m) expect(noteStarts(d, p), `note ${n}`).toContain(n);
        if (m.length >= 3) pagesWithSeveral++;
      }
      expect(all).toEqual(all.map((_, i) => i + 1));
    }
    expect(pagesWithSeveral).toBeGreaterThan(0);
  });

  it('keeps the body above the rule and the notes inside the bottom margin', () => {
    const bottom = mmToPt(PAGE.heightMm - PAGE.margin.bottomMm);
    for (const d of docs) {
      for (const p of d.pages) {
        const rule = p.items.find((i) => i.type === 'rule' && i.thickness === FOOTNOTES.separatorThicknessPt);
        const body = texts(p).filter((i) => d.structure[i.struct]!.role !== 'Note');
        const notes = texts(p).filter((i) => d.structure[i.struct]!.role === 'Note');
        if (!notes.length) continue;
        expect(rule, 'a rule above the notes').toBeDefined();
        const ruleY = (rule as { y: number }).y;
        for (const b of body) expect(b.y).toBeLessThan(ruleY);
        for (const n of notes) {
          expect(n.y).toBeGreaterThan(ruleY);
          expect(n.y).toBeLessThanOrEqual(bottom);
        }
      }
    }
  });

  it('continues a note too long for the room left on the next page, and puts marks on last lines', () => {
    let continued = 0;
    let markOnLastLine = 0;
    for (const d of docs) {
      d.pages.forEach((p, i) => {
        const body = texts(p).filter((t) => d.structure[t.struct]!.role !== 'Note');
        const lastY = Math.max(...body.map((t) => t.y));
        if (marks(d, p).length && body.some((t) => t.size < STYLES.body.size && t.y < lastY && lastY - t.y < STYLES.body.size / 2)) markOnLastLine++;
        const next = d.pages[i + 1];
        if (!next) return;
        const first = texts(next).find((t) => d.structure[t.struct]!.role === 'Note');
        // a continued note: the next page's note area starts with a line that is not a note's first line
        if (first && !/^\d+$/.test(first.text)) continued++;
      });
    }
    expect(continued).toBeGreaterThan(0);
    expect(markOnLastLine).toBeGreaterThan(0);
  });
});

describe('footnotes from Markdown to the writers', () => {
  const blocks = readMarkdown({
    file: 'noi-dung.md',
    text: 'Căn cứ Nghị định[^nd] và Luật^[Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.] của Quốc hội.\n\n[^nd]: Nghị định số 98/2023/NĐ-CP.\n',
  });

  it('reads referenced and inline notes into the paragraph', () => {
    expect(blocks).toHaveLength(1);
    const notes = (blocks[0] as { content: Inline[] }).content.filter((i) => i.type === 'note');
    expect(notes).toEqual([
      { type: 'note', content: [{ type: 'text', text: 'Nghị định số 98/2023/NĐ-CP.' }] },
      { type: 'note', content: [{ type: 'text', text: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.' }] },
    ]);
  });

  it('refuses a note that nothing refers to, at its line', () => {
    expect(() => readMarkdown({ file: 'a.md', text: 'Đoạn.\n\n[^x]: Chú thích bị bỏ quên.\n' })).toThrow(/a\.md:3:1.*\[\^x\] không được dẫn/s);
  });

  it('writes Word footnotes in the DOCX and the notes in the PDF', async () => {
    const doc = sample();
    doc.parts = doc.parts.slice(0, 1);
    doc.parts[0]!.body = blocks;
    const files = unzipSync(await writeDocx(doc));
    // the no-break characters the DOCX carries inside spans read as plain text
    const footnotes = strFromU8(files['word/footnotes.xml']!).replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
    expect(footnotes).toContain('Nghị định số 98/2023/NĐ-CP.');
    expect(footnotes).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.');
    const body = strFromU8(files['word/document.xml']!);
    expect((body.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length).toBe(2);
    const pages = await pdfPages(await writePdf(doc));
    const strs = pages[0]!.items.map((i) => i.str).join('|');
    expect(strs).toContain('Nghị định số 98/2023/NĐ-CP.');
    const mark = pages[0]!.items.find((i) => i.str === '1' && i.fontSize < STYLES.body.size)!;
    expect(mark.fontSize).toBeCloseTo(STYLES.body.size * FOOTNOTES.markScale, 2);
  });
});
