// The library API from the sources: the same functions the package exports and the CLI calls.
import { describe, expect, it } from 'vitest';
import * as vanban from '../src/index.ts';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/invalid-fixtures.ts';
import { vanban as vanbanCli } from './support/cli.ts';

describe('thư viện vanban', () => {
  it('build in memory returns the documents with their pages', async () => {
    const r = await vanban.build(['data/an-giang'], { outDir: 'out', root: ROOT, write: false });
    expect(r.failed).toEqual([]);
    expect(r.built.map((b) => b.stem)).toEqual(['2023-04-27_78-KH-STP_so-tu-phap-an-giang']);
    expect(r.built[0]!.pages).toBeGreaterThan(1);
    expect(r.built[0]!.doc.meta.kind).toBe('ke-hoach');
  });

  it('build without a root takes the project the command would: data outside the current folder builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-api-'));
    try {
      cpSync(join(ROOT, 'data/an-giang'), join(dir, 'data'), { recursive: true });
      const r = await vanban.build([join(dir, 'data')], { outDir: join(dir, 'out') });
      expect(r.failed.map((f) => f.error.message)).toEqual([]);
      expect(r.built.map((b) => b.source)).toEqual(['data/vi-nguoi-ngheo-2023/ke-hoach.yaml']);
      // the command, from another folder, finds the same entry in the manifest and builds nothing again
      const cli = vanbanCli(['build', join(dir, 'data'), '--out', join(dir, 'out')], tmpdir());
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stdout).toContain('bỏ qua 1 văn bản không thay đổi');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('check reads a data file and its Markdown body once each', async () => {
    const { reports, unmatched } = await vanban.check(['data/an-giang', 'khong-co.docx'], { cwd: ROOT, today: new Date('2024-06-01') });
    expect(unmatched).toEqual(['khong-co.docx']);
    const files = reports.map((r) => r.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain('data/an-giang/vi-nguoi-ngheo-2023/ke-hoach.yaml');
  });

  it('jsonSchema describes the data files', async () => {
    const schema = (await vanban.jsonSchema()) as { title: string };
    expect(schema.title).toContain('vanban');
  });

  it('verify without a manifest says so with null', async () => {
    expect(await vanban.verify(`${ROOT}/khong-co-thu-muc`)).toBeNull();
  });
});
