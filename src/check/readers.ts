// Files → lines for the text rules of `vanban check`, each line with the place the report names it by.
// - .txt, .md: the file's own lines (plainLines: web debris and Markdown markup removed).
// - .docx: one line per paragraph in reading order; table cells are kept apart by a blank line, so the Nơi nhận
//   column and the signature column never merge into one line.
// - .pdf: the visual lines of each page (pdfjs); where a page runs in two columns (the header, the closing block)
//   the left column is read before the right one.
// - .yaml (our data files): only the text fields, each on its own line of the file; never the comments, never the
//   fields that are not prose (loai, so, ngay, mau, …). The Markdown body a document names is read on its own.

import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import type { DocxDocument } from './docx-read.ts';
import { plainLines, stripMarkdown } from './plain.ts';

export type Kind = 'txt' | 'md' | 'docx' | 'pdf' | 'yaml';

const KINDS: Record<string, Kind> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx', '.pdf': 'pdf', '.yaml': 'yaml', '.yml': 'yaml' };

/** The kind of a file by its extension; undefined for a file `vanban check` does not read. */
export const kindOf = (path: string): Kind | undefined => KINDS[extname(path).toLowerCase()];

export interface TextLines {
  lines: string[];
  /** The place of a 1-based line, as the report names it: "dòng 5", "đoạn 12", "trang 2, dòng 14". */
  where(line: number): string;
}

// ---------------------------------------------------------------------------------------------------------------
// .txt, .md

export function plainTextLines(text: string): TextLines {
  return { lines: plainLines(text), where: (line) => `dòng ${line}` };
}

// ---------------------------------------------------------------------------------------------------------------
// .docx

export interface DocxLines extends TextLines {
  /** For each line: the reader's paragraph index and where the line starts in the paragraph's text; undefined for a separator. */
  source: ({ paragraph: number; offset: number } | undefined)[];
  /** The paragraph number ("đoạn N", counting non-empty paragraphs) of a 1-based line. */
  paragraphNumber(line: number): number | undefined;
}

const cellKey = (p: DocxDocument['paragraphs'][number]): string => (p.cell ? `${p.cell.table}/${p.cell.row}/${p.cell.col}/${p.cell.depth}` : '');

export function docxLines(doc: DocxDocument): DocxLines {
  const lines: string[] = [];
  const source: DocxLines['source'] = [];
  const numbers: (number | undefined)[] = [];
  let n = 0;
  let lastKey: string | undefined;
  let gap = false;
  doc.paragraphs.forEach((p, index) => {
    const raw = p.text.replace(/[\u00a0\u202f]/gu, ' ');
    const text = raw.trim();
    if (text === '') {
      gap = true;
      return;
    }
    n++;
    const key = cellKey(p);
    if (lines.length > 0 && (gap || key !== lastKey) && lines[lines.length - 1] !== '') {
      lines.push('');
      source.push(undefined);
      numbers.push(undefined);
    }
    lines.push(text);
    source.push({ paragraph: index, offset: raw.length - raw.trimStart().length });
    numbers.push(n);
    lastKey = key;
    gap = false;
  });
  const paragraphNumber = (line: number): number | undefined => numbers[line - 1];
  return {
    lines,
    source,
    paragraphNumber,
    where: (line) => {
      const k = paragraphNumber(line);
      return k === undefined ? `dòng trống ${line}` : `đoạn ${k}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// .pdf

/** A run of text placed on a page (a PDF's text item, or a word OCR read), in points from the top left. */
export interface Item {
  str: string;
  x: number;
  y: number; // baseline, from the top of the page
  width: number;
  size: number;
}

/** The placed text of one page. */
export interface PageItems {
  width: number;
  height: number;
  items: Item[];
  /** A gap wider than this many type sizes parts two columns (COLUMN_GAP_EM unless said). */
  columnGapEm?: number;
}

interface Segment {
  text: string;
  start: number;
  end: number;
}

interface Row {
  y: number;
  size: number;
  segments: Segment[];
}

/** A horizontal gap wider than this many type sizes separates two columns of one row. */
const COLUMN_GAP_EM = 2;

/** Items of one page grouped into rows (same baseline), each row cut into segments at wide gaps. */
function rowsOf(items: Item[], columnGapEm = COLUMN_GAP_EM): Row[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(it.y - row.y) <= Math.min(row.size, it.size) / 2) {
      row.items.push(it);
      row.size = Math.max(row.size, it.size);
    } else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  return rows.map((row) => {
    const items = row.items.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const it of items) {
      const seg = segments[segments.length - 1];
      const gap = seg ? it.x - seg.end : Infinity;
      if (seg && gap <= columnGapEm * row.size) {
        const spaced = /\s$/u.test(seg.text) || /^\s/u.test(it.str);
        seg.text += (gap > it.size * 0.1 && !spaced ? ' ' : '') + it.str;
        seg.end = Math.max(seg.end, it.x + it.width);
      } else segments.push({ text: it.str, start: it.x, end: it.x + it.width });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/gu, ' ').trim();
    return { y: row.y, size: row.size, segments };
  });
}

/** The two columns of a region: everything left of the column gap [lo, hi] and everything right of it. */
interface Columns {
  lo: number; // right end of the left column so far
  hi: number; // left start of the right column so far
}

/** The columns of a row with several segments: cut at its widest gap. */
function columnsOf(row: Row): Columns {
  let best = -Infinity;
  let cols: Columns = { lo: 0, hi: 0 };
  for (let i = 1; i < row.segments.length; i++) {
    const gap = row.segments[i]!.start - row.segments[i - 1]!.end;
    if (gap > best) {
      best = gap;
      cols = { lo: row.segments[i - 1]!.end, hi: row.segments[i]!.start };
    }
  }
  return cols;
}

/** The side of each segment of a row within the columns, or undefined when a segment crosses the gap. */
function sides(row: Row, cols: Columns): ('left' | 'right')[] | undefined {
  const out: ('left' | 'right')[] = [];
  const mid = (cols.lo + cols.hi) / 2;
  let { lo, hi } = cols;
  for (const s of row.segments) {
    const left = s.end <= hi;
    const right = s.start >= lo;
    if (!left && !right) return undefined;
    const side = left && right ? ((s.start + s.end) / 2 < mid ? 'left' : 'right') : left ? 'left' : 'right';
    if (side === 'left') lo = Math.max(lo, s.end);
    else hi = Math.min(hi, s.start);
    if (lo >= hi) return undefined;
    out.push(side);
  }
  return out;
}

/** Adds a row to the columns when it fits them; returns whether it did. */
function take(row: Row, cols: Columns, into: { row: Row; sides: ('left' | 'right')[] }[], front = false): boolean {
  const s = sides(row, cols);
  if (!s) return false;
  row.segments.forEach((seg, k) => {
    if (s[k] === 'left') cols.lo = Math.max(cols.lo, seg.end);
    else cols.hi = Math.min(cols.hi, seg.start);
  });
  if (front) into.unshift({ row, sides: s });
  else into.push({ row, sides: s });
  return true;
}

/** A visual line with its place on the page; a separator (between columns, around a region) has no text. */
interface VisualLine {
  text: string;
  start: number;
  end: number;
  size: number;
  y: number;
  column: 'full' | 'left' | 'right';
}

const SEPARATOR: VisualLine = { text: '', start: 0, end: 0, size: 0, y: 0, column: 'full' };

/** Lines of one page in reading order: two-column regions left column first; a separator between columns. */
function pageLines(rows: Row[]): VisualLine[] {
  const out: VisualLine[] = [];
  let i = 0;
  const pending: Row[] = []; // single-column rows not yet written
  const line = (r: Row, segs: Segment[], column: VisualLine['column']): VisualLine => ({
    text: segs.map((x) => x.text).join(' '),
    start: segs[0]!.start,
    end: segs[segs.length - 1]!.end,
    size: r.size,
    y: r.y,
    column,
  });
  const flush = (): void => {
    for (const r of pending) out.push(line(r, r.segments, 'full'));
    pending.length = 0;
  };
  const separate = (): void => {
    if (out.length && out[out.length - 1] !== SEPARATOR) out.push(SEPARATOR);
  };
  while (i < rows.length) {
    const row = rows[i]!;
    if (row.segments.length < 2) {
      pending.push(row);
      i++;
      continue;
    }
    // the region: this row, the rows after it that keep to the columns, and the rows before it that do
    const cols = columnsOf(row);
    const region: { row: Row; sides: ('left' | 'right')[] }[] = [];
    take(row, cols, region);
    i++;
    while (i < rows.length && take(rows[i]!, cols, region)) i++;
    while (pending.length && take(pending[pending.length - 1]!, cols, region, true)) pending.pop();
    flush();
    separate();
    for (const side of ['left', 'right'] as const) {
      for (const { row: r, sides: s } of region) {
        for (const [k, seg] of r.segments.entries()) if (s[k] === side) out.push(line(r, [seg], side));
      }
      separate();
    }
  }
  flush();
  while (out[out.length - 1] === SEPARATOR) out.pop();
  return out;
}

/** A page number alone on the first or last row of a page: "2", "- 2 -", "Trang 2". */
const PAGE_NUMBER_ROW = /^(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*-)?(?:\s*\/\s*\d{1,4})?$/iu;
/** A token the layout broke after a hyphen, dash or slash ("68/QĐ-" | "BTP"). */
const BROKEN_TOKEN = /[^\s][-‐–/]$/u;
const LIST_ITEM = /^[-–—•+*·]\s/u;

/**
 * Whether `next` continues the paragraph of `prev` (a line the layout wrapped): in running text, `prev` reaches the
 * right edge and `next` starts at the left edge with no indent; in a list (Nơi nhận), `prev` is an item that has
 * not ended (no ";", "." or ":") and `next` is not a new item.
 */
function continues(prev: VisualLine, next: VisualLine, edges: { left: number; right: number }, samePage: boolean): boolean {
  if (prev.column !== next.column || prev.text === '' || next.text === '') return false;
  const size = Math.max(prev.size, next.size);
  const near = !samePage || (next.y > prev.y && next.y - prev.y <= 1.8 * size);
  if (!near) return false;
  if (LIST_ITEM.test(prev.text) && !/[;.:]$/u.test(prev.text) && !LIST_ITEM.test(next.text) && next.start >= prev.start - size) return true;
  return prev.column === 'full' && prev.end >= edges.right - 2 * size && next.start <= edges.left + 0.5 * size;
}

export async function pdfLines(buf: Uint8Array): Promise<TextLines & { pages: number; longestSide: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the array it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  const pages: PageItems[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const m = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        items.push({ str: it.str, x: m[4]!, y: m[5]!, width: it.width, size: Math.hypot(m[2]!, m[3]!) || 1 });
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return { ...pageItemLines(pages), pages: pages.length, longestSide: Math.max(0, ...pages.map((p) => Math.max(p.width, p.height))) };
}

/**
 * The lines of pages of placed text, in reading order: rows by baseline, two-column regions left column
 * first, page numbers in the margins dropped, lines the layout wrapped joined again.
 */
export function pageItemLines(pages: PageItems[]): TextLines {
  const lines: string[] = [];
  const labels: string[] = [];
  let prev: { line: VisualLine; edges: { left: number; right: number }; page: number } | undefined;
  pages.forEach(({ width, height, items, columnGapEm }, index) => {
    const n = index + 1;
    const rows = rowsOf(items, columnGapEm);
    // page numbers in the top or bottom margin are not text of the document
    const edge = height * 0.12;
    const first = rows[0];
    if (first && first.y < edge && first.segments.length === 1 && PAGE_NUMBER_ROW.test(first.segments[0]!.text)) rows.shift();
    const last = rows[rows.length - 1];
    if (last && last.y > height - edge && last.segments.length === 1 && PAGE_NUMBER_ROW.test(last.segments[0]!.text)) rows.pop();
    const visual = pageLines(rows);
    const full = visual.filter((l) => l.column === 'full' && l.text !== '');
    const edges = full.length ? { left: Math.min(...full.map((l) => l.start)), right: Math.max(...full.map((l) => l.end)) } : { left: 0, right: width };
    let k = 0;
    for (const line of visual) {
      if (line.text === '') {
        if (lines.length && lines[lines.length - 1] !== '') {
          lines.push('');
          labels.push('');
        }
        prev = undefined;
        continue;
      }
      k++;
      if (prev && continues(prev.line, line, prev.page === n ? edges : prev.edges, prev.page === n)) {
        const joined = lines[lines.length - 1]!;
        lines[lines.length - 1] = BROKEN_TOKEN.test(joined) ? joined + line.text : `${joined} ${line.text}`;
      } else {
        lines.push(line.text);
        labels.push(`trang ${n}, dòng ${k}`);
      }
      prev = { line, edges, page: n };
    }
  });
  while (lines[lines.length - 1] === '') {
    lines.pop();
    labels.pop();
  }
  return { lines, where: (line) => labels[line - 1] || `dòng ${line}` };
}

// ---------------------------------------------------------------------------------------------------------------
// .yaml

/** Fields of our data files that are not prose: codes, numbers, dates, file names, choices. */
const NOT_TEXT = new Set(['loai', 'so', 'ky_hieu', 'ngay', 'nam', 'viet_tat', 'mau', 'chien_dich', 'kem_theo', 'danh_so', 'tham_quyen', 'tu', 'den', 'uoc_tinh_den', 'han', 'han_bo', 'nguon', 'luu', 'chuan_hoa_dau']);

export interface YamlLines extends TextLines {
  /** The Markdown body the document names (`noi_dung: noi-dung.md`), relative to the YAML file. */
  body?: string;
}

/** The text fields of a YAML data file, each on its own line of the file; every other line blank. */
export function yamlLines(source: string): YamlLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) throw new Error(`tệp YAML lỗi cú pháp: ${doc.errors[0]!.message.split('\n')[0]}`);
  const raw = source.split(/\r?\n/u);
  const lines: string[] = raw.map(() => '');
  const put = (line: number, value: string): void => {
    const i = line - 1;
    // text fields may carry inline Markdown (**bold**, *italic*), as the body does
    const text = stripMarkdown(value).trim();
    if (i < 0 || i >= lines.length || text === '') return;
    lines[i] = lines[i] === '' ? text : `${lines[i]} | ${text}`;
  };
  let body: string | undefined;
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  const scalar = (node: Scalar): void => {
    if (typeof node.value !== 'string' || !node.range) return;
    const [start, end] = node.range;
    const first = lineOf(start);
    const last = lineOf(Math.max(start, end - 1));
    if (first === last) {
      put(first, node.value.trim());
      return;
    }
    // a text over several lines: each source line's own words, so that line numbers stay the file's
    const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const startCol = lineCounter.linePos(start).col - 1;
    for (let l = block ? first + 1 : first; l <= last; l++) {
      let text = raw[l - 1] ?? '';
      if (l === first) text = text.slice(startCol);
      text = text.trim();
      if (quoted && l === first) text = text.replace(/^["']/u, '');
      if (quoted && l === last) text = text.replace(/["']$/u, '');
      put(l, text);
    }
  };

  const walk = (node: unknown, key: string | undefined, depth: number): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === 'noi_dung' && depth === 0 && isScalar(pair.value) && typeof pair.value.value === 'string' && /\.(?:md|markdown|txt)$/iu.test(pair.value.value)) {
          body = pair.value.value;
          continue;
        }
        walk(pair.value, k, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, key, depth + 1);
    } else if (isScalar(node)) {
      if (key !== undefined && NOT_TEXT.has(key)) return;
      scalar(node);
    }
  };
  walk(doc.contents as Node | null, undefined, 0);
  const out: YamlLines = { lines, where: (line) => `dòng ${line}` };
  if (body !== undefined) out.body = body;
  return out;
}
