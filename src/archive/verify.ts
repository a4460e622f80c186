// `vanban verify out/`: recomputes every issued file's SHA-256 against out/manifest.json.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_JSON, readManifest, sha256 } from './manifest.ts';
import { pendingBuilds, recover } from '../io/staging.ts';
import { tryLockFolder } from '../io/lock.ts';

export interface VerifyProblem {
  file: string;
  kind: 'thay-doi' | 'thieu' | 'hong';
  expected: string;
  actual?: string;
}

export interface VerifyResult {
  checked: number;
  problems: VerifyProblem[];
}

/** Null when the folder has no readable manifest. */
export function verifyOutputs(outDir: string): VerifyResult | null {
  const manifest = readManifest(outDir);
  if (!manifest) return null;
  const problems: VerifyProblem[] = [];
  if (manifest.damaged) problems.push({ file: MANIFEST_JSON, kind: 'hong', expected: `${manifest.damaged} mục` });
  let checked = 0;
  for (const d of manifest.documents)
    for (const o of d.outputs) {
      checked++;
      const path = join(outDir, o.file);
      if (!existsSync(path)) {
        problems.push({ file: o.file, kind: 'thieu', expected: o.sha256 });
        continue;
      }
      let actual: string;
      try {
        actual = sha256(readFileSync(path));
      } catch {
        actual = 'không đọc được';
      }
      if (actual !== o.sha256) problems.push({ file: o.file, kind: 'thay-doi', expected: o.sha256, actual });
    }
  return { checked, problems };
}

/** Finishes a build that was interrupted after its commit, when no build is running now. */
function finishInterrupted(outDir: string): void {
  const pending = pendingBuilds(outDir);
  if (!pending.committed && !pending.uncommitted) return;
  let lock;
  try {
    lock = tryLockFolder(outDir);
  } catch {
    return; // read-only folder: verify what is there
  }
  if (!lock) {
    console.error(`! ${outDir}: một lần dựng đang ghi vào thư mục này; kiểm lại khi nó xong`);
    return;
  }
  try {
    const r = recover(outDir);
    if (r.finished) console.log(`· hoàn tất ${r.finished} lần dựng bị ngắt giữa chừng (chuyển nốt các tệp đã ghi xong vào chỗ)`);
    if (r.discarded) console.log(`· bỏ tệp tạm của ${r.discarded} lần dựng bị ngắt trước khi ghi (kết quả cũ giữ nguyên)`);
  } finally {
    lock.release();
  }
}

const PROBLEM_KEYS: Record<VerifyProblem['kind'], string> = { hong: 'damaged', thieu: 'missing', 'thay-doi': 'changed' };

export function verifyCommand(outDir: string, json = false): number {
  finishInterrupted(outDir);
  const result = verifyOutputs(outDir);
  if (!result) {
    console.error(`✗ ${join(outDir, MANIFEST_JSON)}: không có hoặc không đọc được bản kê; chạy "vanban build" trước`);
    return 1;
  }
  if (json) {
    const problems = result.problems.map((p) => ({ file: p.file, kind: PROBLEM_KEYS[p.kind], expected: p.expected ?? null, actual: p.actual ?? null }));
    process.stdout.write(JSON.stringify({ ok: !problems.length, checked: result.checked, problems }, null, 2) + '\n');
    return problems.length ? 1 : 0;
  }
  for (const p of result.problems) {
    if (p.kind === 'hong') console.error(`✗ ${p.file}: bản kê có ${p.expected} hỏng (thiếu trường hoặc sai kiểu), không kiểm được`);
    else if (p.kind === 'thieu') console.error(`✗ ${p.file}: thiếu tệp (bản kê ghi SHA-256 ${p.expected})`);
    else console.error(`✗ ${p.file}: đã bị thay đổi sau khi dựng\n    SHA-256 trong bản kê: ${p.expected}\n    SHA-256 hiện tại:     ${p.actual}`);
  }
  const ok = result.checked - result.problems.filter((p) => p.kind !== 'hong').length;
  console.log(`Đã kiểm ${result.checked} tệp: ${ok} khớp bản kê${result.problems.length ? `, ${result.problems.length} có vấn đề` : ''}.`);
  return result.problems.length ? 1 : 0;
}
