// Archive-grade output: PDF/A-2b with real metadata, stable names, manifest and verify,
// byte-identical and incremental rebuilds, and the archive folder with its index.

import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/build.ts';
import { asciiName, outputStem } from '../src/archive/naming.ts';
import { VANBAN_NS } from '../src/archive/xmp.ts';
import { verifyOutputs } from '../src/archive/verify.ts';
import { archiveOutputs, INDEX } from '../src/archive/store.ts';
import { readDocx } from './support/docx-text.ts';
import { pdfInfo } from './support/pdf-text.ts';

const REPO = process.cwd();
const BIN = join(REPO, 'bin/vanban.js');
const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const tool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasPoppler = tool('pdffonts');
const hasQpdf = tool('qpdf');
if (!required && !(hasPoppler && hasQpdf)) console.warn('Bỏ qua một phần kiểm thử lưu trữ: thiếu qpdf hoặc poppler-utils (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');

/** A project folder of its own: a copy of the sample data. */
function project(withTemplates = false): string {
  const root = mkdtempSync(join(tmpdir(), 'vanban-arch-'));
  cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true });
  if (withTemplates) cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  return root;
}

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });

describe('PDF/A and metadata of every sample document', () => {
  let result: BuildResult;
  let out: string;
  beforeAll(async () => {
    const root = project();
    out = join(root, 'out');
    result = await build(['data'], { outDir: 'out', root });
    expect(result.failed).toEqual([]);
  });

  it('declares PDF/A-2b in the XMP, with the document’s facts and language, dated by the document', async () => {
    for (const b of result.built) {
      const { info, xmp, xmpRaw } = await pdfInfo(Buffer.from(b.bytes.pdf));
      expect(xmp?.['pdfaid:part']).toBe('2');
      expect(xmp?.['pdfaid:conformance']).toBe('B');
      expect(info.Title).toBe(b.doc.meta.title);
      expect(info.Author).toBe(b.doc.meta.issuer);
      expect(info.CreationDate).toBe(`D:${b.doc.meta.created.replace(/[-:T]/g, '').replace('Z', '')}Z`);
      expect(xmpRaw).toContain(`xmlns:vanban="${VANBAN_NS}"`);
      expect(xmpRaw).toContain('<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>');
      expect(xmpRaw).toContain(`<vanban:tenLoai>${b.doc.meta.docType}</vanban:tenLoai>`);
      if (b.doc.meta.soKyHieu) expect(xmpRaw).toContain(`<vanban:soKyHieu>${b.doc.meta.soKyHieu}</vanban:soKyHieu>`);
      else expect(xmpRaw).not.toContain('<vanban:soKyHieu>');
      if (b.doc.meta.date) expect(xmpRaw).toContain(`<vanban:ngayBanHanh>${b.doc.meta.date}</vanban:ngayBanHanh>`);
      expect(xmpRaw).toContain('pdfaSchema:namespaceURI'); // the extension schema PDF/A requires for a custom namespace
    }
  });

  it.runIf(hasQpdf || required)('passes qpdf --check and is not encrypted', () => {
    for (const b of result.built) {
      const check = spawnSync('qpdf', ['--check', b.pdf], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(spawnSync('qpdf', ['--show-encryption', b.pdf], { encoding: 'utf8' }).stdout).toContain('File is not encrypted');
    }
  });

  it.runIf(hasPoppler || required)('embeds every font', () => {
    for (const b of result.built) {
      const fonts = spawnSync('pdffonts', [b.pdf], { encoding: 'utf8' });
      expect(fonts.status).toBe(0);
      const rows = fonts.stdout.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes'); // the "emb" column
    }
  });

  it('carries the same facts in the DOCX core properties', () => {
    for (const b of result.built) {
      const core = readDocx(Buffer.from(b.bytes.docx)).core;
      expect(core['title']).toBe(b.doc.meta.title);
      expect(core['subject']).toBe(b.doc.meta.subject);
      expect(core['creator']).toBe(b.doc.meta.issuer);
      expect(core['created']).toBe(b.doc.meta.created);
    }
  });

  it('names files <date>_<số>-<ký hiệu>_<cơ quan> with Đ → D, and drafts by year, issuer and source', () => {
    const names = readdirSync(out).sort();
    expect(names).toContain('2024-02-29_244-QD-BTP_bo-tu-phap.pdf');
    expect(names).toContain('2023-04-27_78-KH-STP_so-tu-phap-an-giang.docx');
    expect(names).toContain('2023_du-thao-KH-STP_so-tu-phap-ninh-thuan_ninh-thuan-thi-dua-2023-ke-hoach.pdf');
    expect(asciiName('QĐ-UBND')).toBe('QD-UBND');
    const meta = result.built[0]!.doc.meta;
    expect(outputStem({ ...meta, so: '05', date: '2025-01-05', kyHieu: 'TTr-SNV/VP', issuer: 'Sở Nội vụ', parent: 'UBND thành phố Đà Nẵng' })).toBe('2025-01-05_05-TTr-SNV-VP_so-noi-vu-da-nang');
  });
});

describe('builds as a build system', () => {
  it('gives byte-identical files in two runs, in separate processes and time zones', () => {
    const root = project();
    const a = cli(['build', 'data', '--out', 'a'], root, { TZ: 'Asia/Ho_Chi_Minh' });
    const b = cli(['build', 'data', '--out', 'b'], root, { TZ: 'America/Los_Angeles' });
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const files = readdirSync(join(root, 'a')).sort();
    expect(files).toEqual(readdirSync(join(root, 'b')).sort());
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) expect(readFileSync(join(root, 'b', f)).equals(readFileSync(join(root, 'a', f))), f).toBe(true);
  });

  it('rebuilds exactly the document whose body changed, and says how many it skipped', async () => {
    const root = project();
    const first = await build(['data'], { outDir: 'out', root });
    const n = first.built.length;
    expect(first.skipped).toHaveLength(0);
    const again = await build(['data'], { outDir: 'out', root });
    expect(again.built).toHaveLength(0);
    expect(again.skipped).toHaveLength(n);
    appendFileSync(join(root, 'data/an-giang/vi-nguoi-ngheo-2023/noi-dung.md'), '\nMột đoạn mới.\n');
    const third = await build(['data'], { outDir: 'out', root });
    expect(third.built.map((b) => b.source)).toEqual(['data/an-giang/vi-nguoi-ngheo-2023/ke-hoach.yaml']);
    expect(third.skipped).toHaveLength(n - 1);
    const forced = await build(['data'], { outDir: 'out', root, force: true });
    expect(forced.built).toHaveLength(n);
    const run = cli(['build', 'data'], root);
    expect(run.stdout).toContain(`bỏ qua ${n} văn bản không thay đổi`);
  });

  it('rebuilds exactly the users of a changed template, and a new project template overrides', async () => {
    const root = project(true);
    await build(['data'], { outDir: 'out', root });
    const tpl = join(root, 'templates/quyet-dinh-ban-hanh-ke-hoach.md.mustache');
    writeFileSync(tpl, readFileSync(tpl, 'utf8').replace('có hiệu lực kể từ ngày ký', 'có hiệu lực kể từ ngày 01 tháng 3 năm 2024'));
    const after = await build(['data'], { outDir: 'out', root });
    expect(after.built.map((b) => b.source)).toEqual(['data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml']);

    // A project without its own templates: adding one that shadows the tool's counts as a change.
    const plain = project();
    await build(['data'], { outDir: 'out', root: plain });
    mkdirSync(join(plain, 'templates'));
    writeFileSync(join(plain, 'templates/quyet-dinh-ban-hanh-ke-hoach.md.mustache'), readFileSync(tpl, 'utf8'));
    const shadowed = await build(['data'], { outDir: 'out', root: plain });
    expect(shadowed.built.map((b) => b.source)).toEqual(['data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml']);
  });

  it('rebuilds what an older vanban built', async () => {
    const root = project();
    await build(['data'], { outDir: 'out', root });
    const path = join(root, 'out/manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    const old = manifest.documents.find((d: { source: string }) => d.source.includes('an-giang'));
    old.tool = 'vanban 0.0.1+0000000000000000';
    writeFileSync(path, JSON.stringify(manifest));
    const again = await build(['data'], { outDir: 'out', root });
    expect(again.built.map((b) => b.source)).toEqual([old.source]);
    expect(JSON.parse(readFileSync(path, 'utf8')).documents.every((d: { tool: string }) => d.tool === again.built[0]!.entry.tool)).toBe(true);
  });

  it('rebuilds a document whose output was altered, and verify catches a one-byte change first', async () => {
    const root = project();
    await build(['data'], { outDir: 'out', root });
    const out = join(root, 'out');
    expect(verifyOutputs(out)?.problems).toEqual([]);
    const target = join(out, '2024-02-29_244-QD-BTP_bo-tu-phap.pdf');
    const bytes = readFileSync(target);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 1;
    writeFileSync(target, bytes);
    const v = cli(['verify', 'out'], root);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain('2024-02-29_244-QD-BTP_bo-tu-phap.pdf: đã bị thay đổi sau khi dựng');
    const rebuilt = await build(['data'], { outDir: 'out', root });
    expect(rebuilt.built.map((b) => b.source)).toEqual(['data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml']);
    expect(cli(['verify', 'out'], root).status).toBe(0);
  });

  it('writes a manifest with facts, sources, pages, sizes and SHA-256 in JSON and CSV', async () => {
    const root = project();
    const r = await build(['data'], { outDir: 'out', root });
    const manifest = JSON.parse(readFileSync(join(root, 'out/manifest.json'), 'utf8'));
    const qd = manifest.documents.find((d: { source: string }) => d.source === 'data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml');
    const built = r.built.find((b) => b.source === qd.source)!;
    expect(qd).toMatchObject({ soKyHieu: '244/QĐ-BTP', date: '2024-02-29', kind: 'quyet-dinh', issuer: 'Bộ Tư pháp', pages: built.pages });
    expect(qd.inputs.map((i: { file: string }) => i.file)).toEqual(expect.arrayContaining(['data/bo-tu-phap/thi-dua-2024/ke-hoach.yaml', 'data/bo-tu-phap/thi-dua-2024/chien-dich.yaml']));
    expect(qd.outputs).toHaveLength(2);
    expect(qd.outputs[1].bytes).toBe(built.bytes.pdf.byteLength);
    const csv = readFileSync(join(root, 'out/manifest.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('so_ky_hieu,ngay,loai,ten_loai,trich_yeu,co_quan_ban_hanh,so_trang,nguon,tep,kich_thuoc,sha256');
    expect(csv.filter((l) => l.includes('2024-02-29_244-QD-BTP_bo-tu-phap.pdf'))[0]).toContain(qd.outputs[1].sha256);
  });
});

describe('vanban archive', () => {
  it('files PDFs by year and issuer with an index, is idempotent, and never overwrites a different file', async () => {
    const root = project();
    await build(['data'], { outDir: 'out', root });
    const store = join(root, 'kho');
    const first = archiveOutputs(join(root, 'out'), store)!;
    expect(first.copied).toContain('2024/bo-tu-phap/2024-02-29_244-QD-BTP_bo-tu-phap.pdf');
    expect(first.conflicts).toEqual([]);
    const index = readFileSync(join(store, INDEX), 'utf8').split('\r\n');
    expect(index[0]).toBe('so_va_ky_hieu,ngay_van_ban,ten_loai,trich_yeu,co_quan_ban_hanh,ngon_ngu,so_trang,ghi_chu,tep,sha256');
    expect(index.find((l) => l.startsWith('244/QĐ-BTP'))).toContain('Tiếng Việt');
    const second = archiveOutputs(join(root, 'out'), store)!;
    expect(second.copied).toEqual([]);
    expect(second.unchanged).toHaveLength(first.copied.length);
    expect(readFileSync(join(store, INDEX), 'utf8').split('\r\n')).toEqual(index);

    // A corrected re-issue under the same number must not replace the archived original.
    appendFileSync(join(root, 'data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml'), 'chuan_hoa_dau: false\n');
    await build(['data'], { outDir: 'out', root });
    const run = cli(['archive', 'out', 'kho'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2024/bo-tu-phap/2024-02-29_244-QD-BTP_bo-tu-phap.pdf: kho lưu trữ đã có tệp này với nội dung khác');
    expect(run.stderr).toMatch(/SHA-256 trong kho: [0-9a-f]{64}\n\s+SHA-256 mới: +[0-9a-f]{64}/);
  });
});
