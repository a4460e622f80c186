import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/ast.ts';
import { renderAll, renderOne, renderStream } from '../../src/write/render.ts';

const sample = (): Document => JSON.parse(readFileSync(new URL('../fixtures/model-sample.json', import.meta.url), 'utf8'));

describe('batch rendering', () => {
  it('gives the same bytes in worker threads as in this thread, in input order', async () => {
    const docs = Array.from({ length: 12 }, (_, i) => {
      const d = sample();
      d.parts[0]!.title!.subject = `${d.parts[0]!.title!.subject} (${i + 1})`;
      return d;
    });
    const batch = await renderAll(docs, 2, 6); // two workers, six documents each
    expect(batch).toHaveLength(12);
    for (const i of [0, 5, 11]) {
      const alone = await renderOne(docs[i]!);
      expect(Buffer.from(batch[i]!.pdf).equals(Buffer.from(alone.pdf)), `PDF ${i}`).toBe(true);
      expect(Buffer.from(batch[i]!.docx).equals(Buffer.from(alone.docx)), `DOCX ${i}`).toBe(true);
    }
    expect(Buffer.from(batch[0]!.pdf).equals(Buffer.from(batch[1]!.pdf))).toBe(false);
  });
});

describe('streamed rendering', () => {
  for (const threads of [1, 2]) {
    it(`hands each result over as it is ready and reports a broken document without stopping (${threads === 1 ? 'in this thread' : 'two workers'})`, async () => {
      const docs = Array.from({ length: 12 }, () => sample());
      (docs[4] as unknown as { parts: null }).parts = null; // cannot be laid out
      const seen = new Map<number, 'ok' | 'error'>();
      let i = 0;
      await renderStream(() => (i < docs.length ? { index: i, doc: docs[i++]! } : null), docs.length, (index, r) => seen.set(index, 'error' in r ? 'error' : 'ok'), threads, 6);
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(docs.map((_, k) => k));
      expect([...seen].filter(([, v]) => v === 'error').map(([k]) => k)).toEqual([4]);
    });
  }
});

describe('worker heap cap', () => {
  it('renders here what a worker has no room for, with the same bytes, and the batch goes on', async () => {
    const docs = Array.from({ length: 4 }, () => sample());
    const got = new Map<number, Uint8Array>();
    let i = 0;
    // 4 MB cannot even hold the writers and fonts: every worker dies of it at its first document.
    await renderStream(() => (i < docs.length ? { index: i, doc: docs[i++]! } : null), docs.length, (index, r) => {
      if ('error' in r) throw r.error;
      got.set(index, r.pdf);
    }, 2, 2, { maxOldGenerationSizeMb: 4 });
    expect([...got.keys()].sort()).toEqual([0, 1, 2, 3]);
    const alone = await renderOne(docs[0]!);
    expect(Buffer.from(got.get(3)!).equals(Buffer.from(alone.pdf))).toBe(true);
  });
});
