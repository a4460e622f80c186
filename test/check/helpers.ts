// Running one rule over a small text, as `vanban check` does.

import type { Finding, Rule } from '../../src/check/finding.ts';
import { plainLines } from '../../src/check/plain.ts';

/** The day the check tests run on. */
export const TODAY = new Date(2026, 10, 22);

export function run(rule: Rule, text: string, today: Date = TODAY): Finding[] {
  return rule.check({ lines: plainLines(text), file: 'thu.txt', today });
}

/** Findings as "line rule excerpt" strings, for compact assertions. */
export const brief = (fs: Finding[]): string[] => fs.map((f) => `${f.line} ${f.rule} ${f.excerpt}`);
