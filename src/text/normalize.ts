// Unicode and tone-mark normalization of Vietnamese text. Every change is reported, never silent.
import { detach } from './detach.ts';

/** A change made to the user's text, for the build report. */
export interface TextChange {
  kind: 'nfc' | 'tone';
  from: string;
  to: string;
}

// Old-style ("hòa") tone placement for open syllables oa, oe, uy, as in the national name "CỘNG HÒA".
// Only syllables ending after the pair change: "hoàn", "khoảng" are the same in both styles.
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const NEW_STYLE = new RegExp(
  `(^|[^\\p{L}])([\\p{L}]*?)([oOuU])([aAeEyY])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`,
  'gu',
);

/** Results for texts seen in this process (templates and campaign texts recur across a batch). */
const toneCache = new Map<string, { text: string; changes: TextChange[] }>();
const TONE_CACHE_LIMIT = 20_000;

/** Moves the tone mark of "oà, oé, uỷ"-style open syllables to the first vowel ("òa, óe, ủy"). */
export function toOldToneStyle(text: string): { text: string; changes: TextChange[] } {
  const cached = toneCache.get(text);
  if (cached) return { text: cached.text, changes: cached.changes.map((c) => ({ ...c })) };
  const result = toneStyle(text);
  if (toneCache.size >= TONE_CACHE_LIMIT) toneCache.clear();
  result.text = detach(result.text);
  toneCache.set(detach(text), result);
  return { text: result.text, changes: result.changes.map((c) => ({ ...c })) };
}

function toneStyle(text: string): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  const nfd = text.normalize('NFD');
  const out = nfd.replace(NEW_STYLE, (all, pre: string, head: string, v1: string, v2: string, mark: string) => {
    // "qu" + y: u belongs to the consonant, the mark stays on y ("quý").
    if ((v1 === 'u' || v1 === 'U') && /[qQ]$/.test(head)) return all;
    // gi + a or other vowel clusters before: leave untouched when head already ends with a vowel.
    if (/[aeiouyAEIOUY]\p{M}*$/u.test(head)) return all;
    const fixed = `${pre}${head}${v1}${mark}${v2}`;
    changes.push({ kind: 'tone', from: `${head}${v1}${v2}${mark}`.normalize('NFC'), to: `${head}${v1}${mark}${v2}`.normalize('NFC') });
    return fixed;
  });
  return { text: out.normalize('NFC'), changes };
}

/** NFC-normalizes; reports when the input was not NFC. */
export function toNfc(text: string): { text: string; changes: TextChange[] } {
  const nfc = text.normalize('NFC');
  return { text: nfc, changes: nfc === text ? [] : [{ kind: 'nfc', from: text, to: nfc }] };
}

/** Upper-cases Vietnamese text (đ → Đ) where the decree requires capitals. */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}
