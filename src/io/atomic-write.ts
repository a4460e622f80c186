// Writes a file beside its target and renames it into place, so a reader (or a crash) never leaves
// half a file: the old content stays until the new one is complete. The temporary name is random and
// created exclusively, so a symlink planted under a guessable name cannot redirect the write, and the
// rename replaces a symlink at the target rather than writing through it.

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function atomicWrite(path: string, data: Uint8Array | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
