// Numbering sequences: Roman numerals for parts, the Vietnamese point letters for điểm.

/** Point letters in Vietnamese alphabet order: đ is a letter, f j w z are not (NĐ 30, Điều 8.2 a)–i)). */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** The n-th point letter (1-based); past "y" the sequence doubles ("aa", "bb", …) as drafting practice does. */
export function pointLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`point number ${n}`);
  const len = POINT_LETTERS.length;
  const letter = POINT_LETTERS[(n - 1) % len]!;
  return letter.repeat(Math.floor((n - 1) / len) + 1);
}

/** Position (1-based) of a point letter, or 0 when it is not one. */
export function pointIndex(letter: string): number {
  const first = letter[0];
  if (!first || [...letter].some((c) => c !== first)) return 0;
  const i = POINT_LETTERS.indexOf(first as (typeof POINT_LETTERS)[number]);
  return i < 0 ? 0 : i + 1 + (letter.length - 1) * POINT_LETTERS.length;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`roman ${n}`);
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Value of a Roman numeral, or 0 when the string is not a canonical one. */
export function fromRoman(s: string): number {
  let n = 0, rest = s.toUpperCase();
  for (const [v, sym] of ROMAN) while (rest.startsWith(sym)) { n += v; rest = rest.slice(sym.length); }
  return rest === '' && n > 0 && roman(n) === s.toUpperCase() ? n : 0;
}
