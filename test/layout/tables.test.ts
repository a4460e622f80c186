// Tables of the body: read from Markdown, rows kept whole, the header row repeated on every page the
// table spans, the same column widths in the PDF layout and in the DOCX.

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { layoutDocument } from '../../src/layout/document.ts';
import { columnWidths } from '../../src/layout/table.ts';
import type { LaidPage } from '../../src/layout/types.ts';
import type { Block } from '../../src/model/ast.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { PAGE, STYLES, mmToPt, textWidthGridPt } from '../../src/style/nd30.ts';

const TOP = mmToPt(PAGE.margin.topMm);
type Text = Extract<LaidPage['items'][number], { type: 'text' }>;

describe('tables', () => {
  it('reads a Markdown table: header, rows and alignment', () => {
    const [t] = readMarkdown({ file: 'a.md', text: '| STT | Nhiệm vụ | Thời gian |\n| :-: | --- | --: |\n| 1 | Xây dựng **kế hoạch** | Quý I |\n| 2 | Tổng kết |\n' });
    expect(t).toEqual({
      type: 'table',
      header: [[{ type: 'text', text: 'STT' }], [{ type: 'text', text: 'Nhiệm vụ' }], [{ type: 'text', text: 'Thời gian' }]],
      rows: [
        [[{ type: 'text', text: '1' }], [{ type: 'text', text: 'Xây dựng ' }, { type: 'text', text: 'kế hoạch', bold: true }], [{ type: 'text', text: 'Quý I' }]],
        [[{ type: 'text', text: '2' }], [{ type: 'text', text: 'Tổng kết' }], []],
      ],
      align: ['center', 'left', 'right'],
    } satisfies Block);
  });

  it('sizes columns to their content within the text width, never below their widest unbreakable piece', () => {
    const [t] = readMarkdown({ file: 'a.md', text: '| STT | Nhiệm vụ | Thời gian |\n| --- | --- | --- |\n| 1 | Tiếp tục triển khai có hiệu quả Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật | Trước ngày 15/11/2024 |\n' }) as [Extract<Block, { type: 'table' }>];
    const widths = columnWidths(t, textWidthGridPt());
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(textWidthGridPt(), 6);
    expect(widths[1]).toBeGreaterThan(widths[0]! * 3);
    // "ngày 15/11/2024" is one span: its column holds it on one line
    expect(widths[2]).toBeGreaterThan(80);
  });

  describe('a 44-row task table over many pages', async () => {
    const result = await build(['test/fixtures/tables'], { outDir: 'out', write: false });
    const b = result.built[0]!;
    const laid = layoutDocument(b.doc);
    const headerTexts = (p: LaidPage) => p.items.filter((i): i is Text => i.type === 'text' && laid.structure[i.struct]!.role === 'TH').map((i) => i.text);

    it('spans several pages and repeats its header row at the top of each', () => {
      const withTable = laid.pages.filter((p) => p.items.some((i) => i.type === 'line'));
      expect(withTable.length).toBeGreaterThanOrEqual(5);
      for (const p of withTable) {
        expect(headerTexts(p).join(' ').replace(/\s+/g, ' '), `page ${p.number}`).toBe('STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian');
        // the header is the first thing on a continued page
        const firstText = p.items.filter((i): i is Text => i.type === 'text' && i.y > TOP).sort((a, c) => a.y - c.y)[0]!;
        if (p !== withTable[0]) expect(firstText.text).toBe('STT');
      }
    });

    it('keeps every row whole on one page', () => {
      // each row's STT number and the row's last line sit above the page's bottom margin; no row number repeats
      const numbers = laid.pages.flatMap((p) => p.items.filter((i): i is Text => i.type === 'text' && /^\d+$/.test(i.text) && i.size === STYLES.tableCell.size).map((i) => Number(i.text)));
      expect(numbers).toEqual(Array.from({ length: 44 }, (_, i) => i + 1));
    });

    it('writes the same column widths, a repeated header row and unsplittable rows in the DOCX', () => {
      const xml = strFromU8(unzipSync(b.bytes.docx)['word/document.xml']!);
      const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const widths = columnWidths(b.doc.parts[0]!.body.find((x) => x.type === 'table') as Extract<Block, { type: 'table' }>, textWidthGridPt()).map((w) => Math.round(w * 20));
      expect(grid.join(',')).toContain(widths.join(','));
      expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(1);
      expect((xml.match(/<w:cantSplit\/>/g) ?? []).length).toBeGreaterThanOrEqual(45);
    });
  });
});
