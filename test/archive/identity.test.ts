// Stable identities: names and archive folders carry the issuer (two Sở Tư pháp issuing 20/KH-STP on
// the same day never collide), manifest entries are keyed on the project root whatever folder the build
// runs from, an out/ written by the previous vanban is migrated, and `archive` takes issued documents only.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issuerSlug } from '../../src/archive/naming.ts';
import { vanban } from '../support/cli.ts';
import { ROOT } from '../support/invalid-fixtures.ts';

const TMP = mkdtempSync(join(tmpdir(), 'vanban-identity-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Entry { source: string; issuerSlug?: string; outputs: { file: string }[] }
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { format: number; root: string; documents: Entry[] };

describe('issuer in names', () => {
  it('is the issuer and the place of its cơ quan chủ quản, ASCII, lower case', () => {
    expect(issuerSlug('Sở Tư pháp', 'UBND tỉnh An Giang')).toBe('so-tu-phap-an-giang');
    expect(issuerSlug('Sở Tư pháp', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI')).toBe('so-tu-phap-ha-noi');
    expect(issuerSlug('Sở Tư pháp', 'UBND TP. Hồ Chí Minh')).toBe('so-tu-phap-ho-chi-minh');
    expect(issuerSlug('Bộ Tư pháp', undefined)).toBe('bo-tu-phap');
    expect(issuerSlug('Cục Bổ trợ tư pháp', 'Bộ Tư pháp')).toBe('cuc-bo-tro-tu-phap-bo-tu-phap');
    expect(issuerSlug('Sở Tư pháp', 'UBND tỉnh Đắk Lắk')).toBe('so-tu-phap-dak-lak');
  });

  it('two Sở Tư pháp each issuing 20/KH-STP on the same day: two documents, two names, two archive folders', () => {
    const dir = join(TMP, 'hai-so');
    const plan = readFileSync(join(ROOT, 'data/an-giang/vi-nguoi-ngheo-2023/ke-hoach.yaml'), 'utf8').replace(/^so: 78$/mu, 'so: 20');
    for (const [tinh, ten] of [['an-giang', 'An Giang'], ['ninh-thuan', 'Ninh Thuận']] as const) {
      cpSync(join(ROOT, 'data/an-giang/vi-nguoi-ngheo-2023'), join(dir, 'data', tinh), { recursive: true });
      writeFileSync(join(dir, 'data', tinh, 'ke-hoach.yaml'), plan.replace('# yaml-language-server', '# x').replaceAll('An Giang', ten));
    }
    const run = vanban(['build', 'data'], dir);
    expect(run.stderr).not.toContain('trùng tên');
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['2023-04-27_20-KH-STP_so-tu-phap-an-giang.pdf', '2023-04-27_20-KH-STP_so-tu-phap-ninh-thuan.pdf']);

    const archive = vanban(['archive', 'out', 'kho'], dir);
    expect(archive.status, archive.stderr).toBe(0);
    expect(archive.stdout).toContain('+ 2023/so-tu-phap-an-giang/2023-04-27_20-KH-STP_so-tu-phap-an-giang.pdf');
    expect(archive.stdout).toContain('+ 2023/so-tu-phap-ninh-thuan/2023-04-27_20-KH-STP_so-tu-phap-ninh-thuan.pdf');
    expect(readdirSync(join(dir, 'kho/2023')).sort()).toEqual(['so-tu-phap-an-giang', 'so-tu-phap-ninh-thuan']);
    const index = readFileSync(join(dir, 'kho/chi-muc.csv'), 'utf8');
    expect(index).toContain(',Sở Tư pháp (UBND tỉnh An Giang),');
    expect(index).toContain(',Sở Tư pháp (UBND tỉnh Ninh Thuận),');
  });
});

describe('archive takes issued documents only', () => {
  it('leaves drafts out unless --ca-du-thao', () => {
    const dir = join(TMP, 'du-thao');
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    rmSync(join(dir, 'data/examples'), { recursive: true, force: true }); // the four documents of the original samples
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    const issued = vanban(['archive', 'out', 'kho'], dir);
    expect(issued.status, issued.stderr).toBe(0);
    const copied = issued.stdout.split('\n').filter((l) => l.startsWith('+ ')).sort();
    expect(copied).toEqual(['+ 2023/so-tu-phap-an-giang/2023-04-27_78-KH-STP_so-tu-phap-an-giang.pdf', '+ 2024/bo-tu-phap/2024-02-29_244-QD-BTP_bo-tu-phap.pdf']);
    expect(issued.stdout).toMatch(/không lưu 2 dự thảo chưa có số hoặc ngày .*--ca-du-thao/u);
    const all = vanban(['archive', 'out', 'kho', '--ca-du-thao'], dir);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toContain('+ chua-ngay/so-tu-phap-ninh-thuan/2023_du-thao-KH-STP_so-tu-phap-ninh-thuan_ninh-thuan-thi-dua-2023-ke-hoach.pdf');
    expect(all.stdout).toMatch(/2 tệp mới, 2 tệp đã có/u);
  });
});

describe('manifest keyed on the project root', () => {
  it('building the same document from its folder keeps one entry (skipped, not built again)', () => {
    const dir = join(TMP, 'goc');
    cpSync(join(ROOT, 'test/fixtures/manifest-v1/data'), join(dir, 'data'), { recursive: true });
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    const again = vanban(['build', '.', '--out', '../out'], join(dir, 'data'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Đã dựng 0 văn bản');
    expect(again.stdout).toContain('bỏ qua 1 văn bản không thay đổi');
    const m = manifest(dir);
    expect(m).toMatchObject({ format: 2, root: '..' });
    expect(m.documents.map((d) => d.source)).toEqual(['data/van-ban.yaml']);
    const verify = vanban(['verify', 'out'], dir);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/\b2 tệp\b/u);
  });

  it('migrates an out/ written by the previous vanban: paths re-based, duplicates merged, old-named files replaced', () => {
    const dir = join(TMP, 'cu');
    cpSync(join(ROOT, 'test/fixtures/manifest-v1'), dir, { recursive: true });
    // The old vanban run from two folders left the same document twice.
    const old = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { documents: Entry[] };
    expect(old.documents.map((d) => d.source)).toEqual(['van-ban.yaml']);
    old.documents.push({ ...old.documents[0]!, source: 'data/van-ban.yaml' });
    writeFileSync(join(dir, 'out/manifest.json'), JSON.stringify(old, null, 2));
    const before = vanban(['verify', 'out'], dir);
    expect(before.stdout, 'verify counts each file once even before the migration').toMatch(/\b2 tệp\b/u);

    const run = vanban(['build', 'data'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('của phiên bản vanban cũ');
    expect(run.stderr).toContain('2024-03-05_47-QD-BTP.pdf đổi tên thành 2024-03-05_47-QD-BTP_bo-tu-phap.pdf');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2024-03-05_47-QD-BTP_bo-tu-phap.docx', '2024-03-05_47-QD-BTP_bo-tu-phap.pdf', 'manifest.csv', 'manifest.json']);
    const m = manifest(dir);
    expect(m.documents.map((d) => [d.source, d.issuerSlug])).toEqual([['data/van-ban.yaml', 'bo-tu-phap']]);
    expect(vanban(['verify', 'out'], dir).status).toBe(0);
  });

  it('keeps an old-named file that was edited after the build, and says so', () => {
    const dir = join(TMP, 'cu-sua');
    cpSync(join(ROOT, 'test/fixtures/manifest-v1'), dir, { recursive: true });
    writeFileSync(join(dir, 'out/2024-03-05_47-QD-BTP.docx'), 'sửa tay');
    const run = vanban(['build', 'data'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('2024-03-05_47-QD-BTP.docx: tệp tên cũ của data/van-ban.yaml đã bị sửa sau khi dựng nên được giữ nguyên');
    expect(existsSync(join(dir, 'out/2024-03-05_47-QD-BTP.docx'))).toBe(true);
    expect(existsSync(join(dir, 'out/2024-03-05_47-QD-BTP.pdf'))).toBe(false);
  });
});
