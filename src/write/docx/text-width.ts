// A width estimate of a line of Times New Roman text, for the length of the short rules under header
// lines and the width of a boxed mark that fits its text (the DOCX states lengths, not text widths).

import type { TextStyle } from '../../style/nd30.ts';

/**
 * Advance widths of ASCII 32–126 in 1/1000 em, read from Liberation Serif, which is metric-compatible
 * with Times New Roman (the same widths as Times New Roman, glyph for glyph).
 */
const ADVANCE: Record<'regular' | 'bold' | 'italic' | 'boldItalic', string> = {
  regular:
    '250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 278 278 564 564 564 444 ' +
    '921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 ' +
    '333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541',
  bold:
    '250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 570 570 570 500 ' +
    '930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 ' +
    '333 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520',
  italic:
    '250 333 420 500 500 833 778 214 333 333 500 675 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 675 675 675 500 ' +
    '920 611 611 667 722 611 611 722 722 333 444 667 556 833 667 722 611 722 611 500 556 722 611 833 611 556 556 389 278 389 422 500 ' +
    '333 500 500 444 500 444 278 500 500 278 278 444 278 722 500 500 500 500 389 389 278 500 444 667 444 444 389 400 275 400 541',
  boldItalic:
    '250 389 555 500 500 833 778 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 570 570 570 500 ' +
    '832 667 667 667 722 667 667 722 778 389 500 667 611 889 722 722 611 722 667 556 611 722 667 889 667 611 611 333 278 333 570 500 ' +
    '333 500 500 444 500 444 333 500 556 278 278 500 278 778 556 500 500 500 389 389 278 556 444 667 500 444 389 348 220 348 570',
};
const FIRST_CODE = 32;
const EM = 1000;
const ADVANCES = Object.fromEntries(
  Object.entries(ADVANCE).map(([face, list]) => [face, list.split(' ').map(Number)]),
) as Record<keyof typeof ADVANCE, number[]>;

/** The letter whose width a Vietnamese letter takes: its base letter (tone marks and horns are narrow accents). */
const bases = new Map<string, string>();
function baseLetter(ch: string): string {
  let b = bases.get(ch);
  if (b === undefined) bases.set(ch, (b = ch === 'Đ' ? 'D' : ch === 'đ' ? 'd' : ch.normalize('NFD').charAt(0)));
  return b;
}

/** Estimated width of one line of text, in points. Characters outside ASCII count as wide as "n". */
export function textWidthPt(text: string, style: Pick<TextStyle, 'size' | 'bold' | 'italic'>): number {
  const table = ADVANCES[style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular'];
  const fallback = table['n'.charCodeAt(0) - FIRST_CODE] ?? EM / 2;
  let units = 0;
  for (const ch of text) {
    const code = baseLetter(ch).charCodeAt(0);
    units += table[code - FIRST_CODE] ?? fallback;
  }
  return (units * style.size) / EM;
}

/** Widths (pt) of the lines a text wraps into at a given width, by greedy word wrap. */
export function wrappedLineWidthsPt(text: string, style: Pick<TextStyle, 'size' | 'bold' | 'italic'>, widthPt: number): number[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const lines: number[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidthPt(candidate, style) > widthPt) {
      lines.push(textWidthPt(line, style));
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(textWidthPt(line, style));
  return lines;
}
