// Running one rule over a small text, as `vanban check` does.

import { readFileSync } from 'node:fs';
import type { Finding, Rule } from '../../src/check/finding.ts';
import { plainLines } from '../../src/check/plain.ts';
import { recognizeLines } from '../../src/check/structure.ts';

/** The day the check tests run on. */
export const TODAY = new Date(2026, 10, 22);

export function run(rule: Rule, text: string, today: Date = TODAY): Finding[] {
  return rule.check({ lines: plainLines(text), file: 'thu.txt', today });
}

/** Findings as "line rule excerpt" strings, for compact assertions. */
export const brief = (fs: Finding[]): string[] => fs.map((f) => `${f.line} ${f.rule} ${f.excerpt}`);

/** A file of the real corpus (test/fixtures/real). */
export const realPath = (name: string): string => new URL(`../fixtures/real/${name}`, import.meta.url).pathname;

/** One rule over a text file of the real corpus as `vanban check` reads it: "line excerpt", lines of the file. */
export function runReal(rule: Rule, name: string): string[] {
  const text = readFileSync(realPath(name), 'utf8');
  const r = recognizeLines({ lines: text.split(/\r\n|\r|\n/u), where: (l) => `dòng ${l}` }, { markdown: true });
  return rule.check({ lines: r.lines, file: name, today: TODAY }).map((f) => `${r.origin(f.line, f.col)!.line} ${f.excerpt}`);
}
