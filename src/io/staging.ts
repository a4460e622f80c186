// Crash-safe replacement of several files in one folder. A build writes every new file into a fresh
// private staging folder inside out/ (mkdtemp: unpredictable name, mode 0700, same file system so a
// rename moves it), then records the list of files in commit.json: that is the commit point. Only
// then are the files renamed into place, the manifest last. Killed before the commit, out/ is
// exactly as before; killed after it, the next command that takes the lock finishes the moves.
// A rename replaces a symlink at the target instead of writing through it.

import { closeSync, fsyncSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError, outputError } from './fs-errors.ts';

export const STAGING_PREFIX = '.vanban-dang-ghi-';
const COMMIT = 'commit.json';
// Names earlier versions used for their temporary files (".<name>.<pid>.tmp").
const OLD_TEMP = /^\..+\.\d+\.tmp$/;

function writeDurable(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** writeDurable on libuv's thread pool: the write and its fsync wait there, not in the build's thread. */
async function writeDurableAsync(path: string, data: Uint8Array | string): Promise<void> {
  const file = await open(path, 'wx', 0o644);
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

function checkName(name: string): void {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad output name ${name}`);
}

export class Staging {
  readonly dir: string;
  private readonly names: string[] = [];
  private readonly writing = new Set<Promise<void>>();
  private failure: { error: unknown; name: string } | null = null;

  constructor(readonly outDir: string) {
    try {
      this.dir = mkdtempSync(join(outDir, STAGING_PREFIX));
    } catch (error) {
      throw outputError(error, outDir);
    }
  }

  /** Stages one file under its final name. */
  add(name: string, data: Uint8Array | string): void {
    checkName(name);
    try {
      writeDurable(join(this.dir, name), data);
    } catch (error) {
      this.abort();
      throw outputError(error, join(this.outDir, name));
    }
    this.names.push(name);
  }

  /**
   * Stages one file under its final name, written in the background while the caller goes on (a batch
   * renders the next document meanwhile); `settle` waits for every such write and reports a failed one.
   */
  addInBackground(name: string, data: Uint8Array | string): void {
    checkName(name);
    if (this.failure) this.fail(); // a full disk stops the batch at the next file, as `add` does
    this.names.push(name); // the commit's order is the order added, not the order the writes finish
    const w: Promise<void> = writeDurableAsync(join(this.dir, name), data).then(
      () => void this.writing.delete(w),
      (error: unknown) => {
        this.writing.delete(w);
        this.failure ??= { error, name };
      },
    );
    this.writing.add(w);
  }

  /** Waits for the background writes; on a failed one, throws the staged files away and reports it. */
  async settle(): Promise<void> {
    while (this.writing.size) await Promise.all(this.writing);
    if (this.failure) this.fail();
  }

  private fail(): never {
    this.abort();
    throw outputError(this.failure!.error, join(this.outDir, this.failure!.name));
  }

  /** Commits and moves every staged file into place, in the order added (after `settle`). */
  commit(): void {
    if (this.writing.size) throw new Error('Staging.commit before settle');
    // A folder where a file must go is found now, before anything is replaced.
    for (const name of this.names) {
      let isDir = false;
      try {
        isDir = lstatSync(join(this.outDir, name)).isDirectory();
      } catch {
        // absent: fine
      }
      if (isDir) {
        this.abort();
        throw new OutputError(`không ghi được ${join(this.outDir, name)}: đã có một thư mục trùng tên; các tệp kết quả và bản kê cũ được giữ nguyên`, 'EISDIR');
      }
    }
    try {
      const tmp = join(this.dir, `${COMMIT}.tmp`);
      writeDurable(tmp, JSON.stringify(this.names));
      renameSync(tmp, join(this.dir, COMMIT));
      syncDir(this.dir);
    } catch (error) {
      this.abort();
      throw outputError(error, this.outDir);
    }
    finish(this.outDir, this.dir, this.names);
  }

  /** Throws the staged files away; out/ is left as it was. */
  abort(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // not every file system syncs folders; the rename order still holds
  }
}

function finish(outDir: string, dir: string, names: string[]): void {
  for (const name of names) {
    try {
      renameSync(join(dir, name), join(outDir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // moved before an interruption
      throw outputError(error, join(outDir, name), 'lần dựng sau sẽ ghi tiếp các tệp còn lại');
    }
  }
  syncDir(outDir);
  rmSync(dir, { recursive: true, force: true });
}

export interface Recovery {
  finished: number; // interrupted builds whose committed files were moved into place now
  discarded: number; // staging folders of builds interrupted before their commit
}

/** Finishes or discards what interrupted builds left in `outDir`. Call while holding its lock. */
export function recover(outDir: string): Recovery {
  const r: Recovery = { finished: 0, discarded: 0 };
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return r;
  }
  for (const e of entries) {
    const path = join(outDir, e);
    if (OLD_TEMP.test(e)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!e.startsWith(STAGING_PREFIX)) continue;
    if (!lstatSync(path).isDirectory()) {
      rmSync(path, { force: true });
      continue;
    }
    const names = committed(path);
    if (names) {
      finish(outDir, path, names);
      r.finished++;
    } else {
      rmSync(path, { recursive: true, force: true });
      r.discarded++;
    }
  }
  return r;
}

/** Staging folders left by interrupted builds, and whether each had committed. */
export function pendingBuilds(outDir: string): { committed: number; uncommitted: number } {
  let committedN = 0;
  let uncommitted = 0;
  try {
    for (const e of readdirSync(outDir)) if (e.startsWith(STAGING_PREFIX)) committed(join(outDir, e)) ? committedN++ : uncommitted++;
  } catch {
    // no folder: nothing pending
  }
  return { committed: committedN, uncommitted };
}

function committed(dir: string): string[] | null {
  try {
    const names = JSON.parse(readFileSync(join(dir, COMMIT), 'utf8')) as unknown;
    return Array.isArray(names) && names.every((n) => typeof n === 'string' && !n.includes('/') && !n.startsWith('.')) ? names : null;
  } catch {
    return null;
  }
}
