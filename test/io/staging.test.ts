// The pieces of crash-safe output, deterministically: what recovery does with a staging folder
// left before and after its commit point, the stale-lock takeover, and the Vietnamese wording of
// write failures (a full disk cannot be made on demand, so its errno is fed in).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STAGING_PREFIX, Staging, pendingBuilds, recover } from '../../src/io/staging.ts';
import { LOCK_FILE, LockTimeout, lockFolder, tryLockFolder } from '../../src/io/lock.ts';
import { OutputError, outputError } from '../../src/io/fs-errors.ts';

const tmp = mkdtempSync(join(tmpdir(), 'vanban-staging-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fresh = (name: string) => {
  const d = join(tmp, name);
  mkdirSync(d);
  writeFileSync(join(d, 'a.pdf'), 'cũ');
  writeFileSync(join(d, 'manifest.json'), 'bản kê cũ');
  return d;
};

describe('phục hồi sau khi bị ngắt', () => {
  it('bị ngắt trước điểm ghi nhận: bỏ thư mục tạm, out/ như cũ', () => {
    const out = fresh('truoc');
    const s = join(out, `${STAGING_PREFIX}abc123`);
    mkdirSync(s);
    writeFileSync(join(s, 'a.pdf'), 'mới');
    expect(pendingBuilds(out)).toEqual({ committed: 0, uncommitted: 1 });
    expect(recover(out)).toEqual({ finished: 0, discarded: 1 });
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('cũ');
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'manifest.json']);
  });

  it('bị ngắt sau điểm ghi nhận, đã chuyển một phần: chuyển nốt, bản kê sau cùng', () => {
    const out = fresh('sau');
    const s = join(out, `${STAGING_PREFIX}def456`);
    mkdirSync(s);
    writeFileSync(join(out, 'b.docx'), 'mới'); // already moved before the interruption
    writeFileSync(join(s, 'a.pdf'), 'mới');
    writeFileSync(join(s, 'manifest.json'), 'bản kê mới');
    writeFileSync(join(s, 'commit.json'), JSON.stringify(['b.docx', 'a.pdf', 'manifest.json']));
    expect(recover(out)).toEqual({ finished: 1, discarded: 0 });
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('mới');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('bản kê mới');
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'b.docx', 'manifest.json']);
  });

  it('tệp tạm kiểu cũ (".<tên>.<pid>.tmp") được dọn', () => {
    const out = fresh('cu');
    writeFileSync(join(out, '.a.pdf.1234.tmp'), 'dở');
    recover(out);
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'manifest.json']);
  });

  it('commit.json ghi tên có "/" hay ".." thì không được tin: bỏ đi', () => {
    const out = fresh('la');
    const s = join(out, `${STAGING_PREFIX}ghi789`);
    mkdirSync(s);
    writeFileSync(join(s, 'commit.json'), JSON.stringify(['../../thoat']));
    expect(recover(out)).toEqual({ finished: 0, discarded: 1 });
  });

  it('Staging: tên tạm ngẫu nhiên, ghi nhận rồi chuyển vào chỗ', () => {
    const out = fresh('moi');
    const a = new Staging(out);
    const b = new Staging(out);
    expect(a.dir).not.toBe(b.dir);
    b.abort();
    a.add('a.pdf', 'mới');
    a.add('manifest.json', 'bản kê mới');
    a.commit();
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'manifest.json']);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('bản kê mới');
  });
});

describe('khóa thư mục kết quả', () => {
  it('khóa của tiến trình đã chết được lấy lại ngay', async () => {
    const out = join(tmp, 'khoa-chet');
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    const lock = await lockFolder(out, () => {
      throw new Error('không được phải chờ');
    });
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('khóa của tiến trình đang chạy: chờ, quá hạn thì báo LockTimeout', async () => {
    const out = join(tmp, 'khoa-song');
    mkdirSync(out);
    const held = tryLockFolder(out)!;
    expect(tryLockFolder(out)).toBeNull();
    let waitedFor: number | null = null;
    await expect(lockFolder(out, (pid) => (waitedFor = pid), 300)).rejects.toBeInstanceOf(LockTimeout);
    expect(waitedFor).toBe(process.pid);
    held.release();
    (await lockFolder(out, undefined, 300)).release();
  });
});

describe('lỗi ghi bằng tiếng Việt', () => {
  it.each([
    ['ENOSPC', 'ổ đĩa đã đầy'],
    ['EACCES', 'không có quyền ghi'],
    ['EROFS', 'ổ đĩa chỉ cho đọc'],
    ['EISDIR', 'đã có một thư mục trùng tên'],
    ['ENOTDIR', 'một phần của đường dẫn là tệp, không phải thư mục'],
  ])('%s', (code, reason) => {
    const e = outputError(Object.assign(new Error(`${code}: raw`), { code }), 'out/a.pdf');
    expect(e).toBeInstanceOf(OutputError);
    expect(e.message).toBe(`không ghi được out/a.pdf: ${reason}; các tệp kết quả và bản kê cũ được giữ nguyên`);
  });
});

describe('Staging: ghi nền', () => {
  it('ghi nền giữ thứ tự thêm vào khi chuyển, chờ settle rồi mới ghi nhận', async () => {
    const out = fresh('nen');
    const s = new Staging(out);
    s.addInBackground('b.pdf', 'B'.repeat(100_000));
    s.addInBackground('a.docx', new Uint8Array([1, 2, 3]));
    expect(() => s.commit()).toThrow(/settle/);
    await s.settle();
    s.add('manifest.json', 'bản kê');
    s.commit();
    expect(readdirSync(out).sort()).toEqual(['a.docx', 'a.pdf', 'b.pdf', 'manifest.json']);
    expect(readFileSync(join(out, 'b.pdf'), 'utf8')).toBe('B'.repeat(100_000));
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('bản kê');
  });

  it('một tệp ghi nền hỏng: settle báo lỗi tiếng Việt kèm tên tệp, bỏ thư mục tạm, thư mục kết quả như cũ', async () => {
    const out = fresh('nen-hong');
    const s = new Staging(out);
    rmSync(s.dir, { recursive: true }); // the staging folder vanishes under the build
    s.addInBackground('a.pdf', 'A');
    await expect(s.settle()).rejects.toThrow(/không ghi được .*a\.pdf/);
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'manifest.json']);
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('cũ');
  });
});
