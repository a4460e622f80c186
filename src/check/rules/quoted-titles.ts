// One quoted title (a campaign's theme, a programme's or a scheme's name) written two different ways in one
// document: “… Không để ai bị bỏ lại phía sau” and “… Không ai bị bỏ lại phía sau”.

import { toOldToneStyle } from '../../text/normalize.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

interface Quote {
  line: number; // 1-based
  col: number;
  text: string; // as written, trimmed
  key: string; // for identity: NFC, one tone style, dashes and spaces folded, end punctuation dropped
  words: string[]; // for similarity: lower case, no punctuation
}

const QUOTES = /“([^“”]+)”|"([^"]+)"/gu;
const MIN_WORDS = 4;
const MIN_SIMILARITY = 0.8;

function quotesOf(lines: string[]): Quote[] {
  const out: Quote[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(QUOTES)) {
      const text = (m[1] ?? m[2]!).trim();
      const key = toOldToneStyle(text.normalize('NFC'))
        .text.replace(/\s*[-–—]\s*/gu, ' - ')
        .replace(/\s+/gu, ' ')
        .replace(/[\s.,;:…]+$/u, '');
      const words = key.toLocaleLowerCase('vi').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
      if (words.length >= MIN_WORDS) out.push({ line: i + 1, col: m.index + 1, text, key, words });
    }
  });
  return out;
}

/** Longest common subsequence of two word lists, as the kept positions of each. */
function lcs(a: string[], b: string[]): { inA: boolean[]; inB: boolean[]; length: number } {
  const t: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const inA = a.map(() => false), inB = b.map(() => false);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) { inA[i++] = true; inB[j++] = true; }
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return { inA, inB, length: t[0]![0]! };
}

/** Words that differ between two titles, or null when they are not the same title written two ways. */
export function titleDifference(a: string[], b: string[]): { missing: string[]; extra: string[] } | null {
  const { inA, inB, length } = lcs(a, b);
  if ((2 * length) / (a.length + b.length) < MIN_SIMILARITY) return null;
  const missing = a.filter((_, i) => !inA[i]);
  const extra = b.filter((_, i) => !inB[i]);
  // Different years or numbers name different things ("giai đoạn 2019-2022" and "giai đoạn 2024-2030").
  if ([...missing, ...extra].some((w) => /\d/u.test(w))) return null;
  return { missing, extra };
}

/** A quote in capitals only: a heading writes its title so, and the same title in a sentence is no second writing. */
const allCaps = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

export const quotedTitle: Rule = {
  id: 'quoted-title',
  title: 'một tên trong ngoặc kép (chủ đề, tên phong trào, chương trình) viết hai cách',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6.a (dẫn tên văn bản, chương trình đúng và thống nhất); quy ước biên tập',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    // Clusters of the same title: the first variant written is the reference.
    const clusters: { variants: Map<string, Quote[]>; first: Quote }[] = [];
    for (const q of quotesOf(doc.lines)) {
      const home = clusters.find((c) => c.variants.has(q.key)) ?? clusters.find((c) => titleDifference(c.first.words, q.words));
      if (home) home.variants.set(q.key, [...(home.variants.get(q.key) ?? []), q]);
      else clusters.push({ variants: new Map([[q.key, [q]]]), first: q });
    }
    const lines = (qs: Quote[]) => [...new Set(qs.map((q) => q.line))].join(', ');
    for (const { variants, first } of clusters) {
      if (variants.size < 2) continue;
      const reference = variants.get(first.key)!;
      for (const [key, qs] of variants) {
        if (key === first.key) continue;
        const lower = (k: string) => k.toLocaleLowerCase('vi');
        if (lower(key) === lower(first.key) && (allCaps(first.text) || qs.every((q) => allCaps(q.text)))) continue;
        const q = qs[0]!;
        const diff = titleDifference(first.words, q.words)!;
        const parts = [
          diff.missing.length ? `thiếu "${diff.missing.join(' ')}"` : '',
          diff.extra.length ? `thừa "${diff.extra.join(' ')}"` : '',
        ].filter(Boolean);
        const how = parts.length ? parts.join(', ') : 'khác dấu câu hoặc chữ hoa';
        out.push(
          finding(quotedTitle, 'cảnh báo', q.line, q.text, `tên này được viết hai cách: ở dòng ${lines(qs)} ${how} so với “${first.text}” (dòng ${lines(reference)})`, {
            col: q.col,
            fix: `thống nhất một cách viết theo đúng văn bản gốc, ví dụ “${first.text}”`,
            replacement: { from: q.text, to: first.text },
          }),
        );
      }
    }
    return out;
  },
};
