// One writer per output folder: an exclusive lock file holding the owner's PID and host. A lock whose
// process is gone (killed, crashed) is stale and taken over at once, so a SIGKILLed build never
// blocks the next one; a live owner is waited for, so two builds into one out/ run one after the other.
// (proper-lockfile detects staleness by mtime only, after seconds; a PID check is immediate.)

import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_FILE = '.vanban.lock';

interface Owner {
  pid: number;
  host: string;
}

function readOwner(path: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock once; false when a live process holds it. */
function tryLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = readOwner(path);
  // An unreadable lock may be one being written right now: treat it as held.
  if (!owner || owner.host !== hostname() || alive(owner.pid)) return false;
  // Stale: move it aside under a unique name (only one contender wins the rename), then retry.
  const aside = `${path}.${randomBytes(6).toString('hex')}.cu`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  const moved = readOwner(aside);
  if (moved && moved.pid !== owner.pid) {
    // Another process took over in between and we moved its fresh lock: put it back.
    try {
      linkSync(aside, path);
    } catch {
      // a third process holds the lock now; the moved one's owner keeps working unaware
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return tryLock(path);
}

/** The lock when it is free right now, else null (for commands that must not wait). */
export function tryLockFolder(dir: string): Lock | null {
  const path = join(dir, LOCK_FILE);
  return tryLock(path) ? holder(path) : null;
}

function holder(path: string): Lock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}

export interface Lock {
  release(): void;
}

/**
 * Waits for the folder's lock (calling `onWait` once with the holder's PID), up to `timeoutMs`.
 * Throws LockTimeout when it stays held.
 */
export async function lockFolder(dir: string, onWait?: (pid: number | null) => void, timeoutMs = 10 * 60_000): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const started = Date.now();
  let told = false;
  while (!tryLock(path)) {
    if (!told) (told = true), onWait?.(readOwner(path)?.pid ?? null);
    if (Date.now() - started > timeoutMs) throw new LockTimeout(readOwner(path)?.pid ?? null);
    await sleep(50 + Math.random() * 100);
  }
  return holder(path);
}

export class LockTimeout extends Error {
  constructor(readonly pid: number | null) {
    super(`lock held by ${pid}`);
    this.name = 'LockTimeout';
  }
}
