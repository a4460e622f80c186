// The one place `vanban serve` calls vanban itself: list the documents of a project, read and save its
// files, compose and render a preview of unsaved text, check it, and build the files to download.
// Every path comes from the browser, so each is confined to the project root before it is touched.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { atomicWrite } from '../io/atomic-write.ts';
import { FileRefused, isInside, readRegularFile, realPath, withUnsaved } from '../io/project-files.ts';
import { buildOne } from '../build.ts';
import { composeDocument } from '../transform/compose.ts';
import { drawPdf } from '../write/pdf.ts';
import { layoutDocument } from '../layout/document.ts';
import { pageKeys } from './page-keys.ts';
import { InputError } from '../model/errors.ts';
import { jsonSchema } from '../model/json-schema.ts';
import { readYaml } from '../read/yaml.ts';
import { checkProblems } from './findings.ts';
import { outputStem } from '../archive/naming.ts';
import { MANIFEST_JSON, readManifest, sha256, type ManifestEntry } from '../archive/manifest.ts';
import { derive } from '../index.ts';
import { CAMPAIGN_FILE, DEFAULT_OUT, PLAN_FILE } from '../derive/derive.ts';
import { MANIFEST as DERIVE_MANIFEST, readManifest as readDeriveManifest } from '../derive/manifest.ts';
import { REPORT_FILE } from '../derive/command.ts';
import { ACTION_TEXT } from '../derive/report.ts';
import { kinds, type SchemaNode } from './kinds.ts';

/** Files the browser may open and save: data and bodies, nothing else. */
const EDITABLE = new Set(['.yaml', '.yml', '.md']);
/** Folders the project view (and the watch of the disk) never enters, at any depth. */
export const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

/** A refusal the server answers with `status` and this Vietnamese message. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Refused';
  }
}

export interface DocumentSummary {
  path: string; // relative to the root, with "/"
  loai: string;
  so: string | null;
  ngay: string | null;
  trichYeu: string;
  state: 'dự thảo' | 'đã ban hành';
  attachedTo: string | null; // the decision this plan is issued with
  built: 'mới' | 'cũ' | 'chưa'; // out/ holds a build of the saved files, an older one, none
  lastBuild: { at: string; pages: number; files: string[] } | null; // from out/manifest.json and the files' times
  error: string | null;
}

/** What the derive form offers: the ministry campaigns and the province profiles of the project. */
export interface DeriveChoices {
  out: string;
  sources: { path: string; title: string; year: number }[];
  profiles: { path: string; name: string; set: string; from: string; to: string | null }[];
}

/** What one derive did, for the page: the folder, each file's fate and version, the report's warnings. */
export interface DeriveResult {
  dir: string;
  plan: string; // the derived plan's YAML, to open in the editor
  report: string; // bao-cao-thay-doi.md
  files: { name: string; action: string; text: string; version: string | null }[];
  warnings: string[];
  placeholders: { file: string; line: number; text: string }[];
  errors: string[];
  skipped: string[];
}

export interface Problem {
  file: string;
  line: number;
  col: number;
  field: string;
  message: string;
  fix?: string;
  severity: 'lỗi' | 'cảnh báo' | 'gợi ý';
  rule?: string;
  excerpt?: string; // the words concerned, as written: what the preview looks for on the page
}

export interface Preview {
  pdf: Uint8Array | null;
  pages: string[]; // a key per page of the PDF: what it draws (page-keys.ts)
  of?: string; // the document shown, when the file previewed is printed within another (campaign data, an attached plan)
  problems: Problem[];
  notes: string[];
  ms: number;
}

const version = sha256; // a file's version is its digest
const slash = (p: string) => p.split(sep).join('/');

export class Project {
  readonly root: string;
  readonly outDir: string;
  // Previews and saves run one at a time: the unsaved text is visible to the readers only during one.
  private queue: Promise<unknown> = Promise.resolve();

  /** The folder the page lists, relative to the root ("" for all of it): where serve was started. */
  readonly view: string;

  constructor(root: string, outDir = 'out', view = '') {
    this.root = realPath(resolve(root));
    this.outDir = resolve(this.root, outDir);
    this.view = view;
  }

  /** Whether a project-relative path lies in the folder the page lists, or in what derive writes (derived/, at the top). */
  private inView(rel: string): boolean {
    return !this.view || rel.startsWith(`${this.view}/`) || rel.startsWith(`${DEFAULT_OUT}/`);
  }

  schema(): object {
    return jsonSchema();
  }

  /**
   * The absolute path of a file the browser names: relative, inside the root with symlinks followed,
   * an editable kind. `mustExist` false allows a new file in an existing folder of the project.
   */
  resolve(given: unknown, mustExist = true): string {
    if (typeof given !== 'string' || !given) throw new Refused(400, 'thiếu đường dẫn tệp');
    if (given.includes('\0')) throw new Refused(403, 'đường dẫn có ký tự không hợp lệ, không được mở');
    if (given.startsWith('/') || /^[a-zA-Z]:/.test(given) || given.split(/[\\/]/).includes('..'))
      throw new Refused(403, `đường dẫn "${given}" nằm ngoài thư mục dự án, không được mở`);
    if (!EDITABLE.has(extname(given).toLowerCase())) throw new Refused(403, `chỉ mở được tệp .yaml, .yml và .md, không mở "${given}"`);
    const path = resolve(this.root, given);
    let real: string;
    try {
      if (existsSync(path) || mustExist) real = realPath(path);
      else {
        // A new file, perhaps in new folders: the nearest existing folder decides where it lands.
        let base = dirname(path);
        while (!existsSync(base)) base = dirname(base);
        real = join(realPath(base), relative(base, path));
      }
    } catch (error) {
      if (error instanceof FileRefused) throw new Refused(404, `không tìm thấy tệp "${given}" trong dự án`);
      throw error;
    }
    if (!isInside(this.root, real)) throw new Refused(403, `tệp "${given}" nằm ngoài thư mục dự án (qua liên kết tượng trưng), không được mở`);
    return real;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Every data file of the project (YAML, outside out/, dist/, hidden folders), parsed; unreadable ones with their error. */
  private yamlFiles(): { file: string; rel: string; data: Record<string, unknown> | null; error: string | null }[] {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && /\.ya?ml$/.test(e.name) && !/\.sua\.ya?ml$/.test(e.name)) files.push(p);
      }
    };
    walk(this.root);
    return files.map((file) => {
      const rel = slash(relative(this.root, file));
      try {
        const y = readYaml(file, rel).data;
        return { file, rel, data: y && typeof y === 'object' && !Array.isArray(y) ? (y as Record<string, unknown>) : null, error: null };
      } catch (error) {
        return { file, rel, data: null, error: error instanceof InputError ? error.message : String(error) };
      }
    });
  }

  /** The documents of the project: every YAML file with a "loai", except province profiles ("loai: tinh"). */
  documents(): DocumentSummary[] {
    const known = new Set(kinds(this.schema()).map((k) => k.properties?.loai?.const));
    const manifest = this.readManifest();
    const built = new Map((manifest?.documents ?? []).map((d) => [d.source, d]));
    const out: DocumentSummary[] = [];
    const attached = new Map<string, string>();
    for (const { file, rel, data, error } of this.yamlFiles()) {
      if (!this.inView(rel)) continue;
      if (error !== null) {
        out.push({ path: rel, loai: '?', so: null, ngay: null, trichYeu: '', state: 'dự thảo', attachedTo: null, built: 'chưa', lastBuild: null, error });
        continue;
      }
      // A province profile also says "loai" (tinh, thanh-pho): an input of derive, not a document.
      if (!data || !('loai' in data) || 'truoc_han_ngay' in data) continue;
      if (!known.has(data.loai)) {
        out.push({ path: rel, loai: String(data.loai), so: null, ngay: null, trichYeu: '', state: 'dự thảo', attachedTo: null, built: 'chưa', lastBuild: null, error: `loại văn bản "${String(data.loai)}" không có; các loại: ${[...known].join(', ')}` });
        continue;
      }
      if (typeof data.kem_theo === 'string') attached.set(slash(relative(this.root, resolve(dirname(file), data.kem_theo))), rel);
      const so = data.so === null || data.so === undefined ? null : String(data.so);
      const ngay = typeof data.ngay === 'string' ? data.ngay : null;
      const entry = built.get(relative(this.root, file));
      const fresh = entry?.inputs.every((i) => existsSync(resolve(this.root, i.file)) ? sha256(readFileSync(resolve(this.root, i.file))) === i.sha256 : i.sha256 === 'absent');
      out.push({
        path: rel,
        loai: String(data.loai),
        so,
        ngay,
        trichYeu: typeof data.trich_yeu === 'string' ? data.trich_yeu : '',
        state: so !== null && ngay !== null ? 'đã ban hành' : 'dự thảo',
        attachedTo: null,
        built: !entry ? 'chưa' : fresh ? 'mới' : 'cũ',
        lastBuild: entry ? this.lastBuild(entry) : null,
        error: null,
      });
    }
    for (const d of out) d.attachedTo = attached.get(d.path) ?? null;
    return out;
  }

  private readManifest() {
    return existsSync(join(this.outDir, MANIFEST_JSON)) ? readManifest(this.outDir, this.root) : null;
  }

  /** When the recorded outputs of `entry` were written (the newest file's time), its pages and files. */
  private lastBuild(entry: ManifestEntry): DocumentSummary['lastBuild'] {
    let at = 0;
    for (const o of entry.outputs) {
      try {
        at = Math.max(at, statSync(join(this.outDir, o.file)).mtimeMs);
      } catch {
        // a file gone from out/ since: the manifest still names it
      }
    }
    return { at: at ? new Date(at).toISOString() : '', pages: entry.pages, files: entry.outputs.map((o) => o.file) };
  }

  /** out/manifest.json as vanban reads it (sources relative to the project), or null when none. */
  manifest(): { file: string; documents: ManifestEntry[]; damaged: number } | null {
    const m = this.readManifest();
    return m ? { file: slash(relative(this.root, join(this.outDir, MANIFEST_JSON))), documents: m.documents, damaged: m.damaged } : null;
  }

  /** The versions on disk now of the files the page has open (null: gone), to notice edits by other programs. */
  versions(given: unknown[]): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const g of given) {
      const path = this.resolve(g, false);
      out[String(g)] = existsSync(path) ? version(readRegularFile(path)) : null;
    }
    return out;
  }

  /** The ministry campaigns (campaign data not made by derive) and the province profiles in the project. */
  deriveChoices(): DeriveChoices {
    const sources: DeriveChoices['sources'] = [];
    const profiles: DeriveChoices['profiles'] = [];
    for (const { file, rel, data } of this.yamlFiles()) {
      if (!data) continue;
      // The campaigns of the folder listed; the profiles of the whole project (profiles/ at its top).
      if (this.inView(rel) && typeof data.chu_de === 'string' && typeof data.nam === 'number' && !data.thuc_hien && !existsSync(join(dirname(file), DERIVE_MANIFEST)))
        sources.push({ path: rel, title: typeof data.ten === 'string' ? data.ten : data.chu_de, year: data.nam });
      const v = data.hieu_luc as { tu?: unknown; den?: unknown } | undefined;
      if ((data.loai === 'tinh' || data.loai === 'thanh-pho') && typeof data.ten === 'string' && typeof data.truoc_han_ngay === 'number' && v && typeof v.tu === 'string')
        profiles.push({ path: rel, name: data.ten, set: slash(relative(this.root, dirname(file))), from: v.tu, to: typeof v.den === 'string' ? v.den : null });
    }
    return { out: DEFAULT_OUT, sources, profiles };
  }

  /**
   * Derives one province's plan into derived/ with `vanban derive`'s own rules: a file edited by hand
   * since it was derived is kept, unless `force`; then only the versions the page was shown may be
   * replaced (`expected`: name → version), so an edit made since is never overwritten unseen.
   */
  derive(from: unknown, profile: unknown, force: unknown, expected: unknown): Promise<DeriveResult> {
    return this.serial(async () => {
      const source = this.resolve(from);
      const prof = this.resolve(profile);
      const outRoot = join(this.root, DEFAULT_OUT);
      if (existsSync(outRoot) && !isInside(this.root, realPath(outRoot))) throw new Refused(403, `thư mục ${DEFAULT_OUT}/ là liên kết ra ngoài dự án, không ghi vào đó`);
      if (force === true) {
        // What a forced run would replace must be exactly what the page showed as kept.
        const dir = this.derivedDir(source, prof);
        const shown = (expected && typeof expected === 'object' ? expected : {}) as Record<string, unknown>;
        const changed = Object.keys(shown).filter((name) => {
          const path = join(dir, name);
          const now = existsSync(path) ? version(readFileSync(path)) : null;
          return now !== shown[name];
        });
        const unshown = this.handEdited(dir).filter((name) => !(name in shown));
        if (changed.length || unshown.length)
          throw new Refused(409, `tệp ${[...changed, ...unshown].join(', ')} trong ${slash(relative(this.root, dir))} đã thay đổi trên đĩa từ khi báo; chưa ghi đè gì. Chạy lại "Sinh Kế hoạch" để xem bản mới nhất trước khi ghi đè`);
      }
      const outcome = await derive({ from: source, profile: [prof], root: this.root, force: force === true, quiet: true });
      const r = outcome.reports[0];
      const errors = outcome.failed.map((f) => f.error.message);
      const skipped = outcome.skipped.map((x) => `${x.file}: ${x.reason}`);
      if (!r) return { dir: '', plan: '', report: '', files: [], warnings: [], placeholders: [], errors: errors.length ? errors : skipped, skipped };
      const dir = resolve(this.root, r.dir);
      return {
        dir: slash(relative(this.root, dir)),
        plan: slash(relative(this.root, join(dir, PLAN_FILE))),
        report: slash(relative(this.root, join(dir, REPORT_FILE))),
        files: r.files.map((f) => ({ name: f.name, action: f.action, text: ACTION_TEXT[f.action], version: existsSync(join(dir, f.name)) ? version(readFileSync(join(dir, f.name))) : null })),
        warnings: r.warnings,
        placeholders: r.placeholders,
        errors,
        skipped,
      };
    });
  }

  /** The folder derive writes for this campaign and profile: derived/<profile's name>/<campaign's folder>. */
  private derivedDir(source: string, profile: string): string {
    return join(this.root, DEFAULT_OUT, basename(profile).replace(/\.ya?ml$/, ''), basename(dirname(source)));
  }

  /** The files of a derived folder edited by hand since derive wrote them: the ones derive keeps without --force. */
  private handEdited(dir: string): string[] {
    const recorded = readDeriveManifest(dir)?.files ?? {};
    return [PLAN_FILE, CAMPAIGN_FILE].filter((n) => existsSync(join(dir, n)) && recorded[n] !== version(readFileSync(join(dir, n))));
  }

  /** A file's saved text and the version a save must name. */
  read(given: unknown): { path: string; text: string; version: string } {
    const path = this.resolve(given);
    const data = readRegularFile(path);
    return { path: slash(relative(this.root, path)), text: data.toString('utf8'), version: version(data) };
  }

  /**
   * Saves `text` atomically, unless the file on disk is no longer the version it was loaded as
   * (`expected` null: the file must not exist yet). Returns the new version.
   */
  save(given: unknown, text: unknown, expected: unknown): Promise<{ version: string }> {
    return this.serial(async () => {
      if (typeof text !== 'string') throw new Refused(400, 'thiếu nội dung tệp');
      const path = this.resolve(given, false);
      const current = existsSync(path) ? version(readFileSync(path)) : null;
      if (current !== expected)
        throw new Refused(
          409,
          current === null
            ? `tệp "${String(given)}" đã bị xóa hoặc đổi tên trên đĩa từ khi mở; chưa lưu gì. Lưu lại sẽ tạo lại tệp, hoặc tải lại để xem danh sách mới`
            : expected === null
              ? `tệp "${String(given)}" đã có; chọn tên khác`
              : `tệp "${String(given)}" đã được sửa trên đĩa (bởi chương trình khác) từ khi mở; chưa lưu gì để không ghi đè. Tải lại tệp để xem bản trên đĩa (những chỗ sửa chưa lưu ở đây sẽ mất), hoặc chép phần đã sửa ra trước`,
          { current },
        );
      atomicWrite(path, text);
      return { version: version(text) };
    });
  }

  /** A new document of `loai`: the schema's required fields, empty, for the form to fill. */
  create(given: unknown, loai: unknown): Promise<{ path: string; version: string }> {
    const variant = kinds(this.schema()).find((v) => v.properties?.loai?.const === loai);
    if (!variant) throw new Refused(400, `không có loại văn bản "${String(loai)}"`);
    const path = this.resolve(given, false);
    if (existsSync(path)) throw new Refused(409, `tệp "${String(given)}" đã có; chọn tên khác`);
    // The body goes in a Markdown file beside the data, named by the schema's "noi_dung" field.
    const body = variant.properties?.noi_dung ? `${basename(path, extname(path))}.md` : null;
    const text = `# Tạo bằng vanban serve\n${starter(variant)}${body ? `noi_dung: ${body}\n` : ''}`;
    mkdirSync(dirname(path), { recursive: true });
    if (body && !existsSync(join(dirname(path), body))) atomicWrite(join(dirname(path), body), '# [cần điền: nội dung Điều 1]\n');
    return this.save(given, text, null).then((r) => ({ path: slash(relative(this.root, path)), version: r.version }));
  }

  /** Composes the document at `given` with the unsaved `files`, renders its PDF and checks it. */
  preview(given: unknown, files: Record<string, unknown>): Promise<Preview> {
    const path = this.resolve(given);
    const unsaved = new Map<string, Buffer>();
    for (const [name, text] of Object.entries(files ?? {})) {
      if (typeof text !== 'string') throw new Refused(400, `nội dung tệp "${name}" không phải chữ`);
      unsaved.set(this.resolve(name), Buffer.from(text, 'utf8'));
    }
    return this.serial(() =>
      withUnsaved(unsaved, async () => {
        const t0 = performance.now();
        const problems: Problem[] = [];
        let pdf: Uint8Array | null = null;
        let pages: string[] = [];
        let notes: string[] = [];
        // Campaign data, or a plan issued with its decision: the page shows the document that prints it, with the unsaved text.
        const shown = this.documentUsing(path) ?? path;
        try {
          const composed = composeDocument(shown, this.root);
          notes = composed.notes;
          const laid = layoutDocument(composed.doc);
          pdf = drawPdf(laid, composed.doc);
          pages = pageKeys(laid);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          problems.push({ file: slash(error.loc.file), line: error.loc.line, col: error.loc.col, field: error.field, message: error.problem, ...(error.fix ? { fix: error.fix } : {}), severity: 'lỗi' });
        }
        problems.push(...(await checkProblems(path, this.root)));
        if (shown !== path) problems.push(...(await checkProblems(shown, this.root)));
        return { pdf, pages, problems, notes, ms: performance.now() - t0, ...(shown !== path ? { of: slash(relative(this.root, shown)) } : {}) };
      }),
    );
  }

  private users = new Map<string, string | null>();

  /** Forgets which document uses which campaign data: files changed on disk. */
  forget(): void {
    this.users.clear();
  }

  /**
   * The document whose pages show `path`: campaign data (no "loai") is printed in the document that names
   * it in "chien_dich"; a document issued with another ("kem_theo", a plan with its decision) is
   * printed within that one's files. Null when `path` is its own document (or data no document uses).
   */
  private documentUsing(path: string): string | null {
    if (!this.users.has(path)) {
      const files = this.yamlFiles();
      const names = (data: Record<string, unknown> | null, key: string, file: string, target: string) => typeof data?.[key] === 'string' && typeof data.loai === 'string' && resolve(dirname(file), data[key]) === target;
      let user = path;
      const own = files.find((f) => f.file === path);
      if (own?.data && !('loai' in own.data)) user = files.find(({ file, data }) => names(data, 'chien_dich', file, path))?.file ?? path;
      user = files.find(({ file, data }) => names(data, 'kem_theo', file, user))?.file ?? user;
      this.users.set(path, user === path ? null : user);
    }
    return this.users.get(path)!;
  }

  /** The DOCX or PDF `vanban build` makes from the saved files, and its file name. */
  async download(given: unknown, kind: unknown): Promise<{ name: string; bytes: Uint8Array }> {
    if (kind !== 'docx' && kind !== 'pdf') throw new Refused(400, 'chỉ tải được "docx" hoặc "pdf"');
    const path = this.resolve(given);
    const built = await this.serial(() => buildOne(path, { outDir: this.outDir, root: this.root }));
    return { name: `${outputStem(built.doc.meta)}.${kind}`, bytes: built.bytes[kind] };
  }
}

/** YAML lines for the required fields of `node`, empty where the user must write something. */
function starter(node: SchemaNode, indent = ''): string {
  let text = '';
  for (const key of node.required ?? []) {
    const p = node.properties?.[key] ?? {};
    if (p.const !== undefined) text += `${indent}${key}: ${String(p.const)}\n`;
    else if (p.type === 'object') text += `${indent}${key}:\n${starter(p, `${indent}  `)}`;
    else if (p.type === 'array') text += `${indent}${key}: []\n`;
    else if (p.anyOf?.some((a) => a.type === 'null')) text += `${indent}${key}: null\n`;
    else text += `${indent}${key}: ""\n`;
  }
  return text;
}
