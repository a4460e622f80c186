// The helper threads of a process that renders alone yield to it: measured in a process of its own, since the
// nice value it raises cannot be lowered again.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const MODULE = new URL('../../dist/write/helper-priority.js', import.meta.url).href;

// In the child: lower the helpers, then each thread's nice value (field 19 of /proc/<pid>/task/<tid>/stat).
const CHILD = `
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
const { yieldHelperThreads } = await import(${JSON.stringify(MODULE)});
await new Promise((r) => setTimeout(r, 20));
const lowered = yieldHelperThreads();
const self = readlinkSync('/proc/thread-self').split('/').pop();
const nice = (t) => { const s = readFileSync('/proc/self/task/' + t + '/stat', 'utf8'); return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); };
const others = readdirSync('/proc/self/task').filter((t) => t !== self);
console.log(JSON.stringify({ lowered, self: nice(self), others: others.map(nice) }));
`;

describe('yieldHelperThreads', () => {
  it('lowers every other thread of the process to the lowest priority and leaves the calling one (Linux; elsewhere nothing)', async () => {
    if (process.platform !== 'linux') {
      const { yieldHelperThreads } = await import('../../src/write/helper-priority.ts');
      return void expect(yieldHelperThreads()).toBe(0);
    }
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { lowered: number; self: number; others: number[] };
    // V8's platform threads at least (four on any machine with two or more cores)
    expect(got.lowered).toBeGreaterThanOrEqual(4);
    expect(got.others.length).toBe(got.lowered);
    expect(new Set(got.others)).toEqual(new Set([19]));
    expect(got.self).toBe(0);
  });
});
