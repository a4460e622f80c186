// The corpus of hostile and broken inputs (test/fixtures/bad, one project per folder): each must stop
// with exactly the error lines of its expected.txt, build nothing, and leave an earlier out/ byte for
// byte as it was (hashed before and after).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, BAD_CASES, badExpected, runBad } from './support/bad-fixtures.ts';
import { ENGLISH, LEAKS } from './support/invalid-fixtures.ts';

describe('kho đầu vào xấu (test/fixtures/bad)', () => {
  it('có ít nhất 150 trường hợp, mỗi trường hợp có data/ và expected.txt', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(150);
    for (const name of BAD_CASES) {
      expect(existsSync(join(BAD, name, 'data')), `${name}/data`).toBe(true);
      expect(readFileSync(join(BAD, name, 'expected.txt'), 'utf8'), `${name}/expected.txt`).toMatch(/^(data|templates)\/[^:]+:\d+:\d+: \S/);
    }
  });

  it.each(BAD_CASES)('%s', async (name) => {
    const run = await runBad(name);
    expect(run.messages).toBe(badExpected(name));
    expect(run.built, 'không dựng văn bản nào').toBe(0);
    expect(run.outAfter, 'out/ giữ nguyên từng byte').toEqual(run.outBefore);
    for (const line of run.messages.split('\n')) {
      // The clerk's own words (file names, quoted values) are theirs; judge only ours.
      const ours = line.replace(/^[^:]+:\d+:\d+: /, '').replace(/"[^"]*"/g, '""');
      expect(ours, line).not.toMatch(ENGLISH);
      expect(line).not.toMatch(LEAKS);
    }
  });
});
