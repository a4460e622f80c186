// `npm run bench`: time to compose and render the sample set, in memory (nothing written).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildOne, findDocuments } from './build.ts';
import { benchDerive } from './derive/bench.ts';
import { benchCheck } from './check/bench.ts';
import { benchExit, met, verdict, type Target } from './bench-target.ts';

const BIN = fileURLToPath(new URL('../bin/vanban.js', import.meta.url));

/** Median wall time (ms) of a fresh Node process running `args`. */
function startMs(args: string[], runs = 7): number {
  spawnSync(process.execPath, args); // warm the file cache
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    spawnSync(process.execPath, args);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/**
 * `vanban bench`: prints the figures and whether each target is met; `check`: exit 1 when one is not
 * (for CI); `json`: the targets as JSON on stdout instead of the text.
 */
export async function runBench(paths: string[], rounds: number, opts: { check?: boolean; json?: boolean } = {}): Promise<number> {
  if (!opts.json) return measure(paths, rounds, opts.check ?? false);
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  let targets: Target[] | number;
  try {
    targets = await collect(paths, rounds);
  } finally {
    process.stdout.write = write;
  }
  if (typeof targets === 'number') return targets;
  const missed = targets.filter((t) => !met(t));
  process.stdout.write(JSON.stringify({ ok: missed.length === 0, targets: targets.map((t) => ({ ...t, met: met(t) })) }, null, 2) + '\n');
  return benchExit(targets, opts.check ?? false);
}

async function measure(paths: string[], rounds: number, check: boolean): Promise<number> {
  const targets = await collect(paths, rounds);
  if (typeof targets === 'number') return targets;
  const missed = targets.filter((t) => !met(t));
  console.log(missed.length ? `Chưa đạt ${missed.length}/${targets.length} mục tiêu: ${missed.map((t) => t.name).join(', ')}` : `Đạt cả ${targets.length} mục tiêu.`);
  return benchExit(targets, check);
}

async function collect(paths: string[], rounds: number): Promise<Target[] | number> {
  const targets: Target[] = [];
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
  targets.push({ name: 'sampleSetMs', value: sum.wall / rounds, goal: 2000, unit: 'ms', kind: 'max' });
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
  targets.push({ name: 'buildCommandMs', value: cold, goal: 2000, unit: 'ms', kind: 'max' });
  console.log(`  lệnh vanban build:  ${f(cold)} ms (tiến trình mới, ghi tệp; mục tiêu < 2000 ms)`);
  // Nothing changed since: every document is checked against the manifest and skipped.
  const t1 = performance.now();
  const noop = await build(paths, { outDir: out });
  const noopMs = performance.now() - t1;
  const t2 = performance.now();
  spawnSync(process.execPath, [BIN, 'build', ...paths, '--out', out], { encoding: 'utf8' });
  const noopCli = performance.now() - t2;
  rmSync(out, { recursive: true, force: true });
  targets.push({ name: 'unchangedRebuildMs', value: noopMs, goal: 300, unit: 'ms', kind: 'max' });
  console.log(`  dựng lại không đổi: ${f(noopMs)} ms (bỏ qua ${noop.skipped.length}/${documents.length}; mục tiêu < 300 ms), cả khởi động lệnh: ${f(noopCli)} ms`);
  // Start-up: `vanban --help` against a bare Node process on this machine.
  const node = startMs(['-e', '0']);
  const help = startMs([BIN, '--help']);
  const ratio: Target = { name: 'helpStartRatio', value: help / node, goal: 3, unit: '×', kind: 'max' };
  targets.push(ratio);
  console.log(`  khởi động:          vanban --help ${f(help)} ms, node -e 0 ${f(node)} ms: ${ratio.value.toFixed(2)} lần (mục tiêu < 3: ${verdict(ratio)})`);
  targets.push(...(await benchDerive()));
  targets.push(...(await benchCheck()));
  return targets;
}
