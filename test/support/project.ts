// A throw-away project folder for tests that attack the build: a valid decision (van-ban.yaml and
// noi-dung.md) that each test breaks in one way, plus helpers to hash out/ before and after.

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DECISION = `loai: quyet-dinh
co_quan:
  ten: Bộ Tư pháp
  viet_tat: BTP
so: 47
ngay: 2024-03-05
dia_danh: Hà Nội
trich_yeu: Ban hành Quy chế làm việc của Bộ Tư pháp
tham_quyen_ban_hanh: Bộ trưởng Bộ Tư pháp
noi_dung: noi-dung.md
noi_nhan:
  - Như Điều 3
luu: [VT, VP]
nguoi_ky:
  tham_quyen: KT
  thay_mat: Bộ trưởng
  chuc_vu: Thứ trưởng
  ho_ten: Nguyễn Văn An
`;

export const BODY = '# Ban hành kèm theo Quyết định này Quy chế làm việc\n\n# Quyết định này có hiệu lực kể từ ngày ký.\n';

/** A new project folder with the given files (path → text or bytes). */
export function makeProject(files: Record<string, string | Uint8Array> = { 'data/van-ban.yaml': DECISION, 'data/noi-dung.md': BODY }, prefix = 'vanban-proj-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** Every entry under `dir` with a hash of its content (links by their target), to compare before/after. */
export function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const r = rel ? `${rel}/${e}` : e;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `-> ${readlinkSync(p)}`;
      else if (st.isDirectory()) (out[r] = 'dir'), walk(p, r);
      else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}
