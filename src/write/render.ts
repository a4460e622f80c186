// Renders documents to DOCX and PDF: in this thread for a few documents, in worker threads for a
// batch (the model is plain JSON, so it crosses to a worker as is). The writers are deterministic,
// so where a document is rendered never changes its bytes.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Document } from '../model/ast.ts';

export interface Rendered {
  docx: Uint8Array;
  pdf: Uint8Array;
  pages: number; // of the PDF, as laid out
  ms: { docx: number; pdf: number };
}

/**
 * Below this many documents a worker's start-up (the writers loaded again: about 0.6 s compiled, 2 s
 * from the sources under tsx, on a loaded machine) costs more than it saves: in one thread a document
 * takes 3 ms a page.
 */
const MIN_PER_WORKER = 100;

// From the sources (tests under vitest) a worker needs the TypeScript loader; compiled, it does not.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './render-worker.dev.js' : './render-worker.js', import.meta.url);

/**
 * A worker's old generation is capped: a thread left to grow its heap as it likes took 100–150 MB for
 * 30–40 MB of live data, twice over with two workers. A document too large for the cap is rendered
 * in this thread instead (see renderStream), so the cap costs only a little more garbage collection.
 * Its young generation is held to 24 MB (V8 gives a thread 48 MB): measured on 1,008 plans, peak RSS
 * 325–354 → 294–296 MB for about the same CPU; at 16 or 12 MB it falls further but costs 20–30 % more CPU.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 24 };

/** renderOne, its failure as a value. */
async function attempt(doc: Document): Promise<Rendered | { error: Error }> {
  try {
    return await renderOne(doc);
  } catch (error) {
    return { error: error as Error };
  }
}

export async function renderOne(doc: Document): Promise<Rendered> {
  const { writeDocx } = await import('./docx.ts');
  const { drawPdf } = await import('./pdf.ts');
  const { layoutDocument } = await import('../layout/document.ts');
  const t0 = performance.now();
  // The DOCX's main part is deflated on the thread pool while this thread draws the PDF; the times
  // are this thread's (the DOCX's without that deflate).
  const docx = writeDocx(doc);
  docx.catch(() => {}); // awaited below, after the PDF; a PDF failure must not leave it unhandled
  const t1 = performance.now();
  const laid = layoutDocument(doc);
  const pdf = drawPdf(laid, doc);
  const t2 = performance.now();
  return { docx: await docx, pdf, pages: laid.pages.length, ms: { docx: t1 - t0, pdf: t2 - t1 } };
}

/** Whether renderStream renders `count` documents in this thread (no worker threads). */
export const rendersHere = (count: number, threads = availableParallelism(), minPerWorker = MIN_PER_WORKER): boolean => Math.min(threads, Math.floor(count / minPerWorker)) < 2;

/** The next document to render and its index, or null when there is none left. */
export type Source = () => { index: number; doc: Document } | null;

/**
 * Renders the documents `next` hands out, `count` of them at most (which decides on worker threads),
 * and gives each result to `done` as soon as it is ready, in any order; nothing is kept, so a batch
 * holds only the documents in flight. A document that fails gives `done` its error; the rest go on.
 */
export async function renderStream(
  next: Source,
  count: number,
  done: (index: number, r: Rendered | { error: Error }) => void,
  threads = availableParallelism(),
  minPerWorker = MIN_PER_WORKER,
  limits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb?: number } = WORKER_LIMITS,
): Promise<void> {
  const workers = Math.min(threads, Math.floor(count / minPerWorker));
  const here = async () => {
    for (let job = next(); job; job = next()) done(job.index, await attempt(job.doc));
  };
  // In this thread, two documents in flight: while one waits for its deflates on the thread pool,
  // the next is composed and drawn (the writers' bytes do not depend on the order).
  if (rendersHere(count, threads, minPerWorker)) return void (await Promise.all([here(), here()]));
  const pool = Array.from({ length: workers }, () => new Worker(WORKER, { resourceLimits: limits }));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let current: { index: number; doc: Document } | null = null;
            const feed = () => {
              let job;
              try {
                job = next();
              } catch (error) {
                return reject(error as Error);
              }
              current = job;
              if (!job) return resolve();
              const { index } = job;
              w.once('message', (m: { ok: true; r: Rendered } | { ok: false; error: string }) => {
                try {
                  done(index, m.ok ? m.r : { error: new Error(m.error) });
                } catch (error) {
                  return reject(error as Error);
                }
                feed();
              });
              w.postMessage(job.doc);
            };
            w.once('error', (error: Error & { code?: string }) => {
              if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
              // Over the worker's heap cap: this document, and the rest of this worker's share, here.
              const job = current;
              void (async () => {
                if (job) done(job.index, await attempt(job.doc));
                await here();
              })().then(resolve, reject);
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Renders every document, results in input order (for callers that want them all). */
export async function renderAll(docs: Document[], threads = availableParallelism(), minPerWorker = MIN_PER_WORKER): Promise<Rendered[]> {
  const results: Rendered[] = new Array(docs.length);
  let i = 0;
  let failure: Error | null = null;
  await renderStream(
    () => (i < docs.length ? { index: i, doc: docs[i++]! } : null),
    docs.length,
    (index, r) => {
      if ('error' in r) failure ??= r.error;
      else results[index] = r;
    },
    threads,
    minPerWorker,
  );
  if (failure) throw failure;
  return results;
}
