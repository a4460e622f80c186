// `npm run bench` (derive part): derive the bundled 2024 ministry campaign for the 63 profiles of
// 2023–2024 into a temporary folder, then build the 63 plans in memory, and report the times.

import type { Target } from '../bench-target.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildOne, findDocuments } from '../build.ts';
import { COMMAND_BUILD } from '../build-command.ts';
import { deriveAll } from './command.ts';

export const BENCH_FROM = 'data/bo-tu-phap/thi-dua-2024';
export const BENCH_PROFILES = 'profiles/2023-2024/*.yaml';
const TARGET_MS = 5000;
/** The layout issue's target: vanban at least ten times faster per page than LibreOffice's batch conversion. */
const TARGET_RATIO = 10;

/** LibreOffice converting a folder's DOCX files to PDF in one call (what a user would do instead): ms, or null. */
function libreOfficeBatch(dir: string): number | null {
  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
  const profile = mkdtempSync(join(tmpdir(), 'vanban-bench-lo-'));
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), ...files];
  spawnSync(soffice, ['--headless', '--version'], { encoding: 'utf8' }); // warm the disk cache
  const t0 = performance.now();
  const r = spawnSync(soffice, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  rmSync(profile, { recursive: true, force: true });
  return r.status === 0 ? ms : null;
}

export async function benchDerive(): Promise<Target[]> {
  const targets: Target[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'vanban-bench-derive-'));
  try {
    // Warm-up (module loading, JIT, fonts) on one province, not counted.
    const warm = join(tmp, 'warm');
    deriveAll({ from: BENCH_FROM, profile: ['profiles/2023-2024/ninh-thuan.yaml'], out: warm });
    for (const d of findDocuments([warm], warm).documents) await buildOne(d, { outDir: 'out', root: warm, write: false });

    const out = join(tmp, 'dia-phuong');
    const t0 = performance.now();
    const derived = deriveAll({ from: BENCH_FROM, profile: [BENCH_PROFILES], out });
    const t1 = performance.now();
    // The real build path, with the command's options, writing the files (LibreOffice converts them next).
    const cpu0 = process.cpuUsage();
    const result = await build([out], { ...COMMAND_BUILD, outDir: join(tmp, 'out'), root: out });
    const cpu = process.cpuUsage(cpu0);
    const documents = result.built;
    const failed = result.failed;
    const sum = { compose: 0, docx: 0, pdf: 0, pages: 0 };
    for (const b of documents) {
      sum.compose += b.ms.compose;
      sum.docx += b.ms.docx;
      sum.pdf += b.ms.pdf;
      sum.pages += b.pages;
    }
    const t2 = performance.now();

    const n = derived.reports.length;
    const f = (x: number) => x.toFixed(1);
    const total = t2 - t0;
    console.log(`Sinh + dựng Kế hoạch địa phương: ${n} tỉnh, thành phố (${BENCH_PROFILES}), ${documents.length} văn bản, ${sum.pages} trang`);
    if (derived.failed.length || failed.length) console.log(`  ! ${derived.failed.length + failed.length} hồ sơ hoặc tệp lỗi`);
    console.log(`  sinh dữ liệu (derive): ${f(t1 - t0)} ms (${f((t1 - t0) / n)} ms/tỉnh)`);
    console.log(`  dựng (build):          ${f(t2 - t1)} ms (${f((t2 - t1) / documents.length)} ms/văn bản: đọc + mô hình ${f(sum.compose / documents.length)}, DOCX ${f(sum.docx / documents.length)}, PDF ${f(sum.pdf / documents.length)})`);
    targets.push({ name: 'deriveAndBuildMs', value: total, goal: TARGET_MS, unit: 'ms', kind: 'max' });
    console.log(`  tổng:                  ${f(total)} ms (${f(total / n)} ms/tỉnh; mục tiêu < ${TARGET_MS} ms: ${total < TARGET_MS ? 'đạt' : 'chưa đạt'})`);
    const perPage = (t2 - t1) / sum.pages;
    const cpuPerPage = (cpu.user + cpu.system) / 1000 / sum.pages;
    targets.push({ name: 'cpuMsPerPage', value: cpuPerPage, goal: 4, unit: 'ms', kind: 'max' });
    console.log(`  mỗi trang:             ${f(perPage)} ms (DOCX + PDF, đọc dữ liệu, ghi tệp), CPU ${f(cpuPerPage)} ms/trang (mục tiêu < 4 ms: ${cpuPerPage < 4 ? 'đạt' : 'chưa đạt'})`);
    const lo = libreOfficeBatch(join(tmp, 'out'));
    if (lo === null) console.log('  LibreOffice:           không chạy được soffice, bỏ qua phép so sánh');
    else {
      const loPage = lo / sum.pages;
      const ratio = loPage / perPage;
      targets.push({ name: 'fasterThanLibreOffice', value: ratio, goal: TARGET_RATIO, unit: '×', kind: 'min' });
      console.log(`  LibreOffice (1 lệnh):  ${f(lo)} ms cho ${documents.length} DOCX → PDF, ${f(loPage)} ms/trang`);
      console.log(`  vanban nhanh hơn:      ${ratio.toFixed(1)} lần mỗi trang (mục tiêu ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'đạt' : 'chưa đạt'})`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return targets;
}
