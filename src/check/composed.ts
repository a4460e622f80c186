// Text read in Unicode NFC for matching, with the way back to the text as typed. A clerk's file may hold its
// letters decomposed (NFD: "o" + U+0302 + U+0301 for "ố"): the `nfc` rule reports that, once per place; every
// other pattern ("Số:", "ngày … tháng … năm", "Nơi nhận") is written in NFC and must match all the same. Places
// and excerpts stay as typed: an index into the composed text is taken back to the typed one.

export interface Composed {
  /** The text in NFC (each letter with its marks composed). */
  text: string;
  /** The text as typed. */
  typed: string;
  /** The index in the typed text of the character at `i` of the composed one (`text.length` maps to the end). */
  toTyped(i: number): number;
  /** The index in the composed text of the character at `j` of the typed one. */
  toText(j: number): number;
}

const same = (s: string): Composed => ({ text: s, typed: s, toTyped: (i) => i, toText: (j) => j });

/** A letter with the marks after it, or marks alone: NFC composes within these, so each maps as a whole. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export function composed(typed: string): Composed {
  if (!/\p{M}/u.test(typed)) return same(typed);
  const typedAt: number[] = [];
  const textAt: number[] = [];
  let text = '';
  for (const m of typed.matchAll(CLUSTER)) {
    typedAt.push(m.index!);
    textAt.push(text.length);
    text += m[0].normalize('NFC');
  }
  if (text === typed) return same(typed);
  typedAt.push(typed.length);
  textAt.push(text.length);
  // the cluster holding index i of `from`, and the place i has in it, taken to `to`
  const map = (from: number[], to: number[]) => (i: number): number => {
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= from.length - 1) return to[to.length - 1]! + Math.max(0, i - from[from.length - 1]!);
    return Math.min(to[lo]! + (i - from[lo]!), to[lo + 1]!);
  };
  return { text, typed, toTyped: map(textAt, typedAt), toText: map(typedAt, textAt) };
}

/** The text in NFC, for a pattern to be tested on (no index kept). */
export const nfcKey = (s: string): string => (/\p{M}/u.test(s) ? s.normalize('NFC') : s);
