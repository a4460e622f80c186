// The text of a scanned PDF (pages that are pictures, no text layer), read by optical character
// recognition: poppler's pdftoppm draws each page, Tesseract reads it in Vietnamese (Debian packages
// poppler-utils, tesseract-ocr, tesseract-ocr-vie). Used only when all three are installed. Tesseract
// gives each word with its box; the words go through the same line reader as a PDF's text layer, so a
// two-column header is read left column first as in any PDF.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pageItemLines, type Item, type PageItems, type TextLines } from './readers.ts';

const run = promisify(execFile);

/** Resolution the pages are drawn at: enough for 13–14 pt text, and half the time of 300 dpi. */
const DPI = 200;
/**
 * The longest side of a page picture, in pixels (an A4 page at DPI has 2339): a file with a page set to a
 * huge size (hostile or broken) is drawn at a lower resolution, so a picture never takes more than a few megabytes.
 */
const LONG_SIDE_PX = 2400;
/** A scan longer than this is read only this far (Tesseract takes seconds a page); the report says so. */
export const MAX_OCR_PAGES = 20;
/** Words Tesseract is less sure of than this (0–100) are left out: specks, stamps, signatures. */
const MIN_CONFIDENCE = 30;
/** A "word" that is only a rule drawn under a heading ("————", "_____"). */
const RULE_WORD = /^[-‐‑‒–—―_‾=~.·…]{2,}$/u;
/** Below this confidence, a word of one or two letters or digits is taken for a speck (a real one reads surer). */
const SHORT_CONFIDENCE = 75;
/** Two capitals, as the units of a Nơi nhận are written ("GĐ,", "VT.", "(b/c)" aside): kept, however unsure. */
const ABBREVIATION = /^\p{Lu}{2}[,;.:)]?$/u;
/**
 * Columns of an OCR page part at a narrower gap than a PDF's: Tesseract sets its words' boxes tight, with
 * no justification's stretch, so a gap of a little more than an em between words is already the header's.
 */
const OCR_COLUMN_GAP_EM = 1.2;
/** A word a short number or letter follows: "Chương I", "Mục 2", "Điều 5", "khoản 1", "điểm a". */
const NUMBERED = /^(?:Chương|Mục|Phần|Điều|Khoản|khoản|Điểm|điểm|Tiểu mục)$/u;
/** Marks that cling to a word's ends from the paper or a stamp: low quotes, backticks, a cedilla, a bar. */
const NOISE_EDGE = /^[„‚`´¸¨|]+|[„‚`´¸¨|]+$/gu;
/** A "word" of one or two marks that are no letter, digit or dash: specks of the paper, a stamp's edge. */
const SPECK = /^[^\p{L}\p{N}\-–—]{1,2}$/u;

export interface OcrResult extends TextLines {
  /** Pages read, and pages in the file. */
  pages: number;
  total: number;
  /** "Tesseract 5.3.0". */
  engine: string;
}

let available: string | null | undefined;

/** The engine's name and version when OCR can run here (pdftoppm, and Tesseract with Vietnamese); null otherwise. */
export function ocrEngine(): string | null {
  if (available !== undefined) return available;
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  const poppler = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  const ok = langs.status === 0 && /^vie$/mu.test(langs.stdout) && poppler.status === 0 && !poppler.error;
  available = ok ? `Tesseract ${/tesseract\s+v?([\d.]+)/iu.exec(version.stdout + version.stderr)?.[1] ?? ''}`.trim() : null;
  return available;
}

/** Reads the pages of `pdf` (a file's bytes) by OCR; `pages` is its page count, `longestSide` its largest page's longer side in points. */
export async function ocrPdf(pdf: Uint8Array, pages: number, longestSide = 842): Promise<OcrResult> {
  const engine = ocrEngine();
  if (!engine) throw new Error('OCR chưa cài: cần tesseract-ocr, tesseract-ocr-vie và poppler-utils');
  const count = Math.min(pages, MAX_OCR_PAGES);
  // Our own scratch folder (never a path from the input): the page pictures live there, then go.
  const dir = mkdtempSync(join(tmpdir(), 'vanban-ocr-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const dpi = Math.min(DPI, Math.floor((LONG_SIDE_PX * 72) / Math.max(longestSide, 1)));
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', '1', '-l', String(count), join(dir, 'in.pdf'), join(dir, 'p')], { timeout: 120_000 });
    const images = readdirSync(dir).filter((f) => /^p-\d+\.png$/u.test(f)).sort((a, b) => Number(/\d+/u.exec(a)![0]) - Number(/\d+/u.exec(b)![0]));
    const read: PageItems[] = [];
    for (const image of images) {
      // Two readings of each page, side by side: Tesseract's own page layout (it finds columns, but on a
      // sheet scanned askew it can lose whole lines) and the page as one block of lines (which keeps
      // them); the one with more words read with confidence is taken.
      const [auto, block] = await Promise.all(['3', '6'].map((psm) => tesseract(join(dir, image), psm)));
      read.push(confidentChars(auto!) >= confidentChars(block!) ? pageOf(auto!) : pageOf(block!));
    }
    const t = pageItemLines(read);
    return { lines: pointMarkers(listDashes(t.lines)), where: t.where, pages: read.length, total: pages, engine };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Tesseract's TSV of one page picture, read with page segmentation mode `psm`. */
async function tesseract(image: string, psm: string): Promise<string> {
  // One thread a reading: Tesseract's own threads only fight each other on a small machine.
  const { stdout } = await run('tesseract', [image, 'stdout', '-l', 'vie', '--psm', psm, 'tsv'], { timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  return stdout;
}

/** Letters and digits of the words Tesseract is fairly sure of (confidence 60 or more). */
function confidentChars(tsv: string): number {
  let n = 0;
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] === '5' && Number(f[10]) >= 60) n += (f.slice(11).join('').match(/[\p{L}\p{N}]/gu) ?? []).length;
  }
  return n;
}

/**
 * One page of Tesseract's TSV as placed words, in points. The words of one line Tesseract found share
 * one baseline, so the line reader keeps them together.
 */
export function pageOf(tsv: string): PageItems {
  // Points at DPI (a page drawn at a lower resolution reads smaller: the reader only compares lengths with the type size)
  const scale = 72 / DPI;
  let width = 0;
  let height = 0;
  const lines = new Map<string, { left: number; top: number; width: number; height: number; text: string }[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h, conf] = f.slice(0, 11).map(Number) as number[];
    const text = f.slice(11).join('\t').trim().replace(NOISE_EDGE, '');
    if (level === 1) {
      width = w! * scale;
      height = h! * scale;
    }
    if (level !== 5 || text === '' || conf! < MIN_CONFIDENCE || RULE_WORD.test(text) || SPECK.test(text)) continue;
    // a letter or two read off a seal, a signature or the paper's grain, which Tesseract is not sure of
    const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    const key = `${block}/${par}/${line}`;
    const words = lines.get(key) ?? [];
    // … but not the number of a part or a point: "Chương I", "Điều 5", "khoản 2", "điểm a"
    const numbered = NUMBERED.test(words[words.length - 1]?.text ?? '');
    if (conf! < SHORT_CONFIDENCE && letters > 0 && letters <= 2 && !ABBREVIATION.test(text) && !numbered) continue;
    words.push({ left: left!, top: top!, width: w!, height: h!, text });
    lines.set(key, words);
  }
  const items: Item[] = [];
  for (const words of lines.values()) {
    // The type size: the tallest word's height (capitals with their marks) is about the size in pixels.
    const size = Math.max(...words.map((w) => w.height)) * scale;
    // The baseline: the median word bottom, which a sheet scanned askew moves least (the lowest word of
    // a tilted line can sit as low as the next line's).
    const bottoms = words.map((w) => w.top + w.height).sort((a, b) => a - b);
    const y = bottoms[Math.floor(bottoms.length / 2)]! * scale - size * 0.15;
    for (const w of words) items.push({ str: w.text, x: w.left * scale, y, width: w.width * scale, size });
  }
  return { width, height, items, columnGapEm: OCR_COLUMN_GAP_EM };
}

/** The Vietnamese letters of points in order: a) b) c) d) đ) e) … */
const POINTS = 'abcdđeghiklmnopqrstuvxy';
const POINT = /^([a-zđ])\)(?=\s)/u;

/**
 * Point markers read with the one confusion Tesseract makes in them: "d)" and "đ)" differ by a stroke
 * it often misses or adds. Where the points around say which of the two it is (after "c)" comes "d)",
 * after "d)" comes "đ)"), that one is read. OCR text only: a document's own text is never changed.
 */
export function pointMarkers(lines: string[]): string[] {
  let last = -1;
  return lines.map((line) => {
    const m = POINT.exec(line);
    if (!m) return line;
    let at = POINTS.indexOf(m[1]!);
    const expected = POINTS[last + 1];
    if ((m[1] === 'd' || m[1] === 'đ') && (expected === 'd' || expected === 'đ') && m[1] !== expected) {
      at = last + 1;
      line = expected + line.slice(1);
    }
    last = at;
    return line;
  });
}

/** What Tesseract makes of the dash that starts a list line ("- Như trên;"): a tilde or a quote mark. */
const MISREAD_DASH = /^[~“”"'‘’«»¬](?=\s?\p{Lu})/u;

/**
 * List lines whose dash was read as another mark, with their dash; a Nơi nhận label whose "Nơi" was lost
 * in the signature's ink ("nhận:"), whole again. OCR text only, as above.
 */
export function listDashes(lines: string[]): string[] {
  const dashed = (l: string | undefined) => l !== undefined && /^[-–]/u.test(l);
  return lines.map((line, i) => {
    if (/^nhận:$/u.test(line) && (dashed(lines[i + 1]) || dashed(lines[i + 2]))) return 'Nơi nhận:';
    if (!MISREAD_DASH.test(line)) return line;
    // Only among list lines: a line before or after it starts with a dash.
    const near = dashed(lines[i - 1]) || dashed(lines[i + 1]);
    return near ? line.replace(MISREAD_DASH, '-') : line;
  });
}
