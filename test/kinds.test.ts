// Every kind's sample (data/examples/) read back from our PDF (pdfjs) and from the DOCX as LibreOffice
// renders it: each kind's parts in the decree's order (Phụ lục III), their sizes, the two-level
// signature's lines in order, a draft's blank số and day with its month kept. And a kind registered
// by this file alone builds to DOCX and PDF without any writer knowing it.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltDocument } from '../src/build.ts';
import { composeDocument } from '../src/transform/compose.ts';
import { registerKind } from '../src/kinds/index.ts';
import { para, type Kind } from '../src/kinds/kind.ts';
import { docxToPdf, hasLibreOffice } from './support/libreoffice.ts';
import { pageLines, pdfPages, type PageText } from './support/pdf-text.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const available = hasLibreOffice();

/** Lines of all pages, spaces squeezed. */
const linesOf = (pages: PageText[]) => pages.flatMap(pageLines).map((l) => l.replace(/\s+/gu, ' ').trim());
/** The samples of the kinds (the other folders of data/examples show phụ lục, references and phases). */
const KIND_SAMPLES = ['cong-van', 'to-trinh', 'bao-cao', 'thong-bao', 'giay-moi', 'bien-ban', 'quy-che', 'ky-hai-cap', 'du-thao', 'ky-dien-tu'];

/** Index of each expected line prefix, in order; fails naming the first one missing. */
function expectInOrder(lines: string[], expected: string[], what: string): void {
  let at = -1;
  for (const e of expected) {
    const i = lines.findIndex((l, k) => k > at && l.startsWith(e));
    expect(i, `${what}: "${e}" sau dòng ${at}\n${lines.join('\n')}`).toBeGreaterThan(at);
    at = i;
  }
}

/** The size of the first text item that starts a line with `prefix`. */
function sizeOf(pages: PageText[], prefix: string): number | undefined {
  for (const p of pages) for (const it of p.items) if (it.str.replace(/\s+/gu, ' ').startsWith(prefix)) return Math.round(it.fontSize * 10) / 10;
  return undefined;
}

const ORDER: Record<string, string[]> = {
  'cong-van': ['UBND TỈNH AN GIANG', 'SỞ TƯ PHÁP', 'Số: 12/STP-VP', 'V/v đăng ký thi đua năm 2024', 'Kính gửi:', '- Phòng Tư pháp', '- Các đơn vị thuộc Sở.', 'Thực hiện Kế hoạch', 'Nơi nhận:', '- Như trên;', '- Lưu: VT, VP. NVA.(12).', 'Trần Văn Bình', 'Địa chỉ: số 1'],
  'to-trinh': ['SỞ TƯ PHÁP', 'Số: 25/TTr-STP', 'TỜ TRÌNH', 'Về việc đề nghị', 'Kính gửi: Ủy ban nhân dân tỉnh An Giang.', 'Căn cứ kết quả', 'Nơi nhận:', '- Như trên;'],
  'bao-cao': ['Số: 30/BC-STP', 'BÁO CÁO', 'Kết quả công tác', 'I. KẾT QUẢ ĐẠT ĐƯỢC', 'II. PHƯƠNG HƯỚNG', '1. Tiếp tục', 'Nơi nhận:'],
  'thong-bao': ['LƯU HÀNH NỘI BỘ', 'SỞ TƯ PHÁP', 'Số: 08/TB-STP', 'KHẨN', 'THÔNG BÁO', 'Về lịch trực', 'Nơi nhận:', 'TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG', 'Lê Thị Cúc'],
  'giay-moi': ['Số: 15/GM-STP', 'GIẤY MỜI', 'Dự Hội nghị', 'Sở Tư pháp trân trọng kính mời: Trưởng phòng', 'Tới dự Hội nghị', 'Chủ trì: Đồng chí', 'Thời gian: 08 giờ 00, thứ Sáu, ngày 15 tháng 3 năm 2024.', 'Địa điểm: Hội trường', 'Nơi nhận:'],
  'bien-ban': ['Số: 03/BB-STP', 'BIÊN BẢN', 'Hội nghị sơ kết', 'Thời gian bắt đầu: 08 giờ 00', 'Địa điểm:', 'Thành phần tham dự:', '- Lãnh đạo Sở Tư pháp;', '- Trưởng phòng Tư pháp các huyện, thị xã, thành phố.', 'Chủ trì (chủ tọa): Nguyễn Văn An', 'Thư ký (người ghi biên bản): Lê Thị Cúc', 'Nội dung:', 'Hội nghị kết thúc vào 11 giờ 00', 'Nơi nhận:', '- Các phòng, đơn vị thuộc Sở;', '- Lưu: VT, Hồ sơ.'],
  'quy-che': ['QUYẾT ĐỊNH', 'GIÁM ĐỐC SỞ TƯ PHÁP', 'Căn cứ Luật Thi đua', 'QUYẾT ĐỊNH:', 'Điều 1.', 'Điều 3.', 'Nơi nhận:', 'QUY CHẾ', 'Thi đua, khen thưởng của Sở Tư pháp', '(Ban hành kèm theo Quyết định số 40/QĐ-STP', 'Chương I', 'QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh', 'Điều 2. Đối tượng áp dụng', '1. Công chức', '2. Người lao động', 'a) Người làm việc', 'b) Người làm việc', 'Chương II', 'THI ĐUA', 'Mục 1', 'HÌNH THỨC THI ĐUA', 'Điều 3. Thi đua thường xuyên', 'Mục 2', 'DANH HIỆU THI ĐUA', 'Điều 4. Danh hiệu', 'Danh hiệu được xét tặng hằng năm theo quy định tại khoản 1 Điều 2./.'],
  'ky-hai-cap': ['ỦY BAN NHÂN DÂN', 'TỈNH AN GIANG', 'Số: 120/TB-UBND', 'THÔNG BÁO', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Phạm Văn Dũng'],
  'du-thao': ['DỰ THẢO', 'SỞ TƯ PHÁP', 'Số: /KH-STP', 'MẬT', 'KẾ HOẠCH'],
  // the pictures take the signature space, the text around them is where it was
  'ky-dien-tu': ['SỞ TƯ PHÁP', 'Số: 45/STP-VP', 'V/v gửi báo cáo sơ kết', 'HỎA TỐC', 'Kính gửi: Phòng Tư pháp các huyện, thị xã, thành phố.', 'Thực hiện Kế hoạch', 'Nơi nhận:', '- Như trên;', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Bình'],
};

describe('the kinds of documents, as written and as LibreOffice reads their DOCX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-kinds-'));
  const docs = new Map<string, { b: BuiltDocument; ours: PageText[]; lo: PageText[] | null }>();

  beforeAll(async () => {
    if (required && !available) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng LibreOffice (soffice) chưa được cài');
    const r = await build(KIND_SAMPLES.map((d) => `data/examples/${d}`), { outDir: join(dir, 'out') });
    expect(r.failed.map((f) => f.error.message)).toEqual([]);
    for (const b of r.built) {
      const name = b.source.split('/')[2]!;
      const lo = available ? await pdfPages(readFileSync(await docxToPdf(b.docx, join(dir, 'lo')))) : null;
      docs.set(name, { b, ours: await pdfPages(b.bytes.pdf), lo });
    }
  }, 300_000);

  for (const [name, order] of Object.entries(ORDER)) {
    it(`${name}: the parts in the decree's order, in our PDF and in LibreOffice's rendering of the DOCX`, () => {
      const d = docs.get(name)!;
      expect(d, name).toBeDefined();
      expectInOrder(linesOf(d.ours), order, `${name} (PDF)`);
      if (d.lo) expectInOrder(linesOf(d.lo), order, `${name} (DOCX qua LibreOffice)`);
      if (d.lo) expect(d.lo.length, `${name}: số trang`).toBe(d.ours.length);
    });
  }

  it('công văn: "V/v" at 13 pt upright under the số, Kính gửi at 14 pt, no tên loại; Nơi nhận 12/11 pt; ô 13 at 11 pt', () => {
    for (const pages of [docs.get('cong-van')!.ours, docs.get('cong-van')!.lo].filter((p): p is PageText[] => p !== null)) {
      expect(sizeOf(pages, 'V/v')).toBe(13);
      const vv = pages[0]!.items.find((i) => i.str.startsWith('V/v'))!;
      expect(vv.font).not.toMatch(/Bold|Italic/);
      expect(sizeOf(pages, 'Kính gửi')).toBe(14);
      expect(sizeOf(pages, 'Nơi nhận')).toBe(12);
      expect(sizeOf(pages, '- Như trên;')).toBe(11);
      expect(sizeOf(pages, 'Địa chỉ:')).toBe(11);
      expect(linesOf(pages).some((l) => l === 'CÔNG VĂN')).toBe(false);
      // the address strip sits at the foot of page 1, below every line of the text
      const strip = pages[0]!.items.find((i) => i.str.startsWith('Địa chỉ'))!;
      expect(strip.y).toBeGreaterThan(pages[0]!.height - 72);
    }
  });

  it('biên bản: no địa danh and date line, THƯ KÝ left and CHỦ TỌA right on one line', () => {
    const pages = docs.get('bien-ban')!.ours;
    expect(linesOf(pages).some((l) => /ngày \d+ tháng/u.test(l) && /^[A-ZĐ][a-zà-ỹ ]+, ngày/u.test(l))).toBe(false);
    const tk = pages[0]!.items.find((i) => i.str === 'THƯ KÝ')!;
    const ct = pages[0]!.items.find((i) => i.str === 'CHỦ TỌA')!;
    expect(Math.abs(tk.y - ct.y)).toBeLessThan(0.5);
    expect(tk.x).toBeLessThan(ct.x);
  });

  it('a draft: blank số before the ký hiệu, blank day with the month kept, in both renderings', () => {
    for (const pages of [docs.get('du-thao')!.ours, docs.get('du-thao')!.lo].filter((p): p is PageText[] => p !== null)) {
      const text = linesOf(pages).join('\n');
      expect(text).toMatch(/Số: +\/KH-STP/u);
      expect(text).toMatch(/An Giang, ngày +tháng 01 năm 2024/u);
    }
    expect(docs.get('du-thao')!.b.doc.parts[0]!.header!.number).toMatch(/^Số: {3,}\/KH-STP$/u);
    expect(docs.get('du-thao')!.b.doc.parts[0]!.header!.placeDate).toBe('An Giang, ngày      tháng 01 năm 2024');
  });

  it('vanban check finds no error in any sample (DOCX and PDF)', () => {
    const files = [...docs.values()].flatMap(({ b }) => [b.docx, b.pdf]);
    let out = '';
    try {
      out = execFileSync(process.execPath, ['bin/vanban.js', 'check', ...files], { encoding: 'utf8' });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(out).toContain(`Tổng cộng: ${files.length} tệp; 0 lỗi`);
    expect(files).toHaveLength(2 * KIND_SAMPLES.length);
  }, 120_000);

  it('the độ khẩn box is the decree\'s 20 mm for KHẨN, at 13 pt bold', () => {
    const pages = docs.get('thong-bao')!.ours;
    const k = pages[0]!.items.find((i) => i.str === 'KHẨN')!;
    expect(k.fontSize).toBe(13);
    expect(k.font).toMatch(/Bold/);
  });
});

describe('a kind added by one file, no writer touched', () => {
  const GIAY_GIOI_THIEU: Kind = {
    loai: 'giay-gioi-thieu-thu',
    name: 'Giấy giới thiệu',
    abbr: 'GGT',
    bodyOptional: true,
    fields: ({ line }) => ({ gioi_thieu: line, den: line }),
    bodyBefore: (input) => [para(`${input.co_quan.ten} trân trọng giới thiệu: ${String(input.gioi_thieu)}`), para(`Được cử đến: ${String(input.den)}`)],
  };

  it('registers, validates, builds to DOCX and PDF, and LibreOffice opens the DOCX', async () => {
    registerKind(GIAY_GIOI_THIEU);
    const root = mkdtempSync(join(tmpdir(), 'vanban-newkind-'));
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'ggt.yaml'), [
      'loai: giay-gioi-thieu-thu',
      'co_quan: { ten: Sở Tư pháp, viet_tat: STP }',
      'so: 7', 'ngay: 2024-05-06', 'dia_danh: An Giang', 'trich_yeu: Liên hệ công tác',
      'gioi_thieu: Ông Nguyễn Văn B, chuyên viên Văn phòng Sở', 'den: Sở Nội vụ tỉnh An Giang',
      'noi_nhan: [Như trên]', 'luu: [VT]', 'nguoi_ky: { chuc_vu: Chánh Văn phòng, ho_ten: Lê Thị Cúc }', '',
    ].join('\n'));
    const r = await build(['data'], { outDir: join(root, 'out'), root });
    expect(r.failed.map((f) => f.error.message), 'new kind').toEqual([]);
    const b = r.built[0]!;
    expect(b.doc.meta.kyHieu).toBe('GGT-STP');
    const lines = linesOf(await pdfPages(b.bytes.pdf));
    expectInOrder(lines, ['Số: 07/GGT-STP', 'GIẤY GIỚI THIỆU', 'Liên hệ công tác', 'Sở Tư pháp trân trọng giới thiệu: Ông Nguyễn Văn B', 'Được cử đến: Sở Nội vụ tỉnh An Giang./.', 'Nơi nhận:', 'Lê Thị Cúc'], 'kind added by a test');
    if (available) expectInOrder(linesOf(await pdfPages(readFileSync(await docxToPdf(b.docx, join(root, 'lo'))))), ['Số: 07/GGT-STP', 'GIẤY GIỚI THIỆU', 'Được cử đến'], 'kind added by a test (LibreOffice)');
    // an unknown field of the new kind is refused like any other
    writeFileSync(join(root, 'data', 'ggt.yaml'), readFileSync(join(root, 'data', 'ggt.yaml'), 'utf8') + 'khong_co: 1\n');
    const bad = await build(['data'], { outDir: join(root, 'out2'), root });
    expect(bad.failed[0]!.error.message).toMatch(/khong_co/);
  }, 120_000);
});

describe('one-line fields and the signature levels, refused at their line', () => {
  const root = mkdtempSync(join(tmpdir(), 'vanban-oneline-'));
  const write = (signer: string) => {
    const file = join(root, 'tb.yaml');
    writeFileSync(file, [
      'loai: thong-bao', 'co_quan: { ten: Sở Tư pháp, viet_tat: STP }', 'so: 1', 'ngay: 2024-05-06', 'dia_danh: An Giang', 'trich_yeu: Thử', 'noi_dung: tb.md',
      'noi_nhan: [A]', 'luu: [VT]', 'nguoi_ky:', signer, '  chuc_vu: Phó Giám đốc', '  ho_ten: Trần Văn Bình', '',
    ].join('\n'));
    writeFileSync(join(root, 'tb.md'), 'Nội dung.\n');
    return file;
  };
  const error = (signer: string): string => {
    try {
      composeDocument(write(signer), root);
    } catch (e) {
      return (e as Error).message;
    }
    return 'không lỗi';
  };

  it('a line feed typed into thay_mat is refused at its line, in Vietnamese', () => {
    expect(error('  tham_quyen: KT\n  thay_mat: "Giám\\nđốc"')).toMatch(/^tb\.yaml:12:\d+: trường "nguoi_ky\.thay_mat": trường này viết trên một dòng/u);
  });

  it('levels and names must pair up; Q. only last', () => {
    expect(error('  tham_quyen: [TM, KT]\n  thay_mat: [Ủy ban nhân dân]')).toMatch(/"nguoi_ky\.thay_mat": có 2 cấp TM\.\/KT\.\/TL\.\/TUQ\. nên "thay_mat" cần 2 tên/u);
    expect(error('  tham_quyen: [Q, KT]\n  thay_mat: [Chủ tịch]')).toMatch(/"nguoi_ky\.tham_quyen": Q\. \(quyền\) chỉ đứng ở cấp cuối/u);
    // the one-level form of before still works
    expect(error('  tham_quyen: KT\n  thay_mat: Giám đốc')).toBe('không lỗi');
  });
});
