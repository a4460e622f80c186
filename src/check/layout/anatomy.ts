// Where the elements of an administrative document are in a DOCX, found by their content, not by our style
// names, so that a clerk's file or another tool's file is read the same way as ours: the Quốc hiệu and Tiêu ngữ
// by their words, the header table as the table that holds them, the "Số:" line, the place-and-date line, the
// tên loại and trích yếu after the header, the body, the Nơi nhận block. Also the formatting helpers the layout
// rules share (the runs under a piece of text, sizes, weight, alignment).

import { nfcKey } from '../composed.ts';
import { child, type DocxDocument, type DocxHeaderPart, type DocxParagraph, type DocxRun, type DocxSection } from '../docx-read.ts';
import { MOTTO, NATIONAL_NAME } from '../../text/national.ts';
import { PAGE } from '../../style/nd30.ts';
import { halfPointsToPt, twipsToPt } from './rule.ts';

export interface Para {
  p: DocxParagraph;
  /** Index in the reader's paragraph list (empty paragraphs included). */
  index: number;
  /** 1-based among the non-empty paragraphs: what the report calls "đoạn N"; 0 for an empty paragraph. */
  number: number;
  /** The text as typed. */
  text: string;
  /** The text as shown: runs formatted as all capitals (w:caps) upper-cased. Same length as `text`. */
  shown: string;
  /**
   * The shown text in Unicode NFC: what the patterns read ("Số:", the date line, "Nơi nhận"), for a file may hold its
   * letters decomposed (the `nfc` rule reports that). Excerpts and spans are of `shown`.
   */
  key: string;
}

/** A piece of a paragraph, [start, end) in its text. */
export interface Span {
  para: Para;
  start: number;
  end: number;
  /** The piece as shown. */
  text: string;
}

export type TableKind = 'header' | 'closing' | 'other';

export interface Part {
  /** Tables that hold the header (ô 1–4) of this part. */
  headerTables: number[];
  /** Header paragraphs outside any table (a header laid out with tabs or frames). */
  headerParas: Para[];
  docType?: Para;
  subject?: Para;
  /** "(Ban hành kèm theo Quyết định số …)": the part is issued with another document. */
  issuedWith?: Para;
  /** The "V/v …" line of a công văn. */
  vv?: Para;
  /** Non-empty paragraphs of the content (ô 6), outside tables. */
  body: Para[];
  closingTables: number[];
  kind: 'typed' | 'phu-luc' | 'cong-van' | 'untyped';
}

export interface RecipientBlock {
  label: Para;
  items: Para[];
}

export interface Anatomy {
  doc: DocxDocument;
  paras: Para[];
  /** Non-empty paragraphs; `texts[n - 1]` is "đoạn n". */
  texts: Para[];
  national: Span[];
  motto: Span[];
  tableKind: Map<number, TableKind>;
  tableParas: Map<number, Para[]>;
  parts: Part[];
  recipients: RecipientBlock[];
  /** Settings: separate headers for even pages (w:evenAndOddHeaders). */
  evenAndOddHeaders: boolean;
  /** Pages: as recorded by the application that saved the file, or estimated from the text. */
  pages: { known?: number; estimated: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Text matching that ignores case, diacritics, spaces and the kind of dash

const DASHES = /[\u2010-\u2015\u2212\-]/u;
const INVISIBLE = /[\s\u200b-\u200d\ufeff]/u;

/** The text folded for matching, with, for each folded character, its index in the original. */
export function fold(s: string): { key: string; at: number[] } {
  let key = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    const len = ch.length;
    if (INVISIBLE.test(ch) || /\p{M}/u.test(ch)) {
      i += len;
      continue;
    }
    let k: string;
    if (DASHES.test(ch)) k = '-';
    else if (ch === 'đ' || ch === 'Đ') k = 'd';
    else k = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const c of k) {
      key += c;
      at.push(i);
    }
    i += len;
  }
  return { key, at };
}

export const NATIONAL_KEY = fold(NATIONAL_NAME).key;
export const MOTTO_KEY = fold(MOTTO).key;

/** The end (exclusive) of the character at `i`, with the combining marks that follow it. */
function charEnd(s: string, i: number): number {
  let j = i + String.fromCodePoint(s.codePointAt(i)!).length;
  while (j < s.length && /\p{M}/u.test(String.fromCodePoint(s.codePointAt(j)!))) j += String.fromCodePoint(s.codePointAt(j)!).length;
  return j;
}

function spanOfKey(para: Para, f: { key: string; at: number[] }, from: number, length: number): Span {
  const start = f.at[from]!;
  const end = charEnd(para.shown, f.at[from + length - 1]!);
  return { para, start, end, text: para.shown.slice(start, end) };
}

/** A typed rule under a header line ("______", "------") is not part of it. */
const TRAILING_RULE = /[-_.=*]+$/u;
/** Room for an issuer's name on the same line when the header is laid out with tabs. */
const SAME_LINE_ROOM = 60;

function headerSpans(para: Para): { national?: Span; motto?: Span } {
  const f = fold(para.shown);
  const key = f.key.replace(TRAILING_RULE, '');
  const out: { national?: Span; motto?: Span } = {};
  const n = key.indexOf(NATIONAL_KEY);
  if (n >= 0 && n <= SAME_LINE_ROOM) {
    const rest = key.slice(n + NATIONAL_KEY.length);
    if (rest === '' || rest === MOTTO_KEY) {
      out.national = spanOfKey(para, f, n, NATIONAL_KEY.length);
      if (rest === MOTTO_KEY) out.motto = spanOfKey(para, f, n + NATIONAL_KEY.length, MOTTO_KEY.length);
      return out;
    }
  }
  const m = key.lastIndexOf(MOTTO_KEY);
  if (m >= 0 && m <= SAME_LINE_ROOM && m + MOTTO_KEY.length === key.length) out.motto = spanOfKey(para, f, m, MOTTO_KEY.length);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Line patterns

/** "Số: 15/QĐ-BNV", "Số 15/QĐ-BNV", "Số:     /KH-STP". */
export const NUMBER_LINE = /^Số\s*(?::|(?=[\s.…]*[\d/]))/iu;
/** "Hà Nội, ngày 05 tháng 01 năm 2020", also without the comma, a blank day and month, or other letter case. */
export const PLACE_DATE = /(?<place>\p{Lu}[\p{L}\p{M}.'’ -]{0,60}?)\s*(?<comma>,?)\s*(?<date>[nN]gày(?=[\s\d.…_])[\s\d.…_]*[tT]háng(?=[\s\d.…_])[\s\d.…_]*[nN]ăm\s+\d{4})/u;
/** Lower-case words a place name may hold ("Thành phố Hồ Chí Minh", "Thị xã Sơn Tây"); its other words are capitalized. */
const PLACE_WORDS = new Set(['thành', 'phố', 'thị', 'xã', 'trấn', 'huyện', 'quận', 'tỉnh', 'phường', 'đảo', 'đặc', 'khu']);
const isPlace = (place: string): boolean => place.trim().split(/\s+/u).every((w) => /^\p{Lu}/u.test(w) || PLACE_WORDS.has(w));

/** A line that is a place-and-date line (possibly after the "Số:" of a header laid out with tabs). */
export function isDateLine(s: string): boolean {
  const m = PLACE_DATE.exec(s);
  return m !== null && s.length - (m.index + m[0].length) <= 2 && (m.index === 0 || NUMBER_LINE.test(s)) && isPlace(m.groups!['place']!);
}

/** A place-and-date line left as a form ("…, ngày … tháng … năm …"): its type can be checked, not its words. */
export const LOOSE_DATE = /ngày\b.*tháng\b.*năm\b/iu;

/** A line typed to draw a rule ("_______", "-----"): not text of any element. */
export const isRuleLine = (s: string): boolean => /^[\s_\-–—=.*…·]+$/u.test(s);
export const SIGNATURE_LINE = /^(?:TM|KT|TL|TUQ|Q)\.\s/u;
export const RECIPIENTS = /^nơi\s+nhận\s*:?$/iu;
const ISSUED_WITH = /^\(?\s*(?:ban hành\s+)?kèm theo\b/iu;
const VV = /^V\/v\b/iu;
const BULLET = /^[-–—•+*·]/u;
const KINH_GUI = /^kính gửi\b/iu;

/** Tên loại of Phụ lục III (Nghị định 30/2020), folded; a line with one of these is a tên loại whatever its case. */
const DOC_TYPES = [
  'Nghị quyết', 'Quyết định', 'Chỉ thị', 'Quy chế', 'Quy định', 'Thông cáo', 'Thông báo', 'Hướng dẫn', 'Chương trình',
  'Kế hoạch', 'Phương án', 'Đề án', 'Dự án', 'Báo cáo', 'Biên bản', 'Tờ trình', 'Hợp đồng', 'Công điện', 'Bản ghi nhớ',
  'Bản thỏa thuận', 'Giấy ủy quyền', 'Giấy mời', 'Giấy giới thiệu', 'Giấy nghỉ phép', 'Phiếu gửi', 'Phiếu chuyển', 'Phiếu báo',
].map((t) => fold(t).key);
const PHU_LUC = /^phụ lục(?:\s+[IVXLC\d]+)?$/iu;

const hasLetters = (s: string): boolean => (s.match(/\p{L}/gu) ?? []).length >= 2;
export const isUpper = (s: string): boolean => hasLetters(s) && s === s.toLocaleUpperCase('vi');

export function isKnownDocType(shown: string): boolean {
  return DOC_TYPES.includes(fold(shown).key);
}

/** A line that can be a tên loại: a known type in any case, or a short line in capitals that does not end with ":". */
function isDocTypeLine(para: Para): boolean {
  const s = para.key.trim();
  if (isKnownDocType(s) || PHU_LUC.test(s)) return true;
  return isUpper(s) && [...s].length <= 60 && !s.endsWith(':') && !SIGNATURE_LINE.test(s) && !NUMBER_LINE.test(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting of text

export interface RunSlice {
  run: DocxRun;
  start: number;
  end: number;
}

const sliceCache = new WeakMap<DocxParagraph, RunSlice[]>();

/** The runs of a paragraph with their place in its text. */
export function runSlices(p: DocxParagraph): RunSlice[] {
  let hit = sliceCache.get(p);
  if (hit) return hit;
  hit = [];
  let at = 0;
  for (const run of p.runs) {
    hit.push({ run, start: at, end: at + run.text.length });
    at += run.text.length;
  }
  sliceCache.set(p, hit);
  return hit;
}

/** The visible runs on the baseline that carry text (not only spaces) inside the span, or the whole paragraph; footnote marks and other superscripts are left out. */
export function textRuns(target: Span | Para): DocxRun[] {
  const para = 'para' in target ? target.para : target;
  const start = 'para' in target ? target.start : 0;
  const end = 'para' in target ? target.end : para.text.length;
  return runSlices(para.p)
    .filter((s) => !s.run.props.vanish && s.run.props.vertAlign === undefined && s.end > start && s.start < end && para.text.slice(Math.max(s.start, start), Math.min(s.end, end)).trim() !== '')
    .map((s) => s.run);
}

/** Font size in points of each run; undefined where no level of the file says. */
export const sizesPt = (runs: DocxRun[]): (number | undefined)[] => runs.map((r) => (r.props.size === undefined ? undefined : halfPointsToPt(r.props.size)));
export const allBold = (runs: DocxRun[]): boolean => runs.length > 0 && runs.every((r) => r.props.bold);
export const anyBold = (runs: DocxRun[]): boolean => runs.some((r) => r.props.bold);
export const anyItalic = (runs: DocxRun[]): boolean => runs.some((r) => r.props.italic);
export const allItalic = (runs: DocxRun[]): boolean => runs.length > 0 && runs.every((r) => r.props.italic);

export type Align = 'left' | 'center' | 'right' | 'justify';

/** The paragraph's horizontal alignment, from w:jc. */
export function alignOf(para: Para): Align {
  switch (para.p.props.align) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
    case 'thaiDistribute':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
      return 'justify';
    default:
      return 'left';
  }
}

export const ALIGN_VI: Record<Align, string> = { left: 'căn trái', center: 'căn giữa', right: 'căn phải', justify: 'căn đều hai lề' };

// ---------------------------------------------------------------------------------------------------------------
// Building the anatomy

function shownText(p: DocxParagraph): string {
  return p.runs
    .map((r) => {
      if (!r.props.caps) return r.text;
      // character by character, so that the shown text keeps the length of the typed one
      return [...r.text].map((c) => {
        const u = c.toLocaleUpperCase('vi');
        return u.length === c.length ? u : c;
      }).join('');
    })
    .join('');
}

const sameCell = (a: Para, b: Para): boolean =>
  a.p.cell !== undefined && b.p.cell !== undefined && a.p.cell.table === b.p.cell.table && a.p.cell.row === b.p.cell.row && a.p.cell.col === b.p.cell.col && a.p.cell.depth === b.p.cell.depth;

export function buildAnatomy(doc: DocxDocument): Anatomy {
  let n = 0;
  const paras: Para[] = doc.paragraphs.map((p, index) => {
    const empty = p.text.trim() === '';
    const shown = shownText(p);
    return { p, index, number: empty ? 0 : ++n, text: p.text, shown, key: nfcKey(shown) };
  });
  const texts = paras.filter((x) => x.number > 0);

  const allNational: Span[] = [];
  const allMotto: Span[] = [];
  const headerHit = new Set<Para>();
  for (const para of texts) {
    const h = headerSpans(para);
    if (h.national) allNational.push(h.national);
    if (h.motto) allMotto.push(h.motto);
    if (h.national || h.motto) headerHit.add(para);
  }

  // Tables and what they hold
  const tableParas = new Map<number, Para[]>();
  for (const para of paras) {
    const t = para.p.cell?.table;
    if (t === undefined) continue;
    const list = tableParas.get(t) ?? [];
    list.push(para);
    tableParas.set(t, list);
  }
  const tableKind = new Map<number, TableKind>();
  for (const [t, list] of tableParas) {
    const shown = list.map((x) => x.key.trim());
    // the header of a document: the Quốc hiệu in its first rows, in a small table (not a table of the content that quotes it)
    const rows = Math.max(...list.map((x) => x.p.cell!.row)) + 1;
    const isHeader =
      rows <= 4 && (list.some((x) => headerHit.has(x) && x.p.cell!.row <= 1) || (shown.some((s) => NUMBER_LINE.test(s)) && shown.some(isDateLine)));
    const isClosing = shown.some((s) => RECIPIENTS.test(s) || SIGNATURE_LINE.test(s));
    tableKind.set(t, isHeader ? 'header' : isClosing ? 'closing' : 'other');
  }

  const parts = splitParts(paras, tableKind, headerHit);
  const recipients = recipientBlocks(paras);
  // the Quốc hiệu and Tiêu ngữ of the documents' headers, not the words quoted in a table or a sentence of the content
  const inHeader = new Set<Para>(parts.flatMap((p) => [...p.headerParas, ...p.headerTables.flatMap((t) => tableParas.get(t) ?? [])]));
  const national = allNational.filter((s) => inHeader.has(s.para));
  const motto = allMotto.filter((s) => inHeader.has(s.para));

  const settings = doc.pkg.xml('word/settings.xml');
  const evenAndOdd = child(settings, 'w:evenAndOddHeaders');
  const evenAndOddHeaders = evenAndOdd !== undefined && evenAndOdd.attrs['w:val'] !== '0' && evenAndOdd.attrs['w:val'] !== 'false';

  const pages: Anatomy['pages'] = { estimated: estimatePages(doc, paras) };
  if (doc.appPages !== undefined) pages.known = doc.appPages;

  return { doc, paras, texts, national, motto, tableKind, tableParas, parts, recipients, evenAndOddHeaders, pages };
}

type Item = { kind: 'table'; table: number; paras: Para[] } | { kind: 'para'; para: Para };

function items(paras: Para[]): Item[] {
  const out: Item[] = [];
  for (const para of paras) {
    const t = para.p.cell?.table;
    if (t === undefined) {
      out.push({ kind: 'para', para });
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'table' && last.table === t) last.paras.push(para);
    else out.push({ kind: 'table', table: t, paras: [para] });
  }
  return out;
}

const newPart = (): Part => ({ headerTables: [], headerParas: [], body: [], closingTables: [], kind: 'untyped' });

/** Splits the file into documents (a decision and the plan issued with it, a phụ lục), each with its elements. */
function splitParts(paras: Para[], tableKind: Map<number, TableKind>, headerHit: Set<Para>): Part[] {
  const parts: Part[] = [];
  let cur = newPart();
  // A header laid out without a table: its lines run to the last Quốc hiệu, Tiêu ngữ, "Số:" or date line near the top.
  let headerEnd = -1;
  const hasHeaderTable = [...tableKind.values()].includes('header');
  paras
    .filter((x) => !hasHeaderTable && x.number > 0 && x.p.cell === undefined)
    .slice(0, 12)
    .forEach((x) => {
      const t = x.key.trim();
      if (headerHit.has(x) || NUMBER_LINE.test(t) || isDateLine(t)) headerEnd = x.index;
    });
  type State = 'start' | 'afterDocType' | 'afterSubject' | 'body' | 'closing' | 'afterClosing';
  let inKinhGui = false;
  let state: State = 'start';
  const startPart = (): void => {
    parts.push(cur);
    cur = newPart();
  };
  const setDocType = (para: Para): void => {
    cur.docType = para;
    if (PHU_LUC.test(para.key.trim())) cur.kind = 'phu-luc';
    else if (cur.kind !== 'cong-van') cur.kind = 'typed';
  };
  for (const item of items(paras)) {
    if (item.kind === 'table') {
      const kind = tableKind.get(item.table) ?? 'other';
      if (kind === 'header') {
        if (cur.docType || cur.body.length || cur.headerTables.length || cur.closingTables.length) startPart();
        cur.headerTables.push(item.table);
        if (item.paras.some((x) => VV.test(x.key.trim()))) {
          cur.vv = item.paras.find((x) => VV.test(x.key.trim()))!;
          cur.kind = 'cong-van';
        }
        state = 'start';
      } else if (kind === 'closing') {
        cur.closingTables.push(item.table);
        state = 'afterClosing';
      }
      continue;
    }
    const para = item.para;
    if (para.number === 0) continue;
    const s = para.key.trim();
    if (isRuleLine(s)) continue;
    if (state === 'afterClosing' || state === 'closing') {
      // after the signature: a new document starts with its tên loại or its own header
      if (headerHit.has(para) || (state === 'afterClosing' ? isDocTypeLine(para) : isKnownDocType(s) || PHU_LUC.test(s))) {
        startPart();
        if (headerHit.has(para)) {
          cur.headerParas.push(para);
          state = 'start';
        } else {
          setDocType(para);
          state = 'afterDocType';
        }
      }
      continue;
    }
    if (state === 'start') {
      if (VV.test(s)) {
        cur.vv = para;
        cur.kind = 'cong-van';
        cur.headerParas.push(para);
        continue;
      }
      if (headerHit.has(para) || para.index <= headerEnd) {
        cur.headerParas.push(para);
        continue;
      }
      if (isDocTypeLine(para)) {
        setDocType(para);
        state = 'afterDocType';
        continue;
      }
      state = 'body';
    }
    if (state === 'afterDocType') {
      state = 'body';
      if (!/^(?:căn cứ|kính gửi|điều\s|chương\s|phần\s)/iu.test(s) && !ISSUED_WITH.test(s) && (alignOf(para) === 'center' || allBold(textRuns(para)))) {
        cur.subject = para;
        state = 'afterSubject';
        continue;
      }
    }
    if (state === 'afterSubject') {
      state = 'body';
      if (ISSUED_WITH.test(s)) {
        cur.issuedWith = para;
        continue;
      }
    }
    if (RECIPIENTS.test(s) || SIGNATURE_LINE.test(s)) {
      state = 'closing';
      continue;
    }
    // "Kính gửi:" and its list (ô 9a) are recipients, not content
    if (KINH_GUI.test(s)) {
      inKinhGui = true;
      continue;
    }
    if (inKinhGui && BULLET.test(s)) continue;
    inKinhGui = false;
    cur.body.push(para);
  }
  parts.push(cur);
  return parts.filter((p) => p.headerTables.length || p.headerParas.length || p.docType || p.body.length || p.closingTables.length);
}

/** The Nơi nhận blocks: the label and the recipient lines under it (in its table cell, or the lines after it). */
function recipientBlocks(paras: Para[]): RecipientBlock[] {
  const out: RecipientBlock[] = [];
  paras.forEach((label, i) => {
    if (label.number === 0 || !RECIPIENTS.test(label.key.trim())) return;
    const items: Para[] = [];
    for (let k = i + 1; k < paras.length; k++) {
      const x = paras[k]!;
      const s = x.key.trim();
      if (label.p.cell ? !sameCell(label, x) : x.p.cell !== undefined) break;
      if (x.number === 0) {
        if (items.length && !label.p.cell) break;
        continue;
      }
      if (isRuleLine(s)) continue;
      if (RECIPIENTS.test(s) || SIGNATURE_LINE.test(s) || (isUpper(s) && !BULLET.test(s))) break;
      items.push(x);
    }
    out.push({ label, items });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Headers and footers

/**
 * The header and footer parts the file's pages show, once each, with the first section that uses them: a "first"
 * part shows only with w:titlePg, an "even" one only with w:evenAndOddHeaders; otherwise no page uses it.
 */
export function shownHeaderParts(a: Anatomy): { part: DocxHeaderPart; footer: boolean; section: DocxSection }[] {
  const out: { part: DocxHeaderPart; footer: boolean; section: DocxSection }[] = [];
  const seen = new Set<string>();
  for (const s of a.doc.sectionInfo) {
    for (const [footer, parts] of [[false, s.headers], [true, s.footers]] as const) {
      for (const [type, part] of Object.entries(parts)) {
        if ((type === 'first' && !s.titlePage) || (type === 'even' && !a.evenAndOddHeaders)) continue;
        if (!part || seen.has(part.path)) continue;
        seen.add(part.path);
        out.push({ part, footer, section: s });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Page count estimate

/** Height of a single line of Times New Roman, in ems (its ascent + descent + line gap: 0.891 + 0.216 + 0.042). */
export const SINGLE_LINE_EM = 1.149;
/** Average advance of a character of Vietnamese text in Times New Roman, in ems (an upper estimate). */
const AVERAGE_ADVANCE_EM = 0.5;

/**
 * The number of pages of the file, estimated from its text: lines wrapped at the text width, line spacing and
 * paragraph spacing, page breaks. Good enough to tell a one-page letter from a longer document.
 */
function estimatePages(doc: DocxDocument, paras: Para[]): number {
  const s0 = doc.sectionInfo[0];
  const twipsPerMm = 1440 / 25.4;
  const width = twipsToPt((s0?.pageWidth ?? PAGE.widthMm * twipsPerMm) - (s0?.margins?.left ?? PAGE.margin.leftMm * twipsPerMm) - (s0?.margins?.right ?? PAGE.margin.rightMm * twipsPerMm));
  const height = twipsToPt((s0?.pageHeight ?? PAGE.heightMm * twipsPerMm) - (s0?.margins?.top ?? PAGE.margin.topMm * twipsPerMm) - (s0?.margins?.bottom ?? PAGE.margin.bottomMm * twipsPerMm));
  if (width <= 0 || height <= 0) return 1;
  const paraHeight = (para: Para, boxWidth: number): number => {
    const props = para.p.props;
    const size = halfPointsToPt(para.p.runs.find((r) => r.props.size !== undefined)?.props.size ?? para.p.markProps.size ?? 24);
    const indent = twipsToPt(Math.max(0, (props.indentLeft ?? 0) + (props.indentRight ?? 0)));
    const perLine = Math.max(1, (boxWidth - indent) / (size * AVERAGE_ADVANCE_EM));
    const lines = Math.max(1, Math.ceil([...para.text].length / perLine));
    let lineHeight = size * SINGLE_LINE_EM;
    if (props.line !== undefined) {
      if (props.lineRule === 'exact') lineHeight = twipsToPt(props.line);
      else if (props.lineRule === 'atLeast') lineHeight = Math.max(lineHeight, twipsToPt(props.line));
      else lineHeight *= props.line / 240;
    }
    return lines * lineHeight + twipsToPt((props.spacingBefore ?? 0) + (props.spacingAfter ?? 0));
  };
  let pages = 1;
  let used = 0;
  const add = (h: number): void => {
    used += h;
    while (used > height) {
      pages++;
      used -= height;
    }
  };
  const rows = new Map<string, Map<number, number>>(); // table/row → column → height
  const flushRows = (): void => {
    for (const cols of rows.values()) add(Math.max(0, ...cols.values()));
    rows.clear();
  };
  paras.forEach((para, i) => {
    if (i > 0 && para.p.section !== paras[i - 1]!.p.section) {
      flushRows();
      pages++;
      used = 0;
    }
    if (para.p.props.pageBreakBefore && used > 0) {
      flushRows();
      pages++;
      used = 0;
    }
    const cell = para.p.cell;
    if (cell) {
      const key = `${cell.table}/${cell.row}`;
      const cols = rows.get(key) ?? new Map<number, number>();
      cols.set(cell.col, (cols.get(cell.col) ?? 0) + paraHeight(para, width / 2));
      rows.set(key, cols);
      return;
    }
    flushRows();
    add(paraHeight(para, width));
    if (para.p.element.children.some((c) => typeof c !== 'string' && c.name === 'w:r' && c.children.some((b) => typeof b !== 'string' && b.name === 'w:br' && b.attrs['w:type'] === 'page'))) {
      pages++;
      used = 0;
    }
  });
  flushRows();
  return pages;
}
