// `vanban new`: one starter per kind the schema accepts, each a valid document that builds at once
// with visible placeholders (and that --strict refuses until they are filled); never overwrites.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/build.ts';
import { STARTERS, starterFiles, supportedKinds } from '../../src/new/command.ts';
import { kindOf } from '../../src/kinds/index.ts';
import { documentSchema } from '../../src/model/schema.ts';
import { vanban } from '../support/cli.ts';
import { ROOT } from '../support/invalid-fixtures.ts';

const TMP = mkdtempSync(join(tmpdir(), 'vanban-new-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const kinds = supportedKinds();

describe('starters', () => {
  it('exist for every kind the schema accepts as "loai", and for nothing else', () => {
    expect(kinds).toEqual(expect.arrayContaining(['quyet-dinh', 'ke-hoach']));
    const yamls = readdirSync(STARTERS).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(yamls).toEqual([...kinds].sort());
  });

  it.each(kinds)('%s: valid against the schema, body file beside it, every required text a placeholder', (loai) => {
    const data = parse(readFileSync(join(STARTERS, `${loai}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(data.loai).toBe(loai);
    expect(documentSchema.safeParse(data).success).toBe(true);
    if (typeof data.noi_dung === 'string') expect(existsSync(join(STARTERS, data.noi_dung))).toBe(true);
    const kind = kindOf(loai);
    // A biên bản has no place and date line and is signed by its chủ tọa and thư ký, not "nguoi_ky".
    for (const field of kind.noPlaceDate ? ['trich_yeu'] : ['dia_danh', 'trich_yeu']) expect(String(data[field]), field).toMatch(/^\[cần điền: .+\]$/u);
    for (const s of kind.ownClosing ? [data.chu_toa, data.thu_ky] : [data.nguoi_ky]) expect((s as Record<string, string>).ho_ten).toMatch(/^\[cần điền: .+\]$/u);
    expect((data.co_quan as Record<string, string>).ten).toMatch(/^\[cần điền: .+\]$/u);
  });

  it.each(kinds)('%s: builds with placeholder warnings; --strict refuses it', async (loai) => {
    const dir = join(TMP, `xay-${loai}`);
    const r = await build([join(STARTERS, `${loai}.yaml`)], { outDir: dir, root: resolve(STARTERS, '../..'), write: false });
    expect(r.failed.map((f) => f.error.message)).toEqual([]);
    expect(r.built).toHaveLength(1);
    expect(r.built[0]!.pages).toBeGreaterThanOrEqual(1);
    expect(r.built[0]!.doc.meta.placeholders.length).toBeGreaterThan(0);
    const strict = await build([join(STARTERS, `${loai}.yaml`)], { outDir: dir, root: resolve(STARTERS, '../..'), write: false, strict: true });
    expect(strict.built).toEqual([]);
    expect(strict.failed[0]!.error.message).toMatch(/cần điền/u);
  });
});

describe('vanban new', () => {
  it.each(kinds)('%s: writes the starter into a folder, pointing at the schema, with this year; then it builds', (loai) => {
    const project = mkdir(join(TMP, `du-an-${loai}`));
    const run = vanban(['new', loai, 'data/moi'], project);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const names = Object.keys(starterFiles(loai, project));
    expect(readdirSync(join(project, 'data/moi')).sort()).toEqual(names.sort());
    const yaml = readFileSync(join(project, 'data/moi', `${loai}.yaml`), 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/mu.exec(yaml)![1]!;
    expect(resolve(project, 'data/moi', schemaLine)).toBe(join(ROOT, 'schema/vanban.schema.json'));
    expect(yaml).toMatch(new RegExp(`^nam: ${new Date().getFullYear()}\\b`, 'mu'));
    expect(run.stdout).toContain('npx vanban build data/moi');

    const built = vanban(['build', 'data/moi'], project);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/Đã dựng 1 văn bản/u);
    expect(built.stdout).toMatch(/còn \d+ chỗ cần điền/u);
  });

  it('refuses to overwrite, writing nothing, and names the supported kinds for an unknown one', () => {
    const project = mkdir(join(TMP, 'ghi-de'));
    writeFileSync(join(project, 'quyet-dinh.md'), 'của tôi');
    const run = vanban(['new', 'quyet-dinh'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('✗ quyet-dinh.md: đã có, không ghi đè');
    expect(readdirSync(project)).toEqual(['quyet-dinh.md']);
    expect(readFileSync(join(project, 'quyet-dinh.md'), 'utf8')).toBe('của tôi');

    const unknown = vanban(['new', 'thu-tu'], project);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe(`✗ loại văn bản "thu-tu" chưa hỗ trợ; chọn một trong: ${kinds.join(', ')}`);
  });
});

function mkdir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
}
