// The fonts' build-time tables: the same as fontkit's reading of the shipped files, used only for exactly those
// files, and a PDF made with them byte for byte the one made without, in a process that never loads fontkit.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLES_FILE, faceTable, type FontTables } from '../../src/layout/font-tables.ts';
import { FACES, openFace } from '../../src/layout/fonts.ts';
import { makeFontTables } from '../../src/write/font-tables-make.ts';

const shipped = (): FontTables => JSON.parse(readFileSync(TABLES_FILE, 'utf8')) as FontTables;

describe('font tables', () => {
  it('are made by the compile step and hold what fontkit reads from the fonts now', () => {
    expect(existsSync(TABLES_FILE), 'dist/font-tables.json: run npm run compile').toBe(true);
    expect(shipped()).toEqual(JSON.parse(JSON.stringify(makeFontTables())));
  }, 60_000);

  it('give every code point the glyph and advance fontkit gives it, the ones the font lacks included', () => {
    for (const face of FACES) {
      const fromTable = openFace(face, true);
      const fromFont = openFace(face, false);
      expect(fromTable.table, face).not.toBeNull();
      const cps = [...Array.from({ length: 0x3000 }, (_, i) => i), 0xfb01, 0xfffd, 0x1f600, 0x20000];
      const differ = cps.filter((cp) => JSON.stringify(fromTable.glyph(cp)) !== JSON.stringify(fromFont.glyph(cp)));
      expect(differ, face).toEqual([]);
      expect([fromTable.unitsPerEm, fromTable.ascent, fromTable.descent, fromTable.lineGap, fromTable.postscriptName])
        .toEqual([fromFont.unitsPerEm, fromFont.ascent, fromFont.descent, fromFont.lineGap, fromFont.postscriptName]);
    }
  }, 60_000);

  it('are not used for a font file other than the one they were made from', () => {
    const bytes = Buffer.from(openFace('regular', false).bytes);
    expect(faceTable('regular', bytes)).not.toBeNull();
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(faceTable('regular', bytes)).toBeNull();
    expect(faceTable('bold', openFace('regular', false).bytes)).toBeNull();
  });

  it('make the same PDF bytes as fontkit, and a fresh process needs fontkit only for a glyph outside the repertoire', () => {
    // A child process, from dist/ as the command line runs: the PDF of the model sample, then of the sample with a
    // character outside the repertoire ("≤"); fontkit's module is looked for in require's cache after each.
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      const { writePdf } = await import('./dist/write/pdf.js');
      const hash = (b) => createHash('sha256').update(b).digest('hex');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/fontkit/'));
      const doc = JSON.parse(readFileSync('test/fixtures/model-sample.json', 'utf8'));
      const plain = await writePdf(doc);
      const before = loaded();
      const other = JSON.parse(JSON.stringify(doc).replaceAll('thử nghiệm', 'thử nghiệm α ≤ β'));
      const extra = await writePdf(other);
      process.stdout.write(JSON.stringify({ before, after: loaded(), plain: hash(plain), extra: hash(extra) }));
    `;
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { before: boolean; after: boolean; plain: string; extra: string };
    };
    const withTables = run({});
    const without = run({ VANBAN_FONT_TABLES: '0' });
    expect(withTables.before).toBe(false);
    expect(withTables.after).toBe(true);
    expect(without.before).toBe(true);
    expect(withTables.plain).toBe(without.plain);
    expect(withTables.extra).toBe(without.extra);
    expect(withTables.extra).not.toBe(withTables.plain);
  }, 60_000);
});
