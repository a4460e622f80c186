// The manifest's page count: counted in the PDF's bytes, as the regular expression over its Latin-1 text did.
import { describe, expect, it } from 'vitest';
import { buildOne, countPdfPages, findDocuments } from '../src/build.ts';

const byRegex = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('số trang của PDF', () => {
  it('counts the pages of built documents as the regular expression does', async () => {
    const { documents } = findDocuments(['data']);
    expect(documents.length).toBeGreaterThan(1);
    for (const d of documents) {
      const b = await buildOne(d, { outDir: 'out', write: false });
      expect(countPdfPages(b.bytes.pdf)).toBe(byRegex(b.bytes.pdf));
      expect(countPdfPages(b.bytes.pdf)).toBe(b.pages);
    }
  });

  it.each(['/Type /Page/Type /Page ', '/Type\xa0/Page ', '/Type/Pages ', '/Type /Page', '/Type\n\t/Page\n', '/Type /Type /Page x', '/Typ /Page ', ''])('agrees on %j', (text) => {
    const bytes = Buffer.from(text, 'latin1');
    expect(countPdfPages(bytes)).toBe(byRegex(bytes));
  });
});
