// out/manifest.json and out/manifest.csv: every document of the build with its facts, its inputs,
// and the size and SHA-256 of each issued file, so `vanban verify` can tell what changed since.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meta } from '../model/ast.ts';

export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_CSV = 'manifest.csv';

export interface OutputFile {
  file: string; // name inside the output folder
  bytes: number;
  sha256: string;
}

export interface ManifestEntry {
  source: string; // the document's YAML, relative to the project
  tool: string; // the vanban that built it ("vanban <version>+<code hash>")
  soKyHieu: string | null;
  date: string | null;
  kind: Meta['kind'];
  docType: string;
  subject: string;
  issuer: string;
  pages: number;
  inputs: { file: string; sha256: string }[]; // every file read to build it, relative to the project
  outputs: OutputFile[];
}

export interface Manifest {
  documents: ManifestEntry[];
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

const isText = (v: unknown): v is string => typeof v === 'string';
const isHash = (v: unknown): boolean => isText(v) && /^([0-9a-f]{64}|absent)$/.test(v);
// A plain file name inside out/: what verify may open and archive may copy.
const isOutputName = (v: unknown): boolean => isText(v) && /^[^/\\\0]+$/.test(v) && !v.startsWith('.') && v !== '..';

/** True when `e` has every field later steps read, with the right types (a hand-edited or damaged manifest may not). */
export function isManifestEntry(e: unknown): e is ManifestEntry {
  if (!e || typeof e !== 'object') return false;
  const d = e as Record<string, unknown>;
  return (
    isText(d.source) && isText(d.tool) && (d.soKyHieu === null || isText(d.soKyHieu)) && (d.date === null || (isText(d.date) && /^\d{4}-\d{2}-\d{2}$/.test(d.date))) &&
    isText(d.kind) && isText(d.docType) && isText(d.subject) && isText(d.issuer) && typeof d.pages === 'number' &&
    Array.isArray(d.inputs) && d.inputs.every((i) => i && typeof i === 'object' && isText((i as { file: unknown }).file) && isHash((i as { sha256: unknown }).sha256)) &&
    Array.isArray(d.outputs) && d.outputs.every((o) => o && typeof o === 'object' && isOutputName((o as OutputFile).file) && isHash((o as OutputFile).sha256) && typeof (o as OutputFile).bytes === 'number')
  );
}

export interface ReadManifest extends Manifest {
  damaged: number; // entries dropped because they were not well-formed
}

/** The manifest with its well-formed entries; null when there is none or it is not JSON of a manifest. */
export function readManifest(outDir: string): ReadManifest | null {
  const path = join(outDir, MANIFEST_JSON);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { documents?: unknown };
    if (!m || !Array.isArray(m.documents)) return null;
    const documents = m.documents.filter(isManifestEntry);
    return { documents, damaged: m.documents.length - documents.length };
  } catch {
    return null;
  }
}

export function manifestJson(m: Manifest): string {
  const documents = [...m.documents].sort((a, b) => a.source.localeCompare(b.source));
  return JSON.stringify({ documents }, null, 2) + '\n';
}

const CSV_COLUMNS = ['so_ky_hieu', 'ngay', 'loai', 'ten_loai', 'trich_yeu', 'co_quan_ban_hanh', 'so_trang', 'nguon', 'tep', 'kich_thuoc', 'sha256'] as const;

export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per output file, so a spreadsheet can sort and filter issued files directly. */
export function manifestCsv(m: Manifest): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const d of [...m.documents].sort((a, b) => a.source.localeCompare(b.source)))
    for (const o of d.outputs)
      rows.push(
        [d.soKyHieu, d.date, d.kind, d.docType, d.subject, d.issuer, d.pages, d.inputs.map((i) => i.file).join(' '), o.file, o.bytes, o.sha256]
          .map(csvField)
          .join(','),
      );
  return rows.join('\r\n') + '\r\n';
}
