// Where a line may end, as LibreOffice decides it for Vietnamese text (its i18npool line-break rules,
// a tailoring of Unicode line breaking, UAX #14 5.0), minus the decree's unbreakable spans.
// Measured on LibreOffice 7.4 with one probe paragraph per case: a line breaks after spaces; after
// "-", "–", "—", "…", "!" and "?" (also between digits: "1945-|2024", where current UAX #14 would not);
// after "/" only between a digit and a non-digit ("305/|KH" breaks; "29/02", "trình/kế" stay); nowhere else
// inside a word.
// The `linebreak` package implements current UAX #14, which differs exactly there, hence our own rules.

import { unbreakableSpans, type Span } from './unbreakable.ts';

const SPACE = 0x20;
const TAB = 0x09;
const ZWSP = 0x200b;
/** Characters after which LibreOffice breaks inside a word (hyphens and dashes, ellipsis, ! and ?). */
const BREAK_AFTER = new Set([0x2d, 0x2010, 0x2013, 0x2014, 0x2026, 0x21, 0x3f]);
const SLASH = 0x2f;
/** Characters no line starts with (closing punctuation, infix separators, closing quotes). */
const NO_BREAK_BEFORE = new Set([...')]},.;:!?%”’"\'»'].map((c) => c.codePointAt(0)!));

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === SPACE || c === TAB;

/**
 * Positions p (0 < p < length, UTF-16 offsets) where a line may break before `text[p]`, ascending.
 * A hard line break ("\n") is not an opportunity: callers split paragraphs at it first.
 */
export function breakOpportunities(text: string, spans: readonly Span[] = unbreakableSpans(text)): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let p = 1; p < n; p++) {
    const prev = text.charCodeAt(p - 1);
    const next = text.charCodeAt(p);
    if (isSpace(next)) continue; // spaces stay at the end of the line before them
    if (isSpace(prev) || prev === ZWSP) {
      out.push(p);
      continue;
    }
    if (NO_BREAK_BEFORE.has(next)) continue;
    if (BREAK_AFTER.has(prev)) out.push(p);
    // "305/|KH" breaks; "29/02", "trình/kế", "BTP/văn", "năm/2024" do not (probed on LibreOffice 7.4)
    else if (prev === SLASH && p >= 2 && isDigit(text.charCodeAt(p - 2)) && !isDigit(next)) out.push(p);
  }
  if (spans.length === 0) return out;
  let s = 0;
  return out.filter((p) => {
    while (s < spans.length && spans[s]![1] <= p) s++;
    const span = spans[s];
    return !(span && span[0] < p && p < span[1]);
  });
}
