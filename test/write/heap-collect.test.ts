// The main thread's heap collected on request in a long batch: in a process of its own, since it sets V8 flags.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const MODULE = new URL('../../dist/write/heap-collect.js', import.meta.url).href;

// In the child: garbage kept alive past several scavenges (so it is promoted to the old generation), dropped, then
// one collection asked for; the heap in use before and after it.
const CHILD = `
const { heapCollector } = await import(${JSON.stringify(MODULE)});
const collect = heapCollector();
let keep = [];
for (let i = 0; i < 40; i++) { keep.push(Array.from({ length: 20000 }, (_, k) => ({ k, s: 'x' + k }))); await new Promise((r) => setImmediate(r)); }
keep = null;
const before = process.memoryUsage().heapUsed;
collect();
for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 10));
console.log(JSON.stringify({ collector: typeof collect, before, after: process.memoryUsage().heapUsed }));
`;

describe('heapCollector', () => {
  it('collects garbage of the old generation that V8 would have kept', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { collector: string; before: number; after: number };
    expect(got.collector).toBe('function');
    // 800,000 small objects (over 40 MB) were dropped: most of the heap goes with them
    expect(got.before).toBeGreaterThan(40 * 1048576);
    expect(got.after).toBeLessThan(got.before / 3);
  });
});
