// The manifest's page count: the pages the layout drew, which must be the pages in the PDF's bytes.
import { describe, expect, it } from 'vitest';
import { buildOne, findDocuments } from '../src/build.ts';

const byRegex = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('số trang của PDF', () => {
  it('gives for each built document the number of page objects in its PDF', async () => {
    const { documents } = findDocuments(['data']);
    expect(documents.length).toBeGreaterThan(10);
    let multi = 0;
    for (const d of documents) {
      const b = await buildOne(d, { outDir: 'out', write: false });
      expect(b.pages).toBe(byRegex(b.bytes.pdf));
      expect(b.entry.pages).toBe(b.pages);
      if (b.pages > 1) multi++;
    }
    expect(multi).toBeGreaterThan(5);
  });
});
