// The project root and the files input may name. Every path a data file gives (body, template,
// campaign, attachment) is resolved with symlinks followed and refused unless it lies inside the
// root, so a document can never typeset /etc/passwd or a file of another project. Only regular
// files are read (a FIFO or a device would hang or flood the build), and never more than a limit.

import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { sha256 } from './sha256.ts';

/** Largest input file read (YAML, Markdown, template): a 2,000-page plan is about 4 MB of Markdown. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export type Refusal = 'khong-co' | 'ngoai-du-an' | 'khong-phai-tep' | 'qua-lon' | 'khong-doc-duoc';

/** Why a named file is not read; the caller turns it into a located InputError for its field. */
export class FileRefused extends Error {
  constructor(
    readonly reason: Refusal,
    readonly path: string,
    readonly limit = MAX_INPUT_BYTES,
  ) {
    super(reason);
    this.name = 'FileRefused';
  }
}

/** Vietnamese wording of a refusal, for "<what> "<given>" …". Never includes the file's content. */
export function refusalText(e: FileRefused, what: string, given: string): { problem: string; fix: string } {
  switch (e.reason) {
    case 'khong-co':
      return { problem: `không tìm thấy ${what} "${given}"`, fix: 'kiểm tra đường dẫn, tính từ thư mục của tệp này' };
    case 'ngoai-du-an':
      return { problem: `${what} "${given}" nằm ngoài thư mục dự án, không được đọc`, fix: 'chép tệp vào thư mục dự án, hoặc chỉ thư mục dự án bằng --root' };
    case 'khong-phai-tep':
      return { problem: `${what} "${given}" không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị)`, fix: 'chỉ tới một tệp văn bản' };
    case 'qua-lon':
      return { problem: `${what} "${given}" lớn quá ${e.limit / 1024 / 1024} MB, giới hạn của một tệp đầu vào`, fix: 'chia nội dung thành nhiều văn bản' };
    default:
      return { problem: `không đọc được ${what} "${given}" (không có quyền đọc)`, fix: 'kiểm tra quyền đọc của tệp' };
  }
}

/** True when `path` (already real) is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The real path of `path` (symlinks followed), or a FileRefused when it does not exist. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileRefused(code === 'EACCES' ? 'khong-doc-duoc' : 'khong-co', path);
  }
}

/** `given` resolved against `baseDir`, symlinks followed, refused unless inside `root`. */
export function confinedPath(root: string, baseDir: string, given: string): string {
  const real = realPath(resolve(baseDir, given));
  if (!isInside(realPath(root), real)) throw new FileRefused('ngoai-du-an', real);
  return real;
}

/** Throws FileRefused unless `path` is a regular file (checked on an open descriptor, never blocking). */
export function assertRegularFile(path: string): void {
  closeSync(openRegular(path));
}

function openRegular(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileRefused(code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'khong-co' : code === 'EISDIR' ? 'khong-phai-tep' : 'khong-doc-duoc', path);
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new FileRefused('khong-phai-tep', path);
  }
  return fd;
}

/** Unsaved text of files open in `vanban serve`, keyed by absolute path: read instead of the disk while set. */
let unsaved: ReadonlyMap<string, Buffer> | null = null;

/** Runs `fn` with `files` read in place of their saved content (the file itself must exist on disk). */
export async function withUnsaved<T>(files: ReadonlyMap<string, Buffer>, fn: () => Promise<T> | T): Promise<T> {
  unsaved = files;
  try {
    return await fn();
  } finally {
    unsaved = null;
  }
}

/** The files read while a recording runs (see recordingReads): SHA-256 (hex) by absolute path. */
let reads: Map<string, string> | null = null;

/**
 * Runs `fn` (synchronous) and gives the SHA-256 of every file readRegularFile read meanwhile, by absolute
 * path: a build records the bytes it used, not a second reading that a file saved in between would change.
 */
export function recordingReads<T>(fn: () => T): { value: T; digests: Map<string, string> } {
  const outer = reads;
  const digests = new Map<string, string>();
  reads = digests;
  try {
    return { value: fn(), digests };
  } finally {
    reads = outer;
  }
}

function read(path: string, data: Buffer): Buffer {
  reads?.set(resolve(path), sha256(data));
  return data;
}

/** Reads a regular file of at most `limit` bytes; opening never blocks (FIFOs are refused, not waited on). */
export function readRegularFile(path: string, limit = MAX_INPUT_BYTES): Buffer {
  const fd = openRegular(path);
  const edited = unsaved?.get(resolve(path));
  if (edited) {
    closeSync(fd);
    if (edited.byteLength > limit) throw new FileRefused('qua-lon', path, limit);
    return read(path, edited);
  }
  try {
    const st = fstatSync(fd);
    if (st.size > limit) throw new FileRefused('qua-lon', path, limit);
    const data = readFileSync(fd);
    if (data.byteLength > limit) throw new FileRefused('qua-lon', path, limit);
    return read(path, data);
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused((error as NodeJS.ErrnoException).code === 'EISDIR' ? 'khong-phai-tep' : 'khong-doc-duoc', path);
  } finally {
    closeSync(fd);
  }
}

/**
 * The project root: `--root` when given, else the current folder when every data path lies in it,
 * else the deepest folder holding all the data paths ("the folder of the data").
 */
export function projectRoot(paths: string[], cwd = process.cwd(), explicit?: string): string {
  if (explicit) return resolve(cwd, explicit);
  const abs = paths.map((p) => resolve(cwd, p));
  if (abs.every((p) => isInside(cwd, p))) return cwd;
  let common = abs.length ? dirname(abs[0]!) : cwd;
  for (const p of abs) while (!isInside(common, p)) common = dirname(common);
  return common;
}
