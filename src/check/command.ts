// `vanban check <files or globs>…`: reads each file (.docx, .pdf, .md, .txt, our data .yaml), runs the text rules
// on its lines and, for a DOCX, the layout rules; prints a Vietnamese report per file and a total (or JSON), and
// with --fix writes a corrected copy "<name>.sua<ext>" beside the original for the rules with a safe fix.
// Exit code 1 when any file has a lỗi, cannot be read, or no file matched; 3 when a file holds no document to check. checkPath is the same check for one file,
// returning the reports (the corpus score uses it).

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { atomicWrite } from '../io/atomic-write.ts';
import { FileRefused, readRegularFile, refusalText } from '../io/project-files.ts';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MAX_ENTRY_BYTES, PackageRefused, descendants, readDocx, type DocxDocument, type XmlElement } from './docx-read.ts';
import { SEVERITIES, type Finding, type Severity } from './finding.ts';
import { judged, textDamage } from './damage.ts';
import { recognizeLines, type RecognizedLines, type StructureSummary } from './structure.ts';
import { checkLayout, LAYOUT_RULES, layoutRuleById, type LayoutFinding, type RuleOutcome } from './layout.ts';
import { checkRevisions, revisionRuleById } from './layout/revisions.ts';
import { docxLines, kindOf, pdfLines, yamlLines, type DocxLines, type Kind, type TextLines } from './readers.ts';
import { checkLines, fixText, RULES, ruleById, SAFE_FIX_RULES, sortFindings } from './text.ts';
import { nfc } from './rules/tone-marks.ts';
import { englishReport } from './json.ts';
import { sampleLines, sampleRanges } from './samples.ts';
import { ocrEngine, ocrPdf } from './ocr.ts';

export interface CheckCommandOptions {
  format: 'text' | 'json';
  /** With format "json": English keys (`--json`) instead of the older Vietnamese ones (`--format json`). */
  english?: boolean;
  fix: boolean;
  /** The day "today" is for the date rules; the clock when not given. */
  today?: Date;
  /** Read a PDF without a text layer by OCR when Tesseract is installed (the default); false: never. */
  ocr?: boolean;
}

/** A finding as reported: where it is in words, and the rule's source. */
export interface ReportedFinding {
  rule: string;
  severity: Severity;
  /** Paragraph number for a DOCX ("đoạn N"), line number otherwise; 0 for the page setup or a header. */
  line: number;
  where: string;
  col?: number;
  excerpt: string;
  message: string;
  fix?: string;
  source: string | null;
  /** "layout": the formatting of a DOCX; "text": the words. */
  kind: 'layout' | 'text';
}

export interface FileReport {
  file: string;
  /** "unknown": a file named on the command line that `vanban check` does not read. */
  kind: Kind | 'unknown';
  /** For a Markdown body read through its YAML: the YAML file. */
  partOf?: string;
  findings: ReportedFinding[];
  /** DOCX: the outcome of each layout rule. */
  layout?: RuleOutcome[];
  /** DOCX: the package carries a digital signature (audit only, never rewritten). */
  signed?: boolean;
  fix?: { written?: string; changes: string[]; refused?: string };
  /** The file could not be read. */
  error?: string;
  /** What the file holds: one document, several samples, no document, or a PDF without text. */
  structure?: StructureSummary;
  /** A file of several sample forms: each sample checked on its own (samples.ts). */
  samples?: SampleReport[];
  /** A scanned PDF read by OCR: its findings rest on recognized text, each one severity lower than the rule's. */
  ocr?: { engine: string; pages: number; total: number };
}

/** One sample form of a file of samples, checked on its own lines. */
export interface SampleReport {
  /** Its heading ("Mẫu 1.2 - Quyết định (quy định trực tiếp)"). */
  title: string;
  /** Where the heading stands, as the report names places. */
  where: string;
  findings: ReportedFinding[];
}

// ---------------------------------------------------------------------------------------------------------------
// Files and globs

const MAGIC = /[*?[{]/u;
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Corrected copies written by --fix are not checked again when a glob or a folder is given. */
const isFixedCopy = (name: string): boolean => /\.sua\.[^.]+$/u.test(name);

function globRegex(pattern: string): RegExp {
  let re = '';
  const segs = pattern.split('/');
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') {
      re += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    for (let k = 0; k < seg.length; k++) {
      const c = seg[k]!;
      if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else if (c === '{') {
        const end = seg.indexOf('}', k);
        if (end < 0) re += '\\{';
        else {
          re += `(?:${seg.slice(k + 1, end).split(',').map((x) => x.replace(/[.+^$()|\\]/gu, '\\$&').replace(/\*/gu, '[^/]*').replace(/\?/gu, '[^/]')).join('|')})`;
          k = end;
        }
      } else if (c === '[') {
        const end = seg.indexOf(']', k);
        if (end < 0) re += '\\[';
        else {
          re += `[${seg.slice(k + 1, end).replace(/^!/u, '^')}]`;
          k = end;
        }
      } else re += c.replace(/[.+^$()|\\\]]/gu, '\\$&');
    }
    if (!last) re += '/';
  });
  return new RegExp(`^${re}$`, 'u');
}

function walk(dir: string, depth: number, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 1) walk(path, depth - 1, out);
    } else out.push(path);
  }
}

/**
 * Files named by the arguments: a file as given, a folder as every file `vanban check` reads under it, a pattern with
 * `*`, `**`, `?`, `[…]` or `{a,b}` as the readable files it matches. Each file once, in the order found.
 */
export function expandPatterns(patterns: string[], cwd = process.cwd()): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (!seen.has(path)) {
      seen.add(path);
      files.push(path);
    }
  };
  for (const pattern of patterns) {
    const norm = pattern.split(sep).join('/');
    if (!MAGIC.test(norm)) {
      const path = resolve(cwd, norm);
      if (!existsSync(path)) unmatched.push(pattern);
      else if (statSync(path).isDirectory()) {
        const found: string[] = [];
        walk(path, Infinity, found);
        const readable = found.filter((f) => kindOf(f) && !isFixedCopy(f));
        if (readable.length === 0) unmatched.push(pattern);
        readable.forEach(add);
      } else add(path);
      continue;
    }
    const segs = norm.split('/');
    const firstMagic = segs.findIndex((s) => MAGIC.test(s));
    const base = resolve(cwd, segs.slice(0, firstMagic).join('/') || '.');
    const rest = segs.slice(firstMagic);
    const re = globRegex(rest.join('/'));
    const found: string[] = [];
    walk(base, rest.includes('**') ? Infinity : rest.length, found);
    const hits = found.filter((f) => re.test(relative(base, f).split(sep).join('/')) && kindOf(f) && !isFixedCopy(f));
    if (hits.length === 0) unmatched.push(pattern);
    hits.forEach(add);
  }
  return { files, unmatched };
}

// ---------------------------------------------------------------------------------------------------------------
// Checking one file

const shown = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
};

/**
 * A text rule's message names other lines of the file as "dòng 20" or "dòng 20, 37": in a DOCX or a PDF those are
 * lines of the reader, named here the way the report names places ("đoạn 18", "trang 2, dòng 5").
 */
function renameLines(message: string, where: (line: number) => string): string {
  return message.replace(/\bdòng (\d+(?:, \d+)*)/gu, (_all, list: string) => {
    const places = list.split(', ').map((n) => where(Number(n)));
    const unit = /^đoạn \d+$/u.test(places[0] ?? '') && places.every((p) => /^đoạn \d+$/u.test(p)) ? 'đoạn' : '';
    return unit ? `đoạn ${places.map((p) => p.replace(/^đoạn /u, '')).join(', ')}` : places.join('; ');
  });
}

function textFindings(fs: Finding[], where: (line: number) => string, lineOf: (line: number) => number = (l) => l, rename = false, messageWhere = where): ReportedFinding[] {
  return fs.map((f) => {
    const message = rename ? renameLines(f.message, messageWhere) : f.message;
    const r: ReportedFinding = { rule: f.rule, severity: f.severity, line: lineOf(f.line), where: where(f.line), excerpt: f.excerpt, message, source: ruleById(f.rule)?.source ?? null, kind: 'text' };
    if (f.col !== undefined) r.col = f.col;
    if (f.fix !== undefined) r.fix = f.fix;
    return r;
  });
}

function layoutFindings(fs: LayoutFinding[]): ReportedFinding[] {
  return fs.map((f) => {
    const r: ReportedFinding = { rule: f.rule, severity: f.severity, line: f.line, where: f.where ?? (f.line > 0 ? `đoạn ${f.line}` : 'toàn văn bản'), excerpt: f.excerpt, message: f.message, source: (layoutRuleById(f.rule) ?? revisionRuleById(f.rule))?.source ?? null, kind: 'layout' };
    if (f.fix !== undefined) r.fix = f.fix;
    return r;
  });
}

const ruleOrder = (f: ReportedFinding): number => (f.kind === 'layout' ? LAYOUT_RULES.findIndex((r) => r.id === f.rule) : 1000 + RULES.findIndex((r) => r.id === f.rule));

function sortReported(fs: ReportedFinding[]): ReportedFinding[] {
  return [...fs].sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0) || ruleOrder(a) - ruleOrder(b) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** Whether the rules run: one document was found (not a page without one, not a file of samples, not a scan). */
const checkable = (s: StructureSummary): boolean => s.status === 'document';

/** The text rules over the recognized lines, less what a damaged copy cannot tell (damage.ts); the damage is noted. */
function checkRecognized(r: RecognizedLines, file: string, today: { today?: Date }): Finding[] {
  const d = textDamage(r.lines);
  if (d.lines.size || d.lostHyphens.length || d.gaps.length) r.summary.damaged = { lines: d.lines.size, lostHyphens: d.lostHyphens.slice(0, 3), ...(d.gaps.length ? { gaps: d.gaps.length } : {}) };
  return checkLines(r.lines, file, today).filter((f) => judged(d, f.rule, f.line - 1));
}

/** Each sample of a file of samples through the text rules, its findings placed as `place` reports them. */
function checkSamples(r: RecognizedLines, raw: readonly string[], file: string, today: { today?: Date }, place: (fs: Finding[]) => ReportedFinding[]): SampleReport[] {
  return sampleRanges(r.lines, raw).map((s) => {
    const part: RecognizedLines = { ...r, summary: { ...r.summary }, lines: sampleLines(r.lines, s) };
    return { title: s.title, where: r.where(Math.max(s.start, 0) + 1), findings: place(toOrigin(checkRecognized(part, file, today), r)) };
  });
}

/**
 * The rule that reads characters, not words, over the blocks left out as garbled: a site splits the letters
 * around the combining marks a text was typed with ("B Ộ LAO ĐỘNG"), and those marks are the document's.
 * Placed on the reader's lines already.
 */
function garbledFindings(r: RecognizedLines, file: string, today: { today?: Date }): Finding[] {
  return r.garbledText.flatMap((g) =>
    nfc.check({ lines: [g.text], file, today: today.today ?? new Date() }).map((f) => ({ ...f, line: g.line, ...(f.col !== undefined ? { col: f.col + g.offset } : {}) })),
  );
}

/** Findings on logical lines, placed back on the reader's lines (the fixes are made there). */
function toOrigin(fs: Finding[], r: RecognizedLines): Finding[] {
  return fs.flatMap((f) => {
    const o = r.origin(f.line, f.col);
    if (!o) return [];
    const moved: Finding = { ...f, line: o.line };
    if (o.col !== undefined) moved.col = o.col;
    return [moved];
  });
}

/** "ke-hoach.yaml" → "ke-hoach.sua.yaml", beside the original. */
export const fixedPath = (path: string): string => join(dirname(path), `${basename(path, extname(path))}.sua${extname(path)}`);

function fixPlain(path: string, text: string, fs: Finding[], unit: string): NonNullable<FileReport['fix']> {
  const { text: fixed, changes } = fixText(text, fs);
  const out = changes.map((c) => c.replace(/^dòng /u, `${unit} `));
  if (fixed === text) return { changes: out };
  const to = fixedPath(path);
  atomicWrite(to, fixed);
  return { written: to, changes: out };
}

/** A finding read off OCR text: one severity lower (a misread letter can make a defect that is not there). */
function lessCertain(f: ReportedFinding): ReportedFinding {
  const severity = SEVERITIES[Math.min(SEVERITIES.indexOf(f.severity) + 1, SEVERITIES.length - 1)]!;
  return { ...f, severity, message: `${f.message} (chữ nhận dạng bằng OCR: đối chiếu bản quét)` };
}

export async function checkPath(path: string, opts: CheckCommandOptions, cwd: string): Promise<FileReport[]> {
  const file = shown(path, cwd);
  const kind = kindOf(path);
  if (!kind) return [{ file, kind: 'unknown', findings: [], error: `không đọc được định dạng "${extname(path) || 'không có đuôi'}" (chỉ .docx, .pdf, .md, .txt, .yaml)` }];
  const today = opts.today ? { today: opts.today } : {};
  let buf: Buffer;
  try {
    buf = readRegularFile(path, MAX_ENTRY_BYTES);
  } catch (error) {
    const why = error instanceof FileRefused ? refusalText(error, 'tệp', file).problem : (error as Error).message;
    return [{ file, kind, findings: [], error: `không đọc được tệp: ${why}` }];
  }
  try {
    switch (kind) {
      case 'txt':
      case 'md': {
        const text = buf.toString('utf8');
        // the recognizer reads the lines as typed: it drops the site's lines itself, and counts them
        const r = recognizeLines({ lines: text.split(/\r\n|\r|\n/u), where: (l) => `dòng ${l}` }, { markdown: true });
        const report: FileReport = { file, kind, findings: [], structure: r.summary };
        if (r.summary.status === 'samples') report.samples = checkSamples(r, text.split(/\r\n|\r|\n/u), file, today, (fs) => textFindings(fs, (l) => `dòng ${l}`, (l) => l, true, r.where));
        if (!checkable(r.summary)) return [report];
        const fs = checkRecognized(r, file, today);
        const placed = sortFindings([...toOrigin(fs, r), ...garbledFindings(r, file, today)]);
        report.findings = textFindings(placed, (l) => `dòng ${l}`, (l) => l, true, r.where);
        if (opts.fix) report.fix = fixPlain(path, text, placed, 'dòng');
        return [report];
      }
      case 'yaml': {
        const text = buf.toString('utf8');
        const t = yamlLines(text);
        const fs = checkLines(t.lines, file, today);
        const report: FileReport = { file, kind, findings: textFindings(fs, t.where) };
        if (opts.fix) report.fix = fixPlain(path, text, fs, 'dòng');
        const reports = [report];
        if (t.body !== undefined) {
          const bodyPath = resolve(dirname(path), t.body);
          const [body] = await checkPath(bodyPath, opts, cwd);
          if (body) reports.push({ ...body, partOf: file });
        }
        return reports;
      }
      case 'pdf': {
        const layer = await pdfLines(buf);
        let t: TextLines = layer;
        let ocr: FileReport['ocr'];
        // A scan: its words come from OCR when it can run here, and count for less.
        if (t.lines.every((l) => l.trim() === '') && opts.ocr !== false && ocrEngine()) {
          const o = await ocrPdf(buf, layer.pages, layer.longestSide);
          ocr = { engine: o.engine, pages: o.pages, total: o.total };
          t = o;
        }
        const r = recognizeLines(t, { wrapped: false });
        if (t.lines.every((l) => l.trim() === '')) r.summary.status = 'no-text';
        const report: FileReport = { file, kind, findings: [], structure: r.summary, ...(ocr ? { ocr } : {}) };
        if (r.summary.status === 'samples') report.samples = checkSamples(r, t.lines, file, today, (fs) => textFindings(fs, t.where, (l) => l, true, r.where));
        if (!checkable(r.summary)) return [report];
        const fs = checkRecognized(r, file, today);
        report.findings = textFindings(sortFindings([...toOrigin(fs, r), ...garbledFindings(r, file, today)]), t.where, (l) => l, true, r.where);
        if (ocr) report.findings = report.findings.map(lessCertain);
        if (opts.fix) report.fix = { changes: [], refused: 'không ghi bản sửa cho PDF: sửa trên tệp DOCX hoặc dữ liệu nguồn rồi dựng lại' };
        return [report];
      }
      case 'docx': {
        const doc = readDocx(buf);
        const t = docxLines(doc);
        const r = recognizeLines(t, { wrapped: false });
        const signed = doc.signatureParts.length > 0;
        if (r.summary.status === 'samples') {
          const samples = checkSamples(r, t.lines, file, today, (fs) => textFindings(fs, t.where, (l) => t.paragraphNumber(l) ?? 0, true, r.where));
          return [{ file, kind, findings: [], structure: r.summary, signed, samples }];
        }
        if (!checkable(r.summary)) return [{ file, kind, findings: [], structure: r.summary, signed }];
        const fs = sortFindings([...toOrigin(checkRecognized(r, file, today), r), ...garbledFindings(r, file, today)]);
        const layout = checkLayout(doc);
        const report: FileReport = {
          file,
          kind,
          findings: sortReported([...layoutFindings(layout.findings), ...layoutFindings(checkRevisions(doc)), ...textFindings(fs, t.where, (l) => t.paragraphNumber(l) ?? 0, true, r.where)]),
          layout: layout.outcomes,
          signed,
          structure: r.summary,
        };
        if (opts.fix) {
          if (signed) report.fix = { changes: [], refused: 'tệp có chữ ký số: chỉ kiểm tra, không ghi bản sửa (sửa sẽ làm mất hiệu lực chữ ký)' };
          else report.fix = fixDocxFile(path, buf, doc, t, fs);
        }
        return [report];
      }
    }
  } catch (error) {
    return [{ file, kind, findings: [], error: `không đọc được tệp ${kind.toUpperCase()}: ${readProblem(error as Error)}` }];
  }
}

/** A reader's failure in the clerk's words (fflate, pdfjs and Node speak English). */
function readProblem(error: Error): string {
  if (error instanceof PackageRefused) return error.message;
  const m = error.message;
  if (/invalid zip|unexpected EOF|invalid (block|length|distance)|unknown compression/i.test(m)) return 'tệp hỏng hoặc không phải DOCX (gói ZIP không hợp lệ)';
  if (/Invalid PDF|PDF header|XRef|Bad (FCHECK|encoding)|Invalid XRef|trailer/i.test(m)) return 'tệp hỏng hoặc không phải PDF';
  if (/password/i.test(m)) return 'tệp PDF có mật khẩu';
  if (/Maximum call stack/.test(m)) return 'cấu trúc lồng nhau quá sâu';
  if (/heap|allocation|Array buffer/i.test(m)) return 'tệp quá lớn để đọc';
  return 'tệp hỏng hoặc định dạng khác thường';
}

// ---------------------------------------------------------------------------------------------------------------
// Fixing a DOCX: the safe text fixes, made inside one w:t element each

interface Piece {
  t: XmlElement | undefined;
  start: number;
  text: string;
}

const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** The pieces of a paragraph's text: each w:t with its place; tabs and breaks as pieces without an element. */
function piecesOf(doc: DocxDocument, paragraph: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const run of doc.paragraphs[paragraph]!.runs) {
    for (const p of run.pieces) {
      out.push({ t: p.t, start: at, text: p.text });
      at += p.text.length;
    }
  }
  return out;
}

/**
 * Applies the safe fixes of the text rules to a DOCX, each inside the one w:t element that holds the whole of the
 * text to change, and says what it changed and what it could not.
 */
export function fixDocx(buf: Uint8Array, doc: DocxDocument, lines: DocxLines, findings: Finding[]): { bytes?: Uint8Array; changes: string[] } {
  const changes: string[] = [];
  const edits = new Map<XmlElement, string>();
  const pieces = new Map<number, Piece[]>();
  const piecesFor = (paragraph: number): Piece[] => {
    let hit = pieces.get(paragraph);
    if (!hit) pieces.set(paragraph, (hit = piecesOf(doc, paragraph)));
    return hit;
  };
  const reflow = (list: Piece[]): void => {
    let at = 0;
    for (const p of list) {
      p.start = at;
      at += p.text.length;
    }
  };
  const safe = findings.filter((f) => SAFE_FIX_RULES.has(f.rule) && lines.source[f.line - 1] !== undefined);
  const label = (f: Finding): string => `${lines.where(f.line)} [${f.rule}]`;
  // NFC first: the other rules quote the text in NFC.
  const composed = new Set<number>();
  for (const f of safe) {
    if (f.rule !== 'nfc') continue;
    const { paragraph } = lines.source[f.line - 1]!;
    if (composed.has(paragraph)) continue;
    composed.add(paragraph);
    const list = piecesFor(paragraph);
    const split = list.some((p, i) => i > 0 && /^\p{M}/u.test(p.text.normalize('NFC')) && p.t !== undefined);
    if (split) {
      changes.push(`${label(f)}: không sửa được, dấu thanh nằm ở đoạn chữ (run) khác với chữ cái của nó`);
      continue;
    }
    for (const p of list) {
      const nfc = p.text.normalize('NFC');
      if (nfc === p.text || !p.t) continue;
      p.text = nfc;
      edits.set(p.t, nfc);
    }
    reflow(list);
    changes.push(`${label(f)}: chuyển sang Unicode dựng sẵn (NFC)`);
  }
  for (const f of safe) {
    if (f.rule === 'nfc' || !f.replacement) continue;
    const { paragraph, offset } = lines.source[f.line - 1]!;
    const list = piecesFor(paragraph);
    const text = list.map((p) => p.text).join('');
    const { from, to } = f.replacement;
    const guess = f.col !== undefined ? offset + f.col - 1 : -1;
    const at = guess >= 0 && text.startsWith(from, guess) ? guess : text.indexOf(from);
    if (at < 0) {
      changes.push(`${label(f)}: không sửa được, không tìm thấy "${from}"`);
      continue;
    }
    const piece = list.find((p) => p.t && p.start <= at && at + from.length <= p.start + p.text.length);
    if (!piece) {
      changes.push(`${label(f)}: không sửa được, "${from}" nằm trên nhiều đoạn chữ (run) định dạng khác nhau; sửa tay thành "${to}"`);
      continue;
    }
    const k = at - piece.start;
    piece.text = piece.text.slice(0, k) + to + piece.text.slice(k + from.length);
    edits.set(piece.t!, piece.text);
    reflow(list);
    changes.push(`${label(f)}: "${from}" → "${to}"`);
  }
  if (edits.size === 0) return { changes };

  // Rewrite the w:t elements in the XML text itself, everything else byte for byte.
  const xml = doc.pkg.text(doc.mainPath)!;
  const order = new Map(descendants(doc.document, 'w:t').map((t, i) => [t, i]));
  const byIndex = new Map<number, string>();
  for (const [t, text] of edits) byIndex.set(order.get(t)!, text);
  let k = -1;
  let count = 0;
  const T = /<w:t(?=[\s>/])([^>]*?)(?:\/>|>([\s\S]*?)<\/w:t>)/gu;
  const rewritten = xml.replace(T, (all, attrs: string) => {
    k++;
    count++;
    const text = byIndex.get(k);
    if (text === undefined) return all;
    const rest = attrs.replace(/\s+\/$/u, '').replace(/\s*xml:space\s*=\s*("[^"]*"|'[^']*')/u, '');
    const space = /^\s|\s$/u.test(text) ? ' xml:space="preserve"' : '';
    return `<w:t${rest}${space}>${escapeXml(text)}</w:t>`;
  });
  if (count !== order.size) return { changes: [...changes.filter((c) => c.includes('không sửa được')), 'không ghi được bản sửa: cấu trúc XML của tệp khác thường'] };
  const files = unzipSync(buf);
  files[doc.mainPath] = strToU8(rewritten);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  return { bytes: zipSync(zippable), changes };
}

function fixDocxFile(path: string, buf: Uint8Array, doc: DocxDocument, lines: DocxLines, fs: Finding[]): NonNullable<FileReport['fix']> {
  const { bytes, changes } = fixDocx(buf, doc, lines, fs);
  if (!bytes) return { changes };
  const to = fixedPath(path);
  atomicWrite(to, bytes); // replaces a symlink at "<name>.sua.docx" instead of writing through it
  return { written: to, changes };
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

const count = (fs: ReportedFinding[]): Record<Severity, number> => {
  const c = { lỗi: 0, 'cảnh báo': 0, 'gợi ý': 0 } as Record<Severity, number>;
  for (const f of fs) c[f.severity]++;
  return c;
};
const summary = (c: Record<Severity, number>): string => SEVERITIES.map((s) => `${c[s]} ${s}`).join(', ');

/** The readable report of one file. */
export function formatFileReport(r: FileReport, cwd = process.cwd()): string {
  const out: string[] = [`${r.file}:${r.partOf ? ` (nội dung của ${r.partOf})` : ''}`];
  if (r.error) {
    out.push(`không kiểm tra được: ${r.error}`);
    return out.join('\n') + '\n';
  }
  if (r.signed) out.push('tệp có chữ ký số: chỉ kiểm tra, không sửa');
  const status = r.structure?.status;
  if (r.ocr && status !== 'no-text') out.push(`PDF không có lớp chữ (bản quét): chữ được nhận dạng bằng OCR (${r.ocr.engine}, tiếng Việt), ${r.ocr.pages === r.ocr.total ? `${r.ocr.pages} trang` : `${r.ocr.pages} trang đầu trong ${r.ocr.total} trang`}; phát hiện dựa trên chữ nhận dạng nên độ tin cậy thấp hơn: mỗi phát hiện hạ một mức (lỗi thành cảnh báo, cảnh báo thành gợi ý), đối chiếu bản quét`);
  if (status === 'no-document') {
    out.push('không tìm thấy văn bản hành chính trong tệp (không có Quốc hiệu, tên loại, Nơi nhận hay dấu kết thúc "./."): không kiểm tra');
    return out.join('\n') + '\n';
  }
  if (status === 'no-text') {
    out.push(
      r.ocr
        ? `PDF không có lớp chữ (bản quét) và nhận dạng chữ (OCR, ${r.ocr.engine}) không đọc được chữ nào: không kiểm tra; cần bản PDF có chữ hoặc bản DOCX`
        : `PDF không có lớp chữ (bản quét, chỉ có ảnh): không đọc được chữ để kiểm tra; cần bản PDF có chữ, bản DOCX, hoặc nhận dạng chữ (OCR) trước${ocrEngine() ? '' : ' (cài tesseract-ocr, tesseract-ocr-vie và poppler-utils để vanban check tự nhận dạng)'}`,
    );
    return out.join('\n') + '\n';
  }
  if (status === 'samples') {
    out.push(`tệp gồm ${r.structure!.samples} mẫu văn bản (như phụ lục mẫu của Nghị định), không phải một văn bản: không kiểm tra như một văn bản`);
    if (r.samples?.length) {
      const found = r.samples.filter((s) => s.findings.length > 0).length;
      out.push(`kiểm tra riêng từng mẫu có Quốc hiệu (${r.samples.length} mẫu): ${found === 0 ? 'không mẫu nào có vấn đề' : `${found} mẫu có phát hiện`}`);
      for (const s of r.samples) {
        if (s.findings.length === 0) continue;
        out.push(`${s.title} (${s.where}):`);
        for (const f of s.findings) {
          out.push(`  ${f.where} [${f.severity}] ${f.rule}: "${f.excerpt}" — ${f.message}`);
          if (f.fix) out.push(`    Sửa: ${f.fix}`);
        }
      }
    }
    return out.join('\n') + '\n';
  }
  if (r.structure && r.structure.discarded > 0) out.push(`bỏ qua ${r.structure.discarded} dòng không thuộc văn bản (tiêu đề, thông tin của trang web, dấu kẻ bảng)`);
  const dmg = r.structure?.damaged;
  if (dmg && dmg.lines > 0) out.push(`không kiểm tra ${dmg.lines} dòng có dấu thanh tách khỏi chữ (bản sao lỗi từ PDF, như "Giao duc ́ ̣"): đối chiếu bản gốc`);
  if (dmg && dmg.lostHyphens.length > 0) out.push(`bản sao mất dấu gạch nối (như "${dmg.lostHyphens[0]}"): không kiểm tra tiêu ngữ, ký hiệu và khoảng cách; các phát hiện còn lại độ tin cậy thấp, đối chiếu bản gốc`);
  if (dmg?.gaps) out.push(`bản sao bị cắt bớt: ${dmg.gaps} dòng bắt đầu giữa chừng sau một câu đã hết (như trang web trích đoạn): không kiểm tra thứ tự đánh số; đối chiếu bản gốc`);
  if (r.structure && r.structure.garbled > 0) out.push(`không kiểm tra ${r.structure.garbled} đoạn chữ bị tách rời từng chữ cái (bản sao lỗi, như "T hủ tướ ng"): đối chiếu bản gốc`);
  if (r.findings.length === 0) out.push('không phát hiện vấn đề nào');
  for (const f of r.findings) {
    out.push(`${f.where} [${f.severity}] ${f.rule}: "${f.excerpt}" — ${f.message}`);
    if (f.fix) out.push(`  Sửa: ${f.fix}`);
    if (f.source) out.push(`  Nguồn: ${f.source}`);
  }
  if (r.layout) {
    const notEvaluated = r.layout.filter((o) => o.status === 'not-evaluated');
    const notApplicable = r.layout.filter((o) => o.status === 'not-applicable');
    const partial = r.layout.filter((o) => o.status === 'checked' && o.reason);
    const checked = r.layout.filter((o) => o.status === 'checked');
    const passed = checked.filter((o) => o.findings === 0 && !o.reason).length;
    const partlyPassed = checked.filter((o) => o.findings === 0 && o.reason).length;
    const withFindings = checked.filter((o) => o.findings > 0).length;
    if (notEvaluated.length) {
      out.push(`Không đánh giá được (${notEvaluated.length} quy tắc trình bày, không tính là đạt):`);
      for (const o of notEvaluated) out.push(`  ${o.rule}: ${o.reason}`);
    }
    if (partial.length) {
      out.push('Đánh giá được một phần:');
      for (const o of partial) out.push(`  ${o.rule}: ${o.reason}`);
    }
    if (notApplicable.length) {
      out.push('Không áp dụng:');
      for (const o of notApplicable) out.push(`  ${o.rule}: ${o.reason}`);
    }
    out.push(
      `Trình bày: ${r.layout.length} quy tắc; ${passed} đạt, ${partlyPassed} đạt phần đánh giá được, ${withFindings} có phát hiện, ${notEvaluated.length} không đánh giá được, ${notApplicable.length} không áp dụng`,
    );
  } else if (r.kind === 'pdf') {
    out.push('Trình bày: không đánh giá được trên PDF (chỉ kiểm tra chữ); kiểm tra trình bày trên tệp DOCX');
    // what the text did show of the header: the parts found, by the words
    const p = r.structure?.parts ?? {};
    const found = [p.header ? 'Quốc hiệu' : '', p.so ? 'số, ký hiệu' : '', p.dateLine ? 'địa danh, ngày tháng' : '', p.kind ? 'tên loại' : '', p.recipients ? 'Nơi nhận' : '', p.signature ? 'chữ ký' : ''].filter(Boolean);
    if (r.structure) out.push(`Phần đầu và phần cuối đọc được theo chữ: ${found.length ? found.join(', ') : 'không thấy thành phần nào'}`);
  }
  if (r.fix) {
    if (r.fix.refused) out.push(`Sửa: ${r.fix.refused}`);
    else if (r.fix.written) out.push(`Đã ghi bản sửa: ${shown(r.fix.written, cwd)}`);
    else if (r.fix.changes.length === 0) out.push('Sửa: không có gì sửa tự động được');
    else out.push('Sửa: không ghi bản sửa (không sửa được chỗ nào)');
    for (const c of r.fix.changes) out.push(`  ${c}`);
  }
  out.push(summary(count(r.findings)));
  return out.join('\n') + '\n';
}

function jsonReport(reports: FileReport[], total: Record<Severity, number>, notEvaluated: number, unmatched: string[]): string {
  return (
    JSON.stringify(
      {
        files: reports.map((r) => ({
          file: r.file,
          kind: r.kind,
          ...(r.partOf ? { partOf: r.partOf } : {}),
          ...(r.error ? { error: r.error } : {}),
          ...(r.signed !== undefined ? { signed: r.signed } : {}),
          ...(r.structure ? { structure: r.structure } : {}),
          ...(r.ocr ? { ocr: r.ocr } : {}),
          summary: count(r.findings),
          findings: r.findings,
          ...(r.layout ? { layout: r.layout } : r.kind === 'pdf' ? { layout: 'không đánh giá được trên PDF' } : {}),
          ...(r.fix ? { fix: r.fix } : {}),
        })),
        unmatched,
        summary: { files: reports.length, ...total, 'không đánh giá được': notEvaluated },
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * Checks each file once, in order; a Markdown body read through its YAML is not checked again on its own.
 * `each` sees every report as soon as it is made.
 */
export async function checkFiles(files: string[], opts: CheckCommandOptions, cwd: string, each: (r: FileReport) => void = () => {}): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const done = new Set<string>();
  for (const path of files) {
    if (done.has(path)) continue;
    done.add(path);
    for (const r of await checkPath(path, opts, cwd)) {
      if (r.partOf !== undefined) {
        const abs = resolve(cwd, r.file);
        if (done.has(abs)) continue;
        done.add(abs);
      }
      each(r);
      reports.push(r);
    }
  }
  return reports;
}

/** Exit code when no lỗi was found but some file held no document to check (no document, a scan, samples). */
export const NOT_A_DOCUMENT_EXIT = 3;

/** `vanban check`: returns the exit code (1 when any lỗi, an unreadable file, or nothing matched; 3 when a file held no document). */
export async function checkCommand(patterns: string[], opts: CheckCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const stdin = patterns.includes('-') ? stdinFile() : null;
  const { files, unmatched } = expandPatterns((patterns.length ? patterns : ['.']).filter((p) => p !== '-'), cwd);
  if (stdin) files.unshift(stdin.path);
  let reports: FileReport[];
  try {
    reports = await checkFiles(files, opts, cwd, (r) => {
      if (stdin && r.file === shown(stdin.path, cwd)) r.file = '-';
      if (opts.format === 'text') process.stdout.write(formatFileReport(r, cwd) + '\n');
    });
  } finally {
    stdin?.remove();
  }
  const total = count(reports.flatMap((r) => r.findings));
  const notEvaluated = reports.reduce((n, r) => n + (r.layout?.filter((o) => o.status === 'not-evaluated').length ?? 0), 0);
  const unreadable = reports.filter((r) => r.error).length;
  for (const u of unmatched) process.stderr.write(`không có tệp nào khớp "${u}" (vanban check đọc .docx, .pdf, .md, .txt, .yaml)\n`);
  if (opts.format === 'json') process.stdout.write(opts.english ? englishReport(reports, unmatched) : jsonReport(reports, total, notEvaluated, unmatched));
  else {
    const parts = [`Tổng cộng: ${reports.length} tệp`, summary(total)];
    if (notEvaluated) parts.push(`${notEvaluated} quy tắc trình bày không đánh giá được`);
    if (unreadable) parts.push(`${unreadable} tệp không đọc được`);
    const skipped = reports.filter((r) => r.structure && r.structure.status !== 'document').length;
    if (skipped) parts.push(`${skipped} tệp không có văn bản để kiểm tra`);
    process.stdout.write(`${parts.join('; ')}.\n`);
  }
  if (total.lỗi > 0 || unreadable > 0 || unmatched.length > 0 || reports.length === 0) return 1;
  // nothing to check in some file: no document in it, a PDF without text, a file of samples
  return reports.some((r) => r.structure && r.structure.status !== 'document') ? NOT_A_DOCUMENT_EXIT : 0;
}


/**
 * `vanban check -`: stdin, kept in a private temporary file named by what it holds (a DOCX or PDF by its
 * first bytes, else text), so it is read exactly as a file would be.
 */
function stdinFile(): { path: string; remove: () => void } {
  const data = readFileSync(0);
  const ext = data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? '.docx' : data.subarray(0, 5).toString('latin1') === '%PDF-' ? '.pdf' : '.txt';
  const dir = mkdtempSync(join(tmpdir(), 'vanban-stdin-'));
  const path = join(dir, `stdin${ext}`);
  writeFileSync(path, data, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
