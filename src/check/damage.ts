// Text damaged on its way out of a PDF or a scan (a document site's "text" view, an OCR layer): tone marks cut off
// their letters ("Giao duc ́ ̣"), hyphens and dashes dropped ("1961/QĐUBND", "Độc lập  Tự do  Hạnh phúc"). What the
// damage made is no defect of the document: a line with detached marks is not judged at all, and where the hyphens
// are gone the rules that read hyphens, dashes and spacing (ký hiệu, tiêu ngữ, spacing) are not run. The report says
// so, and what is still found is the lower-confidence reading of a damaged copy.

/** A tone or vowel mark standing after a space, cut off its letter. */
const DETACHED_MARK = /\s[\u0300-\u036f]/gu;
/** A ký hiệu whose hyphen is gone: a kind's abbreviation run into its issuer's ("QĐUBND", "NĐCP", "TTVPCP"). */
const LOST_HYPHEN =
  /(?<![\p{L}\d])\d+[a-z]?\/(?:\d{4}\/)?(?:QĐ|NĐ|NQ|TTLT|TT|CT|KH|TTr|BC|TB|CV)(?:UBND|HĐND|CP|TTg|VPCP|BTC|BNV|BTP|BCA|BQP|BYT|BGDĐT|BLĐTBXH|BXD|BTNMT)(?![\p{L}\d])/gu;
/** The motto with both dashes gone, two spaces left where each stood. */
const LOST_DASHES = /Độc lập\s{2,}Tự do\s{2,}Hạnh phúc/u;

/** Rules that read hyphens, dashes or spacing: not run on a copy that lost its hyphens. */
export const HYPHEN_RULES: ReadonlySet<string> = new Set([
  'national-header',
  'spacing-number',
  'spacing-range',
  'range-style',
  'kyhieu-abbrev',
  'so-number',
  'citation-so',
  'citation-year',
  'citation-party',
]);

/** Rules that read the order of items: not run on a copy with lines left out (the numbering then jumps). */
export const ORDER_RULES: ReadonlySet<string> = new Set(['numbering-sequence']);

/** A line that starts in the middle of a word or sentence, after a line that ended one: text left out between. */
const LIST_MARK = /^[a-zđ][).\/]\s/u;
const ENDED = /(?:[.;:!?]|\.\/\.)$/u;

export interface TextDamage {
  /** 0-based indexes of lines whose marks are cut off their letters: not judged. */
  lines: Set<number>;
  /** What shows the hyphens are gone ("1961/QĐUBND", the motto without dashes); two or more: a damaged copy. */
  lostHyphens: string[];
  /** 0-based lines that start mid-sentence after a finished one ("ính quyền địa phương…"); two or more: an excerpt with gaps. */
  gaps: number[];
}

export function textDamage(lines: readonly string[]): TextDamage {
  const damaged = new Set<number>();
  const lost: string[] = [];
  lines.forEach((l, i) => {
    if ((l.match(DETACHED_MARK) ?? []).length >= 3) damaged.add(i);
    for (const m of l.matchAll(LOST_HYPHEN)) lost.push(m[0]);
    if (LOST_DASHES.test(l)) lost.push('Độc lập  Tự do  Hạnh phúc');
  });
  const gaps: number[] = [];
  let prev = '';
  lines.forEach((l, i) => {
    if (l === '') return;
    const upper = /\p{L}/u.test(prev) && prev === prev.toLocaleUpperCase('vi');
    if (prev !== '' && /^\p{Ll}/u.test(l) && !LIST_MARK.test(l) && (ENDED.test(prev) || upper)) gaps.push(i);
    prev = l;
  });
  return { lines: damaged, lostHyphens: lost.length >= 2 ? lost : [], gaps: gaps.length >= 2 ? gaps : [] };
}

/** Whether a finding of `rule` on 0-based logical line `line` stands on a damaged copy. */
export function judged(d: TextDamage, rule: string, line: number): boolean {
  if (d.lines.has(line)) return false;
  if (d.gaps.length > 0 && ORDER_RULES.has(rule)) return false;
  return !(d.lostHyphens.length > 0 && HYPHEN_RULES.has(rule));
}
