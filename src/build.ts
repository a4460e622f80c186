// The build: find the documents under the given paths, compose each, write its DOCX and PDF.
// A document whose input is invalid gets nothing written; earlier good output is replaced only by
// a complete new file (write to a temporary name, then rename).

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { Document } from './model/ast.ts';
import { InputError } from './model/errors.ts';
import { readYaml } from './read/yaml.ts';
import { composeDocument, LOAI_FIX, MISSING_LOAI } from './transform/compose.ts';
import { writeDocx } from './write/docx.ts';
import { writePdf } from './write/pdf.ts';
import { outputStem } from './archive/naming.ts';

export interface BuiltDocument {
  source: string;
  doc: Document;
  stem: string;
  docx: string;
  pdf: string;
  pages: number;
  notes: string[];
  ms: { compose: number; docx: number; pdf: number };
  bytes: { docx: Uint8Array; pdf: Uint8Array };
}

export interface BuildFailure {
  source: string;
  error: Error;
}

export interface BuildResult {
  built: BuiltDocument[];
  failed: BuildFailure[];
}

export interface BuildOptions {
  outDir: string;
  root?: string;
  write?: boolean; // false: compose and render in memory only (benchmarks)
}

/** YAML files under the paths that describe a standalone document (not an attached text, not campaign data). */
export function findDocuments(paths: string[], root = process.cwd()): { documents: string[]; failed: BuildFailure[] } {
  const files = paths.flatMap((p) => listYaml(resolve(root, p)));
  const attached = new Set<string>();
  const documents: string[] = [];
  const failed: BuildFailure[] = [];
  for (const file of files) {
    let yaml;
    try {
      yaml = readYaml(file, relative(root, file));
    } catch (error) {
      failed.push({ source: relative(root, file), error: error as Error });
      continue;
    }
    const data = yaml.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      failed.push({ source: yaml.file, error: new InputError({ file: yaml.file, line: 1, col: 1 }, '', 'tệp không chứa các trường của một văn bản', 'xem mẫu trong data/') });
      continue;
    }
    const fields = data as Record<string, unknown>;
    if ('loai' in fields) {
      documents.push(file);
      if (typeof fields.kem_theo === 'string') attached.add(resolve(dirname(file), fields.kem_theo));
    } else if (!('chu_de' in fields)) {
      failed.push({ source: yaml.file, error: new InputError(yaml.locate(['loai']), 'loai', MISSING_LOAI, LOAI_FIX) });
    }
  }
  return { documents: documents.filter((d) => !attached.has(d)), failed };
}

function listYaml(path: string): string[] {
  if (!existsSync(path)) return [path]; // reported as unreadable by readYaml
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listYaml(join(path, e.name)) : ['.yaml', '.yml'].includes(extname(e.name)) ? [join(path, e.name)] : []));
}

/** Composes and renders one document; writes its pair of files unless `write` is false. */
export async function buildOne(file: string, opts: BuildOptions): Promise<BuiltDocument> {
  const root = opts.root ?? process.cwd();
  const t0 = performance.now();
  const { doc, notes } = composeDocument(file, root);
  const t1 = performance.now();
  const docx = await writeDocx(doc);
  const t2 = performance.now();
  const pdf = await writePdf(doc);
  const t3 = performance.now();
  const stem = outputStem(doc.meta);
  const outDir = resolve(root, opts.outDir);
  const paths = { docx: join(outDir, `${stem}.docx`), pdf: join(outDir, `${stem}.pdf`) };
  if (opts.write !== false) writeBuilt({ docx: paths.docx, pdf: paths.pdf, bytes: { docx, pdf } });
  return {
    source: relative(root, file),
    doc,
    stem,
    docx: paths.docx,
    pdf: paths.pdf,
    pages: countPdfPages(pdf),
    notes,
    ms: { compose: t1 - t0, docx: t2 - t1, pdf: t3 - t2 },
    bytes: { docx, pdf },
  };
}

export async function build(paths: string[], opts: BuildOptions): Promise<BuildResult> {
  const root = opts.root ?? process.cwd();
  const { documents, failed } = findDocuments(paths, root);
  const built: BuiltDocument[] = [];
  const stems = new Map<string, string>();
  for (const file of documents) {
    try {
      const b = await buildOne(file, { ...opts, write: false });
      const clash = stems.get(b.stem);
      if (clash) throw new InputError({ file: b.source, line: 1, col: 1 }, 'so', `trùng tên tệp kết quả "${b.stem}" với ${clash} (cùng số, ký hiệu và ngày)`, 'kiểm tra số văn bản');
      stems.set(b.stem, b.source);
      built.push(b);
    } catch (error) {
      failed.push({ source: relative(root, file), error: error as Error });
    }
  }
  // Files are written only once every document has rendered: a failing one leaves nothing behind.
  if (opts.write !== false) for (const b of built) writeBuilt(b);
  return { built, failed };
}

function writeBuilt(b: Pick<BuiltDocument, 'docx' | 'pdf' | 'bytes'>): void {
  mkdirSync(dirname(b.docx), { recursive: true });
  atomicWrite(b.docx, b.bytes.docx);
  atomicWrite(b.pdf, b.bytes.pdf);
}

/** Writes beside the target and renames, so a reader never sees half a file. */
export function atomicWrite(path: string, data: Uint8Array): void {
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
