// The decree's own line-break rules: spans of text that a line never breaks inside. A văn thư corrects
// by hand a số/ký hiệu, a date or "Điều 5" split over two lines; both writers honour these spans (the
// PDF layout by never breaking inside one, the DOCX by non-breaking characters where Word and
// LibreOffice would otherwise break).

import { detach } from '../text/detach.ts';

/** A half-open range [start, end) of UTF-16 offsets. */
export type Span = readonly [number, number];

// A segment of a số/ký hiệu: digits, or an abbreviation of capitals with at most two lower-case
// letters ("QĐ", "NĐ", "UBND", "TTg", "QH15"). "Nội-Hải" or "Thanh-Hóa" are words, not abbreviations.
const SEG = String.raw`(?:\d+|[A-ZĐ][A-ZĐ0-9]*[a-z]{0,2}\d*)`;
const PATTERNS: RegExp[] = [
  // số và ký hiệu: "244/QĐ-BTP", "98/2023/NĐ-CP", "27-NQ/TW", "KH-STP", "/KH-UBND" (a draft's blank số);
  // at least one abbreviation (a range of years or dates "1945-2024" may break after its hyphen)
  // also when typed with a stray space after a separator ("25/2021/QĐ- TTg": a defect check reports, still one token)
  new RegExp(String.raw`(?<![\p{L}\p{N}])/?(?=[\d/-]*[A-ZĐ])${SEG}(?:[/-][ \u00a0]?${SEG})+(?![\p{L}\p{N}])`, 'gu'),
  // "V/v"
  /(?<![\p{L}\p{N}])V\/v(?![\p{L}\p{N}])/gu,
  // dates: "29/02/2024", "05-01-2024", "05.01.2024", "02/9"
  /(?<![\p{L}\p{N}])\d{1,2}([/.-])\d{1,2}(?:\1\d{4})?(?![\p{L}\p{N}])/gu,
  // a division and its number: "Điều 5", "khoản 2", "điểm a", "Chương II", "Mục 1", "Phần I", "Phụ lục 3",
  // "số 244/QĐ-BTP"; and the date words with their numbers: "ngày 29", "tháng 02", "năm 2024"
  /(?<![\p{L}\p{N}])(?:[Tt]iểu mục|[Pp]hụ lục|[Đđ]iều|[Kk]hoản|[Đđ]iểm|[Cc]hương|[Mm]ục|[Pp]hần|[Ss]ố|[Nn]gày|[Tt]háng|[Nn]ăm) (?:\d+(?:[/.-]\S*[\p{L}\p{N}])?[a-zđ]?|[IVXLC]+|[a-zđ])(?![\p{L}\p{N}])/gu,
  // a number and its unit: "15 ngày", "10 triệu đồng", "20 %"
  /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)* (?:%|đồng|triệu|tỷ|nghìn|ngàn|người|ngày|tháng|năm|giờ|phút|lần|km|ha|kg|tấn)(?![\p{L}\p{N}])/gu,
];

/** Spans of texts seen in this process: the same paragraphs recur across a batch and in both writers. */
const cache = new Map<string, Span[]>();
const CACHE_LIMIT = 20_000;

/** The unbreakable spans of a text, sorted and merged. */
export function unbreakableSpans(text: string): Span[] {
  let spans = cache.get(text);
  if (!spans) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(detach(text), (spans = findSpans(text)));
  }
  return spans;
}

function findSpans(text: string): Span[] {
  const spans: Array<[number, number]> = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [spans[0]!];
  for (const s of spans.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  return merged;
}

const NBSP = '\u00a0';

/**
 * The text with every space inside an unbreakable span made a no-break space (same width, never
 * stretched by justification, as in Word and LibreOffice). Both writers lay out this form.
 */
export function withNoBreakSpaces(text: string, spans: readonly Span[] = unbreakableSpans(text)): string {
  if (!text.includes(' ')) return text;
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += text.slice(at, s) + text.slice(s, e).replace(/ /g, NBSP);
    at = e;
  }
  return out + text.slice(at);
}
