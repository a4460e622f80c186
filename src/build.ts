// The build: find the documents under the given paths, compose each, write its DOCX and PDF, and
// record everything in out/manifest.json. A document whose input is invalid gets nothing written;
// earlier good output is replaced only by complete new files, staged and committed together with
// the manifest (src/io/staging.ts), one build at a time per out/ (src/io/lock.ts).
// A document whose inputs (data, body, templates, fonts, tool code) and outputs are unchanged since
// the manifest was written is skipped; `force` rebuilds everything.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from './model/ast.ts';
import { InputError } from './model/errors.ts';
import { isInside, realPath, recordingReads } from './io/project-files.ts';
import { readYaml } from './read/yaml.ts';
import { composeDocument, LOAI_FIX, MISSING_LOAI } from './transform/compose.ts';
import { hasKind, kindOf } from './kinds/index.ts';
import { issuerSlug, outputStem } from './archive/naming.ts';
import { Staging, recover } from './io/staging.ts';
import { lockFolder } from './io/lock.ts';
import { outputError } from './io/fs-errors.ts';
import { strictPlaceholderError } from './read/placeholders.ts';
import { onlyCampaignData } from './read/campaign-scan.ts';
import { renderOne, renderStream, rendersHere, type Rendered } from './write/render.ts';
import { yieldHelperThreads } from './write/helper-priority.ts';
import { heapCollector } from './write/heap-collect.ts';
import { MANIFEST_CSV, MANIFEST_JSON, manifestCsv, manifestJson, readManifest, sha256, type Manifest, type ManifestEntry } from './archive/manifest.ts';

const TOOL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Marks an input that was looked for and not found (a project template that would override). */
export const ABSENT = 'absent';

export interface BuiltDocument {
  source: string;
  doc: Document;
  stem: string;
  docx: string;
  pdf: string;
  pages: number;
  notes: string[];
  ms: { compose: number; docx: number; pdf: number };
  bytes: { docx: Uint8Array; pdf: Uint8Array }; // empty when the build ran with keepBytes: false (and doc has only its meta)
  entry: ManifestEntry;
}

export interface BuildFailure {
  source: string;
  error: Error;
}

export interface BuildResult {
  built: BuiltDocument[];
  skipped: ManifestEntry[]; // up to date, not rebuilt
  failed: BuildFailure[];
  notes: string[]; // what the build noticed about out/ itself (a damaged manifest)
}

export interface BuildOptions {
  outDir: string;
  root?: string;
  write?: boolean; // false: compose and render in memory only (benchmarks, tests)
  force?: boolean; // rebuild even when nothing changed
  strict?: boolean; // unfilled placeholders are an error, not a warning
  onWait?: (pid: number | null) => void; // called once when another build holds out/
  /**
   * false: each document's files go to the staging folder as soon as it is rendered and its bytes are
   * not kept in the result (a large batch then holds only the documents in flight). Default true.
   */
  keepBytes?: boolean;
  /** Called as each document to (re)build finishes, built or failed, with how many of `total` are done. */
  onProgress?: (done: number, total: number, result: BuiltDocument | BuildFailure) => void;
  /**
   * true: the process does nothing but this build (the command line), so it may be tuned for it: a batch rendered
   * in this thread lowers the process's other threads (V8's compiler, libuv's pool) to the lowest priority
   * (helper-priority.ts); a batch rendered by workers has this thread's heap collected every COLLECT_EVERY
   * documents (heap-collect.ts).
   */
  ownProcess?: boolean;
}

/** A file that looked like campaign data and was not parsed (see findDocuments' `defer`). */
export interface DeferredFile {
  file: string;
  real: string;
  at: number; // where its failure goes in `failed`, to keep the order a full scan gives
}

/**
 * YAML files under the paths that describe a standalone document (not an attached text, not campaign
 * data). With `defer`, a file that can only be campaign data is not parsed but returned in `deferred`:
 * the caller reads it through the documents that use it, and checks the rest with checkDeferred.
 */
export function findDocuments(paths: string[], root = process.cwd(), opts: { defer?: boolean } = {}): { documents: string[]; failed: BuildFailure[]; deferred: DeferredFile[] } {
  const files = paths.flatMap((p) => listYaml(resolve(root, p)));
  const attached = new Map<string, string>(); // real path of an attached file → the file attaching it
  const documents: { file: string; real: string; loai: unknown }[] = [];
  const failed: BuildFailure[] = [];
  const deferred: DeferredFile[] = [];
  let realRoot: string;
  try {
    realRoot = realPath(root);
  } catch {
    realRoot = root;
  }
  for (const file of files) {
    const shown = relative(root, file) || file;
    let real = file;
    try {
      real = realPath(file);
    } catch {
      // missing: reported by readYaml below
    }
    if (!isInside(realRoot, real)) {
      const how = isInside(root, file) ? ' (qua liên kết tượng trưng)' : '';
      failed.push({ source: shown, error: new InputError({ file: shown, line: 1, col: 1 }, '', `tệp dữ liệu nằm ngoài thư mục dự án${how}, không được đọc`, 'chép tệp vào thư mục dự án, hoặc chỉ thư mục dự án bằng --root') });
      continue;
    }
    if (opts.defer && onlyCampaignData(file)) {
      deferred.push({ file, real, at: failed.length });
      continue;
    }
    const c = classify(file, shown);
    if ('error' in c) failed.push(c);
    else if (c.document) {
      documents.push({ file, real, loai: c.document.loai });
      if (typeof c.document.kem_theo === 'string') {
        try {
          attached.set(realPath(resolve(dirname(file), c.document.kem_theo)), real);
        } catch {
          // missing: reported when the decision is composed
        }
      }
    }
  }
  // Only a plan attached to another document is built as part of it; a decision named by kem_theo
  // (itself, or two decisions naming each other) stays a document, so its error is reported.
  const isPart = (d: { real: string; loai: unknown }) => typeof d.loai === 'string' && hasKind(d.loai) && !!kindOf(d.loai).attachable && attached.has(d.real) && attached.get(d.real) !== d.real;
  return { documents: documents.filter((d) => !isPart(d)).map((d) => d.file), failed, deferred };
}

/** What a YAML file is: a document (its fields), campaign data (no document), or its error. */
function classify(file: string, shown: string): { document: Record<string, unknown> | null } | BuildFailure {
  let yaml;
  try {
    yaml = readYaml(file, shown);
  } catch (error) {
    return { source: shown, error: error as Error };
  }
  const data = yaml.data;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { source: yaml.file, error: new InputError({ file: yaml.file, line: 1, col: 1 }, '', 'tệp không chứa các trường của một văn bản', 'xem mẫu trong data/') };
  const fields = data as Record<string, unknown>;
  if ('loai' in fields) return { document: fields };
  if (!('chu_de' in fields)) return { source: yaml.file, error: new InputError(yaml.locate(['loai']), 'loai', MISSING_LOAI, LOAI_FIX) };
  return { document: null };
}

/**
 * The deferred files no document read in this run (`read`: real paths of the inputs of every document
 * built or skipped as up to date) are parsed now, and their failures put where a full scan puts them.
 * A file a document read parsed as campaign data, which is all the scan would have said of it.
 */
export function checkDeferred(deferred: DeferredFile[], read: Set<string>, failed: BuildFailure[], root: string): void {
  for (let i = deferred.length - 1; i >= 0; i--) {
    const d = deferred[i]!;
    if (read.has(d.real)) continue;
    const c = classify(d.file, relative(root, d.file) || d.file);
    // onlyCampaignData never lets a document through; a file that is one after all is no failure here.
    if ('error' in c) failed.splice(d.at, 0, c);
  }
}

function listYaml(path: string): string[] {
  if (!existsSync(path)) return [path]; // reported as unreadable by readYaml
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    // "*.sua.yaml" are corrected copies written by `vanban check --fix`, not documents of their own.
    .flatMap((e) => (e.isDirectory() ? listYaml(join(path, e.name)) : /\.ya?ml$/.test(e.name) && !/\.sua\.ya?ml$/.test(e.name) ? [join(path, e.name)] : []));
}

let toolId: string | undefined;
/** "vanban <version>+<hash of its code and fonts>": a new tool rebuilds everything. */
// The code hashed is src/ in a checkout (dist/ is compiled from it, so the API from the sources and the
// compiled command agree), dist/ in an installed package, which has no src/.
export function toolFingerprint(): string {
  if (toolId) return toolId;
  const pkg = JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string };
  const files = [...walk(join(TOOL_ROOT, existsSync(join(TOOL_ROOT, 'src')) ? 'src' : 'dist')), ...walk(join(TOOL_ROOT, 'fonts')), join(TOOL_ROOT, 'package-lock.json')].filter(existsSync).sort();
  const hash = sha256(files.map((f) => `${relative(TOOL_ROOT, f)}\0${sha256(readFileSync(f))}`).join('\n')).slice(0, 16);
  return (toolId = `vanban ${pkg.version}+${hash}`);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const fileHash = (path: string): string => (existsSync(path) ? sha256(readFileSync(path)) : ABSENT);

/** True when the entry's inputs and outputs are exactly as the manifest recorded them. */
function upToDate(entry: ManifestEntry, root: string, outDir: string): boolean {
  return (
    entry.inputs.every((i) => fileHash(resolve(root, i.file)) === i.sha256) &&
    entry.outputs.every((o) => fileHash(join(outDir, o.file)) === o.sha256)
  );
}

interface Composed {
  file: string;
  doc: Document;
  notes: string[];
  inputs: string[];
  absent: string[];
  /** SHA-256 of each input as composing read it (by absolute path). */
  digests: Map<string, string>;
  ms: number;
}

function composeOne(file: string, opts: BuildOptions): Composed {
  const root = opts.root ?? process.cwd();
  const t0 = performance.now();
  const { value, digests } = recordingReads(() => composeDocument(file, root));
  const { doc, notes, inputs, absent } = value;
  if (opts.strict) {
    const error = strictPlaceholderError(inputs, doc.meta.placeholders, root);
    if (error) throw error;
  }
  return { file, doc, notes, inputs, absent, digests, ms: performance.now() - t0 };
}

function assemble(c: Composed, r: Rendered, opts: BuildOptions): BuiltDocument {
  const root = opts.root ?? process.cwd();
  const { doc } = c;
  const stem = outputStem(doc.meta);
  const outDir = resolve(root, opts.outDir);
  const pages = r.pages;
  const entry: ManifestEntry = {
    source: relative(root, c.file),
    tool: toolFingerprint(),
    soKyHieu: doc.meta.soKyHieu,
    date: doc.meta.date,
    kind: doc.meta.kind,
    docType: doc.meta.docType,
    subject: doc.meta.subject,
    issuer: doc.meta.issuer,
    issuerSlug: issuerSlug(doc.meta.issuer, doc.meta.parent),
    parent: doc.meta.parent ?? null,
    pages,
    inputs: [
      // what composing read (a file saved since must not pass for what these outputs were made from)
      ...c.inputs.map((p) => ({ file: relative(root, p), sha256: c.digests.get(resolve(p)) ?? sha256(readFileSync(p)) })),
      ...c.absent.map((p) => ({ file: relative(root, p), sha256: ABSENT })),
    ],
    outputs: [
      { file: `${stem}.docx`, bytes: r.docx.byteLength, sha256: sha256(r.docx) },
      { file: `${stem}.pdf`, bytes: r.pdf.byteLength, sha256: sha256(r.pdf) },
    ],
  };
  return {
    source: entry.source,
    doc,
    stem,
    docx: join(outDir, `${stem}.docx`),
    pdf: join(outDir, `${stem}.pdf`),
    pages,
    notes: c.notes,
    ms: { compose: c.ms, docx: r.ms.docx, pdf: r.ms.pdf },
    bytes: { docx: r.docx, pdf: r.pdf },
    entry,
  };
}

/** Composes and renders one document in memory. */
export async function buildOne(file: string, opts: BuildOptions): Promise<BuiltDocument> {
  const c = composeOne(file, opts);
  return assemble(c, await renderOne(c.doc), opts);
}

export async function build(paths: string[], opts: BuildOptions): Promise<BuildResult> {
  if (opts.write === false) return buildIn(paths, opts, null);
  const root = opts.root ?? process.cwd();
  const outDir = resolve(root, opts.outDir);
  const created = !existsSync(outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw outputError(error, outDir, 'không có tệp nào được ghi');
  }
  // One build at a time per out/: the manifest is read and rewritten under the lock.
  const lock = await lockFolder(outDir, opts.onWait);
  try {
    recover(outDir);
    return await buildIn(paths, opts, outDir);
  } finally {
    lock.release();
    // A build that wrote nothing into a folder it created leaves no empty folder behind.
    if (created) rmEmpty(outDir);
  }
}

function rmEmpty(dir: string): void {
  try {
    if (!readdirSync(dir).length) rmdirSync(dir);
  } catch {
    // not empty or already gone
  }
}

/** Documents between two collections of this thread's heap in a batch rendered by workers (heap-collect.ts). */
const COLLECT_EVERY = 100;

async function buildIn(paths: string[], opts: BuildOptions, outDir: string | null): Promise<BuildResult> {
  const root = opts.root ?? process.cwd();
  const { documents, failed, deferred } = findDocuments(paths, root, { defer: true });
  const previous = outDir === null ? null : readManifest(outDir, root, documents);
  const tool = toolFingerprint();
  const known = new Map((previous?.documents ?? []).map((d) => [d.source, d]));
  const skipped: ManifestEntry[] = [];
  const pending: string[] = [];
  for (const file of documents) {
    const source = relative(root, file);
    const old = known.get(source);
    if (outDir && old && !opts.force && old.tool === tool && upToDate(old, root, outDir)) skipped.push(old);
    else pending.push(file);
  }
  // Output names already taken: by documents of this run, and by other sources still in the manifest
  // (a document built earlier from another file is never overwritten; its source must be gone first).
  const stems = new Map<string, string>();
  const here = new Set(documents.map((d) => relative(root, d)));
  for (const d of previous?.documents ?? [])
    if (here.has(d.source) ? skipped.includes(d) : existsSync(resolve(root, d.source)))
      for (const o of d.outputs) stems.set(basename(o.file, extname(o.file)), d.source);
  // Each document is composed when a renderer asks for work, checked for a name clash (in input order,
  // so the first one keeps the name) and its rendered files go to the staging folder at once: nothing is
  // in place before the commit, and a batch holds only the documents in flight.
  let staging: Staging | null = null;
  const stage = (name: string, data: Uint8Array | string, background = false) => {
    if (outDir === null) return;
    staging ??= new Staging(outDir);
    if (background) staging.addInBackground(name, data);
    else staging.add(name, data);
  };
  const renamed: string[] = [];
  const composed = new Map<number, Composed>();
  const results: Array<BuiltDocument | BuildFailure | undefined> = new Array(pending.length);
  let at = 0;
  let finished = 0;
  const report = (index: number, r: BuiltDocument | BuildFailure) => {
    results[index] = r;
    opts.onProgress?.(++finished, pending.length, r);
  };
  const next = (): { index: number; doc: Document } | null => {
    while (at < pending.length) {
      const index = at++;
      const file = pending[index]!;
      const source = relative(root, file);
      let c: Composed;
      try {
        c = composeOne(file, opts);
      } catch (error) {
        report(index, { source, error: error as Error });
        continue;
      }
      const stem = outputStem(c.doc.meta);
      const clash = stems.get(stem);
      if (clash && clash !== source) {
        report(index, { source, error: new InputError({ file: source, line: 1, col: 1 }, 'so', `trùng tên tệp kết quả "${stem}" với ${clash} (cùng số, ký hiệu, ngày và cơ quan ban hành)`, 'kiểm tra số văn bản') });
        continue;
      }
      stems.set(stem, source);
      composed.set(index, c);
      return { index, doc: c.doc };
    }
    return null;
  };
  const inThisThread = rendersHere(pending.length);
  if (opts.ownProcess && pending.length > 1 && inThisThread) yieldHelperThreads();
  const collect = opts.ownProcess && !inThisThread ? heapCollector() : null;
  const done = (index: number, r: Rendered | { error: Error }) => {
    const c = composed.get(index)!;
    composed.delete(index);
    if ('error' in r) return report(index, { source: relative(root, c.file), error: r.error });
    const b = assemble(c, r, opts);
    stage(`${b.stem}.docx`, b.bytes.docx, true);
    stage(`${b.stem}.pdf`, b.bytes.pdf, true);
    if (opts.keepBytes === false) {
      b.bytes = { docx: new Uint8Array(), pdf: new Uint8Array() };
      b.doc = { meta: b.doc.meta, parts: [] };
    }
    report(index, b);
    if (collect && finished % COLLECT_EVERY === 0) collect();
  };
  try {
    await renderStream(next, pending.length, done);
    await (staging as Staging | null)?.settle();
  } catch (error) {
    (staging as Staging | null)?.abort();
    throw error;
  }
  // Campaign files were read by the documents using them; any other is checked now.
  const read = new Set<string>();
  const addRead = (p: string) => {
    try {
      read.add(realPath(p));
    } catch {
      // gone since: not read
    }
  };
  for (const r of results) if (r && !('error' in r)) r.entry.inputs.forEach((i) => addRead(resolve(root, i.file)));
  for (const s of skipped) s.inputs.forEach((i) => i.sha256 !== ABSENT && addRead(resolve(root, i.file)));
  checkDeferred(deferred, read, failed, root);
  const built: BuiltDocument[] = [];
  for (const r of results) {
    if (!r) continue;
    if ('error' in r) failed.push(r);
    else built.push(r);
  }
  if (outDir !== null) {
    // Files are moved into place only at the commit, after every document has rendered.
    // Documents outside this run (another folder, or failing now) keep their earlier entries; an
    // entry whose outputs now belong to another source (its own source gone) is dropped.
    const taken = new Set(built.flatMap((b) => b.entry.outputs.map((o) => o.file)));
    const entries = new Map((previous?.documents ?? []).filter((d) => !d.outputs.some((o) => taken.has(o.file)) || built.some((b) => b.source === d.source)).map((d) => [d.source, d]));
    for (const s of skipped) entries.set(s.source, s);
    for (const b of built) entries.set(b.source, b.entry);
    const manifest: Manifest = { root: relative(outDir, root).split('\\').join('/') || '.', documents: [...entries.values()] };
    const json = manifestJson(manifest);
    const path = join(outDir, MANIFEST_JSON);
    // Rewritten only when it says something new: a failing or no-op build leaves out/ as it was (an
    // older manifest is migrated by the first build that writes a document).
    const changed = manifest.documents.length > 0 && (built.length > 0 || !existsSync(path)) && (!existsSync(path) || readFileSync(path, 'utf8') !== json);
    if (changed) {
      stage(MANIFEST_CSV, manifestCsv(manifest));
      stage(MANIFEST_JSON, json); // last: the commit's final rename
    }
    (staging as Staging | null)?.commit();
    renamed.push(...dropOldNames(previous?.documents ?? [], built, outDir));
  } else (staging as Staging | null)?.abort();
  // A broken shared file (campaign data) is reported once, not once per document reading it.
  const seen = new Set<string>();
  const notes = previous?.damaged ? [`bản kê ${MANIFEST_JSON} có ${previous.damaged} mục hỏng (thiếu trường hoặc sai kiểu); đã bỏ các mục đó khỏi bản kê`] : [];
  if (previous?.migrated) notes.push(`bản kê ${MANIFEST_JSON} của phiên bản vanban cũ: ${previous.migrated} mục được chuyển sang đường dẫn tính từ thư mục dự án (gộp mục trùng)`);
  notes.push(...renamed);
  return { built, skipped, failed: failed.filter((f) => !seen.has(f.error.message) && !!seen.add(f.error.message)), notes };
}

/**
 * A rebuilt document whose name changed (a new naming rule, a new number) leaves no stale file: each
 * earlier output it no longer has is removed when it is still as built, and named when it was edited.
 */
function dropOldNames(previous: ManifestEntry[], built: BuiltDocument[], outDir: string): string[] {
  const now = new Set(built.flatMap((b) => b.entry.outputs.map((o) => o.file)));
  const notes: string[] = [];
  for (const b of built) {
    const old = previous.find((d) => d.source === b.source);
    for (const o of old?.outputs ?? []) {
      if (now.has(o.file)) continue;
      const path = join(outDir, o.file);
      const newName = b.entry.outputs.find((n) => extname(n.file) === extname(o.file))?.file ?? '';
      if (fileHash(path) === o.sha256) {
        rmSync(path, { force: true });
        notes.push(`${o.file} đổi tên thành ${newName} (quy tắc đặt tên, số hay ngày đã đổi); đã bỏ tệp tên cũ`);
      } else if (existsSync(path)) notes.push(`${o.file}: tệp tên cũ của ${b.source} đã bị sửa sau khi dựng nên được giữ nguyên; tệp mới là ${newName}, xem rồi xóa tệp cũ bằng tay`);
    }
  }
  return notes;
}
