// The general causes behind set 10's false findings and clear misses (Lâm Đồng 2025–2026, held-out real DOCX,
// judged by reading each file's XML): each shown on a real document of the set, with the finding still made where
// the defect is real.

import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPath, type FileReport } from '../../src/check/command.ts';
import { checkDocxLayout } from '../../src/check/layout.ts';
import { kyHieuAbbrev } from '../../src/check/rules/ky-hieu.ts';
import { capitalization } from '../../src/check/rules/capitalization.ts';
import { numberingSequence } from '../../src/check/rules/numbering.ts';
import { signatureForm } from '../../src/check/rules/signature.ts';
import { checkText } from '../../src/check/text.ts';
import { realPath, run, TODAY } from './helpers.ts';

const report = async (name: string): Promise<FileReport> => (await checkPath(realPath(name), { format: 'json', fix: false, today: TODAY }, process.cwd()))[0]!;
const of = (r: FileReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.where} ${f.excerpt}`);

describe('set 10 causes', () => {
  it('tells "HD" (hướng dẫn) from "HĐ" (hợp đồng) and "DA" (dự án) from "ĐA" (đề án): Phụ lục III has all four', async () => {
    expect(of(await report('docx-cong-van-khong-so-ubnd-2025-lam-dong-hd-46-bca.docx'), 'kyhieu-abbrev')).toEqual([]);
    expect(of(await report('docx-to-trinh-409-ttr-cat-2025-lam-dong.docx'), 'kyhieu-abbrev')).toEqual([]);
    expect(run(kyHieuAbbrev, 'Đề án số 12/ĐA-UBND, Dự án số 3/DA-UBND, Quy định số 5/QyĐ-UBND, Hợp đồng số 7/HĐ-UBND')).toEqual([]);
    // a D typed for Đ is still told, and the document's own kind against its tên loại
    expect(run(kyHieuAbbrev, 'Quyết định số 12/QD-UBND').map((f) => f.replacement!.to)).toEqual(['12/QĐ-UBND']);
    expect(run(kyHieuAbbrev, 'Số: 12/HĐ-UBND\nHƯỚNG DẪN').map((f) => f.excerpt)).toEqual(['HĐ']);
  });

  it('reads a header, a date line and "Nơi nhận" typed in decomposed Unicode (NFD) as what they are; nfc reports the decomposition once per place', async () => {
    const r = await report('docx-thong-bao-khong-so-ubnd-2026-lam-dong-pci.docx');
    // "Số:", "Lâm Đồng, ngày … tháng 4 năm 2026" and "Nơi nhận:" are found: nothing said missing, no "Số:" taken for the issuer
    expect(of(r, 'number-line')).toEqual([]);
    expect(of(r, 'issuer').filter((x) => x.includes('Số'))).toEqual([]);
    expect(of(r, 'closing')).toEqual([]);
    expect(of(r, 'recipients-label')).toEqual([]);
    // the date line's own defect is found (left-aligned), quoted as typed
    const date = r.findings.find((f) => f.rule === 'place-date')!;
    expect(date.where).toBe('đoạn 6');
    expect(date.excerpt.normalize('NFC')).toBe('Lâm Đồng, ngày       tháng 4 năm 2026');
    expect(date.excerpt).not.toBe(date.excerpt.normalize('NFC'));
    // one nfc finding per paragraph that holds decomposed letters, the "Số:" line among them
    const nfc = r.findings.filter((f) => f.rule === 'nfc').map((f) => f.where);
    expect(nfc).toEqual(['đoạn 3', 'đoạn 4', 'đoạn 5', 'đoạn 6', 'đoạn 27', 'đoạn 33']);
  });

  it('lets every text rule but nfc read NFC, and quotes and places its finding in the text as typed', () => {
    const typed = 'Căn cứ Quyết định số 12/QD-UBND của Ủy ban nhân dân tỉnh'.normalize('NFD');
    const fs = checkText(typed, 'thu.txt');
    expect(fs.filter((f) => f.rule === 'nfc')).toHaveLength(1);
    const k = fs.find((f) => f.rule === 'kyhieu-abbrev')!;
    expect(k.excerpt).toBe('12/QD-UBND');
    expect(typed.slice(k.col! - 1).startsWith('12/QD-UBND')).toBe(true);
    // an excerpt with marks is quoted as typed (decomposed)
    const line = 'Hà Nội, ngày 5 tháng 01 năm 2024'.normalize('NFD');
    const zero = checkText(line, 'thu.txt').find((f) => f.rule === 'date-line-zero')!;
    expect(zero.excerpt.normalize('NFC')).toBe('ngày 5 tháng 01 năm 2024');
    expect(line.includes(zero.excerpt)).toBe(true);
  });

  it('knows "Nơi  nhận :" (extra spaces) for the recipients label: the Lưu line under it is no end of the content', async () => {
    const r = await report('docx-to-trinh-khong-so-snv-2025-lam-dong-vi-tien-bo-phu-nu.docx');
    expect(of(r, 'closing')).toEqual([]);
    // the label's form is still told, and the list under it is read as a list
    expect(of(r, 'recipients-label')).toEqual(['đoạn 16 Nơi  nhận :']);
    expect(of(r, 'recipients-punct')).toEqual(['đoạn 19 - Lưu: VT,  LĐVL&TN.(M.Anh)']);
  });

  it('judges the fonts of the headers and footers the pages show only (an "even" header without w:evenAndOddHeaders shows on none)', async () => {
    expect(of(await report('docx-thong-bao-khong-so-ubnd-2026-lam-dong-son-hai.docx'), 'font-family')).toEqual([]);
    // a default header in .VnTime is still told (set 9, Phúc Lộc)
    expect((await report('docx-cong-van-khong-so-sct-2026-lao-cai-phuc-loc.docx')).findings.some((f) => f.rule === 'font-family' && f.excerpt === '.VnTime')).toBe(true);
  });

  it('reads where a first line starts on the page: a heading indented 12,7 mm by w:ind left, with no first-line indent, is indented', async () => {
    expect(of(await report('docx-bao-cao-khong-so-ubnd-2025-lam-dong-quan-ly-hoi.docx'), 'body-indent').filter((x) => x.startsWith('đoạn 27 '))).toEqual([]);
    // a first line 15 mm in is still told
    expect(of(await report('docx-thong-bao-khong-so-ubnd-2026-lam-dong-pci.docx'), 'body-indent')).toEqual(['đoạn 18 b) Giao Sở Tài chính']);
  });

  it('asks for "KT." when a deputy signs right under "TM." ("TM. BAN CHỈ ĐẠO" | "PHÓ TRƯỞNG BAN")', async () => {
    expect(of(await report('docx-bao-cao-khong-so-bcd-2026-lam-dong-de-an-06.docx'), 'signature-form')).toEqual(['đoạn 124 PHÓ TRƯỞNG BAN']);
    // the three lines of Phụ lục I, and "KT." typed on the "TM." line, are right
    expect(run(signatureForm, 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A')).toEqual([]);
    expect(run(signatureForm, 'TM. ỦY BAN NHÂN DÂN     KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A')).toEqual([]);
  });

  it('asks for "Số:" and the ký hiệu not bold (Phụ lục I: "đứng", where the issuer is "đứng, đậm"); bold spaces are no bold text', () => {
    const name = 'docx-thong-bao-khong-so-ubnd-2026-lam-dong-son-hai.docx';
    const buf = readFileSync(realPath(name));
    // as typed, only the spaces left for the number are bold
    expect(checkDocxLayout(buf).findings.filter((f) => f.rule === 'number-line')).toEqual([]);
    // the same document with its "Số:" run made bold
    const files = unzipSync(buf);
    const xml = strFromU8(files['word/document.xml']!);
    const run = '<w:rPr><w:color w:val="000000"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t xml:space="preserve">Số:  </w:t>';
    expect(xml.includes(run)).toBe(true);
    files['word/document.xml'] = strToU8(xml.replace(run, run.replace('<w:rPr>', '<w:rPr><w:b/>')));
    const bold = checkDocxLayout(zipSync(files)).findings.filter((f) => f.rule === 'number-line');
    expect(bold.map((f) => `đoạn ${f.line} ${f.message}`)).toEqual(['đoạn 3 dòng số, ký hiệu in đậm; phải là chữ không đậm']);
  });

  it('numbers a list again as the document\'s own once its running text follows a quotation (an unclosed “ in a trích yếu)', async () => {
    expect(of(await report('docx-thong-bao-khong-so-ubnd-2026-lam-dong-pci.docx'), 'numbering-sequence')).toEqual(['đoạn 14 2.']);
    // right after a quotation, the quoted document's numbering may go on
    expect(run(numberingSequence, 'Khoản 2 được sửa đổi như sau:\n“1. Đối tượng áp dụng.\n2. Phạm vi.”\n3. Hiệu lực thi hành.')).toEqual([]);
  });

  it('capitalizes the kind of body and its field in names Phụ lục II, IV.1.a settles (Sở Công Thương, Liên đoàn Lao động, Ban Chỉ đạo …)', async () => {
    const at = (r: FileReport) => of(r, 'capitalization').map((x) => x.normalize('NFC'));
    expect(at(await report('docx-quyet-dinh-khong-so-ubnd-2025-lam-dong-hoi-dong-atvsld.docx'))).toEqual(
      expect.arrayContaining(['đoạn 26 Sở Nông nghiệp và Môi  Trường', 'đoạn 27 Ban quản lý', 'đoạn 27 Khu công nghiệp', 'đoạn 29 Liên đoàn lao động', 'đoạn 31 Liên minh hợp tác xã']),
    );
    expect(at(await report('docx-quyet-dinh-khong-so-ubnd-2026-lam-dong-bcd-du-lieu.docx'))).toEqual(expect.arrayContaining(['đoạn 31 Sở Công thương', 'đoạn 37 ban']));
    // "Ban chỉ đạo" named after a sentence's end, or before a lower-case function ("vận hành …")
    expect(at(await report('docx-bao-cao-khong-so-bcd-2026-lam-dong-de-an-06.docx'))).toEqual(expect.arrayContaining(['đoạn 76 Ban chỉ đạo', 'đoạn 112 Ban chỉ đạo']));
    expect(at(await report('docx-to-trinh-khong-so-snv-2026-lam-dong-bat-dong-san.docx'))).toEqual(expect.arrayContaining(['đoạn 20 Ban chấp hành']));
    // classes of bodies and words are not names
    expect(run(capitalization, 'Phối hợp với các ban quản lý khu công nghiệp, liên đoàn lao động các cấp; làm việc tại trụ sở Công thương cũ và cơ sở Giáo dục và Đào tạo.')).toEqual([]);
    // one finding for "sở Giáo dục và Đào tạo": its common noun
    expect(run(capitalization, 'Xét đề nghị của Giám đốc sở Giáo dục và Đào tạo,').map((f) => f.excerpt)).toEqual(['sở Giáo dục và Đào tạo']);
  });
});

