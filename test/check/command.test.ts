// `vanban check` as a command: files and globs in, a Vietnamese report (or JSON) and an exit code out; --fix writes
// "<name>.sua<ext>" beside the original, never over it, and never for a signed DOCX or a PDF.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, buildOne } from '../../src/build.ts';
import { checkCommand, expandPatterns } from '../../src/check/command.ts';
import { readDocx } from '../../src/check/docx-read.ts';
import { docxLines, pdfLines } from '../../src/check/readers.ts';
import { checkLines } from '../../src/check/text.ts';
import { clerkDocx } from '../fixtures/check/clerk-docx.ts';
import { TODAY } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let cwd: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanban-check-'));
  cwd = process.cwd();
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
});

/** Runs the command in-process in `where`, capturing what it prints. */
async function run(args: string[], opts: { json?: boolean; fix?: boolean; where?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  process.chdir(opts.where ?? dir);
  try {
    const code = await checkCommand(args, { format: opts.json ? 'json' : 'text', fix: !!opts.fix, today: TODAY });
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
    process.chdir(cwd);
  }
}

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('vanban check on DOCX files', () => {
  it('reports a finding with its rule, severity, paragraph, quoted text, fix and source; exit 1 on a lỗi', async () => {
    const d = fresh('arial');
    writeFileSync(join(d, 'cong-van.docx'), await clerkDocx({ bodyFont: 'Arial' }));
    const { code, out } = await run(['cong-van.docx'], { where: d });
    expect(code).toBe(1);
    expect(out).toContain('cong-van.docx:\n');
    expect(out).toMatch(/^đoạn 9 \[lỗi\] font-family: "Nhằm nâng cao chất lượng[^"]*" — chữ trình bày bằng phông "Arial" ở 14 đoạn \(đoạn đầu tiên ở đây\), không phải Times New Roman$/mu);
    expect(out).toContain('  Sửa: chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman');
    expect(out).toContain('  Nguồn: NĐ 30/2020, Phụ lục I, Phần I, mục I.4');
    expect(out).toContain('Trình bày: 23 quy tắc; 22 đạt, 0 đạt phần đánh giá được, 1 có phát hiện, 0 không đánh giá được, 0 không áp dụng');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Tổng cộng: 1 tệp; 1 lỗi, 0 cảnh báo, 0 gợi ý.');
  });

  it('exits 0 on a compliant file', async () => {
    const d = fresh('ok');
    writeFileSync(join(d, 'ke-hoach.docx'), await clerkDocx());
    const { code, out } = await run(['ke-hoach.docx'], { where: d });
    expect(code).toBe(0);
    expect(out).toContain('không phát hiện vấn đề nào');
    expect(out).toContain('Trình bày: 23 quy tắc; 23 đạt');
  });

  it('lists the rules it could not evaluate apart, and never counts them as passed', async () => {
    const d = fresh('no-header');
    writeFileSync(join(d, 'x.docx'), await clerkDocx({ noHeader: true }));
    const { code, out } = await run(['x.docx'], { where: d });
    expect(code).toBe(0);
    expect(out).toContain('Không đánh giá được (5 quy tắc trình bày, không tính là đạt):\n  national-name: không tìm thấy dòng Quốc hiệu');
    expect(out).toContain('  issuer: văn bản không có phần đầu dạng bảng');
    expect(out).toContain('Trình bày: 23 quy tắc; 18 đạt, 0 đạt phần đánh giá được, 0 có phát hiện, 5 không đánh giá được, 0 không áp dụng');
    expect(out).toContain('Tổng cộng: 1 tệp; 0 lỗi, 0 cảnh báo, 0 gợi ý; 5 quy tắc trình bày không đánh giá được.');
  });

  it('writes JSON for tools', async () => {
    const d = fresh('json');
    writeFileSync(join(d, 'a.docx'), await clerkDocx({ margin: { left: 25 } }));
    const { code, out } = await run(['a.docx'], { where: d, json: true });
    expect(code).toBe(1);
    const json = JSON.parse(out) as {
      files: { file: string; kind: string; signed: boolean; summary: Record<string, number>; findings: Record<string, unknown>[]; layout: { rule: string; status: string }[] }[];
      summary: Record<string, number>;
    };
    expect(json.summary).toEqual({ files: 1, lỗi: 1, 'cảnh báo': 0, 'gợi ý': 0, 'không đánh giá được': 0 });
    expect(json.files[0]).toMatchObject({ file: 'a.docx', kind: 'docx', signed: false, summary: { lỗi: 1 } });
    expect(json.files[0]!.findings[0]).toMatchObject({
      rule: 'page-margins',
      severity: 'lỗi',
      line: 0,
      where: 'thiết lập trang',
      excerpt: 'lề trái 25 mm',
      kind: 'layout',
    });
    expect(json.files[0]!.findings[0]!.source).toContain('mục I.3');
    expect(json.files[0]!.layout).toHaveLength(23);
  });
});

describe('files and globs', () => {
  it('expands folders, *, ** and braces to the readable files, skipping corrected copies', async () => {
    const d = fresh('globs');
    mkdirSync(join(d, 'a/b'), { recursive: true });
    for (const f of ['x.txt', 'x.sua.txt', 'a/y.md', 'a/b/z.docx', 'a/b/w.pdf', 'a/b/skip.png', 'a/b/c.yaml']) writeFileSync(join(d, f), '');
    const rel = (fs: string[]) => fs.map((f) => f.slice(d.length + 1).split('\\').join('/'));
    expect(rel(expandPatterns(['*.txt'], d).files)).toEqual(['x.txt']);
    expect(rel(expandPatterns(['**/*.{md,docx}'], d).files)).toEqual(['a/b/z.docx', 'a/y.md']);
    expect(rel(expandPatterns(['a'], d).files)).toEqual(['a/b/c.yaml', 'a/b/w.pdf', 'a/b/z.docx', 'a/y.md']);
    expect(rel(expandPatterns(['a/b/?.pdf', 'x.sua.txt'], d).files)).toEqual(['a/b/w.pdf', 'x.sua.txt']);
    expect(expandPatterns(['*.odt', 'khong-co.docx'], d)).toEqual({ files: [], unmatched: ['*.odt', 'khong-co.docx'] });
  });

  it('says when a pattern matches nothing, and exits 1', async () => {
    const d = fresh('nothing');
    const { code, out, err } = await run(['*.docx'], { where: d });
    expect(code).toBe(1);
    // the complaint goes to stderr, the total to stdout
    expect(err).toContain('không có tệp nào khớp "*.docx"');
    expect(out).not.toContain('không có tệp nào khớp');
  });

  it('reports a file it cannot read as such', async () => {
    const d = fresh('broken');
    writeFileSync(join(d, 'hong.docx'), 'not a zip');
    const { code, out } = await run(['hong.docx'], { where: d });
    expect(code).toBe(1);
    expect(out).toContain('hong.docx:\nkhông kiểm tra được: không đọc được tệp DOCX');
    expect(out).toContain('1 tệp không đọc được');
  });
});

describe('vanban check --fix', () => {
  it('writes a corrected .txt or .md beside the original and lists the changes', async () => {
    const d = fresh('fix-text');
    const text = 'Hà Nội, ngày 5 tháng 3 năm 2024\n\nCông tác hoà giải và hòa giải ở cơ sở./.\n\nNơi nhận:\n- Như trên,\n- Lưu: VT\n';
    writeFileSync(join(d, 'a.txt'), text);
    writeFileSync(join(d, 'b.md'), `# KẾ HOẠCH\n\n${text}`);
    const { out } = await run(['a.txt', 'b.md'], { where: d, fix: true });
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(text);
    expect(readFileSync(join(d, 'a.sua.txt'), 'utf8')).toBe('Hà Nội, ngày 05 tháng 3 năm 2024\n\nCông tác hòa giải và hòa giải ở cơ sở./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n');
    expect(readFileSync(join(d, 'b.sua.md'), 'utf8')).toContain('- Như trên;\n- Lưu: VT.\n');
    expect(out).toContain('Đã ghi bản sửa: a.sua.txt\n  dòng 1 [date-line-zero]: "5 tháng 3 năm 2024" → "05 tháng 3 năm 2024"\n  dòng 3 [tone-mixed]: "hoà" → "hòa"');
    expect(out).toContain('Đã ghi bản sửa: b.sua.md');
  });

  it('reads only the text fields of a YAML data file, never its comments, and fixes them in a copy', async () => {
    const d = fresh('fix-yaml');
    const yaml = [
      '# Kế hoạch hoà giải: a comment, never read',
      'loai: ke-hoach',
      'co_quan: { ten: Sở Tư pháp, viet_tat: STP }',
      'so: 5',
      'ngay: 2024-03-05',
      'dia_danh: An Giang',
      'trich_yeu: Triển khai công tác hoà giải ở cơ sở năm 2024 # hoà',
      'noi_dung: noi-dung.md',
      'noi_nhan:',
      '  - Sở Tư pháp tỉnh Khánh Hòa',
      `  - ${'Phòng Tư pháp các huyện'.normalize('NFD')}`,
      'luu: [VT, VP]',
      'nguoi_ky: { chuc_vu: Giám đốc, ho_ten: Nguyễn Văn An }',
      '',
    ].join('\n');
    writeFileSync(join(d, 'ke-hoach.yaml'), yaml);
    writeFileSync(join(d, 'noi-dung.md'), 'Thực hiện Thông tư số 02/TT-BTP ngày 08/02/2022 của Bộ Tư pháp./.\n');
    const { code, out } = await run(['ke-hoach.yaml'], { where: d, fix: true });
    expect(code).toBe(1); // the body cites a Thông tư without its year
    expect(out).toContain('ke-hoach.yaml:\ndòng 7 [cảnh báo] tone-mixed: "hoà"');
    expect(out.normalize('NFC')).toContain('dòng 11 [cảnh báo] nfc: "Phòng"');
    expect(out).toContain('Đã ghi bản sửa: ke-hoach.sua.yaml\n  dòng 11 [nfc]: chuyển sang Unicode dựng sẵn (NFC)\n  dòng 7 [tone-mixed]: "hoà" → "hòa"');
    expect(out.split('noi-dung.md:')[0]).not.toMatch(/^dòng 1 \[/mu); // the comment on line 1 is never read
    expect(out).toContain('noi-dung.md: (nội dung của ke-hoach.yaml)\ndòng 1 [lỗi] citation-year: "Thông tư số 02/TT-BTP"');
    const fixed = readFileSync(join(d, 'ke-hoach.sua.yaml'), 'utf8').split('\n');
    expect(fixed[0]).toBe('# Kế hoạch hoà giải: a comment, never read');
    expect(fixed[6]).toBe('trich_yeu: Triển khai công tác hòa giải ở cơ sở năm 2024 # hoà');
    expect(fixed[10]).toBe('  - Phòng Tư pháp các huyện');
    expect(readFileSync(join(d, 'ke-hoach.yaml'), 'utf8')).toBe(yaml);
  });

  it('fixes a DOCX inside its runs, in a copy, and says what it could not fix', async () => {
    const d = fresh('fix-docx');
    const original = await clerkDocx({
      placeDate: 'An Giang, ngày 5 tháng 3 năm 2024',
      subject: 'Triển khai công tác phổ biến, giáo dục pháp luật năm 2024'.normalize('NFD'),
      recipients: ['- Sở Tư pháp,', ['- UBND', ' tỉnh,'], '- Lưu: VT, VP.'],
    });
    writeFileSync(join(d, 'kh.docx'), original);
    const { out } = await run(['kh.docx'], { where: d, fix: true });
    expect(out).toContain('Đã ghi bản sửa: kh.sua.docx');
    expect(out).toContain('  đoạn 6 [date-line-zero]: "5 tháng 3 năm 2024" → "05 tháng 3 năm 2024"');
    expect(out).toContain('  đoạn 8 [nfc]: chuyển sang Unicode dựng sẵn (NFC)');
    expect(out).toContain('  đoạn 24 [recipients-punct]: "- Sở Tư pháp," → "- Sở Tư pháp;"');
    expect(out).toContain('  đoạn 25 [recipients-punct]: không sửa được, "- UBND tỉnh," nằm trên nhiều đoạn chữ (run) định dạng khác nhau; sửa tay thành "- UBND tỉnh;"');
    expect(Buffer.compare(readFileSync(join(d, 'kh.docx')), original)).toBe(0);
    const fixed = readDocx(readFileSync(join(d, 'kh.sua.docx')));
    const lines = docxLines(fixed).lines;
    expect(lines).toContain('An Giang, ngày 05 tháng 3 năm 2024');
    expect(lines).toContain('Triển khai công tác phổ biến, giáo dục pháp luật năm 2024');
    expect(lines).toContain('- Sở Tư pháp;');
    expect(lines).toContain('- UBND tỉnh,');
    // everything but the document part is byte for byte the original's
    const a = unzipSync(original);
    const b = unzipSync(readFileSync(join(d, 'kh.sua.docx')));
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) if (name !== 'word/document.xml') expect(Buffer.compare(Buffer.from(a[name]!), Buffer.from(b[name]!))).toBe(0);
    // checked again, only what needs a person is left
    const again = await run(['kh.sua.docx'], { where: d });
    expect(again.out).toContain('recipients-punct: "- UBND tỉnh,"');
    expect(again.out).not.toContain('date-line-zero');
    expect(again.out).not.toContain('[lỗi] nfc');
  });

  it('audits a signed DOCX and never rewrites it', async () => {
    const d = fresh('signed');
    const files = unzipSync(await clerkDocx({ placeDate: 'An Giang, ngày 5 tháng 3 năm 2024' }));
    files['_xmlsignatures/sig1.xml'] = strToU8('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>');
    writeFileSync(join(d, 'ky-so.docx'), zipSync(files));
    const { out } = await run(['ky-so.docx'], { where: d, fix: true });
    expect(out).toContain('ky-so.docx:\ntệp có chữ ký số: chỉ kiểm tra, không sửa\n');
    expect(out).toContain('date-line-zero');
    expect(out).toContain('Sửa: tệp có chữ ký số: chỉ kiểm tra, không ghi bản sửa');
    expect(existsSync(join(d, 'ky-so.sua.docx'))).toBe(false);
  });
});

describe('vanban check on a PDF', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = (await buildOne(join(ROOT, 'data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml'), { outDir: 'out', root: ROOT, write: false })).bytes.pdf;
  });

  it('reads the two columns of the closing block apart and joins the lines the layout wrapped', async () => {
    const { lines } = await pdfLines(pdf);
    const label = lines.indexOf('Nơi nhận:');
    expect(lines.slice(label, label + 11)).toEqual([
      'Nơi nhận:',
      '- Như Điều 3 (để thực hiện);',
      '- Bộ trưởng (để báo cáo);',
      '- Bộ Nội Vụ (để theo dõi);',
      '- Ban Thi đua - Khen thưởng Trung ương (để biết);',
      '- UBND các tỉnh, thành phố trực thuộc Trung ương (để phối hợp chỉ đạo thực hiện);',
      '- Các Thứ trưởng (để biết);',
      '- Thành viên Hội đồng Thi đua - Khen thưởng Ngành;',
      '- Cổng thông tin điện tử Bộ Tư pháp (để đăng tải);',
      '- Lưu: VT, Vụ TCCB.',
      '',
    ]);
    expect(lines.slice(label + 11, label + 14)).toEqual(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Nguyễn Thanh Tịnh']);
    expect(lines).toContain('Căn cứ Nghị định 98/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;');
    expect(lines.slice(0, 3)).toEqual(['BỘ TƯ PHÁP', 'Số: 244/QĐ-BTP', '']);
  });

  it('runs the text rules, says the layout is not evaluated on a PDF, and writes no corrected copy', async () => {
    const d = fresh('pdf');
    writeFileSync(join(d, 'qd.pdf'), pdf);
    const { code, out } = await run(['qd.pdf'], { where: d, fix: true });
    expect(code).toBe(1);
    expect(out).toContain('trang 1, dòng 11 [lỗi] citation-year: "Nghị định 98/NĐ-CP"');
    expect(out).toContain('Trình bày: không đánh giá được trên PDF');
    expect(out).toContain('Sửa: không ghi bản sửa cho PDF');
    expect(out).not.toContain('recipients-');
    expect(existsSync(join(d, 'qd.sua.pdf'))).toBe(false);
  });
});

describe('the DOCX and the PDF of one document', () => {
  it('give the same text findings, for every document of the sample set', async () => {
    const { built } = await build(['data'], { outDir: 'out', root: ROOT, write: false });
    expect(built.length).toBeGreaterThanOrEqual(4);
    for (const b of built) {
      const fromDocx = checkLines(docxLines(readDocx(b.bytes.docx)).lines, 'x', { today: TODAY }).map((f) => `${f.rule} ${f.excerpt}`);
      const fromPdf = checkLines((await pdfLines(b.bytes.pdf)).lines, 'x', { today: TODAY }).map((f) => `${f.rule} ${f.excerpt}`);
      expect({ doc: b.stem, findings: fromPdf.sort() }).toEqual({ doc: b.stem, findings: fromDocx.sort() });
    }
  });
});

// Once `check` is wired into src/cli.ts, the same through the real command line.
const cliHasCheck = /['"]check['"]/u.test(readFileSync(join(ROOT, 'src/cli.ts'), 'utf8'));

describe.skipIf(!cliHasCheck)('node bin/vanban.js check', () => {
  it('prints the report and exits 1 on a lỗi, 0 otherwise', async () => {
    const d = fresh('cli');
    writeFileSync(join(d, 'sai.docx'), await clerkDocx({ pageNumbers: 'all' }));
    writeFileSync(join(d, 'dung.docx'), await clerkDocx());
    const bin = join(ROOT, 'bin/vanban.js');
    const bad = spawnSync(process.execPath, [bin, 'check', 'sai.docx'], { cwd: d, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('[lỗi] page-number-first');
    const good = spawnSync(process.execPath, [bin, 'check', '--format', 'json', 'dung.docx'], { cwd: d, encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect((JSON.parse(good.stdout) as { summary: { lỗi: number } }).summary.lỗi).toBe(0);
  });
});
