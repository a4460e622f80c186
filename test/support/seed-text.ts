// Reference texts (../shared/reference/seeds) as word lists, without the web page's debris.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diffArrays } from 'diff';

export const SEEDS_DIR = fileURLToPath(new URL('../fixtures/reference/seeds/', import.meta.url));

const DEBRIS = [/^Hệ thống pháp luật$/, /^Đang tải nội dung, vui lòng chờ giây lát\.\.\.$/, /^-{3,}$/];

/** Seed text with debris lines, drawn rules ("-----") and Markdown markup removed. */
export function seedText(name: string): string {
  const raw = readFileSync(SEEDS_DIR + name, 'utf8').normalize('NFC');
  return raw
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter((l) => !DEBRIS.some((re) => re.test(l)))
    .map((l) => l.replace(/^#+\s*/, '').replace(/\*\*|\*/g, ''))
    .join('\n');
}

export const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** A difference between the reference and our output that the test accepts, with its reason. */
export interface Allowed {
  seed: string; // words in the reference ('' when ours adds)
  ours: string; // words in our output ('' when ours drops)
  why: string;
  ignoreCase?: boolean;
}

export interface Hunk {
  seed: string;
  ours: string;
}

/** Word-level differences between the reference and our text, as hunks. */
export function wordHunks(seed: string, ours: string): Hunk[] {
  const hunks: Hunk[] = [];
  let cur: Hunk | null = null;
  for (const part of diffArrays(words(seed), words(ours))) {
    if (!part.added && !part.removed) {
      if (cur) hunks.push(cur);
      cur = null;
      continue;
    }
    cur ??= { seed: '', ours: '' };
    const text = part.value.join(' ');
    if (part.removed) cur.seed = [cur.seed, text].filter(Boolean).join(' ');
    else cur.ours = [cur.ours, text].filter(Boolean).join(' ');
  }
  if (cur) hunks.push(cur);
  return hunks;
}

/** Hunks that no allowance explains. A case-insensitive allowance covers case-only hunks inside its span. */
export function unexplained(hunks: Hunk[], allowed: Allowed[]): Hunk[] {
  return hunks.filter(
    (h) =>
      !allowed.some((a) =>
        a.ignoreCase
          ? h.seed.toLocaleLowerCase('vi') === h.ours.toLocaleLowerCase('vi') && a.seed.toLocaleLowerCase('vi').includes(h.seed.toLocaleLowerCase('vi'))
          : a.seed === h.seed && a.ours === h.ours,
      ),
  );
}
