// `vanban verify out/`: recomputes every issued file's SHA-256 against out/manifest.json.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_JSON, readManifest, sha256 } from './manifest.ts';

export interface VerifyProblem {
  file: string;
  kind: 'thay-doi' | 'thieu';
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
  let checked = 0;
  for (const d of manifest.documents)
    for (const o of d.outputs) {
      checked++;
      const path = join(outDir, o.file);
      if (!existsSync(path)) {
        problems.push({ file: o.file, kind: 'thieu', expected: o.sha256 });
        continue;
      }
      const actual = sha256(readFileSync(path));
      if (actual !== o.sha256) problems.push({ file: o.file, kind: 'thay-doi', expected: o.sha256, actual });
    }
  return { checked, problems };
}

export function verifyCommand(outDir: string): number {
  const result = verifyOutputs(outDir);
  if (!result) {
    console.error(`✗ ${join(outDir, MANIFEST_JSON)}: không có hoặc không đọc được bản kê; chạy "vanban build" trước`);
    return 1;
  }
  for (const p of result.problems) {
    if (p.kind === 'thieu') console.error(`✗ ${p.file}: thiếu tệp (bản kê ghi SHA-256 ${p.expected})`);
    else console.error(`✗ ${p.file}: đã bị thay đổi sau khi dựng\n    SHA-256 trong bản kê: ${p.expected}\n    SHA-256 hiện tại:     ${p.actual}`);
  }
  const ok = result.checked - result.problems.length;
  console.log(`Đã kiểm ${result.checked} tệp: ${ok} khớp bản kê${result.problems.length ? `, ${result.problems.length} có vấn đề` : ''}.`);
  return result.problems.length ? 1 : 0;
}
