// The hostile inputs under test/fixtures/bad: each folder is a whole project (data/, sometimes
// templates/) broken in one way, with expected.txt holding the exact error lines the build prints.
// A case is run in a copy whose out/ already holds an earlier build, which must stay byte for byte.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { MANIFEST_CSV, MANIFEST_JSON, manifestCsv, manifestJson, sha256, type Manifest } from '../../src/archive/manifest.ts';
import { ROOT } from './invalid-fixtures.ts';
import { maxYear } from '../../src/model/schema.ts';
import { treeHash } from './project.ts';

export const BAD = join(ROOT, 'test/fixtures/bad');
export const BAD_CASES = readdirSync(BAD, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The expected lines; "{nam_toi_da}" stands for the latest year accepted (next year + 5), so the corpus does not age. */
export const badExpected = (name: string): string => readFileSync(join(BAD, name, 'expected.txt'), 'utf8').trimEnd().replaceAll('{nam_toi_da}', String(maxYear()));

/** An out/ as an earlier build of another document left it. */
function seedOut(out: string): void {
  mkdirSync(out, { recursive: true });
  const docx = Buffer.from('PK cũ');
  const pdf = Buffer.from('%PDF- cũ');
  writeFileSync(join(out, '2024-01-02_1-QD-BTP.docx'), docx);
  writeFileSync(join(out, '2024-01-02_1-QD-BTP.pdf'), pdf);
  const manifest: Manifest = {
    root: '..', // out/ is directly in the project
    documents: [
      {
        source: 'khac/van-ban.yaml', tool: 'vanban 0.1.0+cu', soKyHieu: '01/QĐ-BTP', date: '2024-01-02', kind: 'quyet-dinh', docType: 'Quyết định',
        subject: 'Văn bản cũ', issuer: 'Bộ Tư pháp', pages: 1, inputs: [{ file: 'khac/van-ban.yaml', sha256: sha256('x') }],
        outputs: [
          { file: '2024-01-02_1-QD-BTP.docx', bytes: docx.byteLength, sha256: sha256(docx) },
          { file: '2024-01-02_1-QD-BTP.pdf', bytes: pdf.byteLength, sha256: sha256(pdf) },
        ],
      },
    ],
  };
  writeFileSync(join(out, MANIFEST_JSON), manifestJson(manifest));
  writeFileSync(join(out, MANIFEST_CSV), manifestCsv(manifest));
}

export interface BadRun {
  messages: string; // every failure message, one a line, in the order the build reports them
  built: number;
  outBefore: Record<string, string>;
  outAfter: Record<string, string>;
}

export async function runBad(name: string): Promise<BadRun> {
  const dir = mkdtempSync(join(tmpdir(), `vanban-bad-${name}-`));
  try {
    cpSync(join(BAD, name), dir, { recursive: true, filter: (src) => !src.endsWith('expected.txt') });
    seedOut(join(dir, 'out'));
    const outBefore = treeHash(join(dir, 'out'));
    const result = await build(['data'], { outDir: 'out', root: dir });
    return { messages: result.failed.map((f) => f.error.message).join('\n'), built: result.built.length, outBefore, outAfter: treeHash(join(dir, 'out')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
