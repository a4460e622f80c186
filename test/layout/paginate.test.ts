// Page breaking of whole documents: widows and orphans, keep-with-next, the closing never alone,
// page numbers; run over many document lengths so that every rule meets a page break somewhere.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/model/ast.ts';
import { layoutDocument } from '../../src/layout/document.ts';
import { paginate, type Unit } from '../../src/layout/paginate.ts';
import type { LaidPage } from '../../src/layout/types.ts';
import { PAGE, mmToPt } from '../../src/style/nd30.ts';

const sample = (): Document => JSON.parse(readFileSync(new URL('../fixtures/model-sample.json', import.meta.url), 'utf8')) as Document;
const LONG =
  'Các cơ quan, đơn vị thuộc Bộ tổ chức quán triệt, triển khai thực hiện nghiêm túc Kế hoạch này, gắn phong trào thi đua với ' +
  'việc thực hiện nhiệm vụ chính trị được giao, bảo đảm thiết thực, hiệu quả, tránh hình thức, lãng phí.';
const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (label: string, text: string): Block => ({ type: 'heading', level: 1, role: 'part', label, content: [{ type: 'text', text }] });

const TOP = mmToPt(PAGE.margin.topMm);
/** Baselines of the body text of a page (page number excluded), in order. */
const bodyItems = (p: LaidPage) => p.items.filter((i) => i.type === 'text' && i.y > TOP) as Extract<LaidPage['items'][number], { type: 'text' }>[];

/** Documents of growing length: paragraphs of 1–5 lines and headings, then the closing. */
function documents(): Document[] {
  const docs: Document[] = [];
  for (let n = 4; n <= 40; n++) {
    const doc = sample();
    doc.parts = doc.parts.slice(0, 1);
    const body: Block[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 7 === 3) body.push(heading(`${['I', 'II', 'III', 'IV', 'V', 'VI'][i % 6]}.`, 'TỔ CHỨC THỰC HIỆN'));
      body.push(para(`${i + 1}. ${LONG.repeat(5).slice(0, 60 + ((i * 197) % 900))}`));
    }
    doc.parts[0]!.body = body;
    docs.push(doc);
  }
  return docs;
}

describe('pagination of whole documents', () => {
  const laid = documents().map((d) => ({ doc: d, laid: layoutDocument(d) }));

  it('covers page breaks: at least 20 of the documents take two pages or more', () => {
    expect(laid.filter((l) => l.laid.pages.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it('leaves no widow and no orphan: a paragraph split over two pages has two lines on each', () => {
    let splits = 0;
    for (const { laid: d } of laid) {
      for (let p = 0; p + 1 < d.pages.length; p++) {
        const last = bodyItems(d.pages[p]!).at(-1)!;
        const first = bodyItems(d.pages[p + 1]!)[0]!;
        if (last.struct !== first.struct) continue; // the break falls between blocks
        splits++;
        const linesOn = (page: LaidPage) => new Set(bodyItems(page).filter((i) => i.struct === last.struct).map((i) => i.y)).size;
        expect(linesOn(d.pages[p]!)).toBeGreaterThanOrEqual(2);
        expect(linesOn(d.pages[p + 1]!)).toBeGreaterThanOrEqual(2);
      }
    }
    expect(splits).toBeGreaterThan(0); // the rule was exercised
  });

  it('never ends a page with a heading, and never starts one with the signature', () => {
    let headingsMoved = 0;
    for (const { laid: d } of laid) {
      for (let p = 0; p < d.pages.length; p++) {
        const items = bodyItems(d.pages[p]!);
        const role = (i: (typeof items)[number]) => d.structure[i.struct]!.role;
        expect(role(items.at(-1)!), `page ${p + 1}`).not.toBe('H1');
        if (p > 0 && role(items[0]!) === 'H1') headingsMoved++;
        if (p > 0) expect(items[0]!.text).not.toBe('Nơi nhận:');
      }
    }
    expect(headingsMoved).toBeGreaterThan(0);
  });

  it('numbers pages from 2, centred in the top margin, and is plain JSON', () => {
    const d = laid.find((l) => l.laid.pages.length >= 3)!.laid;
    expect(d.pages.map((p) => p.number)).toEqual([null, ...d.pages.slice(1).map((_, i) => i + 2)]);
    const numberItem = d.pages[1]!.items.find((i) => i.type === 'text' && i.y < TOP)!;
    expect(numberItem).toMatchObject({ type: 'text', text: '2' });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('paginate', () => {
  const line = (block: number, breakBefore: Unit['breakBefore'] = 'allow', before = 0, keepWithNext = false): Unit => ({
    height: 10, before, after: 0, items: [], breakBefore, block, keepWithNext,
  });

  it('drops the space before at the top of a page after a natural break, keeps it after a forced one', () => {
    const units = [line(0), line(1, 'allow', 5), line(2, 'force', 7)];
    const pages = paginate(units, 15);
    expect(pages.map((p) => p.units.map((u) => u.top))).toEqual([[0], [0], [7]]);
  });

  it('moves a block kept with the next one whole, not just its last line', () => {
    // block 1 (3 lines, kept with block 2), block 2 does not fit after it
    const units = [line(0), line(1, 'allow', 0, true), line(1, 'allow', 0, true), line(1, 'allow', 0, true), line(2, 'avoid')];
    const pages = paginate(units, 45);
    expect(pages.map((p) => p.units.length)).toEqual([1, 4]);
  });

  it('breaks where the page is full when no break is allowed on it', () => {
    const units = [line(0), line(0, 'avoid'), line(0, 'avoid'), line(0, 'avoid')];
    expect(paginate(units, 25).map((p) => p.units.length)).toEqual([2, 2]);
  });
});
