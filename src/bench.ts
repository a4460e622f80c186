// `npm run bench`: time to compose and render the sample set, in memory (nothing written).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildOne, findDocuments } from './build.ts';
import { benchDerive } from './derive/bench.ts';
import { benchCheck } from './check/bench.ts';

const BIN = fileURLToPath(new URL('../bin/vanban.js', import.meta.url));

export async function runBench(paths: string[], rounds: number): Promise<number> {
  const { documents, failed } = findDocuments(paths);
  if (failed.length) {
    console.error(`Có ${failed.length} tệp lỗi; sửa trước khi đo.`);
    return 1;
  }
  await Promise.all(documents.map((d) => buildOne(d, { outDir: 'out', write: false }))); // warm-up (JIT, fonts)
  const sum = { compose: 0, docx: 0, pdf: 0, pages: 0, wall: 0 };
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of documents) {
      const b = await buildOne(d, { outDir: 'out', write: false });
      sum.compose += b.ms.compose;
      sum.docx += b.ms.docx;
      sum.pdf += b.ms.pdf;
      sum.pages += b.pages;
    }
    sum.wall += performance.now() - t0;
  }
  const n = documents.length * rounds;
  const f = (x: number) => x.toFixed(1);
  console.log(`Bộ mẫu: ${documents.length} văn bản, ${sum.pages / rounds} trang, ${rounds} lần đo`);
  console.log(`  đọc + dựng mô hình: ${f(sum.compose / n)} ms/văn bản`);
  console.log(`  DOCX:               ${f(sum.docx / n)} ms/văn bản`);
  console.log(`  PDF:                ${f(sum.pdf / n)} ms/văn bản`);
  console.log(`  cả bộ mẫu:          ${f(sum.wall / rounds)} ms mỗi lần dựng (mục tiêu < 2000 ms)`);
  console.log(`  tốc độ:             ${f((sum.pages / sum.wall) * 1000)} trang/giây`);
  console.log(`  bộ nhớ:             ${Math.round(process.memoryUsage().rss / 1048576)} MiB RSS`);
  // What a user waits for: a fresh process, from start to the last file renamed into place.
  const out = mkdtempSync(join(tmpdir(), 'vanban-bench-'));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'build', ...paths, '--out', out], { encoding: 'utf8' });
  const cold = performance.now() - t0;
  if (run.status !== 0) {
    console.error(run.stderr);
    return 1;
  }
  console.log(`  lệnh vanban build:  ${f(cold)} ms (tiến trình mới, ghi tệp; mục tiêu < 2000 ms)`);
  // Nothing changed since: every document is checked against the manifest and skipped.
  const t1 = performance.now();
  const noop = await build(paths, { outDir: out });
  const noopMs = performance.now() - t1;
  const t2 = performance.now();
  spawnSync(process.execPath, [BIN, 'build', ...paths, '--out', out], { encoding: 'utf8' });
  const noopCli = performance.now() - t2;
  rmSync(out, { recursive: true, force: true });
  console.log(`  dựng lại không đổi: ${f(noopMs)} ms (bỏ qua ${noop.skipped.length}/${documents.length}; mục tiêu < 300 ms), cả khởi động lệnh: ${f(noopCli)} ms`);
  await benchDerive();
  await benchCheck();
  return 0;
}
