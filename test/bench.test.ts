// `vanban bench --check` fails CI on a missed target; the README lists every target the bench measures;
// CI runs the type check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchExit, met, type Target } from '../src/bench-target.ts';
import { ROOT } from './support/invalid-fixtures.ts';

const t = (value: number, goal: number, kind: Target['kind']): Target => ({ name: 'x', value, goal, unit: 'ms', kind });

describe('mục tiêu của bench', () => {
  it('a time must stay below its goal, a rate reach it', () => {
    expect(met(t(1999, 2000, 'max'))).toBe(true);
    expect(met(t(2000, 2000, 'max'))).toBe(false);
    expect(met(t(0.9, 0.9, 'min'))).toBe(true);
    expect(met(t(0.89, 0.9, 'min'))).toBe(false);
  });

  it('--check exits 1 on one missed target, 0 when all are met; without --check always 0', () => {
    const good = [t(1, 2, 'max'), t(3, 2, 'min')];
    const bad = [...good, t(5, 2, 'max')];
    expect(benchExit(good, true)).toBe(0);
    expect(benchExit(bad, true)).toBe(1);
    expect(benchExit(bad, false)).toBe(0);
  });

  it('the README names every target the bench measures', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const names = ['src/bench.ts', 'src/derive/bench.ts', 'src/check/bench.ts'].flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/name: '(\w+)'/g)].map((m) => m[1]!));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const n of names) expect(readme, n).toContain(`\`${n}\``);
  });

  it('.ci/run type-checks before the tests', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const typecheck = ci.indexOf('npm run typecheck');
    expect(typecheck).toBeGreaterThan(ci.indexOf('npm ci'));
    expect(typecheck).toBeLessThan(ci.indexOf('npm test'));
  });
});
