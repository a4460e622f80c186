// Finding the document first: the recognizer on real documents (test/fixtures/real) and the false findings it
// removes (issue 11): site debris, wrapped lines, flattened tables, samples, pages with no document, scans.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand, checkPath, NOT_A_DOCUMENT_EXIT } from '../../src/check/command.ts';
import { readDocx } from '../../src/check/docx-read.ts';
import { checkLayout } from '../../src/check/layout.ts';
import { SIGNING_INFO } from '../../src/check/layout/fonts.ts';
import { docxLines } from '../../src/check/readers.ts';
import { continues, isGarbled, recognize } from '../../src/check/structure.ts';
import { realPath, TODAY } from './helpers.ts';

const check = async (path: string) => (await checkPath(path, { format: 'json', fix: false, today: TODAY }, process.cwd()))[0]!;
const lines = (name: string) => readFileSync(realPath(name), 'utf8').split('\n');

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await checkCommand(args, { format: 'text', fix: false, today: TODAY });
  vi.restoreAllMocks();
  return { code, out };
}

describe('the document inside a web copy', () => {
  it('splits the header and signature tables of a Markdown copy into their lines and drops the site lines', () => {
    const r = recognize(lines('web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md'), { markdown: true });
    expect(r.status).toBe('document');
    // the "*Source:*" line, the site's heading above the header and the two "|---|" rows
    expect(r.discarded).toBe(4);
    const text = r.lines.filter((l) => l !== '');
    expect(text.slice(0, 6)).toEqual([
      'VĂN PHÒNG CHÍNH PHỦ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 3354/VPCP-KGVX',
      expect.stringMatching(/^V\/v ban hành Thông tư/u),
      'Hà Nội, ngày 26 tháng 04 năm 2013',
    ]);
    // one Nơi nhận entry a line, the Lưu line last
    const label = text.indexOf('Nơi nhận:');
    expect(text.slice(label + 1, label + 6)).toEqual(['- Như trên;', '- TTCP, các PTTg (để b/c);', '- VPCP: BTCN, các PCN;', '- Trợ lý TTCP, Cổng TTĐTCP; các Vụ: KTTH, QHQT;', '- Lưu: VT, KGVX (3).']);
    expect(r.parts).toMatchObject({ header: 5, so: 7, dateLine: 7, recipients: 15, signature: 15 });
  });

  it('reports nothing on a site title, metadata lines or table markers, and says how many lines it left out', async () => {
    const r = await check(realPath('page-ke-hoach-155-kh-ubnd-bac-ninh-2017.txt'));
    expect(r.structure).toMatchObject({ status: 'document', discarded: 7, parts: { header: 13, so: 17, dateLine: 19 } });
    // before: citation-so and range-style on the site title (line 1), closing on the cut-off last line
    expect(r.findings.map((f) => `${f.where} ${f.rule}`)).toEqual(['dòng 27 kyhieu-abbrev']);
  });

  it('says a page that holds no document is not one, with its own exit code', async () => {
    const r = await check(realPath('page-tin-cong-dien-1478-atmt-2016.txt'));
    expect(r.structure!.status).toBe('no-document');
    expect(r.findings).toEqual([]);
    const { code, out } = await run([realPath('page-tin-cong-dien-1478-atmt-2016.txt')]);
    expect(code).toBe(NOT_A_DOCUMENT_EXIT);
    expect(out).toContain('không tìm thấy văn bản hành chính trong tệp');
    expect(out).not.toContain('không phát hiện vấn đề nào');
  });
});

describe('copies that split words into letters', () => {
  it('leaves out a block the site garbled ("T hủ tướ ng C h í nh ph ủ") and says so, without judging half a Nơi nhận', async () => {
    const r = await check(realPath('web-quyet-dinh-3210-qd-ubnd-2014-thuc-hien-09-2013-tt-bxd-ho-tro.md'));
    expect(r.structure!.garbled).toBeGreaterThanOrEqual(2);
    expect(r.findings.filter((f) => f.rule.startsWith('recipients-'))).toEqual([]);
    expect(isGarbled('- T hủ tướ ng C h í nh ph ủ ; - B ộ X â y d ự n g ;')).toBe(true);
    // abbreviations and short entries are words: "b/c", "K1", "- Bộ trưởng (để b/c);"
    expect(isGarbled('- Lưu: VT, K1, K9, K15.')).toBe(false);
    expect(isGarbled('- Bộ trưởng (để b/c);')).toBe(false);
  });
  it('leaves out the shorter lines of a copy seen garbled, split the same way ("Số: 3210/QĐ - U B ND")', async () => {
    // Quyết định 3210/QĐ-UBND, Hồ Chí Minh: the header row and the Nơi nhận are garbled, and so is "U B ND" of the số
    const r = await check(realPath('web-quyet-dinh-3210-qd-ubnd-2014-thuc-hien-09-2013-tt-bxd-ho-tro.md'));
    expect(r.findings.filter((f) => f.rule === 'spacing-number')).toEqual([]);
    expect(r.structure!.garbled).toBe(5);
  });
  it('still reads the whole lines of a garbled copy, and point letters "b, c" in a copy that is not garbled', async () => {
    // Công văn 2638/LĐTBXH-KHTC: only its header cell is garbled; the "b/" repeated at dòng 53 is still found
    const r = await check(realPath('web-cong-van-2638-ldtbxh-khtc-2019-thuc-hien-phap-lenh-uu-dai-ng.md'));
    expect(r.structure!.garbled).toBe(1);
    expect(r.findings.filter((f) => f.rule === 'numbering-sequence').map((f) => f.where)).toEqual(['dòng 53']);
    expect(recognize(['Theo điểm b, c khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP.']).garbled).toBe(0);
  });
  it('still reads the characters of a garbled block: its combining marks are the document\'s (Phụ lục I, mục I.2: Unicode TCVN 6909)', async () => {
    // Công văn 2638/LĐTBXH-KHTC: "B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI", split around marks typed apart (NFD)
    const r = await check(realPath('web-cong-van-2638-ldtbxh-khtc-2019-thuc-hien-phap-lenh-uu-dai-ng.md'));
    expect(r.findings.filter((f) => f.rule === 'nfc').map((f) => f.where)).toContain('dòng 5');
    // Quyết định 3210/QĐ-UBND: garbled blocks in precomposed letters give no nfc finding, and no other finding
    const g = await check(realPath('web-quyet-dinh-3210-qd-ubnd-2014-thuc-hien-09-2013-tt-bxd-ho-tro.md'));
    expect(g.findings.filter((f) => ['dòng 5', 'dòng 7', 'dòng 33'].includes(f.where))).toEqual([]);
  });
});

describe('wrapped lines', () => {
  it('joins the lines a page wrapped, but never glues a numbered heading to the line before', () => {
    expect(continues('Căn cứ Quyết định số 31/2009/QĐ-TTg ngày 24 tháng', '02 năm 2009 của Thủ tướng Chính phủ')).toBe(true);
    expect(continues('nghèo bền vững giai đoạn 2021 -', '2025. Trên cơ sở Kế hoạch số 6103/KH-UBND')).toBe(true);
    expect(continues('3. Tổng kết giai đoạn 2013 - 2015;', '4. Thời gian thực hiện: từ năm 2013')).toBe(false);
    expect(continues('- Các cơ quan, đơn vị, địa phương có liên quan', '4. Thời gian thực hiện')).toBe(false);
  });

  it('reads a header written outside any table, over wrapped lines, and holds the rules to the document', async () => {
    const r = await check(realPath('page-quyet-dinh-06-2024-qd-ubnd-kon-tum.txt'));
    // "Số:" | "06/2024/QĐ-UBND" and "Kon Tum, ngày 25" | "tháng 01 năm 2024" are one line each
    expect(r.structure!.parts).toMatchObject({ header: 5, so: 10, dateLine: 13, kind: 16, canCu: 20 });
    // the only finding is the real one: two căn cứ run on one line; no body rule misfires on the header
    expect(r.findings.map((f) => `${f.where} ${f.rule}`)).toEqual(['dòng 30 can-cu-form']);
  });

  it('reads a Nơi nhận entry a DOCX wraps over two paragraphs as one entry', async () => {
    const r = await check(realPath('docx-nghi-dinh-30-2020-nd-cp.docx'));
    // "- HĐND, UBND các tỉnh," | "thành phố trực thuộc Trung ương;" and two more such entries (đoạn 313–316, 332–333)
    const t = docxLines(readDocx(readFileSync(realPath('docx-nghi-dinh-30-2020-nd-cp.docx'))));
    expect(t.lines).toContain('thành phố trực thuộc Trung ương;');
    expect(r.findings.filter((f) => f.rule.startsWith('recipients-'))).toEqual([]);
  });
});

describe('a real text PDF', () => {
  it('finds the header and closing parts of the decree from the words, and says which', async () => {
    const r = await check(realPath('pdf-nghi-dinh-30-2020-nd-cp.pdf'));
    // "Số:" of the left column is read before the national header of the right one: it stays in the document
    expect(r.structure!.parts).toMatchObject({ header: expect.any(Number), so: expect.any(Number), dateLine: expect.any(Number), recipients: expect.any(Number), signature: expect.any(Number) });
    expect(r.structure!.discarded).toBe(0);
    const { out } = await run([realPath('pdf-nghi-dinh-30-2020-nd-cp.pdf')]);
    expect(out).toContain('Phần đầu và phần cuối đọc được theo chữ: Quốc hiệu, số, ký hiệu, địa danh, ngày tháng');
  });
});

describe('samples, diagrams and scans', () => {
  it('recognizes the decree’s appendix of sample forms as samples and does not check it as one document', async () => {
    const r = await check(realPath('docx-phu-luc-iii-mau-nd30.docx'));
    expect(r.structure!.status).toBe('samples');
    expect(r.structure!.samples).toBeGreaterThan(20);
    expect(r.findings).toEqual([]);
  });

  it('takes a "Phần II" after the "Phần I" of paragraph 7, and no diagram cell ("10a") for a recipient (Phụ lục I)', async () => {
    const path = new URL('../fixtures/check/nd30-phu-luc-i.docx', import.meta.url).pathname;
    const r = await check(path);
    expect(docxLines(readDocx(readFileSync(path))).lines).toContain('Phần I');
    expect(r.findings.filter((f) => f.rule === 'numbering-sequence' && /^Phần/u.test(f.excerpt))).toEqual([]);
    expect(r.findings.filter((f) => f.kind === 'text' && f.rule.startsWith('recipients-') && /^(?:10a|a)$/u.test(f.excerpt))).toEqual([]);
  });

  it('accepts the 10 pt signing line "Số: …; ngày/tháng/năm; giờ: phút: giây" that Phụ lục I sets', () => {
    const doc = readDocx(readFileSync(realPath('docx-phu-luc-iii-mau-nd30.docx')));
    const line = doc.paragraphs.map((p) => p.text.trim()).find((t) => t.includes('giờ: phút: giây'));
    expect(line).toBeDefined();
    expect(SIGNING_INFO.test(line!)).toBe(true);
    const sizes = checkLayout(doc).findings.filter((f) => f.rule === 'font-size-body');
    expect(sizes.filter((f) => f.excerpt.includes('giờ: phút: giây'))).toEqual([]);
  });

  it('says a PDF without a text layer cannot be read, with its own exit code, not "không phát hiện vấn đề nào"', async () => {
    // one page with a filled rectangle and no text (a scan has an image where this has the rectangle)
    const pdf = ['%PDF-1.4', '1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj', '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj', '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj', '4 0 obj <</Length 28>> stream', '0 0 0 rg 100 100 200 200 re f', 'endstream endobj', 'trailer <</Root 1 0 R>>', '%%EOF'].join('\n');
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-scan-')), 'ban-quet.pdf');
    writeFileSync(path, pdf);
    const r = await check(path);
    expect(r.structure!.status).toBe('no-text');
    const { code, out } = await run([path]);
    expect(code).toBe(NOT_A_DOCUMENT_EXIT);
    expect(out).toContain('PDF không có lớp chữ');
    expect(out).not.toContain('không phát hiện vấn đề nào');
  });
});
