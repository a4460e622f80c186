// Renders documents to DOCX and PDF: in this thread for a few documents, in worker threads for a
// batch (the model is plain JSON, so it crosses to a worker as is). The writers are deterministic,
// so where a document is rendered never changes its bytes.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Document } from '../model/ast.ts';

export interface Rendered {
  docx: Uint8Array;
  pdf: Uint8Array;
  ms: { docx: number; pdf: number };
}

/**
 * Below this many documents a worker's start-up (the TypeScript loader and the writers loaded again,
 * about a second) costs more than it saves: in one thread a document takes 3 ms a page.
 */
const MIN_PER_WORKER = 100;

export async function renderOne(doc: Document): Promise<Rendered> {
  const { writeDocx } = await import('./docx.ts');
  const { writePdf } = await import('./pdf.ts');
  const t0 = performance.now();
  const docx = await writeDocx(doc);
  const t1 = performance.now();
  const pdf = await writePdf(doc);
  return { docx, pdf, ms: { docx: t1 - t0, pdf: performance.now() - t1 } };
}

export async function renderAll(docs: Document[], threads = availableParallelism(), minPerWorker = MIN_PER_WORKER): Promise<Rendered[]> {
  const workers = Math.min(threads, Math.floor(docs.length / minPerWorker));
  if (workers < 2) {
    const out: Rendered[] = [];
    for (const d of docs) out.push(await renderOne(d));
    return out;
  }
  const results: Rendered[] = new Array(docs.length);
  let next = 0;
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./render-worker.js', import.meta.url)));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= docs.length) return resolve();
              const i = next++;
              w.once('message', (m: { ok: true; r: Rendered } | { ok: false; error: string }) => {
                if (!m.ok) return reject(new Error(m.error));
                results[i] = m.r;
                feed();
              });
              w.postMessage(docs[i]);
            };
            w.once('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
