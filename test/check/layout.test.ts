// Layout rules of `vanban check` on DOCX files: a clerk's compliant file gives nothing; each file with one deviation
// gives exactly the expected finding; a file without a header table makes the header rules say they could not
// evaluate it; every DOCX our own build produces gives no lỗi.

import { strToU8, unzipSync, zipSync } from 'fflate';
import { AlignmentType, Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from '../../src/build.ts';
import type { Document as VanbanDocument } from '../../src/model/ast.ts';
import { writeDocx } from '../../src/write/docx.ts';
import { readDocx } from '../../src/check/docx-read.ts';
import { checkDocxLayout, checkLayout, LAYOUT_RULES, type LayoutResult } from '../../src/check/layout.ts';
import { docxLines } from '../../src/check/readers.ts';
import { checkLines } from '../../src/check/text.ts';
import { clerkDocx, type ClerkOptions } from '../fixtures/check/clerk-docx.ts';
import { TODAY } from './helpers.ts';

const brief = (r: LayoutResult): string[] => r.findings.map((f) => `${f.rule}: ${f.message}`);
const statuses = (r: LayoutResult): Record<string, string> => Object.fromEntries(r.outcomes.map((o) => [o.rule, o.status]));

describe('layout rules', () => {
  it('have an id, a one-line source in the decree and a title', () => {
    const ids = LAYOUT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LAYOUT_RULES) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
      expect(r.source).toMatch(/^NĐ 30\/2020, Phụ lục I, Phần I, mục I{1,2}\.\d/u);
      expect(r.source).not.toContain('\n');
      expect(r.title.length).toBeGreaterThan(5);
    }
  });
});

describe('a DOCX made by a clerk', () => {
  it('complying with the decree gives no finding, and every rule is evaluated', async () => {
    const buf = await clerkDocx();
    const r = checkDocxLayout(buf);
    expect(brief(r)).toEqual([]);
    expect(r.outcomes.filter((o) => o.status !== 'checked' || o.reason)).toEqual([]);
    // nor do the text rules find anything in it
    expect(checkLines(docxLines(readDocx(buf)).lines, 'x.docx', { today: TODAY })).toEqual([]);
  });

  // one deviation → exactly one finding: [what, options, rule, message fragment]
  const CASES: [string, ClerkOptions, string, string][] = [
    ['wrong left margin', { margin: { left: 25 } }, 'page-margins', 'lề trái 25 mm, ngoài khoảng 30–35 mm'],
    ['wrong top margin', { margin: { top: 15 } }, 'page-margins', 'lề trên 15 mm, ngoài khoảng 20–25 mm'],
    ['Arial body', { bodyFont: 'Arial' }, 'font-family', 'phông "Arial" ở 14 đoạn'],
    ['missing page numbers', { pageNumbers: 'none' }, 'page-number-missing', 'không có số trang'],
    ['page number on page 1', { pageNumbers: 'all' }, 'page-number-first', 'trang thứ nhất có hiện số trang'],
    ['Tiêu ngữ in capitals', { motto: 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC' }, 'national-motto', 'chữ in thường, chỉ viết hoa chữ cái đầu'],
    ['Tiêu ngữ in title case', { motto: 'Độc Lập - Tự Do - Hạnh Phúc' }, 'national-motto', 'chữ in thường'],
    ['Tiêu ngữ with en dashes', { motto: 'Độc lập – Tự do – Hạnh phúc' }, 'national-motto', 'gạch nối "-"'],
    ['Letter paper', { page: { width: 215.9, height: 279.4 } }, 'page-size', 'khổ Letter'],
    ['landscape without a table', { landscape: true }, 'page-orientation', 'nằm ngang'],
    ['Quốc hiệu not bold', { nationalBold: false }, 'national-name', 'Quốc hiệu chưa in đậm'],
    ['Quốc hiệu 14 pt', { nationalSize: 14 }, 'national-name', 'cỡ chữ 14 pt, ngoài khoảng 12–13 pt'],
    ['Quốc hiệu in lower case', { nationalName: 'Cộng hòa xã hội chủ nghĩa Việt Nam' }, 'national-name', 'chữ in hoa'],
    ['issuer not bold', { issuerBold: false }, 'issuer', 'chưa in đậm'],
    ['issuer in lower case', { issuer: 'Sở Tư pháp' }, 'issuer', 'chữ in hoa'],
    ['"Số" without a colon', { number: 'Số 15/KH-STP' }, 'number-line', 'dấu hai chấm'],
    ['number below 10 without 0', { number: 'Số: 5/KH-STP' }, 'number-line', 'ghi thêm số 0'],
    ['date line upright', { placeDateItalic: false }, 'place-date', 'chưa in nghiêng'],
    ['no comma after the place', { placeDate: 'An Giang ngày 05 tháng 3 năm 2024' }, 'place-date', 'dấu phẩy'],
    ['tên loại in lower case', { docType: 'Kế hoạch' }, 'doc-type', 'chữ in hoa'],
    ['trích yếu in capitals', { subject: 'TRIỂN KHAI CÔNG TÁC PHỔ BIẾN PHÁP LUẬT NĂM 2024' }, 'subject', 'chữ in thường'],
    ['body aligned left', { bodyAlign: 'left' }, 'body-align', 'căn trái'],
    ['no first-line indent', { bodyIndent: 0 }, 'body-indent', 'lùi vào 0 mm'],
    ['body in 12 pt', { bodySize: 12 }, 'font-size-body', 'cỡ chữ 12 pt'],
    ['no space between paragraphs', { bodyBefore: 0 }, 'body-spacing', 'khoảng cách với đoạn trước 0 pt'],
    ['double line spacing', { bodyLine: 480 }, 'body-line-spacing', 'giãn dòng 2 dòng'],
    ['"Nơi nhận:" upright', { recipientsLabelItalic: false }, 'recipients-label', 'chưa in nghiêng'],
    ['"Nơi nhận" without a colon', { recipientsLabel: 'Nơi nhận' }, 'recipients-label', 'Nơi nhận:'],
    ['recipients in 12 pt', { recipientSize: 12 }, 'recipients-items', 'phải là 11 pt'],
    ['page number in the footer', { pageNumbers: 'footer' }, 'page-number-style', 'chân trang'],
    ['page number in 11 pt', { pageNumberSize: 11 }, 'page-number-style', 'cỡ chữ 11 pt'],
  ];

  it.each(CASES)('with %s gives exactly one finding', async (_what, options, rule, fragment) => {
    const r = checkDocxLayout(await clerkDocx(options));
    expect(r.findings.map((f) => f.rule)).toEqual([rule]);
    expect(r.findings[0]!.message).toContain(fragment);
    const f = r.findings[0]!;
    expect(f.excerpt.length).toBeGreaterThan(0);
    expect(f.fix?.length).toBeGreaterThan(5);
  });

  it('accepts a first-line indent of 1.27 cm and line spacing up to 1.5 lines', async () => {
    expect(brief(checkDocxLayout(await clerkDocx({ bodyIndent: 720, bodyLine: 360 })))).toEqual([]);
  });

  it('points at the paragraph: "đoạn N" counts the non-empty paragraphs', async () => {
    const r = checkDocxLayout(await clerkDocx({ motto: 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC' }));
    // UBND TỈNH AN GIANG, SỞ TƯ PHÁP, Số: …, CỘNG HÒA …, then the Tiêu ngữ
    expect(r.findings[0]).toMatchObject({ line: 5, excerpt: 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC', severity: 'lỗi' });
  });

  it('without a header table: the header rules could not evaluate, and are not counted as passed', async () => {
    const r = checkDocxLayout(await clerkDocx({ noHeader: true }));
    const s = statuses(r);
    for (const id of ['national-name', 'national-motto', 'issuer', 'number-line', 'place-date']) expect(s[id]).toBe('not-evaluated');
    expect(r.outcomes.find((o) => o.rule === 'issuer')!.reason).toContain('không có phần đầu dạng bảng');
    expect(r.outcomes.find((o) => o.rule === 'national-name')!.reason).toContain('không tìm thấy dòng Quốc hiệu');
    expect(brief(r)).toEqual([]);
    // the rest of the file is still checked
    expect(s['doc-type']).toBe('checked');
    expect(s['body-align']).toBe('checked');
  });

  it('a one-page file needs no page number', async () => {
    const r = checkDocxLayout(await clerkDocx({ bodyParagraphs: 2, pageNumbers: 'none' }));
    expect(statuses(r)['page-number-missing']).toBe('not-applicable');
    expect(brief(r)).toEqual([]);
  });
});

describe('a header laid out without a table', () => {
  it('finds the Quốc hiệu and Tiêu ngữ in one paragraph with a line break, and says the issuer cannot be told apart', async () => {
    const tnr = { font: 'Times New Roman', size: 26 };
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, ...tnr }),
                new TextRun({ text: 'Độc lập - Tự do - Hạnh phúc', bold: false, break: 1, ...tnr, size: 28 }),
              ],
            }),
            new Paragraph({
              tabStops: [{ type: TabStopType.CENTER, position: 6500 }],
              children: [new TextRun({ text: 'Số: 15/KH-STP\tAn Giang, ngày 05 tháng 3 năm 2024', ...tnr })],
            }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'KẾ HOẠCH', bold: true, ...tnr, size: 28 })] }),
          ],
        },
      ],
    });
    const r = checkDocxLayout(await Packer.toBuffer(doc));
    expect(r.anatomy.national.map((s) => s.text)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(r.anatomy.motto.map((s) => s.text)).toEqual(['Độc lập - Tự do - Hạnh phúc']);
    const motto = r.findings.filter((f) => f.rule === 'national-motto').map((f) => f.message);
    expect(motto).toEqual(['Tiêu ngữ chưa in đậm']);
    expect(statuses(r)['issuer']).toBe('not-evaluated');
    // the "Số:" and the date share a line: both found, the date is not italic
    expect(r.findings.filter((f) => f.rule === 'place-date').map((f) => f.message)).toEqual(['dòng địa danh, ngày tháng chưa in nghiêng']);
    expect(r.findings.filter((f) => f.rule === 'number-line')).toEqual([]);
  });
});

describe('DOCX reader', () => {
  it('detects a digital signature by its parts or its origin relationship', async () => {
    const buf = await clerkDocx();
    expect(readDocx(buf).signatureParts).toEqual([]);
    const files = unzipSync(buf);
    files['_xmlsignatures/sig1.xml'] = strToU8('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>');
    expect(readDocx(zipSync(files)).signatureParts).toEqual(['_xmlsignatures/sig1.xml']);
    const rels = new TextDecoder().decode(files['_rels/.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdSig" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/></Relationships>',
    );
    delete files['_xmlsignatures/sig1.xml'];
    files['_rels/.rels'] = strToU8(rels);
    expect(readDocx(zipSync(files)).signatureParts).toEqual(['_xmlsignatures/origin.sigs']);
  });

  it('resolves theme fonts and reads each section with the headers in effect', async () => {
    const buf = await clerkDocx();
    const files = unzipSync(buf);
    // a Word-style file: body text in the theme's minor font (Calibri in the docx package's theme)
    const styles = new TextDecoder()
      .decode(files['word/styles.xml'])
      .replace(/(<w:rPrDefault><w:rPr>)<w:rFonts [^>]*\/>/u, '$1<w:rFonts w:ascii="Arial" w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>');
    expect(styles).toContain('w:asciiTheme');
    files['word/styles.xml'] = strToU8(styles);
    const doc = readDocx(zipSync(files));
    expect(doc.styles.themeFonts?.minor).toBe('Calibri');
    expect(doc.sectionInfo).toHaveLength(1);
    expect(doc.sectionInfo[0]).toMatchObject({ titlePage: true, pageWidth: 11906, pageHeight: 16838 });
    expect(Object.keys(doc.sectionInfo[0]!.headers).sort()).toEqual(['default', 'first']);
    // the clerk's runs name Times New Roman themselves; the paragraph marks take the theme font (over w:ascii)
    expect(doc.paragraphs[0]!.markProps.fonts.ascii).toBe('Calibri');
    expect(checkLayout(doc).findings).toEqual([]);
  });
});

describe('fonts', () => {
  it('reads the font of a Word file from its theme, and says when a file names no font at all', async () => {
    // the docx package writes no font anywhere unless told: Word shows its own default
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Xin chào')] })] }] }));
    const unnamed = checkDocxLayout(plain).outcomes.find((o) => o.rule === 'font-family')!;
    expect(unnamed).toMatchObject({ status: 'not-evaluated' });
    // the same file with Word's usual default: the theme's body font (Calibri in the docx package's theme)
    const files = unzipSync(plain);
    files['word/styles.xml'] = strToU8(
      new TextDecoder().decode(files['word/styles.xml']).replace('<w:rPrDefault/>', '<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault>'),
    );
    const themed = checkDocxLayout(zipSync(files));
    expect(themed.findings.filter((f) => f.rule === 'font-family').map((f) => f.message)).toEqual(['chữ trình bày bằng phông "Calibri", không phải Times New Roman']);
  });
});

describe('every DOCX our build produces', () => {
  let built: Awaited<ReturnType<typeof build>>['built'];
  beforeAll(async () => {
    built = (await build(['data'], { outDir: 'out/test-check-layout', write: false })).built;
  });

  it('gives no lỗi, and every layout rule evaluates it', () => {
    expect(built.length).toBeGreaterThanOrEqual(4);
    for (const b of built) {
      const r = checkDocxLayout(b.bytes.docx);
      expect({ file: b.stem, findings: brief(r) }).toEqual({ file: b.stem, findings: [] });
      // a rule that does not apply to the kind (no page number on a one-page sample, no place and date in a
      // biên bản) was evaluated; only one that could not be evaluated is open
      const open = r.outcomes.filter((o) => (o.status !== 'checked' || o.reason) && o.status !== 'not-applicable');
      expect({ file: b.stem, open }).toEqual({ file: b.stem, open: [] });
    }
  });

  it('gives no lỗi either when the plan issued with the decision has its own header table, in a second section', async () => {
    const doc = JSON.parse(readFileSync(new URL('../fixtures/model-sample.json', import.meta.url), 'utf8')) as VanbanDocument;
    doc.parts[1]!.header = { issuer: 'BỘ TƯ PHÁP' };
    const r = checkDocxLayout(await writeDocx(doc));
    expect(r.anatomy.doc.sectionInfo).toHaveLength(2);
    expect(r.anatomy.parts.map((p) => [p.docType?.text, p.headerTables.length, p.issuedWith !== undefined])).toEqual([
      ['QUYẾT ĐỊNH', 1, false],
      ['KẾ HOẠCH', 1, true],
    ]);
    expect(brief(r)).toEqual([]);
    expect(r.outcomes.filter((o) => o.status !== 'checked' || o.reason)).toEqual([]);
  });

  it('reads the decision and the plan issued with it as two documents of one file', () => {
    const qd = built.find((b) => b.doc.meta.docType === 'Quyết định')!;
    const parts = checkDocxLayout(qd.bytes.docx).anatomy.parts;
    expect(parts.map((p) => [p.docType?.text, p.issuedWith !== undefined, p.headerTables.length])).toEqual([
      ['QUYẾT ĐỊNH', false, 1],
      ['KẾ HOẠCH', true, 0],
    ]);
  });
});
