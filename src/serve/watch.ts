// Changes on disk under the project, pushed to the page as they happen (git checkout, another editor,
// `vanban build`), so that an open file or the project list is looked at again without polling.
// Each folder of the project is watched on its own (fs.watch, not recursive): the walk skips what the
// project view skips (hidden folders, node_modules, out, dist) and never follows a symbolic link, so no
// folder outside the project root is ever watched; the output folder is watched for its manifest only. Node's
// recursive mode would watch node_modules and .git too (on Linux it is this same walk, in Node itself).

import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SKIP_DIRS } from './project.ts';

/** What changed in one burst of events: project-relative paths with "/". */
export interface Change {
  files: string[];
  mode: WatchMode; // "poll" once watching failed: the page then looks at the disk itself, slowly
}

export type WatchMode = 'watch' | 'poll';

const DEBOUNCE_MS = 120;

export class ProjectWatch {
  mode: WatchMode = 'watch';
  /** Why watching failed, when `mode` is "poll" (Vietnamese, for the page). */
  failure = '';
  private watchers = new Map<string, FSWatcher>();
  private listeners = new Set<(c: Change) => void>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly root: string,
    readonly outDir: string,
  ) {
    try {
      this.add(root);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  /** Calls `fn` with each debounced burst of changes; returns the unsubscription. */
  on(fn: (c: Change) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.listeners.clear();
  }

  /** Watches `dir` and, but for out/, the folders under it that the project view reads. */
  private add(dir: string): void {
    if (this.closed || this.watchers.has(dir)) return;
    const w = watch(dir, { persistent: false }, (event, name) => this.event(dir, event, name === null ? null : String(name)));
    w.on('error', (error) => {
      // The folder itself went (removed, renamed): its parent reports that; any other error ends the watch.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EPERM') this.drop(dir);
      else this.fail(error);
    });
    this.watchers.set(dir, w);
    if (dir === this.outDir) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      // isDirectory() is false for a symbolic link: a link to a folder elsewhere is not followed.
      if (e.isDirectory() && this.walked(join(dir, e.name))) this.add(join(dir, e.name));
    }
  }

  /** Whether a folder is one the walk enters: out/ (for its manifest) or a project folder. */
  private walked(dir: string): boolean {
    if (dir === this.outDir) return true;
    const rel = relative(this.root, dir);
    if (!rel || rel.startsWith('..')) return false;
    return !rel.split(sep).some((part) => part.startsWith('.') || SKIP_DIRS.has(part));
  }

  private drop(dir: string): void {
    for (const [d, w] of this.watchers)
      if (d === dir || d.startsWith(dir + sep)) {
        w.close();
        this.watchers.delete(d);
      }
  }

  private event(dir: string, kind: string, name: string | null): void {
    if (this.closed) return;
    const path = name === null ? dir : join(dir, name);
    if (dir === this.outDir && name !== null && name !== 'manifest.json') return;
    const rel = relative(this.root, path);
    if (rel.startsWith('..') || rel.split(sep).some((p) => p.startsWith('.') && p !== '.')) return;
    // A folder made, moved in, or removed and made again (git checkout) is watched afresh; a link to
    // one is not (lstat does not follow it); one gone is let go.
    if (kind === 'rename' && name !== null && this.walked(path)) {
      let folder = false;
      try {
        folder = lstatSync(path).isDirectory();
      } catch {
        // gone
      }
      if (folder || this.watchers.has(path)) this.drop(path);
      try {
        if (folder) this.add(path);
      } catch {
        this.drop(path); // gone again at once
      }
    }
    this.pending.add(rel.split(sep).join('/'));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private flush(): void {
    const files = [...this.pending].sort();
    this.pending.clear();
    for (const fn of this.listeners) fn({ files, mode: this.mode });
  }

  private fail(error: Error): void {
    this.mode = 'poll';
    this.failure = `không theo dõi được thay đổi trên đĩa (${(error as NodeJS.ErrnoException).code ?? error.message})`;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    for (const fn of this.listeners) fn({ files: [], mode: this.mode });
  }
}
