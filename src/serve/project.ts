// The one place `vanban serve` calls vanban itself: list the documents of a project, read and save its
// files, compose and render a preview of unsaved text, check it, and build the files to download.
// Every path comes from the browser, so each is confined to the project root before it is touched.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { atomicWrite } from '../io/atomic-write.ts';
import { FileRefused, isInside, readRegularFile, realPath, withUnsaved } from '../io/project-files.ts';
import { buildOne } from '../build.ts';
import { composeDocument } from '../transform/compose.ts';
import { writePdf } from '../write/pdf.ts';
import { InputError } from '../model/errors.ts';
import { jsonSchema } from '../model/json-schema.ts';
import { readYaml } from '../read/yaml.ts';
import { checkPath } from '../check/command.ts';
import { outputStem } from '../archive/naming.ts';
import { MANIFEST_JSON, readManifest, sha256 } from '../archive/manifest.ts';
import { kinds, type SchemaNode } from './client/kinds.ts';

/** Files the browser may open and save: data and bodies, nothing else. */
const EDITABLE = new Set(['.yaml', '.yml', '.md']);
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist']);

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
  error: string | null;
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
}

export interface Preview {
  pdf: Uint8Array | null;
  problems: Problem[];
  notes: string[];
  ms: number;
}

const version = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
const slash = (p: string) => p.split(sep).join('/');

export class Project {
  readonly root: string;
  readonly outDir: string;
  // Previews and saves run one at a time: the unsaved text is visible to the readers only during one.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(root: string, outDir = 'out') {
    this.root = realPath(resolve(root));
    this.outDir = resolve(this.root, outDir);
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

  /** The documents of the project: every YAML file with a "loai" field. */
  documents(): DocumentSummary[] {
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
    const manifest = existsSync(join(this.outDir, MANIFEST_JSON)) ? readManifest(this.outDir) : null;
    const built = new Map((manifest?.documents ?? []).map((d) => [d.source, d]));
    const out: DocumentSummary[] = [];
    const attached = new Map<string, string>();
    for (const file of files) {
      const rel = slash(relative(this.root, file));
      let data: Record<string, unknown>;
      try {
        const y = readYaml(file, rel).data;
        if (!y || typeof y !== 'object' || Array.isArray(y) || !('loai' in y)) continue;
        data = y as Record<string, unknown>;
      } catch (error) {
        out.push({ path: rel, loai: '?', so: null, ngay: null, trichYeu: '', state: 'dự thảo', attachedTo: null, built: 'chưa', error: error instanceof InputError ? error.message : String(error) });
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
        error: null,
      });
    }
    for (const d of out) d.attachedTo = attached.get(d.path) ?? null;
    return out;
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
        let notes: string[] = [];
        try {
          const composed = composeDocument(path, this.root);
          notes = composed.notes;
          pdf = await writePdf(composed.doc);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          problems.push({ file: slash(error.loc.file), line: error.loc.line, col: error.loc.col, field: error.field, message: error.problem, ...(error.fix ? { fix: error.fix } : {}), severity: 'lỗi' });
        }
        for (const report of await checkPath(path, { format: 'json', fix: false }, this.root))
          for (const f of report.findings)
            problems.push({ file: slash(report.file), line: f.line, col: f.col ?? 1, field: '', message: f.message, ...(f.fix ? { fix: f.fix } : {}), severity: f.severity as Problem['severity'], rule: f.rule });
        return { pdf, problems, notes, ms: performance.now() - t0 };
      }),
    );
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
