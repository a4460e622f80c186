// Where a piece of the source text shows on the rendered pages: the words of a field or a line (and,
// inside them, the words a finding quotes) looked up in pdfjs's text content, compared without case,
// spaces or line breaks, since layout breaks lines and capitalizes headings where the source does not.

/** One run of text on a page, in PDF points from the page's top-left corner. */
export interface TextRun {
  str: string;
  x: number;
  y: number; // top
  w: number;
  h: number;
}

export interface PageText {
  page: number; // 1-based
  runs: TextRun[];
}

export interface Spot {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
const MIN = 3; // shorter needles match anywhere: not worth a marker
const MAX = 40; // a paragraph is found by its opening words

interface Flat {
  text: string;
  at: { run: number; off: number }[]; // per character of text
}

const flats = new WeakMap<TextRun[], Flat>();

/** The page's letters without spaces, each with its run; once per page (every problem looks at every page). */
function flatten(runs: TextRun[]): Flat {
  const known = flats.get(runs);
  if (known) return known;
  let text = '';
  const at: Flat['at'] = [];
  runs.forEach((r, run) => {
    const s = fold(r.str);
    for (let off = 0; off < s.length; off++) {
      if (/\s/u.test(s[off]!)) continue;
      text += s[off];
      at.push({ run, off });
    }
  });
  flats.set(runs, { text, at });
  return { text, at };
}

const squeeze = (s: string) => fold(s).replace(/\s+/gu, '');

function box(runs: TextRun[], flat: Flat, from: number, to: number, page: number): Spot {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const first = flat.at[from]!;
  const last = flat.at[to - 1]!;
  for (let i = first.run; i <= last.run; i++) {
    const r = runs[i]!;
    const len = Math.max(1, r.str.length);
    const a = i === first.run ? r.x + (r.w * first.off) / len : r.x;
    const b = i === last.run ? r.x + (r.w * (last.off + 1)) / len : r.x + r.w;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, b);
    y0 = Math.min(y0, r.y);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { page, x: x0, y: y0, w: Math.max(2, x1 - x0), h: Math.max(2, y1 - y0) };
}

/**
 * The place of `context` (the field's or line's words) on the pages, narrowed to `excerpt` when the
 * excerpt is found inside it; the excerpt alone when the context is not found. Null when neither is.
 */
export function locate(pages: PageText[], context: string[], excerpt = ''): Spot | null {
  const ex = squeeze(excerpt);
  for (const { page, runs } of pages) {
    const flat = flatten(runs);
    for (const c of context) {
      const needle = squeeze(c).slice(0, MAX);
      if (needle.length < MIN) continue;
      const start = flat.text.indexOf(needle);
      if (start < 0) continue;
      const whole = squeeze(c);
      // The whole context when it follows on (a paragraph over several lines), else its opening words.
      const end = flat.text.startsWith(whole, start) ? start + whole.length : start + needle.length;
      if (ex.length >= MIN) {
        const inner = flat.text.indexOf(ex, start);
        if (inner >= 0 && inner + ex.length <= Math.max(end, start + squeeze(c).length)) return box(runs, flat, inner, inner + ex.length, page);
      }
      return box(runs, flat, start, end, page);
    }
  }
  if (ex.length >= MIN)
    for (const { page, runs } of pages) {
      const flat = flatten(runs);
      const i = flat.text.indexOf(ex);
      if (i >= 0) return box(runs, flat, i, i + ex.length, page);
    }
  return null;
}

/** The words a source line shows: a YAML value without its key, dash and quotes; Markdown without its marks. */
export function wordsOfLine(lines: string[], line: number, kind: 'yaml' | 'markdown'): string[] {
  const raw = lines[line - 1] ?? '';
  if (kind === 'markdown')
    return [raw
      .replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/u, '')
      .replace(/\[\^[^\]]*\]/gu, '')
      .replace(/\{#[^}]*\}/gu, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/[*_`]/gu, '')
      .trim()];
  let v = raw.replace(/^\s*(-\s+)*/u, '').replace(/^[A-Za-z_][\w]*:\s*/u, '').replace(/\s+#.*$/u, '').trim();
  if (/^[>|][-+]?$/u.test(v)) v = (lines.slice(line).find((l) => l.trim()) ?? '').trim();
  v = v.replace(/^["']|["']$/gu, '');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(v);
  if (date) {
    // As the decree writes it: a leading zero for days under 10 and for months 1 and 2.
    const m = Number(date[2]);
    return [`ngày ${date[3]} tháng ${m < 3 ? date[2] : String(m)} năm ${date[1]}`, v];
  }
  return [v];
}
