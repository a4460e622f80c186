import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyCampaignData } from '../../src/read/campaign-scan.ts';
import { build, findDocuments } from '../../src/build.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanban-scan-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('onlyCampaignData', () => {
  it('says yes for the bundled campaign file', () => {
    expect(onlyCampaignData('data/bo-tu-phap/thi-dua-2024/chien-dich.yaml')).toBe(true);
  });

  it('says no at any doubt: a document, a "loai" anywhere, an escape, a flow mapping, a directive, no file', () => {
    expect(onlyCampaignData('data/bo-tu-phap/thi-dua-2024/ke-hoach.yaml')).toBe(false);
    expect(onlyCampaignData(file('a.yaml', 'chu_de: X\n"loai": ke-hoach\n'))).toBe(false);
    expect(onlyCampaignData(file('b.yaml', 'chu_de: X\n"lo\\x61i": ke-hoach\n'))).toBe(false);
    expect(onlyCampaignData(file('c.yaml', '{ chu_de: X }\n'))).toBe(false);
    expect(onlyCampaignData(file('d.yaml', '--- |\nchu_de: X\n'))).toBe(false);
    expect(onlyCampaignData(file('e.yaml', '# chu_de: X\nten: Y\n'))).toBe(false);
    expect(onlyCampaignData(join(dir, 'khong-co.yaml'))).toBe(false);
  });
});

describe('deferred campaign files in a build', () => {
  it('reports a broken campaign file that no document reads, where a full scan reports it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-scan-build-'));
    cpSync('data/bo-tu-phap/thi-dua-2024', join(root, 'd'), { recursive: true });
    writeFileSync(join(root, 'd/le.yaml'), 'chu_de: Phong trào\nthoi_gian: [\n');
    const full = findDocuments(['d'], root).failed.map((f) => f.error.message);
    expect(full).toHaveLength(1);
    expect(findDocuments(['d'], root, { defer: true }).failed).toHaveLength(0);
    const r = await build(['d'], { outDir: 'out', root, write: false });
    expect(r.failed.map((f) => f.error.message)).toEqual(full);
    expect(r.built.length).toBeGreaterThan(0);
  });

  it('reports a broken campaign file that a document reads once, at the campaign file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-scan-build-'));
    cpSync('data/bo-tu-phap/thi-dua-2024', join(root, 'd'), { recursive: true });
    const path = join(root, 'd/chien-dich.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^chu_de: .*$/m, '$&\nchu_de: lặp lại'));
    const full = findDocuments(['d'], root).failed;
    const r = await build(['d'], { outDir: 'out', root, write: false });
    expect(r.failed.map((f) => [f.source, f.error.message])).toEqual(full.map((f) => [f.source, f.error.message]));
  });
});
