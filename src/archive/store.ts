// `vanban archive <out> <archive>`: files each issued PDF (số and date present; drafts too only when
// asked) under <archive>/<năm>/<cơ quan ban hành>/ (the issuer as in file names) and keeps
// an index (chi-muc.csv) with the metadata fields the electronic-archive rules ask of a document
// (Thông tư 02/2019/TT-BNV: số và ký hiệu, ngày, tên loại, trích yếu, cơ quan ban hành, ngôn ngữ,
// số trang, ghi chú). An archived file is never overwritten with different bytes.

import { constants, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isInside } from '../io/project-files.ts';
import { OutputError, outputError } from '../io/fs-errors.ts';
import { asciiName } from './naming.ts';
import { csvField, readManifest, sha256, type ManifestEntry } from './manifest.ts';
import { atomicWrite } from '../io/atomic-write.ts';

export const INDEX = 'chi-muc.csv';
const COLUMNS = ['so_va_ky_hieu', 'ngay_van_ban', 'ten_loai', 'trich_yeu', 'co_quan_ban_hanh', 'ngon_ngu', 'so_trang', 'ghi_chu', 'tep', 'sha256'];

export interface ArchiveResult {
  copied: string[];
  unchanged: string[];
  conflicts: { file: string; archived: string; incoming: string }[];
  problems: string[]; // entries not archived: missing PDF, damaged manifest entry, unsafe name
  drafts: string[]; // drafts (no số or no date) left out
}

export interface ArchiveOptions {
  drafts?: boolean; // also archive drafts without a số or a date
}

export function archiveOutputs(outDir: string, archiveDir: string, opts: ArchiveOptions = {}): ArchiveResult | null {
  const manifest = readManifest(outDir);
  if (!manifest) return null;
  const result: ArchiveResult = { copied: [], unchanged: [], conflicts: [], problems: [], drafts: [] };
  if (manifest.damaged) result.problems.push(`bản kê có ${manifest.damaged} mục hỏng (thiếu trường hoặc sai kiểu), bỏ qua các mục đó`);
  if (existsSync(archiveDir) && !lstatSync(archiveDir).isDirectory()) throw new OutputError(`không ghi được vào kho ${archiveDir}: đây là một tệp, không phải thư mục; không có gì được ghi`, 'ENOTDIR');
  const indexPath = join(archiveDir, INDEX);
  const rows = new Map<string, string>(); // relative file → CSV row
  if (existsSync(indexPath))
    for (const line of readFileSync(indexPath, 'utf8').split(/\r?\n/).slice(1).filter(Boolean)) rows.set(rowFile(line), line);

  for (const d of manifest.documents) {
    const pdf = d.outputs.find((o) => o.file.endsWith('.pdf'));
    if (!pdf) continue;
    if ((d.soKyHieu === null || d.date === null) && !opts.drafts) {
      result.drafts.push(pdf.file);
      continue;
    }
    const year = (d.date ?? '').slice(0, 4) || 'chua-ngay';
    // Every part of the archive path is a plain name: "..", "/" or an empty issuer cannot climb out.
    const issuer = (d.issuerSlug ?? asciiName(d.issuer).toLowerCase()).replace(/^\.+/, '') || 'khong-ro';
    const rel = `${year}/${issuer}/${pdf.file}`;
    const target = join(archiveDir, rel);
    if (!isInside(resolve(archiveDir), resolve(target))) {
      result.problems.push(`${d.source}: tên tệp "${pdf.file}" trong bản kê không an toàn, không lưu`);
      continue;
    }
    let incoming: string;
    try {
      incoming = sha256(readFileSync(join(outDir, pdf.file)));
    } catch {
      result.problems.push(`${pdf.file}: thiếu tệp trong ${outDir} (bản kê có ghi); chạy lại "vanban build"`);
      continue;
    }
    if (isLink(target)) {
      result.problems.push(`${rel}: trong kho là một liên kết tượng trưng, không ghi qua nó`);
      continue;
    }
    if (existsSync(target)) {
      const archived = sha256(readFileSync(target));
      if (archived !== incoming) {
        result.conflicts.push({ file: rel, archived, incoming });
        continue;
      }
      result.unchanged.push(rel);
    } else {
      const tmp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
      try {
        // A year or issuer folder that is a symlink is not followed (it may point out of the archive).
        if (isLink(join(archiveDir, year)) || isLink(join(archiveDir, year, issuer))) {
          result.problems.push(`${year}/${issuer}: thư mục trong kho là liên kết tượng trưng, không ghi qua nó`);
          continue;
        }
        mkdirSync(join(archiveDir, year, issuer), { recursive: true });
        copyFileSync(join(outDir, pdf.file), tmp, constants.COPYFILE_EXCL);
        renameSync(tmp, target);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw outputError(error, target, `${result.copied.length} tệp đã chép trước đó vẫn ở trong kho, chỉ mục chưa được cập nhật`);
      }
      result.copied.push(rel);
    }
    rows.set(rel, indexRow(d, rel, incoming));
  }
  const body = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
  try {
    mkdirSync(archiveDir, { recursive: true });
    atomicWrite(indexPath, Buffer.from([COLUMNS.join(','), ...body].join('\r\n') + '\r\n'));
  } catch (error) {
    throw outputError(error, indexPath, 'các tệp đã chép vẫn ở trong kho');
  }
  return result;
}

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

function indexRow(d: ManifestEntry, rel: string, hash: string): string {
  const note = d.soKyHieu === null ? 'dự thảo chưa cấp số' : '';
  // Two Sở Tư pháp are told apart by their cơ quan chủ quản, as in the archive folder.
  const issuer = d.parent ? `${d.issuer} (${d.parent})` : d.issuer;
  return [d.soKyHieu, d.date, d.docType, d.subject, issuer, 'Tiếng Việt', d.pages, note, rel, hash].map(csvField).join(',');
}

/** The "tep" column of an index row (fields may be quoted and contain commas). */
function rowFile(line: string): string {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(cur), (cur = '');
    else cur += c;
  }
  fields.push(cur);
  return fields[COLUMNS.indexOf('tep')] ?? '';
}

export function archiveCommand(outDir: string, archiveDir: string, opts: ArchiveOptions & { json?: boolean } = {}): number {
  const r = archiveOutputs(outDir, archiveDir, opts);
  if (!r) {
    console.error(`✗ ${outDir}: không có bản kê manifest.json; chạy "vanban build" trước`);
    return 1;
  }
  if (opts.json) {
    const ok = !r.conflicts.length && !r.problems.length;
    process.stdout.write(JSON.stringify({ ok, copied: r.copied, unchanged: r.unchanged, conflicts: r.conflicts, problems: r.problems, index: join(archiveDir, INDEX) }, null, 2) + '\n');
    return ok ? 0 : 1;
  }
  for (const f of r.copied) console.log(`+ ${f}`);
  if (r.drafts.length) console.log(`· không lưu ${r.drafts.length} dự thảo chưa có số hoặc ngày (${r.drafts.join(', ')}); lưu cả dự thảo: --ca-du-thao`);
  for (const p of r.problems) console.error(`✗ ${p}`);
  for (const c of r.conflicts)
    console.error(`✗ ${c.file}: kho lưu trữ đã có tệp này với nội dung khác, không ghi đè\n    SHA-256 trong kho: ${c.archived}\n    SHA-256 mới:       ${c.incoming}`);
  console.log(`Lưu trữ: ${r.copied.length} tệp mới, ${r.unchanged.length} tệp đã có (giống hệt)${r.conflicts.length ? `, ${r.conflicts.length} tệp xung đột` : ''}; chỉ mục: ${join(archiveDir, INDEX)}`);
  return r.conflicts.length || r.problems.length ? 1 : 0;
}
