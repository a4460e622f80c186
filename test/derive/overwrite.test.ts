// Deriving again never overwrites a file the clerk edited since it was derived (unless --force),
// replaces the files nobody touched, and says which files it left alone.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deriveAll, deriveCommand, REPORT_FILE, type DeriveCommandOptions } from '../../src/derive/command.ts';
import { MANIFEST, sha256, type Manifest } from '../../src/derive/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'vanban-derive-edit-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const out = join(TMP, 'data');
const dir = join(out, 'ninh-thuan/thi-dua-2024');
const plan = join(dir, 'ke-hoach.yaml');
const campaign = join(dir, 'chien-dich.yaml');
// A copy of the Ninh Thuận profile the test can change (same file name, so the same output folder).
const profileDir = join(TMP, 'profiles');
const profile = join(profileDir, 'ninh-thuan.yaml');
mkdirSync(profileDir);
copyFileSync(join(ROOT, 'profiles/2023-2024/ninh-thuan.yaml'), profile);

const opts = (extra: Partial<DeriveCommandOptions> = {}): DeriveCommandOptions => ({ from: 'data/bo-tu-phap/thi-dua-2024', profile: [profile], out, root: ROOT, ...extra });
const actions = (o = opts()) => Object.fromEntries(deriveAll(o).reports[0]!.files.map((f) => [f.name, f.action]));
const manifest = (): Manifest => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;

describe('deriving again', () => {
  it('writes new files and records their SHA-256', () => {
    expect(actions()).toEqual({ 'ke-hoach.yaml': 'new', 'chien-dich.yaml': 'new' });
    expect(manifest()).toMatchObject({
      tool: 'vanban derive',
      from: 'data/bo-tu-phap/thi-dua-2024/chien-dich.yaml',
      files: { 'ke-hoach.yaml': sha256(readFileSync(plan)), 'chien-dich.yaml': sha256(readFileSync(campaign)) },
    });
  });

  it('changes nothing when nothing changed', () => {
    const before = readFileSync(join(dir, MANIFEST), 'utf8');
    expect(actions()).toEqual({ 'ke-hoach.yaml': 'unchanged', 'chien-dich.yaml': 'unchanged' });
    expect(readFileSync(join(dir, MANIFEST), 'utf8')).toBe(before);
  });

  it('leaves an edited file alone, updates the untouched one, and says so', async () => {
    // The clerk gets a number from Văn thư; the profile's lead time changes (7 → 10 days).
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('so: null', 'so: 12'));
    writeFileSync(profile, readFileSync(profile, 'utf8').replace('truoc_han_ngay: 7', 'truoc_han_ngay: 10'));
    const edited = readFileSync(plan, 'utf8');

    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let code: number, printed: string;
    try {
      code = await deriveCommand(opts());
      printed = log.mock.calls.flat().join('\n');
    } finally {
      log.mockRestore();
    }
    expect(code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toBe(edited); // kept
    expect(readFileSync(campaign, 'utf8')).toMatch(/han: 2024-03-05\n/u); // 15/3 − 10 days, updated
    expect(printed).toMatch(/^! giữ nguyên \S*ninh-thuan\/thi-dua-2024\/ke-hoach\.yaml: đã sửa tay sau lần sinh trước \(ghi đè: --force\)$/mu);
    expect(readFileSync(join(dir, REPORT_FILE), 'utf8')).toMatch(/`ke-hoach\.yaml`: GIỮ NGUYÊN: đã sửa tay sau lần sinh trước/u);
    // The manifest still holds the hash as derived, so the edit is still seen as an edit next time.
    expect(manifest().files['ke-hoach.yaml']).not.toBe(sha256(edited));
    expect(actions()).toEqual({ 'ke-hoach.yaml': 'kept', 'chien-dich.yaml': 'unchanged' });
  });

  it('overwrites an edited file only with --force', () => {
    expect(actions(opts({ force: true }))).toEqual({ 'ke-hoach.yaml': 'forced', 'chien-dich.yaml': 'unchanged' });
    expect(readFileSync(plan, 'utf8')).toMatch(/^so: null$/mu);
    expect(manifest().files['ke-hoach.yaml']).toBe(sha256(readFileSync(plan)));
    expect(actions()).toEqual({ 'ke-hoach.yaml': 'unchanged', 'chien-dich.yaml': 'unchanged' });
  });

  it('treats a file it did not write (no manifest entry) as the clerk’s', () => {
    rmSync(join(dir, MANIFEST));
    writeFileSync(campaign, readFileSync(campaign, 'utf8') + '# ghi chú của chuyên viên\n');
    expect(actions()).toEqual({ 'ke-hoach.yaml': 'unchanged', 'chien-dich.yaml': 'kept' }); // same content as derived: nothing to protect
    expect(readFileSync(campaign, 'utf8')).toMatch(/# ghi chú của chuyên viên\n$/u);
  });

  it('reports the placeholders left in the files as they are on disk', () => {
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('ho_ten: Trần Văn Hiếu', 'ho_ten: "[cần điền: họ tên Giám đốc Sở]"'));
    const r = deriveAll(opts()).reports[0]!;
    expect(r.placeholders).toEqual([{ file: 'ke-hoach.yaml', line: expect.any(Number), text: '[cần điền: họ tên Giám đốc Sở]' }]);
    expect(readFileSync(plan, 'utf8').split('\n')[r.placeholders[0]!.line - 1]).toMatch(/^nguoi_ky: /u);
  });
});
