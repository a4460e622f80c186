// The real `vanban` command as a child process, for tests that kill it, race it or pipe it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './invalid-fixtures.ts';

export const BIN = join(ROOT, 'bin/vanban.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const env = () => ({ ...process.env, NO_COLOR: '1', VANBAN_DEBUG: '' });

export function vanban(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 180_000, env: env() });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function vanbanAsync(args: string[], cwd = ROOT): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}
