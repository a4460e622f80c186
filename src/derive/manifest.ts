// What `vanban derive` wrote into a folder, so a later run never overwrites the clerk's edits:
// .vanban-derive.json keeps the SHA-256 of every file as written. A file whose content still has
// that hash is ours to replace; any other existing file was edited (or made) by hand and is left
// alone unless --force is given.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../io/atomic-write.ts';
import { sha256 } from '../io/sha256.ts';


export const MANIFEST = '.vanban-derive.json';

export interface Manifest {
  tool: 'vanban derive';
  from: string; // ministry campaign data, relative to the project root
  profile: string; // province profile, relative to the project root
  files: Record<string, string>; // file name → SHA-256 (hex) of the content as derived
}

/** What happened to one file. */
export type FileAction =
  | 'new' // did not exist: written
  | 'updated' // unedited since the last derive, new content: replaced
  | 'unchanged' // already has exactly the new content
  | 'kept' // edited by hand since derived (or not ours): left alone
  | 'forced'; // edited by hand, replaced because of --force

export interface FileResult {
  name: string;
  action: FileAction;
}

export { sha256 };

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return m && typeof m.files === 'object' && m.files ? (m as Manifest) : null;
  } catch {
    return null; // an unreadable manifest protects nothing: every existing file counts as edited
  }
}

/** Decides, without writing, what writing `files` into `dir` would do to each. */
export function planWrites(dir: string, files: Record<string, string>, force: boolean): FileResult[] {
  const recorded = readManifest(dir)?.files ?? {};
  return Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    if (!existsSync(path)) return { name, action: 'new' };
    const current = sha256(readFileSync(path));
    if (current === sha256(content)) return { name, action: 'unchanged' };
    if (recorded[name] === current) return { name, action: 'updated' };
    return { name, action: force ? 'forced' : 'kept' };
  });
}

/** Writes the derived files that may be written and updates the manifest; returns what it did. */
export function writeDerived(dir: string, files: Record<string, string>, meta: { from: string; profile: string }, force: boolean): FileResult[] {
  const results = planWrites(dir, files, force);
  const previous = readManifest(dir)?.files ?? {};
  const hashes: Record<string, string> = {};
  mkdirSync(dir, { recursive: true });
  for (const r of results) {
    const content = files[r.name]!;
    if (r.action === 'kept') {
      if (previous[r.name]) hashes[r.name] = previous[r.name]!; // still counts as edited next time
      continue;
    }
    if (r.action !== 'unchanged') atomicWrite(join(dir, r.name), content);
    hashes[r.name] = sha256(content);
  }
  const manifest: Manifest = { tool: 'vanban derive', from: meta.from, profile: meta.profile, files: Object.fromEntries(Object.entries(hashes).sort()) };
  atomicWrite(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return results;
}

