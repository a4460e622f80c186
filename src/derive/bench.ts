// `npm run bench` (derive part): derive the bundled 2024 ministry campaign for the 63 profiles of
// 2023–2024 into a temporary folder, then build the 63 plans in memory, and report the times.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildOne, findDocuments } from '../build.ts';
import { deriveAll } from './command.ts';

export const BENCH_FROM = 'data/bo-tu-phap/thi-dua-2024';
export const BENCH_PROFILES = 'profiles/2023-2024/*.yaml';
const TARGET_MS = 5000;

export async function benchDerive(): Promise<void> {
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
    // The real build path (rendering spread over worker threads), in memory.
    const result = await build([out], { outDir: 'out', root: out, write: false });
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
    console.log(`  tổng:                  ${f(total)} ms (${f(total / n)} ms/tỉnh; mục tiêu < ${TARGET_MS} ms: ${total < TARGET_MS ? 'đạt' : 'chưa đạt'})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
