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
