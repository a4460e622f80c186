// out/manifest.json and out/manifest.csv: every document of the build with its facts, its inputs,
// and the size and SHA-256 of each issued file, so `vanban verify` can tell what changed since.
// Paths are relative to the project root, which the manifest records (relative to out/), so the same
// document built from another folder is the same entry. A manifest of an older vanban (no "format")
// had paths relative to the folder it was run from: they are re-based when read (migrate below).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isInside, projectRoot } from '../io/project-files.ts';
import type { Meta } from '../model/ast.ts';
import { sha256 } from '../io/sha256.ts';

export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_CSV = 'manifest.csv';
/** 2: paths relative to the recorded project root; older manifests have none. */
export const MANIFEST_FORMAT = 2;

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
  issuerSlug?: string; // the issuer in names and archive folders ("so-tu-phap-an-giang"); absent in older manifests
  parent?: string | null; // its cơ quan chủ quản as written ("UBND tỉnh An Giang"); absent in older manifests
  pages: number;
  inputs: { file: string; sha256: string }[]; // every file read to build it, relative to the project
  outputs: OutputFile[];
}

export interface Manifest {
  root?: string; // the project root, relative to the output folder (".."); written as "." when not given
  documents: ManifestEntry[];
}

export { sha256 };

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
    isText(d.kind) && isText(d.docType) && isText(d.subject) && isText(d.issuer) && (d.issuerSlug === undefined || (isText(d.issuerSlug) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.issuerSlug))) && (d.parent === undefined || d.parent === null || isText(d.parent)) && typeof d.pages === 'number' &&
    Array.isArray(d.inputs) && d.inputs.every((i) => i && typeof i === 'object' && isText((i as { file: unknown }).file) && isHash((i as { sha256: unknown }).sha256)) &&
    Array.isArray(d.outputs) && d.outputs.every((o) => o && typeof o === 'object' && isOutputName((o as OutputFile).file) && isHash((o as OutputFile).sha256) && typeof (o as OutputFile).bytes === 'number')
  );
}

export interface ReadManifest extends Manifest {
  damaged: number; // entries dropped because they were not well-formed
  migrated: number; // entries of an older manifest re-based on the project root, or merged as duplicates
  recordedRoot: string | null; // absolute project root the manifest was written for (null: older manifest)
}

const posix = (p: string): string => p.split(sep).join('/');

/**
 * The manifest with its well-formed entries; null when there is none or it is not JSON of a manifest.
 * Given `root`, sources and inputs are re-based on it; `known` (absolute paths of the documents being
 * built) helps find where an older manifest's paths were relative to.
 */
export function readManifest(outDir: string, root?: string, known: string[] = []): ReadManifest | null {
  const path = join(outDir, MANIFEST_JSON);
  if (!existsSync(path)) return null;
  let m: { documents?: unknown; format?: unknown; root?: unknown };
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as typeof m;
  } catch {
    return null;
  }
  if (!m || !Array.isArray(m.documents)) return null;
  const documents = m.documents.filter(isManifestEntry);
  const damaged = m.documents.length - documents.length;
  const recordedRoot = m.format === MANIFEST_FORMAT && typeof m.root === 'string' ? resolve(outDir, m.root) : null;
  let migrated = 0;
  const rebased = documents.map((d) => {
    const base = recordedRoot ?? (root ? oldBase(d, root, outDir, known) : null);
    if (!root || !base || base === root) return d;
    if (!recordedRoot) migrated++;
    const to = (p: string) => posix(relative(root, resolve(base, p)));
    return { ...d, source: to(d.source), inputs: d.inputs.map((i) => ({ ...i, file: to(i.file) })) };
  });
  const unique = dedupe(rebased, outDir);
  return { documents: unique, damaged, migrated: migrated + rebased.length - unique.length, recordedRoot };
}

/** The folder an older manifest's entry was relative to: where its source exists with the recorded hash. */
function oldBase(d: ManifestEntry, root: string, outDir: string, known: string[]): string | null {
  const hash = d.inputs.find((i) => i.file === d.source)?.sha256;
  const matches = (base: string) => {
    const file = resolve(base, d.source);
    try {
      return existsSync(file) && (!hash || sha256(readFileSync(file)) === hash);
    } catch {
      return false;
    }
  };
  const candidates: string[] = [];
  const suffix = sep + d.source.split('/').join(sep);
  for (const k of known) if (k.endsWith(suffix)) candidates.push(k.slice(0, -suffix.length) || sep);
  for (let dir = root; ; dir = dirname(dir)) {
    candidates.push(dir);
    if (dirname(dir) === dir) break;
  }
  candidates.push(dirname(outDir));
  return candidates.find((c) => !isAbsolute(d.source) && matches(c)) ?? null;
}

/** One entry per document: the same source, or the same output files (an older manifest's duplicates). */
function dedupe(entries: ManifestEntry[], outDir: string): ManifestEntry[] {
  const intact = (d: ManifestEntry) => d.outputs.every((o) => existsSync(join(outDir, o.file)) && sha256(readFileSync(join(outDir, o.file))) === o.sha256);
  const keys = (d: ManifestEntry) => [`s:${d.source}`, `o:${d.outputs.map((o) => o.file).sort().join('|')}`];
  const kept: ManifestEntry[] = [];
  for (const d of entries) {
    const i = kept.findIndex((k) => keys(k).some((x) => keys(d).includes(x)));
    if (i < 0) kept.push(d);
    else if (!intact(kept[i]!) && intact(d)) kept[i] = d;
  }
  return kept;
}

/** The project root a manifest remembers, when it holds the data paths, the current folder and out/ itself. */
export function rememberedRoot(outDir: string, paths: string[], cwd = process.cwd()): string | null {
  const path = join(outDir, MANIFEST_JSON);
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; root?: unknown };
    if (m.format !== MANIFEST_FORMAT || typeof m.root !== 'string') return null;
    const root = resolve(outDir, m.root);
    if (dirname(root) === root || !existsSync(root)) return null; // never the whole file system
    const inside = [cwd, outDir, ...paths.map((p) => resolve(cwd, p))].every((p) => isInside(root, p));
    return inside ? root : null;
  } catch {
    return null;
  }
}

export function manifestJson(m: Manifest): string {
  const documents = [...m.documents].sort((a, b) => a.source.localeCompare(b.source));
  return JSON.stringify({ format: MANIFEST_FORMAT, root: m.root ?? '.', documents }, null, 2) + '\n';
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

/**
 * The project root of a build: as given (--root), else the one the output folder's manifest remembers (so
 * the same documents keep the same entries from any folder), else the project the paths are in.
 */
export function buildRoot(paths: string[], outDir: string, explicit?: string, cwd = process.cwd()): string {
  return (!explicit && rememberedRoot(resolve(cwd, outDir), paths, cwd)) || projectRoot(paths, cwd, explicit);
}
