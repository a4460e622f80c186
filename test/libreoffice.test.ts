// LibreOffice opens every built DOCX, and its rendering agrees with our PDF line for line: the same
// pages, the same first and last line on every page, the same lines word for word. Both use Times New
// Roman metrics (Liberation Serif), and the DOCX states the layout stage's rules (widow control,
// keep-with-next, unbreakable spans), so a difference is a layout difference between the two writers.
// Run on the bundled samples, on the real text of Nghị định 30/2020/NĐ-CP (never tuned on), on that
// text with 23 footnotes, and on a 44-row task table over many pages.

import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltDocument } from '../src/build.ts';
import { docxToPdf, hasLibreOffice } from './support/libreoffice.ts';
import { compare, identicalShare, pageTexts, type Parity } from './support/parity.ts';
import { bodyText, pdfPages } from './support/pdf-text.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const available = hasLibreOffice();
if (!available && !required) console.warn('Bỏ qua kiểm thử LibreOffice: không có soffice (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');

/** The line share the issue sets: at least 97 % of all lines identical word for word. */
const MIN_IDENTICAL = 0.97;

describe.runIf(available || required)('LibreOffice renders our DOCX as we render our PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-lo-'));
  const results: Array<{ b: BuiltDocument; parity: Parity; kind: 'sample' | 'real' | 'footnotes' | 'tables'; loText: string }> = [];

  beforeAll(async () => {
    if (!available) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng LibreOffice (soffice) chưa được cài');
    const samples = await build(['data'], { outDir: join(dir, 'samples') });
    const real = await build(['test/fixtures/layout'], { outDir: join(dir, 'real') });
    const notes = await build(['test/fixtures/footnotes'], { outDir: join(dir, 'footnotes') });
    const tables = await build(['test/fixtures/tables'], { outDir: join(dir, 'tables') });
    expect([...samples.failed, ...real.failed, ...notes.failed, ...tables.failed]).toEqual([]);
    expect(samples.built.length).toBeGreaterThanOrEqual(4);
    for (const [list, kind] of [[samples.built, 'sample'], [real.built, 'real'], [notes.built, 'footnotes'], [tables.built, 'tables']] as const) {
      for (const b of list) {
        const lo = readFileSync(await docxToPdf(b.docx, join(dir, 'lo')));
        const parity = compare(await pageTexts(b.bytes.pdf), await pageTexts(lo));
        results.push({ b, parity, kind, loText: bodyText(await pdfPages(lo)) });
      }
    }
    const rows = results.map(({ b, parity: p }) =>
      `${b.stem}: trang ${p.pages.ours}/${p.pages.theirs}, dòng giống ${(identicalShare(p) * 100).toFixed(1)} % (${p.lines.identical}/${Math.max(p.lines.ours, p.lines.theirs)}), đầu và cuối trang ${p.pageEnds.same}/${p.pageEnds.of}`);
    writeFileSync(join(dir, 'parity.txt'), rows.join('\n'));
    console.log(`So với LibreOffice:\n  ${rows.join('\n  ')}`);
  }, 300_000);

  it('opens every DOCX, and the text is there', () => {
    for (const { b, loText } of results) {
      // a công văn has no tên loại, its "V/v" line (which may wrap)
      const flat = (s: string) => s.replace(/\s+/g, ' ');
      expect(flat(loText), b.stem).toContain(flat(b.doc.parts[0]!.title?.docType ?? b.doc.parts[0]!.header!.subjectLine!));
      expect(loText, b.stem).toContain(b.doc.parts[0]!.closing!.signature.name);
    }
  });

  /** The same pages, the same first and last line on every page, and at least 97 % of the lines. */
  const expectSameLayout = (kind: (typeof results)[number]['kind']) => {
    const docs = results.filter((r) => r.kind === kind);
    expect(docs.length, kind).toBeGreaterThan(0);
    for (const { b, parity: p } of docs) {
      expect(p.pages.ours, b.stem).toBe(p.pages.theirs);
      expect(p.pageEnds, `${b.stem}: ${p.differences.join('; ')}`).toEqual({ same: p.pages.ours, of: p.pages.ours });
      expect(identicalShare(p), b.stem).toBeGreaterThanOrEqual(MIN_IDENTICAL);
    }
    return docs;
  };

  it('the samples: the same pages, page ends and lines', () => {
    expect(expectSameLayout('sample').length).toBeGreaterThanOrEqual(4);
  });

  it('a real text nobody here wrote (17 pages): the same pages, page ends and lines', () => {
    for (const { parity } of expectSameLayout('real')) expect(parity.pages.ours).toBeGreaterThan(10);
  });

  // Notes land where LibreOffice puts them: the same rule, the same note lines at the same heights (with
  // the 1 pt paragraph that stops LibreOffice adding a line before the header table, LEADING_SPACER_PT).
  it('a footnoted text: the same pages, page ends and lines', () => {
    expectSameLayout('footnotes');
  });

  it('a 44-row table over many pages: the same pages, page ends and lines', () => {
    expectSameLayout('tables');
  });
});
