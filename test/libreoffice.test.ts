// LibreOffice opens every built sample DOCX and lays it out on as many pages as our own PDF has.
// Both use Times New Roman metrics (Liberation Serif), so a page-count mismatch means a layout
// difference between the two writers (spacing, sizes, keep-together rules).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltDocument } from '../src/build.ts';
import { docxToPdf, hasLibreOffice } from './support/libreoffice.ts';
import { bodyText, pdfInfo, pdfPages } from './support/pdf-text.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const available = hasLibreOffice();
if (!available && !required) console.warn('Bỏ qua kiểm thử LibreOffice: không có soffice (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');

describe.runIf(available || required)('LibreOffice opens the built samples', () => {
  let built: BuiltDocument[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'vanban-lo-'));

  beforeAll(async () => {
    if (!available) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng LibreOffice (soffice) chưa được cài');
    const result = await build(['data'], { outDir: dir });
    expect(result.failed).toEqual([]);
    built = result.built;
    expect(built.length).toBeGreaterThanOrEqual(3);
  });

  it('converts every DOCX to PDF with the same page count as our PDF, and the text is there', async () => {
    const rows: string[] = [];
    for (const b of built) {
      const lo = await docxToPdf(b.docx, join(dir, 'lo'));
      const loBuf = (await import('node:fs')).readFileSync(lo);
      const loPages = (await pdfInfo(loBuf)).pages;
      rows.push(`${b.stem}: LibreOffice ${loPages}, vanban ${b.pages}`);
      expect(loPages, b.stem).toBe(b.pages);
      const text = bodyText(await pdfPages(loBuf));
      expect(text).toContain(b.doc.parts[0]!.title.docType);
      const closing = b.doc.parts[0]!.closing!;
      expect(text).toContain(closing.signature.name);
    }
    writeFileSync(join(dir, 'pages.txt'), rows.join('\n'));
  });
});
