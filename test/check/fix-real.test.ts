// `vanban check --fix` on a real web copy: the safe fixes added with issue 11 are made in the file's own lines
// (inside its table rows), each is listed, and no word changes.

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPath } from '../../src/check/command.ts';
import { realPath, TODAY } from './helpers.ts';

describe('vanban check --fix on a real công văn', () => {
  it('fixes the date line, the comma after the place, a body date and the Lưu colon, listing each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-fix-real-'));
    const path = join(dir, 'cong-van.md');
    copyFileSync(realPath('web-cong-van-2864-ldtbxh-ncc-2015-che-do-chinh-sach-khi-tu-tran.md'), path);
    const [r] = await checkPath(path, { format: 'json', fix: true, today: TODAY }, dir);
    expect(r!.fix!.changes).toEqual([
      'dòng 7 [date-line-form]: "Hà Nội , " → "Hà Nội, "',
      'dòng 7 [date-line-zero]: "tháng 07 năm 2015" → "tháng 7 năm 2015"',
      'dòng 11 [date-zero]: "27/05/2015" → "27/5/2015"',
      'dòng 21 [recipients-luu]: "- Lưu VT, NCC." → "- Lưu: VT, NCC."',
    ]);
    const before = readFileSync(path, 'utf8').split('\n');
    const after = readFileSync(r!.fix!.written!, 'utf8').split('\n');
    const changed = after.flatMap((l, i) => (l !== before[i] ? [i + 1] : []));
    expect(changed).toEqual([7, 11, 21]);
    // the words of every line are the same, in the same order
    const words = (l: string) => l.replace(/[^\p{L}]+/gu, ' ').trim();
    for (const n of changed) expect(words(after[n - 1]!)).toBe(words(before[n - 1]!));
    // and the fixed copy no longer has those findings
    const [again] = await checkPath(r!.fix!.written!, { format: 'json', fix: false, today: TODAY }, dir);
    expect(again!.findings.map((f) => f.rule)).not.toEqual(expect.arrayContaining(['date-line-zero', 'date-line-form', 'date-zero']));
  });
});
