// `npm run bench`, the checking part: how many files `vanban check` reads and checks per second, on the sample set
// built in memory (every DOCX and PDF of data/). DOCX: read, text rules and layout rules; PDF: read and text rules.

import { build } from '../build.ts';
import { readDocx } from './docx-read.ts';
import { checkLayout } from './layout.ts';
import { docxLines, pdfLines } from './readers.ts';
import { checkLines } from './text.ts';

/** Rounds over the sample set: at least this many, and until at least this long. */
const MIN_ROUNDS = 3;
const MIN_MS = 1500;

async function rate(files: Uint8Array[], check: (buf: Uint8Array) => Promise<unknown>): Promise<{ perSecond: number; msPerFile: number; checked: number }> {
  for (const f of files) await check(f); // warm-up (JIT, pdfjs worker and fonts)
  let checked = 0;
  let rounds = 0;
  const t0 = performance.now();
  while (rounds < MIN_ROUNDS || performance.now() - t0 < MIN_MS) {
    for (const f of files) await check(f);
    checked += files.length;
    rounds++;
  }
  const ms = performance.now() - t0;
  return { perSecond: (checked / ms) * 1000, msPerFile: ms / checked, checked };
}

export async function benchCheck(): Promise<void> {
  const today = new Date();
  const { built, failed } = await build(['data'], { outDir: 'out', write: false });
  if (failed.length) console.error(`  (${failed.length} văn bản mẫu lỗi, không đo)`);
  const docx = built.map((b) => b.bytes.docx);
  const pdf = built.map((b) => b.bytes.pdf);
  const d = await rate(docx, async (buf) => {
    const doc = readDocx(buf);
    checkLines(docxLines(doc).lines, 'bench.docx', { today });
    return checkLayout(doc);
  });
  const p = await rate(pdf, async (buf) => checkLines((await pdfLines(buf)).lines, 'bench.pdf', { today }));
  const f = (x: number) => x.toFixed(1);
  const pages = built.reduce((n, b) => n + b.pages, 0);
  console.log(`Kiểm tra (vanban check) bộ mẫu: ${built.length} DOCX và ${built.length} PDF, ${pages} trang mỗi bộ`);
  console.log(`  DOCX (chữ + trình bày): ${f(d.perSecond)} tệp/giây (${f(d.msPerFile)} ms/tệp, ${d.checked} lần kiểm tra)`);
  console.log(`  PDF (chữ):              ${f(p.perSecond)} tệp/giây (${f(p.msPerFile)} ms/tệp, ${p.checked} lần kiểm tra)`);
}
