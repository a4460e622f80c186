// `vanban derive` without --out writes outside data/, so the README's two set-up commands
// (`npm install`, `npm run build-docs`) build exactly the sample documents however many provinces
// were derived before; the committed derived sample (data/dia-phuong/ninh-thuan) is still one of them.

import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocuments } from '../../src/build.ts';
import { DEFAULT_OUT } from '../../src/derive/derive.ts';
import { vanban } from '../support/cli.ts';
import { ROOT } from '../support/invalid-fixtures.ts';

const TMP = mkdtempSync(join(tmpdir(), 'vanban-derive-out-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('derive into its own folder', () => {
  it('after deriving three provinces, "npm run build-docs" (build data) builds exactly the samples', () => {
    for (const d of ['data', 'profiles']) cpSync(join(ROOT, d), join(TMP, d), { recursive: true });
    const samples = findDocuments(['data'], TMP).documents.map((f) => relative(TMP, f)).sort();
    expect(samples).toContain('data/dia-phuong/ninh-thuan/thi-dua-2024/ke-hoach.yaml');

    const derive = vanban(['derive', '--from', 'data/bo-tu-phap/thi-dua-2024', '--profile', 'profiles/2023-2024/an-giang.yaml', 'profiles/2023-2024/ha-giang.yaml', 'profiles/2023-2024/ca-mau.yaml'], TMP);
    expect(derive.stderr).toBe('');
    expect(derive.status).toBe(0);
    expect(derive.stdout).toContain(`vào ${DEFAULT_OUT}/`);
    expect(derive.stdout).toContain(`Dựng văn bản: npx vanban build ${DEFAULT_OUT}`);
    expect(readdirSync(join(TMP, DEFAULT_OUT)).sort()).toEqual(['an-giang', 'ca-mau', 'ha-giang']);
    expect(readdirSync(join(TMP, 'data/dia-phuong')), 'nothing new under data/').toEqual(['ninh-thuan']);

    const docs = vanban(['build', 'data'], TMP); // what `npm run build-docs` runs
    expect(docs.status, docs.stderr).toBe(0);
    const built = docs.stdout.split('\n').filter((l) => l.startsWith('✓ ')).map((l) => l.slice(2).split(' → ')[0]!).sort();
    expect(built).toEqual(samples);
    expect(docs.stdout).toContain(`Đã dựng ${samples.length} văn bản`);

    const local = vanban(['build', DEFAULT_OUT, '--out', 'out-derived'], TMP);
    expect(local.status, local.stderr).toBe(0);
    expect(local.stdout).toContain('Đã dựng 3 văn bản');
    expect(existsSync(join(TMP, 'out-derived/manifest.json'))).toBe(true);
  });
});
