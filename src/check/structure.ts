// Finding the document inside its container before any rule runs. A web copy carries the site's title, metadata
// and `|` table-cell markers; a page excerpt wraps every sentence over several lines; a Markdown copy flattens the
// header and signature tables into rows. The recognizer turns the input lines into the document's logical lines
// (one paragraph, one Nơi nhận entry, one header line each), discards what is outside the document and says how much,
// and says when there is no document at all or several sample forms in one file.

import { composed, nfcKey } from './composed.ts';
import { DEBRIS as PLAIN_DEBRIS, stripMarkdown } from './plain.ts';
import { RECIPIENTS_LABEL_LINE } from './rules/recipients.ts';

export type StructureStatus = 'document' | 'no-document' | 'samples' | 'no-text';

export interface StructureSummary {
  status: StructureStatus;
  /** Non-empty input lines left out as not part of the document (site title, metadata, table markers). */
  discarded: number;
  /** Sample forms found in the file (two or more: a file of samples, not a document). */
  samples: number;
  /** Lines a web copy garbled by splitting words into letters ("T hủ tướ ng C h í nh ph ủ"): not checked. */
  garbled: number;
  /** A copy damaged on its way out of a PDF (damage.ts): lines not judged, and the signs that its hyphens are gone. */
  damaged?: { lines: number; lostHyphens: string[]; gaps?: number };
  /** The parts found, as input line numbers (1-based), for the report. */
  parts: Partial<Record<PartName, number>>;
}

export type PartName = 'header' | 'so' | 'dateLine' | 'kind' | 'canCu' | 'body' | 'recipients' | 'signature';

/** Where a logical line starts in the input: its 1-based line and the column of its first character. */
export interface SourceRef {
  line: number;
  offset: number;
  /** Where the wrapped input lines joined into this logical line begin in it (`at`: its 0-based column). */
  joins?: { at: number; line: number; offset: number }[];
}

export interface Recognized extends StructureSummary {
  lines: string[];
  /** The blocks left out as garbled, where they stand in the input: only rules that read characters look at them. */
  garbledText: { text: string; line: number; offset: number }[];
  /** For each logical line, where it starts in the input; undefined for a separator. */
  source: (SourceRef | undefined)[];
}

// ---------------------------------------------------------------------------------------------------------------
// What lines are

/** The national title, in capitals as it stands in a header ("CỘNG HOÀ" too; a sentence naming the country is not it). */
const NATIONAL_RE = /C[ỘO]NG\s+H[ÒÓO][AÀ]?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/u;
export const NATIONAL = { test: (s: string): boolean => NATIONAL_RE.test(nfcKey(s)) };
const MOTTO = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu;
/** The plain reader's rule marks ("---") are the document's own lines here, not debris. */
const RULE_MARKS_SOURCE = /^\^-\{3,\}\$$/u;
/** Lines a site adds around a document. */
const DEBRIS: RegExp[] = [
  ...PLAIN_DEBRIS.filter((re) => !RULE_MARKS_SOURCE.test(re.source)),
  /^\*?Source:\s*https?:\/\/\S+\*?$/iu,
  /^In bài viết$/iu,
  /^Tải bản đầy đủ(?![\p{L}\p{M}])/iu,
  /^Bạn đang xem bản rút gọn(?![\p{L}\p{M}])/iu,
  /^(?:Số hiệu|Loại văn bản|Nơi ban hành|Ngày ban hành|Ngày công báo|Lĩnh vực|Ngày hết hiệu lực|Tình trạng):.*$/u,
  /(?<![\p{L}\p{M}])cookies?(?![\p{L}\p{M}])/iu,
  /^(?:Thông tin khác|Xem thêm|Chia sẻ|Bản in|Quay lại)$/iu,
];
/** Rules drawn under the motto, the issuer and the title, and table separators. */
const RULE_MARKS = /^[\s|:]*(?:[-_*=]{3,}[\s|:]*)+$/u;
const TRAILING_RULE = /\s+[-_*]{3,}\s*$/u;
/** Names of the kinds of documents (tên loại) as they stand alone on their line. */
const KIND_LINE =
  /^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|CHỈ THỊ|THÔNG TƯ|KẾ HOẠCH|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|CÔNG ĐIỆN|GIẤY MỜI|GIẤY GIỚI THIỆU|HƯỚNG DẪN|CHƯƠNG TRÌNH|PHƯƠNG ÁN|ĐỀ ÁN|DỰ ÁN|BIÊN BẢN|QUY CHẾ|QUY ĐỊNH|THÔNG CÁO|CÔNG VĂN|GIẤY ỦY QUYỀN|PHIẾU GỬI|PHIẾU CHUYỂN|THƯ CÔNG|THƯ NGỎ|THƯ CẢM ƠN|THƯ KÊU GỌI|THƯ CHÚC MỪNG|THƯ THĂM HỎI)$/u;
/** A line that begins a new item and is never the continuation of the line before. */
const ITEM_START =
  /^(?:[-–—•+*·]\s|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)*\)\s|[a-zđ][)/]\s|[IVXLC]+\.\s|[A-Z]\.\s|(?:Điều|Chương|Phần|Mục)\s+[\dIVXLC]+(?![\p{L}\p{M}])|(?:Căn cứ|Xét|Theo đề nghị|Thực hiện|Nơi\s+nhận|Kính gửi|Đồng kính gửi)(?![\p{L}\p{M}])|(?:TM|KT|TL|TUQ|Q)\.\s|Số\s*:)/u;
/**
 * The issuing authority line of a decision, in capitals under its trích yếu (Phụ lục I, mục II.5.a; Mẫu 1.1–1.3:
 * "ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ TƯ PHÁP", "CHỦ TỊCH …"): a line of its own, never the trích yếu wrapped.
 */
const AUTHORITY_LINE =
  /^(?:[ỦU]Y BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|HIỆU TRƯỞNG|BAN THƯỜNG VỤ|CHÍNH PHỦ)(?![\p{L}\p{M}])/u;
/** A capitals line that ends on a word asking for more ("… CỦA", "… VÀ"): what follows continues it. */
const OPEN_END = /(?:^|\s)(?:CỦA|VÀ|VỚI|CHO|TẠI|THUỘC|GIỮA|ĐỐI VỚI|VỀ|TRONG|TRÊN|CÁC|NHỮNG)$/u;
const isUpper = (s: string): boolean => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');
/** A công văn's trích yếu under its number, as clerks write it: "V/v …", "V/v: …", "Về: …", "Về việc: …". */
export const VV_LINE = /^(?:V\/v|v\/v|V\/V|Về việc|Về)(?:\s*:\s*|\s+)\S/u;
/** A sample form's heading in the decree's appendix: "Mẫu 1.1 - Nghị quyết (cá biệt)". */
export const SAMPLE_HEADING = /^Mẫu\s+\d+(?:\.\d+)*\s*[-–:.]/u;

/**
 * A line whose words the copy split into letters: a third or more of its words are single letters (Vietnamese has
 * almost no one-letter words in administrative text), at least two of them.
 */
export function isGarbled(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const single = splitLetters(text).length;
  return single >= 3 && single / words.length >= 0.35;
}

/** The words of a line that are single letters ("T" of "T hủ tướ ng"); "b/c" and "K1" are words. */
function splitLetters(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((w) => w.replace(/[,;.:]$/u, '').normalize('NFC'))
    // a mark alone (cut off its letter, damage.ts) is no letter
    .filter((w) => /^\p{L}\p{M}*$/u.test(w) && [...w].length === 1 && !/^(?:ở|Ở|à|a|A|o|O)$/u.test(w));
}

/**
 * In a copy already seen garbled, a shorter line split the same way: two letters standing alone, one of them a
 * capital or a letter with a mark ("Số: 3210/QĐ - U B ND", "T hành phố Hồ Chí M inh"). The same site split the
 * whole copy; the plain small letters alone stay words, for they are point letters ("điểm b, c khoản 2").
 */
function garbledInGarbledCopy(text: string): boolean {
  const letters = splitLetters(text);
  return letters.length >= 2 && letters.some((w) => /\p{Lu}/u.test(w) || w.normalize('NFD').length > 1);
}

interface Piece {
  text: string;
  line: number; // 1-based input line
  offset: number; // column of the text in the input line
  /** From a table cell or a flattened block: never joined to its neighbours. */
  cell: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Input lines → pieces

/** Cells of a Markdown table row (or of a row a site wrote without its leading "|"), each with its column in the row. */
function cellsOf(raw: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = /^\s*\|/u.test(raw) ? raw.indexOf('|') + 1 : 0;
  for (let i = start; i <= raw.length; i++) {
    if (i === raw.length || (raw[i] === '|' && raw[i - 1] !== '\\')) {
      const cell = raw.slice(start, i);
      const lead = cell.length - cell.trimStart().length;
      if (cell.trim() !== '') out.push({ text: cell.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return out;
}

/** Splits text at the given cut points (indexes into text), trimmed, with offsets. */
function cut(text: string, offset: number, at: number[]): { text: string; offset: number }[] {
  const points = [0, ...at.filter((k) => k > 0 && k < text.length).sort((a, b) => a - b), text.length];
  const out: { text: string; offset: number }[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const part = text.slice(points[k], points[k + 1]);
    const lead = part.length - part.trimStart().length;
    if (part.trim() !== '') out.push({ text: part.trim(), offset: offset + points[k]! + lead });
  }
  return out;
}

const indexes = (text: string, re: RegExp): number[] => [...text.matchAll(re)].map((m) => m.index!);

/**
 * A block the site flattened into one line (a table cell, a run-on header): split where the document had line
 * breaks: before the motto, before "V/v", after "Nơi nhận:" and "Kính gửi:", before each "- " entry of a list.
 */
function unflatten(typed: string, offset: number): { text: string; offset: number }[] {
  // the patterns read the text in NFC; the cut points are taken back to the text as typed
  const c = composed(typed);
  const text = c.text;
  const at: number[] = [];
  const motto = MOTTO.exec(text);
  if (motto && motto.index > 0) at.push(motto.index);
  const vv = /\sV\/v(?![\p{L}\p{M}])/u.exec(text);
  if (vv && /^Số\s*:/u.test(text)) at.push(vv.index + 1);
  const label = /^(?:Nơi nhận|Kính gửi|Đồng kính gửi)\s*:/u.exec(text);
  if (label && /-\s/u.test(text.slice(label[0].length))) {
    at.push(label[0].length);
    // entries: a "- " after the end of the entry before (";", ".", ":" or a closing bracket)
    for (const k of indexes(text, /(?<=[;:.)]|^)\s+-\s+(?=\S)/gu)) if (k >= label[0].length) at.push(k);
  } else if (/^-\s.*;\s+-\s/u.test(text)) {
    for (const k of indexes(text, /(?<=[;:.)])\s+-\s+(?=\S)/gu)) at.push(k);
  }
  return cut(typed, offset, at.map(c.toTyped)).map((p) => ({ text: p.text.replace(TRAILING_RULE, ''), offset: p.offset }));
}

/**
 * `garbledCopy`: a block of this copy was found garbled. A site that split words into letters split them all through
 * the copy, so a second reading leaves out the lighter cases too (garbledInGarbledCopy).
 */
function piecesOf(input: string[], markdown: boolean, garbledCopy = false): { pieces: (Piece | undefined)[]; discarded: number; garbled: number; garbledText: Recognized['garbledText'] } {
  const pieces: (Piece | undefined)[] = [];
  const garbledText: Recognized['garbledText'] = [];
  let discarded = 0;
  let garbled = 0;
  // a garbled block is left out whole: a Nơi nhận list with half its entries gone would be judged wrong
  const garbledBlock = (text: string, line: number, offset: number): boolean => {
    if (!isGarbled(text) && !(garbledCopy && garbledInGarbledCopy(text))) return false;
    garbled++;
    garbledText.push({ text, line, offset });
    pieces.push(undefined);
    return true;
  };
  const push = (p: Piece): void => void pieces.push(p);
  input.forEach((raw0, i) => {
    const raw = raw0.replace(/[\u00a0\u202f]/gu, ' ');
    const trimmed = raw.trim();
    if (trimmed === '') {
      pieces.push(undefined);
      return;
    }
    if (RULE_MARKS.test(trimmed) || trimmed === '|' || DEBRIS.some((re) => re.test(nfcKey(trimmed)))) {
      // the rules drawn under the header are the document's; a site's lines and table markup are not
      if (!RULE_MARKS.test(trimmed) || trimmed.includes('|')) discarded++;
      pieces.push(undefined);
      return;
    }
    const line = i + 1;
    // a table row; some sites drop its leading "|" and keep the others: "Số: 130/KH-UBND | Ninh Bình, ngày … |"
    if (/^\s*\|/u.test(raw) || /\S\s+\|\s+\S.*\|\s*$/u.test(raw)) {
      pieces.push(undefined); // a table row stands apart from the lines around it
      for (const c of cellsOf(raw)) {
        const text = stripMarkdown(c.text);
        if (RULE_MARKS.test(text) || garbledBlock(text, line, c.offset)) continue;
        for (const p of unflatten(text, c.offset)) push({ ...p, line, cell: true });
        pieces.push(undefined);
      }
      return;
    }
    const lead = raw.length - raw.trimStart().length;
    const text = (markdown ? stripMarkdown(trimmed) : trimmed).trim();
    if (garbledBlock(text, line, lead)) return;
    const flat = unflatten(text.replace(TRAILING_RULE, ''), lead);
    for (const p of flat) push({ ...p, line, cell: flat.length > 1 });
  });
  return { pieces, discarded, garbled, garbledText };
}

// ---------------------------------------------------------------------------------------------------------------
// Wrapped lines

/** Whether `next` continues the sentence of `prev`: a line the page wrapped, not a new paragraph or item. */
export function continues(typedPrev: string, typedNext: string): boolean {
  const prev = nfcKey(typedPrev);
  const next = nfcKey(typedNext);
  if (prev === '' || next === '') return false;
  if (/\d\s*[-–]$/u.test(prev) && /^\d/u.test(next)) return true; // "2021 -" | "2025. Trên cơ sở…"
  if (ITEM_START.test(next) || KIND_LINE.test(next) || NATIONAL.test(next) || MOTTO.test(next)) return false;
  if (KIND_LINE.test(prev) || NATIONAL.test(prev) || MOTTO.test(prev) || /^QUYẾT ĐỊNH\s*:$/u.test(prev)) return false;
  if (/^Số\s*:$/u.test(prev)) return true;
  if (isUpper(next) && AUTHORITY_LINE.test(next) && !OPEN_END.test(prev)) return false;
  if (/[-–/]$/u.test(prev)) return true; // "2021 -" | "2025", "473/TTr -" | "NN&PTNT"
  if (/(?:\.\/\.|[.;:!?])$/u.test(prev)) return false;
  if (isUpper(prev) !== isUpper(next) && !/^\d/u.test(next)) return /^\p{Ll}/u.test(next) && !isUpper(prev);
  return /^[\p{Ll}\d(“"]/u.test(next) || isUpper(prev) || /[,\p{Ll}]$/u.test(prev);
}

/** In paragraphs (DOCX, PDF lines): a Nơi nhận entry the writer broke after a comma: "- HĐND, UBND các tỉnh," | "thành phố…;". */
export function entryContinues(typedPrev: string, typedNext: string): boolean {
  const prev = nfcKey(typedPrev);
  const next = nfcKey(typedNext);
  return /^-\s/u.test(prev) && /,$/u.test(prev) && /^\p{Ll}/u.test(next) && !ITEM_START.test(next);
}

// ---------------------------------------------------------------------------------------------------------------
// The document inside

/** Counts sample forms: "Mẫu 1.1 - …" headings (a document with an attached plan has two headers, not samples). */
const countSamples = (lines: string[]): number => lines.filter((l) => SAMPLE_HEADING.test(nfcKey(l))).length;

function findParts(lines: string[], source: (SourceRef | undefined)[]): StructureSummary['parts'] {
  const parts: StructureSummary['parts'] = {};
  const at = (i: number): number => source[i]?.line ?? 0;
  lines.forEach((typed, i) => {
    const l = nfcKey(typed);
    if (parts.header === undefined && NATIONAL.test(l)) parts.header = at(i);
    else if (parts.so === undefined && /^Số\s*:/u.test(l)) parts.so = at(i);
    else if (parts.dateLine === undefined && /^[^,;]{2,40},\s*ngày(?![\p{L}\p{M}])/u.test(l)) parts.dateLine = at(i);
    else if (parts.kind === undefined && KIND_LINE.test(l)) parts.kind = at(i);
    else if (parts.canCu === undefined && /^Căn cứ(?![\p{L}\p{M}])/u.test(l)) parts.canCu = at(i);
    else if (parts.recipients === undefined && RECIPIENTS_LABEL_LINE.test(l)) parts.recipients = at(i);
    else if (parts.signature === undefined && /^(?:TM|KT|TL|TUQ|Q)\.\s/u.test(l)) parts.signature = at(i);
  });
  return parts;
}

/**
 * Recognizes the document in the lines of a text or Markdown file (or the lines a DOCX or PDF reader produced:
 * `markdown` false, `wrapped` false for DOCX paragraphs). Returns the logical lines the rules check.
 */
export function recognize(input: string[], opts: { markdown?: boolean; wrapped?: boolean } = {}): Recognized {
  let read = piecesOf(input, opts.markdown ?? false);
  if (read.garbled > 0) read = piecesOf(input, opts.markdown ?? false, true);
  const { pieces, discarded: debris, garbled, garbledText } = read;
  // join wrapped lines: pieces of consecutive input lines, not from cells
  const lines: string[] = [];
  const source: (SourceRef | undefined)[] = [];
  let prev: Piece | undefined;
  for (const p of pieces) {
    if (!p) {
      if (lines.length && lines[lines.length - 1] !== '') {
        lines.push('');
        source.push(undefined);
      }
      prev = undefined;
      continue;
    }
    const last = lines.length - 1;
    const wrapped = (opts.wrapped ?? true) ? continues(lines[last] ?? '', p.text) : entryContinues(lines[last] ?? '', p.text);
    if (prev && !prev.cell && !p.cell && p.line === prev.line + 1 && wrapped) {
      const joined = lines[last]!;
      const glue = /[-–/]$/u.test(joined) && /\S[-/]$/u.test(joined) ? '' : ' ';
      lines[last] = joined + glue + p.text;
      const ref = source[last]!;
      (ref.joins ??= []).push({ at: joined.length + glue.length, line: p.line, offset: p.offset });
    } else {
      lines.push(p.text);
      source.push({ line: p.line, offset: p.offset });
    }
    prev = p;
  }
  while (lines.length && lines[lines.length - 1] === '') {
    lines.pop();
    source.pop();
  }
  const samples = countSamples(lines);
  // the lines are kept as typed; what they are is read in NFC
  const keys = lines.map(nfcKey);
  // the document starts at its header block: the issuer lines just before the national header
  let start = lines.findIndex((l) => NATIONAL.test(l));
  let discarded = debris;
  let status: StructureStatus = 'document';
  if (start < 0) {
    // no header: a document all the same when it has a body end, recipients or a tên loại
    const documentLike = keys.some((l) => /\.\/\.$/u.test(l) || RECIPIENTS_LABEL_LINE.test(l) || /^Kính gửi\s*:/u.test(l) || KIND_LINE.test(l));
    if (!documentLike) status = 'no-document';
    start = 0;
  } else {
    let k = start;
    // back over the left column of the header read before the right one (DOCX cells, PDF columns): the issuer
    // in capitals, its "Số:" and "V/v …" lines, the row's first cells, and blank separators; at most 8 lines
    for (let j = start - 1; j >= 0 && start - j <= 8; j--) {
      const l = keys[j]!;
      if (l === '') continue;
      const above = keys.slice(0, j).reverse().find((x) => x !== '') ?? '';
      if (isUpper(l) || /^Số\s*:/u.test(l) || (VV_LINE.test(l) && /^Số\s*:/u.test(above)) || source[j]?.line === source[start]?.line) k = j;
      else break;
    }
    // a PDF's left column whole before the right one: issuer, "Số:", a trích yếu "V/v …" wrapped over lines of
    // its own and "Kính gửi:" above the national header; taken from its "Số:" line and the issuer over it
    const so = keys.slice(Math.max(0, start - 16), k).findIndex((l) => /^Số\s*:/u.test(l));
    if (so >= 0) {
      let j = Math.max(0, start - 16) + so;
      for (let up = 0; up < 4 && j > 0 && isUpper(keys[j - 1]!); up++) j--;
      while (keys[j] === '') j++;
      k = Math.min(k, j);
    }
    start = k;
  }
  for (let i = 0; i < start; i++) {
    if (lines[i] !== '') discarded++;
    lines[i] = '';
    source[i] = undefined;
  }
  if (status === 'document' && samples >= 2) status = 'samples';
  // the garbled blocks of the document only, not of the site's lines before it
  const from = source.find((x) => x !== undefined)?.line ?? Infinity;
  const inside = garbledText.filter((g) => g.line >= from);
  return { status, discarded, samples, garbled, parts: findParts(lines, source), lines, source, garbledText: inside };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines of a reader, recognized

/** A reader's lines (TextLines of readers.ts) recognized, with the places the report names and the way back. */
export interface RecognizedLines {
  lines: string[];
  garbledText: Recognized['garbledText'];
  summary: StructureSummary;
  /** The place of a logical line as the report names it ("dòng 7", "đoạn 12", "trang 1, dòng 5"). */
  where(line: number): string;
  /** The reader's 1-based line and column (1-based) of a place in a logical line (its start when no column). */
  origin(line: number, col?: number): { line: number; col?: number } | undefined;
}

export function recognizeLines(t: { lines: string[]; where(line: number): string }, opts: { markdown?: boolean; wrapped?: boolean } = {}): RecognizedLines {
  const r = recognize(t.lines, opts);
  const { lines, source, garbledText, ...summary } = r;
  return {
    lines,
    garbledText,
    summary,
    where: (line) => {
      const s = source[line - 1];
      return s ? t.where(s.line) : `dòng ${line}`;
    },
    origin: (line, col) => {
      const s = source[line - 1];
      if (!s) return undefined;
      if (col === undefined) return { line: s.line };
      const seg = [...(s.joins ?? [])].reverse().find((j) => col - 1 >= j.at);
      return seg ? { line: seg.line, col: col - seg.at + seg.offset } : { line: s.line, col: col + s.offset };
    },
  };
}
