import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Document } from '../../src/model/ast.ts';
import {
  CLOSING_COLUMNS_MM, FONT, HEADER_COLUMNS_MM, MARK_COLOURS, PAGE, ROLE_STYLES, RULES, SIGNATURE_SPACE_PT, SIZES, STYLES,
  type TextStyle,
} from '../../src/style/nd30.ts';
import { MOTTO, NATIONAL_NAME } from '../../src/text/national.ts';
import { styleId, textWidthPt, writeDocx } from '../../src/write/docx.ts';
import { RECIPIENTS_LABEL } from '../../src/text/national.ts';
import {
  child, childrenNamed, descendants, docxParagraphs, docxText, elements, findParagraph, readDocx,
  type DocxDocument, type DocxParagraph, type XmlElement,
} from '../support/docx-text.ts';
import { docxToPdf, hasLibreOffice } from '../support/libreoffice.ts';

// Expected values are derived from the style sheet, never typed in.
const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number): number => pt * 2;
const ptTwips = (pt: number): number => pt * 20;
const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

const SAMPLE_PATH = new URL('../fixtures/model-sample.json', import.meta.url);
const sample = (): Document => JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as Document;

let buf: Buffer;
let docx: DocxDocument;
let paras: DocxParagraph[]; // non-empty body paragraphs
let allParas: DocxParagraph[]; // with the empty rule paragraphs
const p = (text: string | RegExp): DocxParagraph => findParagraph(paras, text);

beforeAll(async () => {
  buf = await writeDocx(sample());
  docx = readDocx(buf);
  allParas = docx.paragraphs;
  paras = allParas.filter((x) => x.text.trim() !== '');
});

/** Asserts a paragraph's effective formatting (style + direct) against a style sheet entry. */
function expectStyled(para: DocxParagraph, s: TextStyle, opts: { upper?: boolean } = {}): void {
  expect(para.props.align, `${para.text}: align`).toBe(JC[s.align]);
  for (const run of para.runs.filter((r) => r.text.trim() !== '')) {
    expect(run.props.size, `${para.text}: size`).toBe(halfPoints(s.size));
    expect(run.props.bold, `${para.text}: bold`).toBe(s.bold ?? false);
    expect(run.props.italic, `${para.text}: italic`).toBe(s.italic ?? false);
    expect(run.props.caps, `${para.text}: caps`).toBe(false);
    expect(run.props.fonts.ascii, `${para.text}: font`).toBe(FONT.docx);
    expect(run.props.fonts.hAnsi, `${para.text}: font`).toBe(FONT.docx);
    expect(run.props.color, `${para.text}: colour`).toBe(FONT.colour);
  }
  if (opts.upper ?? s.upper) expect(para.text).toBe(para.text.toLocaleUpperCase('vi'));
  expect(para.props.spacingBefore ?? 0, `${para.text}: before`).toBe(ptTwips(s.beforePt ?? 0));
  expect(para.props.spacingAfter ?? 0, `${para.text}: after`).toBe(ptTwips(s.afterPt ?? 0));
  expect(para.props.indentFirstLine ?? 0, `${para.text}: first-line indent`).toBe(s.indentFirstMm === undefined ? 0 : twips(s.indentFirstMm));
  expect(para.props.keepNext, `${para.text}: keepNext`).toBe(s.keepWithNext ?? false);
  if (s.lineMultiple !== undefined) {
    expect(para.props.line).toBe(240 * s.lineMultiple);
    expect(para.props.lineRule ?? 'auto').toBe('auto');
  }
}

/** Length of a rule paragraph's border (its box width minus the indents), in points. */
function ruleLengthPt(rule: DocxParagraph, boxMm: number): number {
  return (twips(boxMm) - (rule.props.indentLeft ?? 0) - (rule.props.indentRight ?? 0)) / 20;
}

/** The empty paragraph right after a given one, which carries the rule under it. */
function ruleAfter(para: DocxParagraph): DocxParagraph {
  const next = allParas[allParas.indexOf(para) + 1];
  if (!next) throw new Error(`nothing after ${para.text}`);
  expect(next.text).toBe('');
  return next;
}

function gridWidths(tbl: XmlElement): number[] {
  return childrenNamed(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
}

function expectBorderless(tbl: XmlElement): void {
  const borders = child(child(tbl, 'w:tblPr'), 'w:tblBorders');
  expect(borders).toBeDefined();
  const sides = elements(borders);
  expect(sides.map((s) => s.name).sort()).toEqual(['w:bottom', 'w:insideH', 'w:insideV', 'w:left', 'w:right', 'w:top'].sort());
  for (const side of sides) expect(['none', 'nil']).toContain(side.attrs['w:val']);
  for (const tc of descendants(tbl, 'w:tc')) {
    for (const side of elements(child(child(tc, 'w:tcPr'), 'w:tcBorders'))) expect(['none', 'nil']).toContain(side.attrs['w:val']);
  }
}

describe('page setup and defaults', () => {
  it('is A4 portrait with the style sheet margins and header distance', () => {
    const pgSz = child(docx.sectPr, 'w:pgSz')!;
    expect(Number(pgSz.attrs['w:w'])).toBe(twips(PAGE.widthMm));
    expect(Number(pgSz.attrs['w:h'])).toBe(twips(PAGE.heightMm));
    expect([Number(pgSz.attrs['w:w']), Number(pgSz.attrs['w:h'])]).toEqual([11906, 16838]); // A4, as Word writes it
    expect(pgSz.attrs['w:orient'] ?? 'portrait').toBe('portrait');
    const pgMar = child(docx.sectPr, 'w:pgMar')!;
    expect(Number(pgMar.attrs['w:top'])).toBe(twips(PAGE.margin.topMm));
    expect(Number(pgMar.attrs['w:bottom'])).toBe(twips(PAGE.margin.bottomMm));
    expect(Number(pgMar.attrs['w:left'])).toBe(twips(PAGE.margin.leftMm));
    expect(Number(pgMar.attrs['w:right'])).toBe(twips(PAGE.margin.rightMm));
    expect(Number(pgMar.attrs['w:header'])).toBe(twips(PAGE.headerDistanceMm));
  });

  it('sets the document defaults: Times New Roman, body size, black, vi-VN', () => {
    const rPr = docx.styles.rPrDefault!;
    const fonts = child(rPr, 'w:rFonts')!;
    for (const k of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(fonts.attrs[k]).toBe(FONT.docx);
    expect(Number(child(rPr, 'w:sz')!.attrs['w:val'])).toBe(halfPoints(SIZES.body));
    expect(child(rPr, 'w:color')!.attrs['w:val']).toBe(FONT.colour);
    expect(child(rPr, 'w:lang')!.attrs['w:val']).toBe('vi-VN');
  });

  it('writes every run in Times New Roman, black, without Word caps or direct sizes', () => {
    const runs = allParas.flatMap((x) => x.runs);
    expect(runs.length).toBeGreaterThan(30);
    for (const r of runs) {
      expect(r.props.fonts.ascii).toBe(FONT.docx);
      expect(r.props.color).toBe(FONT.colour);
      expect(r.props.caps || r.props.smallCaps).toBe(false);
      expect(child(r.rPr, 'w:sz')).toBeUndefined(); // sizes come from the named styles
    }
    expect(docx.pkg.text('word/document.xml')).not.toMatch(/<w:caps\b/u);
  });
});

describe('named paragraph styles', () => {
  it('defines one style per style-sheet entry and role, matching its formatting', () => {
    const keys = [...Object.keys(STYLES), ...Object.keys(ROLE_STYLES)] as Array<Parameters<typeof styleId>[0]>;
    for (const key of keys) {
      const def = docx.styles.styles.get(styleId(key));
      expect(def, styleId(key)).toBeDefined();
      expect(def!.type).toBe('paragraph');
      const s: TextStyle = key in STYLES ? STYLES[key as keyof typeof STYLES] : ROLE_STYLES[key as keyof typeof ROLE_STYLES];
      expect(Number(child(def!.rPr, 'w:sz')!.attrs['w:val'])).toBe(halfPoints(s.size));
      expect(child(def!.pPr, 'w:jc')!.attrs['w:val']).toBe(JC[s.align]);
    }
  });

  it('gives the elements their styles', () => {
    expect(p(NATIONAL_NAME).props.styleId).toBe('VbNationalName');
    expect(p(MOTTO).props.styleId).toBe('VbMotto');
    expect(p('BỘ TƯ PHÁP').props.styleId).toBe('VbIssuer');
    expect(p(/^Căn cứ/u).props.styleId).toBe('VbBasis');
    expect(p(/^Điều 1\./u).props.styleId).toBe('VbArticle');
    expect(p(/^I\. /u).props.styleId).toBe('VbPart');
    expect(p(/^1\. Mục đích/u).props.styleId).toBe('VbSection');
    expect(p(/^1\.2\. Cá nhân/u).props.styleId).toBe('VbSubsection');
    expect(p(/^Phát huy truyền thống/u).props.styleId).toBe('VbBody');
    expect(p(RECIPIENTS_LABEL).props.styleId).toBe('VbRecipientsLabel');
    expect(p('Nguyễn Thanh Tịnh').props.styleId).toBe('VbSignerName');
  });
});

describe('header (ô 1–4)', () => {
  it('is a borderless 2 × 2 table with the style sheet column widths', () => {
    const tbl = docx.tables[0]!;
    expect(gridWidths(tbl)).toEqual([twips(HEADER_COLUMNS_MM.left), twips(HEADER_COLUMNS_MM.right)]);
    expect(childrenNamed(tbl, 'w:tr')).toHaveLength(2);
    expectBorderless(tbl);
    expect(p('BỘ TƯ PHÁP').cell).toMatchObject({ table: 0, row: 0, col: 0 });
    expect(p(NATIONAL_NAME).cell).toMatchObject({ table: 0, row: 0, col: 1 });
    expect(p(MOTTO).cell).toMatchObject({ table: 0, row: 0, col: 1 });
    expect(p('Số: 244/QĐ-BTP').cell).toMatchObject({ table: 0, row: 1, col: 0 });
    expect(p('Hà Nội, ngày 29 tháng 02 năm 2024').cell).toMatchObject({ table: 0, row: 1, col: 1 });
  });

  it('formats Quốc hiệu, Tiêu ngữ, issuer, số and date', () => {
    expectStyled(p(NATIONAL_NAME), STYLES.nationalName);
    expect(p(NATIONAL_NAME).text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expectStyled(p(MOTTO), STYLES.motto);
    expect(p(MOTTO).text).toBe('Độc lập - Tự do - Hạnh phúc');
    expectStyled(p('BỘ TƯ PHÁP'), STYLES.issuer);
    expectStyled(p('Số: 244/QĐ-BTP'), STYLES.number);
    expectStyled(p('Hà Nội, ngày 29 tháng 02 năm 2024'), STYLES.placeDate);
  });

  it('draws a rule as long as the Tiêu ngữ and a shorter one under the issuer', () => {
    const mottoRule = ruleAfter(p(MOTTO));
    const issuerRule = ruleAfter(p('BỘ TƯ PHÁP'));
    for (const rule of [mottoRule, issuerRule]) {
      expect(rule.props.borders.bottom).toMatchObject({ val: 'single', sz: RULES.thicknessPt * 8, color: FONT.colour });
      expect(rule.props.indentLeft).toBe(rule.props.indentRight); // centred
    }
    const mottoPt = ruleLengthPt(mottoRule, HEADER_COLUMNS_MM.right);
    const issuerPt = ruleLengthPt(issuerRule, HEADER_COLUMNS_MM.left);
    expect(mottoPt).toBeCloseTo(RULES.underMotto * textWidthPt(MOTTO, STYLES.motto), 0);
    expect(issuerPt).toBeCloseTo(RULES.underIssuer * textWidthPt('BỘ TƯ PHÁP', STYLES.issuer), 0);
    // the estimate is honest: LibreOffice renders this Tiêu ngữ (Liberation Serif Bold 14 pt) 171 pt wide
    expect(textWidthPt(MOTTO, STYLES.motto)).toBeGreaterThan(165);
    expect(textWidthPt(MOTTO, STYLES.motto)).toBeLessThan(177);
  });

  it('puts the governing body above the issuer, regular, when there is one', async () => {
    const doc = sample();
    doc.parts[0]!.header!.parent = 'UBND TỈNH AN GIANG';
    const ps = await docxParagraphs(await writeDocx(doc));
    const texts = ps.map((x) => x.text);
    expect(texts.indexOf('UBND TỈNH AN GIANG')).toBe(texts.indexOf('BỘ TƯ PHÁP') - 1);
    expectStyled(findParagraph(ps, 'UBND TỈNH AN GIANG'), STYLES.parentBody);
  });

  it('wraps a long issuer name and sizes its rule from the widest line', async () => {
    const doc = sample();
    const issuer = 'CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC';
    doc.parts[0]!.header!.issuer = issuer;
    const d = readDocx(await writeDocx(doc));
    const i = d.paragraphs.findIndex((x) => x.text === issuer);
    const rule = d.paragraphs[i + 1]!;
    const len = ruleLengthPt(rule, HEADER_COLUMNS_MM.left);
    const boxPt = (HEADER_COLUMNS_MM.left * 72) / 25.4;
    expect(textWidthPt(issuer, STYLES.issuer)).toBeGreaterThan(boxPt); // it does wrap
    expect(len).toBeLessThanOrEqual(RULES.underIssuer * boxPt);
    expect(len).toBeGreaterThan(RULES.underIssuer * boxPt * 0.5);
  });
});

describe('boxed marks (ô 10a, 10b, 11)', () => {
  it('prints the độ khẩn mark in red, its text and its box; the độ mật mark and the others in black', async () => {
    const doc = sample();
    doc.parts[0]!.header!.marks = [
      { box: 'secrecy', text: 'MẬT' },
      { box: 'urgency', text: 'HỎA TỐC', widthMm: 30 },
      { box: 'circulation', text: 'LƯU HÀNH NỘI BỘ' },
    ];
    const ps = await docxParagraphs(await writeDocx(doc));
    const mark = (text: string) => findParagraph(ps, text);
    const urgency = mark('HỎA TỐC');
    expect(urgency.props.styleId).toBe(styleId('mark'));
    for (const side of ['top', 'bottom', 'left', 'right'] as const) expect(urgency.props.borders[side]?.color, side).toBe(MARK_COLOURS.urgency);
    expect(urgency.runs.filter((r) => r.text.trim() !== '').map((r) => r.props.color)).toEqual([MARK_COLOURS.urgency]);
    for (const black of [mark('MẬT'), mark('LƯU HÀNH NỘI BỘ')]) {
      for (const side of ['top', 'bottom', 'left', 'right'] as const) expect(black.props.borders[side]?.color, `${black.text} ${side}`).toBe(FONT.colour);
      for (const r of black.runs) expect(r.props.color).toBe(FONT.colour);
    }
  });
});

describe('title, căn cứ and body', () => {
  it('formats tên loại and trích yếu, with a short centred rule under the trích yếu', () => {
    expectStyled(p('QUYẾT ĐỊNH'), STYLES.docType);
    const subject = p(/^Ban hành Kế hoạch phát động/u);
    expectStyled(subject, STYLES.subject);
    const rule = ruleAfter(subject);
    expect(rule.props.borders.bottom?.val).toBe('single');
    expect(rule.props.indentLeft).toBe(rule.props.indentRight);
    const len = ruleLengthPt(rule, PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm);
    const textPt = ((PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm) * 72) / 25.4; // the trích yếu fills a line
    expect(len / textPt).toBeGreaterThan(RULES.underSubject * 0.85);
    expect(len / textPt).toBeLessThanOrEqual(RULES.underSubject);
  });

  it('formats the authority, the italic căn cứ and "QUYẾT ĐỊNH:"', () => {
    expectStyled(p('BỘ TRƯỞNG BỘ TƯ PHÁP'), STYLES.authority);
    expectStyled(p(/^Căn cứ Luật Thi đua/u), STYLES.basis);
    expectStyled(p(/^Theo đề nghị/u), STYLES.basis);
    expectStyled(p('QUYẾT ĐỊNH:'), STYLES.enacting);
  });

  it('justifies body paragraphs with the first-line indent', () => {
    const plain = p(/^Phát huy truyền thống/u);
    expectStyled(plain, STYLES.body);
    expect(plain.props.align).toBe('both');
    expect(plain.props.indentFirstLine).toBe(twips(STYLES.body.indentFirstMm));
  });

  it('writes an article as one paragraph with only "Điều 1." bold', () => {
    const art = p(/^Điều 1\./u);
    expect(art.text).toBe('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm với chủ đề “Kỷ cương, trách nhiệm”.');
    expect(art.props.align).toBe('both');
    expect(art.props.indentFirstLine).toBe(twips(ROLE_STYLES.article.indentFirstMm!));
    expect(art.runs[0]!.text.trim()).toBe('Điều 1.');
    expect(art.runs[0]!.props.bold).toBe(true);
    for (const r of art.runs.slice(1)) expect(r.props.bold).toBe(false);
  });

  it('formats headings and items by role, keeping inline emphasis and reference text', () => {
    expectStyled(p('I. MỤC ĐÍCH, YÊU CẦU'), ROLE_STYLES.part);
    expectStyled(p('1. Mục đích'), ROLE_STYLES.section);
    expectStyled(p('1.2. Cá nhân'), ROLE_STYLES.subsection);
    expectStyled(p(/^1\.1\. Phát huy/u), ROLE_STYLES.clause);
    expectStyled(p('a) Điểm thử nghiệm;'), ROLE_STYLES.point);
    expectStyled(p('+ Ý thử nghiệm, kết thúc./.'), ROLE_STYLES.plus);
    const dash = p(/^- Tiếp tục/u);
    expect(dash.text).toBe('- Tiếp tục triển khai có hiệu quả Luật sửa đổi, bổ sung một số điều;');
    expect(dash.runs.find((r) => r.text === 'một số điều')?.props.bold).toBe(true);
    expect(dash.runs.find((r) => r.text.startsWith('Tiếp tục'))?.props.bold).toBe(false);
    expect(p(/^Công chức/u).text).toBe('Công chức, viên chức, người lao động thuộc Sở Tư pháp, theo quy định tại tiểu mục 1.2 phần I của Kế hoạch này.');
  });

  it('starts the attached part on a new page, with the rule under "(Ban hành kèm theo …)"', () => {
    const plan = p('KẾ HOẠCH');
    expect(plan.props.pageBreakBefore).toBe(true);
    expect(allParas.filter((x) => x.props.pageBreakBefore).map((x) => x.text)).toEqual(['KẾ HOẠCH']);
    const issued = p(/^\(Ban hành kèm theo/u);
    expectStyled(issued, STYLES.issuedWith);
    expect(ruleAfter(issued).props.borders.bottom?.val).toBe('single');
    expect(allParas[allParas.indexOf(p('Phát động phong trào thi đua thử nghiệm năm 2024')) + 1]!.text).not.toBe('');
  });

  it('starts a later part that opens with its header table in a new section, numbers running on', async () => {
    const doc = sample();
    doc.parts[1]!.header = { issuer: 'BỘ TƯ PHÁP' };
    const d = readDocx(await writeDocx(doc));
    expect(d.paragraphs.filter((x) => x.props.pageBreakBefore)).toEqual([]);
    expect(d.sections).toHaveLength(2);
    const [first, second] = d.sections as [XmlElement, XmlElement];
    expect(child(first, 'w:titlePg')).toBeDefined();
    expect(child(second, 'w:type')?.attrs['w:val']).toBe('nextPage');
    expect(child(second, 'w:titlePg')).toBeUndefined(); // its first page is numbered
    expect(child(second, 'w:pgNumType')?.attrs['w:start']).toBeUndefined(); // numbering runs on
    expect(child(second, 'w:headerReference')?.attrs['w:type']).toBe('default');
    // a paragraph (the one ending section 1) keeps the closing table and the next header table apart
    const body = child(d.document, 'w:body')!;
    const blocks = elements(body).map((e) => e.name);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i] === 'w:tbl' && blocks[i - 1] === 'w:tbl').toBe(false);
    expect(d.tables).toHaveLength(3);
    expect(childrenNamed(d.tables[2], 'w:tr')).toHaveLength(1); // no số, no date: no second row
    expect(d.paragraphs.filter((x) => x.text === 'BỘ TƯ PHÁP').map((x) => x.cell?.table)).toEqual([0, 2]);
  });
});

describe('closing (ô 7, 9b)', () => {
  it('is a borderless 1 × 2 table with the style sheet column widths', () => {
    const tbl = docx.tables[1]!;
    expect(gridWidths(tbl)).toEqual([twips(CLOSING_COLUMNS_MM.left), twips(CLOSING_COLUMNS_MM.right)]);
    expect(childrenNamed(tbl, 'w:tr')).toHaveLength(1);
    expectBorderless(tbl);
  });

  it('is never split across pages, and keeps the end of the text with it', () => {
    const row = childrenNamed(docx.tables[1], 'w:tr')[0]!;
    const cantSplit = child(child(row, 'w:trPr'), 'w:cantSplit');
    expect(cantSplit).toBeDefined();
    expect(cantSplit!.attrs['w:val'] ?? 'true').not.toMatch(/^(0|false)$/u);
    expect(p(/^Điều 2\./u).props.keepNext).toBe(true);
    expect(p(/^Điều 1\./u).props.keepNext).toBe(false);
    expect(p('+ Ý thử nghiệm, kết thúc./.').props.keepNext).toBe(false); // the plan has no closing
  });

  it('formats Nơi nhận and its items', () => {
    const label = p(RECIPIENTS_LABEL);
    expect(label.text).toBe('Nơi nhận:');
    expectStyled(label, STYLES.recipientsLabel);
    expect(label.runs[0]!.props.bold && label.runs[0]!.props.italic).toBe(true);
    for (const r of ['- Như Điều 3 (để thực hiện);', '- Bộ trưởng (để báo cáo);', '- Lưu: VT, Vụ TCCB.']) {
      expectStyled(p(r), STYLES.recipient);
      expect(p(r).cell).toMatchObject({ table: 1, col: 0 });
    }
  });

  it('formats the signature block with room for the signature, the label level with its first line', () => {
    for (const line of ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']) {
      expectStyled(p(line), STYLES.signatureLine);
      expect(p(line).props.contextualSpacing).toBe(true); // the space before is the block's, not between its lines
      expect(p(line).cell).toMatchObject({ table: 1, row: 0, col: 1 });
    }
    const name = p('Nguyễn Thanh Tịnh');
    const room = ((STYLES.signerName as TextStyle).beforePt ?? 0) + SIGNATURE_SPACE_PT;
    expectStyled(name, { ...STYLES.signerName, beforePt: room });
    expect(name.props.spacingBefore).toBe(ptTwips(room));
    // level: both open their cell, with the same space before
    const label = p(RECIPIENTS_LABEL);
    const first = p('KT. BỘ TRƯỞNG');
    const cellOf = (x: DocxParagraph) => allParas.filter((y) => y.cell && x.cell && y.cell.table === x.cell.table && y.cell.row === x.cell.row && y.cell.col === x.cell.col);
    expect(cellOf(label)[0]).toBe(label);
    expect(cellOf(first)[0]).toBe(first);
    expect(label.cell!.row).toBe(first.cell!.row);
    expect(label.props.spacingBefore).toBe(first.props.spacingBefore);
  });
});

describe('page numbers', () => {
  it('has a title page whose header has no number, and a PAGE field centred in the default header', () => {
    expect(docx.sections).toHaveLength(1);
    expect(child(docx.sectPr, 'w:titlePg')).toBeDefined();
    expect(child(docx.sectPr, 'w:pgNumType')?.attrs['w:start']).toBe('1');
    const def = docx.headers.find((h) => h.type === 'default')!;
    const first = docx.headers.find((h) => h.type === 'first')!;
    expect(def).toBeDefined();
    expect(first).toBeDefined();
    const numberPara = def.paragraphs.find((x) => x.hasField('PAGE'))!;
    expect(numberPara).toBeDefined();
    expect(numberPara.props.align).toBe('center');
    expect(numberPara.runs.every((r) => r.props.size === halfPoints(STYLES.pageNumber.size))).toBe(true);
    expect(first.paragraphs.some((x) => x.hasField('PAGE'))).toBe(false);
    expect(first.paragraphs.map((x) => x.text).join('').trim()).toBe('');
  });
});

describe('docxText', () => {
  it('reads the paragraphs in reading order', async () => {
    const text = await docxText(buf);
    expect(text.slice(0, 6)).toEqual([
      'BỘ TƯ PHÁP', NATIONAL_NAME, MOTTO, 'Số: 244/QĐ-BTP', 'Hà Nội, ngày 29 tháng 02 năm 2024', 'QUYẾT ĐỊNH',
    ]);
    const from = text.indexOf('Nơi nhận:');
    expect(text.slice(from, from + 8)).toEqual([
      'Nơi nhận:', '- Như Điều 3 (để thực hiện);', '- Bộ trưởng (để báo cáo);', '- Lưu: VT, Vụ TCCB.',
      'KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Nguyễn Thanh Tịnh', 'KẾ HOẠCH',
    ]);
    expect(text.at(-1)).toBe('+ Ý thử nghiệm, kết thúc./.');
    expect(text).toHaveLength(32);
    expect(text.every((t) => t.trim() !== '')).toBe(true);
    expect((await docxText(buf, { keepEmpty: true })).length).toBeGreaterThan(text.length);
  });

  it('handles tabs, breaks, nested tables, fields, hyperlinks, deleted text and entities', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
      '<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t xml:space="preserve">C &amp; D</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>r1c1</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>' +
      '<w:tc><w:p><w:r><w:t>r1c2</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:p><w:r><w:t>r2c1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>' +
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>&#x1EA0;&#7840;</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      '<w:sectPr/></w:body></w:document>';
    const zipped = Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) }));
    expect(await docxText(zipped)).toEqual(['A B C & D', 'r1c1', 'inner', 'r1c2', 'r2c1', '7link', 'ẠẠ']);
    const ps = await docxParagraphs(zipped);
    expect(ps[5]!.hasField('PAGE')).toBe(true);
    expect(ps[2]!.cell).toMatchObject({ table: 0, depth: 2 });
    expect(ps[4]!.cell).toMatchObject({ table: 0, row: 1, col: 0, depth: 1 });
  });
});

describe('text and determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes text through unchanged (no normalization, no case change)', async () => {
    const doc = sample();
    const nfd = 'Điều chỉnh'.normalize('NFD'); // decomposed on purpose: the writer must not re-normalize
    doc.parts[1]!.body.push({ type: 'paragraph', content: [{ type: 'text', text: `${nfd} x` }] });
    const text = await docxText(await writeDocx(doc));
    expect(text).toContain(`${nfd} x`);
    expect(text).not.toContain(`${nfd.normalize('NFC')} x`);
  });

  it('gives byte-identical files across runs, clocks and time zones', async () => {
    const tz = process.env.TZ;
    try {
      vi.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z'), toFake: ['Date'] });
      process.env.TZ = 'America/Los_Angeles';
      const a = await writeDocx(sample());
      vi.setSystemTime(new Date('2098-12-31T23:59:59Z')); // a zip dated from the clock would differ here
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const b = await writeDocx(sample());
      vi.useRealTimers();
      process.env.TZ = 'UTC';
      const c = await writeDocx(sample());
      expect(Buffer.compare(a, b)).toBe(0);
      expect(Buffer.compare(a, c)).toBe(0);
      expect(Buffer.compare(a, buf)).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('dates and describes the package from the document', async () => {
    expect(docx.core['created']).toBe('2024-02-29T00:00:00Z');
    expect(docx.core['modified']).toBe('2024-02-29T00:00:00Z');
    expect(docx.core['title']).toBe('Quyết định Ban hành Kế hoạch thử nghiệm');
    expect(docx.core['subject']).toBe('Ban hành Kế hoạch thử nghiệm');
    expect(docx.core['creator']).toBe('Bộ Tư pháp');
    expect(docx.core['lastModifiedBy']).toBe('Bộ Tư pháp');
    expect(docx.core['language']).toBe('vi-VN');
    const draft = sample();
    draft.meta.date = null;
    draft.meta.created = '2024-01-01T00:00:00Z'; // what compose gives an undated draft of 2024
    expect(readDocx(await writeDocx(draft)).core['created']).toBe('2024-01-01T00:00:00Z');
  });

  it('zips the parts in a fixed order, [Content_Types].xml first, all with the same timestamp', () => {
    const names = Object.keys(unzipSync(buf));
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    // the DOS date of every local header: 2024-02-29 00:00:00
    const dosDate = ((2024 - 1980) << 9) | (2 << 5) | 29;
    let count = 0;
    for (let i = buf.indexOf('PK\x03\x04'); i >= 0; i = buf.indexOf('PK\x03\x04', i + 4)) {
      expect(buf.readUInt16LE(i + 10)).toBe(0);
      expect(buf.readUInt16LE(i + 12)).toBe(dosDate);
      count++;
    }
    expect(count).toBe(names.length);
  });
});

describe('LibreOffice', () => {
  const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
  const available = hasLibreOffice();
  if (!available && !required) console.warn('LibreOffice test skipped: soffice is not on the PATH (set VANBAN_REQUIRE_TOOLS=1 to make this a failure)');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vanban-docx-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!available && !required)('opens the DOCX and renders it: page 1 without a number, the plan on page 2', async () => {
    if (!available) throw new Error('VANBAN_REQUIRE_TOOLS=1 but LibreOffice (soffice) is not installed');
    const file = join(dir, 'sample.docx');
    writeFileSync(file, buf);
    const pdfPath = await docxToPdf(file, dir);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loaded = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(loaded.numPages).toBeGreaterThanOrEqual(2);
    const pageText = async (n: number): Promise<string[]> => {
      const content = await (await loaded.getPage(n)).getTextContent();
      return content.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s.trim() !== '');
    };
    const one = (await pageText(1)).join(' ');
    const two = await pageText(2);
    expect(one).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(one).toContain('Nguyễn Thanh Tịnh');
    expect(one).not.toContain('KẾ HOẠCH');
    expect(two[0]).toBe('2'); // the page number comes first, in the header
    expect(two.join(' ')).toContain('KẾ HOẠCH');
    await loaded.destroy();
  }, 180_000);
});
