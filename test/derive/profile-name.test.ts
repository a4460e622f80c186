// A profile's file name becomes the name of its output folder: "...yaml" (slug "..") once wrote
// outside --out. Such a name is refused and nothing is written anywhere.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveAll } from '../../src/derive/command.ts';
import { treeHash } from '../support/project.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'vanban-derive-name-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('tên tệp hồ sơ tỉnh', () => {
  it.each(['...yaml', '..yaml', 'Ninh Thuận.yaml'])('%s: từ chối, không ghi tệp nào', (name) => {
    const profiles = join(TMP, 'p', name.replace(/\W/g, '_'));
    mkdirSync(profiles, { recursive: true });
    copyFileSync(join(ROOT, 'profiles/2023-2024/ninh-thuan.yaml'), join(profiles, name));
    const out = join(TMP, 'o', 'data', 'dia-phuong');
    const before = treeHash(TMP);
    const outcome = deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: [join(profiles, name)], out, root: ROOT });
    expect(outcome.reports).toEqual([]);
    expect(outcome.failed.map((f) => f.error.message)).toEqual([
      `${relative(ROOT, join(profiles, name))}:1:1: tên tệp hồ sơ "${name}" không dùng được làm tên thư mục kết quả. Cách sửa: đặt tên tệp bằng chữ thường không dấu, số và dấu "-", ví dụ ninh-thuan.yaml`,
    ]);
    expect(treeHash(TMP)).toEqual(before);
  });
});

describe('thư mục kết quả của derive', () => {
  it('<out>/<tỉnh> là liên kết chỉ ra ngoài: không ghi qua nó', () => {
    const out = join(TMP, 'lk', 'dia-phuong');
    const elsewhere = join(TMP, 'lk', 'noi-khac');
    mkdirSync(out, { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'ninh-thuan'));
    const profile = join(ROOT, 'profiles/2023-2024/ninh-thuan.yaml');
    const outcome = deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: [profile], out, root: ROOT });
    expect(outcome.reports).toEqual([]);
    expect(outcome.failed.map((f) => f.error.message.replace(/:\d+:1:/, ':N:1:'))).toEqual([
      `profiles/2023-2024/ninh-thuan.yaml:N:1: thư mục kết quả ${relative(ROOT, join(out, 'ninh-thuan'))} là liên kết tượng trưng, không ghi qua nó. Cách sửa: xóa liên kết, hoặc chọn --out khác`,
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

