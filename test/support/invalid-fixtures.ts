// The malformed inputs under test/fixtures/invalid: one folder per case, with the error it must produce.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/invalid');
export const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The first error line the case must produce. */
export const expected = (name: string): string => readFileSync(join(FIXTURES, name, 'expected.txt'), 'utf8').trim();

// English a user must never read, and traces of an internal error leaking into the message.
export const ENGLISH = /\b(expected|invalid|required|undefined|received|must|match(es)?|pattern|missing|error|unexpected|unknown|not allowed|too (small|big)|string|number|object|array|boolean|nan)\b/i;
export const LEAKS = /\[object |\bat [\w.<>]+ \(|\b[A-Z]{2,}(_[A-Z]+)+\b|\/\^|\$\/|node:|Error:/;
