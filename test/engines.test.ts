// The Node version the package promises (engines, README) is one every run-time dependency accepts:
// docx 9.15 asks for nanoid 6 (Node ≥ 22) though it inlines nanoid in its own build and never loads it,
// so package.json overrides it with nanoid 5, which accepts Node 20.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/invalid-fixtures.ts';

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, '').split('.').map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
};
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `v` satisfies an npm engines range (the forms found in package-lock: >=, >, <, ^, ~, x.y.z, ||). */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        const m = /^(>=|<=|>|<|\^|~|=)?(.+)$/.exec(c)!;
        const w = parse(m[2]!);
        const d = cmp(v, w);
        switch (m[1]) {
          case '>=': return d >= 0;
          case '>': return d > 0;
          case '<=': return d <= 0;
          case '<': return d < 0;
          case '^': return d >= 0 && v[0] === w[0];
          case '~': return d >= 0 && v[0] === w[0] && v[1] === w[1];
          default: return m[2]!.split('.').length === 1 ? v[0] === w[0] : d === 0;
        }
      }),
  );
}

describe('phiên bản Node.js', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const minimum = parse(/>=\s*([\d.]+)/.exec(pkg.engines.node)![1]!);

  it('the range check itself', () => {
    expect(satisfies([20, 19, 0], '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies([20, 19, 0], '^18 || >=20')).toBe(true);
    expect(satisfies([20, 16, 0], '>=20.19.0 || >=22.13.0 || >=24')).toBe(false);
    expect(satisfies([20, 19, 0], '>= 14.6')).toBe(true);
  });

  it('the README promises the version package.json asks for', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`Cần Node.js ${minimum[0]}.${minimum[1]} trở lên`);
  });

  it('every run-time dependency installed by the lockfile accepts that version', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string; engines?: { node?: string } }> };
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.dev && p.engines?.node && !satisfies(minimum, p.engines.node))
      .map(([path, p]) => `${path}@${p.version} (${p.engines!.node})`);
    expect(refused).toEqual([]);
  });

  it('docx never loads nanoid at run time, so overriding its version is safe', () => {
    for (const f of ['dist/index.mjs', 'dist/index.cjs']) {
      const code = readFileSync(join(ROOT, 'node_modules/docx', f), 'utf8');
      expect(code).not.toMatch(/(?:from|require\(|import\()\s*["']nanoid/);
    }
  });
});
