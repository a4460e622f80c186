// Line breaking of one paragraph, as Word and LibreOffice do it: greedy first fit at the break
// opportunities of breaks.ts, spaces at the end of a line hang in the margin, justified lines stretch
// their spaces (U+0020 only: a no-break space keeps its width, as in LibreOffice), the last line and a
// line ended by a hard break stay flush. A word wider than the line is cut where it overflows.

import { breakOpportunities } from './breaks.ts';
import { ITALIC_CORRECTION } from '../style/nd30.ts';
import { lineMetrics, textWidth, type Face } from './fonts.ts';
import { unbreakableSpans, withNoBreakSpaces, type Span } from './unbreakable.ts';

export interface StyledRun {
  text: string;
  face: Face;
  size: number;
  rise?: number; // baseline raised by this much (a footnote mark)
  note?: number; // the footnote this run is the mark of
}

export interface ParagraphSpec {
  runs: StyledRun[];
  width: number; // the column width, points
  firstIndent: number; // first-line indent, points (from the left indent)
  leftIndent: number;
  rightIndent?: number;
  align: 'left' | 'center' | 'right' | 'justify';
}

/** A run of one line, x relative to the column's left edge. */
export interface LinePiece {
  x: number;
  text: string;
  face: Face;
  size: number;
  spaceExtra: number;
  rise?: number;
  note?: number;
}

export interface Line {
  pieces: LinePiece[];
  width: number; // natural width of the text, trailing spaces excluded
  left: number; // where the line's box starts (indents)
  available: number;
}

/**
 * Whether a line fits in `available` points, as LibreOffice decides on its twip grid: the line's width in
 * whole twips (rounded up, portion by portion: see breakParagraph) must leave at least one twip free.
 * Observed with LibreOffice 7.4: 467.708 pt (9354.2 twips) did not fit in 9355 twips; 439.346 pt
 * (8786.9 twips) fitted in 8788.
 */
const TWIPS = 20;
function fitsIn(twips: number, available: number): boolean {
  return twips <= Math.round(available * TWIPS) - 1;
}
const ceilTwips = (pt: number) => Math.ceil(pt * TWIPS - 1e-6);

interface Segment {
  start: number; // offset in the paragraph text
  end: number; // end of content (before trailing spaces)
  spaceEnd: number; // end including trailing spaces
}

const isBreakingSpace = (c: number) => c === 0x20 || c === 0x09;

/** Per-character run lookup for the paragraph text. */
class Runs {
  readonly text: string;
  private readonly starts: number[] = [];
  readonly runs: StyledRun[];
  /** The decree's unbreakable spans of the text (offsets are the same with or without no-break spaces). */
  readonly spans: readonly Span[];
  /**
   * Per character: 1 where an italic portion ends before it (see ITALIC_CORRECTION): LibreOffice ends a
   * portion at a change of run and at a no-break space (a word joiner does not end one; measured).
   */
  private readonly portionEnds: Uint8Array;
  private readonly italicAt: Uint8Array;
  private readonly correction: number;
  constructor(runs: StyledRun[]) {
    // Spaces inside unbreakable spans become no-break spaces, across run boundaries ("Điều 1." + text).
    const joined = runs.map((r) => r.text).join('');
    // A footnote mark is not text for the decree's spans ("Phụ lục I" followed by mark 5 is no "I5").
    this.spans = unbreakableSpans(runs.map((r) => (r.note ? '\u2060'.repeat(r.text.length) : r.text)).join(''));
    this.text = withNoBreakSpaces(joined, this.spans);
    let at = 0;
    const n = this.text.length;
    this.italicAt = new Uint8Array(n);
    this.portionEnds = new Uint8Array(n + 1);
    this.runs = runs.map((r) => {
      this.starts.push(at);
      const text = this.text.slice(at, at + r.text.length);
      if (r.face === 'italic' || r.face === 'boldItalic') this.italicAt.fill(1, at, at + r.text.length);
      at += r.text.length;
      return { ...r, text };
    });
    const size = runs.reduce((m, r) => Math.max(m, r.size), 0);
    this.correction = size > 0 ? lineMetrics(size).height * ITALIC_CORRECTION : 0;
    if (this.italicAt.includes(1)) {
      for (let i = 1; i < n; i++) {
        if (this.italicAt[i - 1] && (!this.italicAt[i] || this.text.charCodeAt(i) === 0xa0)) this.portionEnds[i] = 1;
      }
    }
  }
  /** Room the italic portions of [from, to) take beyond their glyphs, the line ending at `to`. */
  italicExtra(from: number, to: number): number {
    if (this.correction === 0 || to <= from) return 0;
    let count = this.italicAt[to - 1] ? 1 : 0;
    for (let i = from + 1; i < to; i++) count += this.portionEnds[i]!;
    return count * this.correction;
  }
  /** The pieces of [from, to) split at run boundaries. */
  *pieces(from: number, to: number): Generator<{ run: StyledRun; from: number; to: number }> {
    for (let i = 0; i < this.runs.length; i++) {
      const s = this.starts[i]!;
      const e = s + this.runs[i]!.text.length;
      if (e <= from || s >= to) continue;
      yield { run: this.runs[i]!, from: Math.max(s, from), to: Math.min(e, to) };
    }
  }
  width(from: number, to: number): number {
    // Most paragraphs are one run: no pieces to split (this is asked for every word).
    if (this.runs.length === 1) return to > from ? textWidth(this.text.slice(from, to), this.runs[0]!.face, this.runs[0]!.size) : 0;
    let w = 0;
    for (const p of this.pieces(from, to)) w += textWidth(this.text.slice(p.from, p.to), p.run.face, p.run.size);
    return w;
  }
}

function segments(text: string, spans: readonly Span[], from: number, to: number): Segment[] {
  const sub = text.slice(from, to);
  const local = from === 0 && to === text.length ? spans : spans.filter(([s, e]) => s < to && e > from).map(([s, e]): Span => [Math.max(0, s - from), Math.min(to, e) - from]);
  const cuts = [...breakOpportunities(sub, local).map((p) => p + from), to];
  const out: Segment[] = [];
  let start = from;
  for (const cut of cuts) {
    let end = cut;
    while (end > start && isBreakingSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end, spaceEnd: cut });
    start = cut;
  }
  return out;
}

/**
 * Broken paragraphs by their spec, for the process: a batch (the 63 plans derived from one campaign)
 * repeats most of its paragraphs, and breaking depends on nothing but the spec and the fonts. Cleared
 * when full, so a long-running server keeps it bounded. The lines are frozen: callers share them.
 */
const broken = new Map<string, readonly Line[]>();
const MAX_BROKEN = 5000;

function specKey(spec: ParagraphSpec): string {
  let key = `${spec.width}|${spec.firstIndent}|${spec.leftIndent}|${spec.rightIndent ?? 0}|${spec.align}`;
  for (const r of spec.runs) key += `\u0001${r.face}\u0002${r.size}\u0002${r.rise ?? ''}\u0002${r.note ?? ''}\u0002${r.text.length}:${r.text}`;
  return key;
}

/** Breaks a paragraph into lines (shared, read-only). */
export function breakParagraph(spec: ParagraphSpec): readonly Line[] {
  const key = specKey(spec);
  let lines = broken.get(key);
  if (!lines) {
    if (broken.size >= MAX_BROKEN) broken.clear();
    lines = breakLines(spec);
    for (const l of lines) {
      for (const p of l.pieces) Object.freeze(p);
      Object.freeze(l.pieces);
      Object.freeze(l);
    }
    broken.set(key, Object.freeze(lines));
  }
  return lines;
}

function breakLines(spec: ParagraphSpec): Line[] {
  const runs = new Runs(spec.runs);
  const text = runs.text;
  const lines: Line[] = [];
  const right = spec.rightIndent ?? 0;
  let first = true;
  let hardStart = 0;
  // Hard line breaks split the paragraph into pieces laid out one after the other.
  while (hardStart <= text.length) {
    let hardEnd = text.indexOf('\n', hardStart);
    const forced = hardEnd >= 0;
    if (!forced) hardEnd = text.length;
    const segs = segments(text, runs.spans, hardStart, hardEnd);
    const chunk: Array<{ start: number; end: number; last: boolean }> = [];
    let lineStart = hardStart;
    let lineEnd = hardStart; // end of content so far
    // The line's width as LibreOffice measures it: in portions that end after a hyphen typed between
    // spaces (" - "), each rounded up to whole twips. Measured: "…chính trị - xã hội" at 8786.9 twips did
    // not fit in 8788, the same width without the spaced hyphen did. `closed` holds the finished portions
    // (twips), `open` the current one (points); both are sums of the segments' cached widths.
    let closed = 0;
    let open = 0;
    let pendingSpace = 0; // width of trailing spaces of the content so far
    const avail = () => spec.width - spec.leftIndent - right - (first && chunk.length === 0 ? spec.firstIndent : 0);
    const fits = (twips: number, end: number) => fitsIn(twips + Math.ceil(runs.italicExtra(lineStart, end) * TWIPS), avail());
    const flush = (next: number) => {
      chunk.push({ start: lineStart, end: lineEnd, last: false });
      lineStart = next;
      lineEnd = next;
      closed = 0;
      open = 0;
      pendingSpace = 0;
    };
    /** The line's portions after adding `seg`: [closed twips, open points]. */
    const add = (seg: Segment, w: number): [number, number] => {
      const o = open + pendingSpace + w;
      if (seg.start > lineStart && text.charCodeAt(seg.start) === 0x2d && isBreakingSpace(text.charCodeAt(seg.start - 1))) {
        const rest = seg.end > seg.start + 1 ? runs.width(seg.start + 1, seg.end) : 0;
        return [closed + ceilTwips(o - rest), rest];
      }
      return [closed, o];
    };
    for (const seg of segs) {
      const w = runs.width(seg.start, seg.end);
      if (lineEnd > lineStart) {
        const [c, o] = add(seg, w);
        if (!fits(c + ceilTwips(o), seg.end)) flush(seg.start);
      }
      if (lineEnd === lineStart && !fitsIn(ceilTwips(w), avail())) {
        // Emergency: cut the word where it overflows, at least one character a line.
        let from = seg.start;
        while (from < seg.end && !fitsIn(ceilTwips(runs.width(from, seg.end)), avail())) {
          let cut = from + 1;
          while (cut < seg.end && fitsIn(ceilTwips(runs.width(from, cut + 1)), avail())) cut++;
          lineStart = from;
          lineEnd = cut;
          flush(cut);
          from = cut;
        }
        lineStart = from;
        lineEnd = seg.end;
        open = runs.width(from, seg.end);
        pendingSpace = runs.width(seg.end, seg.spaceEnd);
        continue;
      }
      [closed, open] = lineEnd === lineStart ? [0, w] : add(seg, w);
      lineEnd = seg.end;
      pendingSpace = runs.width(seg.end, seg.spaceEnd);
    }
    chunk.push({ start: lineStart, end: lineEnd, last: true });
    for (const c of chunk) {
      const isFirst = first;
      first = false;
      // The last line of the paragraph and a line ended by a hard break are not justified.
      lines.push(placeLine(runs, c.start, c.end, spec, isFirst, c.last));
    }
    if (!forced) break;
    hardStart = hardEnd + 1;
  }
  return lines;
}

function placeLine(runs: Runs, start: number, end: number, spec: ParagraphSpec, isFirst: boolean, flush: boolean): Line {
  const left = spec.leftIndent + (isFirst ? spec.firstIndent : 0);
  const available = spec.width - left - (spec.rightIndent ?? 0);
  const raw: Array<{ text: string; run: StyledRun; width: number; spaces: number }> = [];
  for (const p of runs.pieces(start, end)) {
    const text = runs.text.slice(p.from, p.to);
    if (text === '') continue;
    // Neighbouring runs in the same face are drawn as one ("Điều 1." and its text when both are bold).
    const prev = raw[raw.length - 1];
    const same = prev !== undefined && prev.run.face === p.run.face && prev.run.size === p.run.size && !prev.run.note && !p.run.note;
    const joined = same ? prev.text + text : text;
    let spaces = 0;
    for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 0x20) spaces++;
    const piece = { text: joined, run: p.run, width: textWidth(joined, p.run.face, p.run.size), spaces };
    if (same) raw[raw.length - 1] = piece;
    else raw.push(piece);
  }
  const width = raw.reduce((a, r) => a + r.width, 0);
  const spaces = raw.reduce((a, r) => a + r.spaces, 0);
  const justify = spec.align === 'justify' && !flush && spaces > 0;
  const extra = justify ? Math.max(0, (available - width) / spaces) : 0;
  let x = left;
  if (spec.align === 'center') x += (available - width) / 2;
  else if (spec.align === 'right') x += available - width;
  const pieces: LinePiece[] = [];
  for (const r of raw) {
    const piece: LinePiece = { x, text: r.text, face: r.run.face, size: r.run.size, spaceExtra: extra };
    if (r.run.rise) piece.rise = r.run.rise;
    if (r.run.note) piece.note = r.run.note;
    pieces.push(piece);
    x += r.width + r.spaces * extra;
  }
  return { pieces, width, left, available };
}
