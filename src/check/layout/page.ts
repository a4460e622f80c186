// Page setup (Phụ lục I, Phần I, mục I.1–I.3): A4 paper, portrait, margins in their ranges. Read from every
// section of the file (w:sectPr); values and ranges from the style sheet.

import { PAGE } from '../../style/nd30.ts';
import type { Anatomy } from './anatomy.ts';
import { checked, inRange, layoutFinding, mm, notEvaluated, num, twipsToMm, type LayoutFinding, type LayoutRule } from './rule.ts';
import type { DocxSection } from '../docx-read.ts';

/** Paper sizes are written in whole twips and sometimes rounded to a tenth of an inch: 1 mm either way is A4. */
const SIZE_TOLERANCE_MM = 1;
/** Margins typed in centimetres come out to a few hundredths of a millimetre off. */
const MARGIN_TOLERANCE_MM = 0.1;

/** "trang (phần 2 của tệp)" when the file has several sections. */
function where(a: Anatomy, s: DocxSection): string {
  return a.doc.sectionInfo.length > 1 ? `thiết lập trang, phần (section) ${s.index + 1}` : 'thiết lập trang';
}

/** Where a section's findings sort: before everything for the first section, at its first paragraph for a later one. */
function sectionLine(a: Anatomy, s: DocxSection): number {
  return s.index === 0 ? 0 : (a.paras.slice(s.firstParagraph).find((x) => x.number > 0)?.number ?? 0);
}

const PAPER_NAMES: [number, number, string][] = [
  [215.9, 279.4, 'Letter'],
  [215.9, 355.6, 'Legal'],
  [148, 210, 'A5'],
  [297, 420, 'A3'],
  [176, 250, 'B5'],
];

function paperName(short: number, long: number): string {
  const hit = PAPER_NAMES.find(([w, h]) => Math.abs(w - short) <= SIZE_TOLERANCE_MM && Math.abs(h - long) <= SIZE_TOLERANCE_MM);
  return hit ? ` (khổ ${hit[2]})` : '';
}

export const pageSize: LayoutRule = {
  id: 'page-size',
  title: `khổ giấy A4 (${PAGE.widthMm} × ${PAGE.heightMm} mm)`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.1: khổ giấy A4 (210 mm x 297 mm)',
  check(a) {
    const sized = a.doc.sectionInfo.filter((s) => s.pageWidth !== undefined && s.pageHeight !== undefined);
    if (sized.length === 0) return notEvaluated('tệp không ghi khổ giấy (w:pgSz); khổ giấy khi in do máy mở tệp quyết định');
    const out: LayoutFinding[] = [];
    const seen = new Set<string>();
    for (const s of sized) {
      const w = twipsToMm(s.pageWidth!);
      const h = twipsToMm(s.pageHeight!);
      const short = Math.min(w, h);
      const long = Math.max(w, h);
      if (Math.abs(short - PAGE.widthMm) <= SIZE_TOLERANCE_MM && Math.abs(long - PAGE.heightMm) <= SIZE_TOLERANCE_MM) continue;
      const size = `${num(w)} × ${num(h)} mm`;
      if (seen.has(size)) continue;
      seen.add(size);
      out.push(
        layoutFinding(pageSize, 'lỗi', sectionLine(a, s), size, `khổ giấy ${size}${paperName(short, long)}, không phải A4 (${PAGE.widthMm} × ${PAGE.heightMm} mm)`, 'chọn khổ giấy A4 (Bố cục › Kích thước › A4)', where(a, s)),
      );
    }
    const note = sized.length < a.doc.sectionInfo.length ? `${a.doc.sectionInfo.length - sized.length} phần (section) không ghi khổ giấy, không đánh giá được` : undefined;
    return checked(out, note);
  },
};

export const pageOrientation: LayoutRule = {
  id: 'page-orientation',
  title: 'trình bày theo chiều dài của khổ A4',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.2: trình bày theo chiều dài khổ A4; chiều rộng chỉ khi có bảng, biểu không làm thành phụ lục riêng',
  check(a) {
    const sized = a.doc.sectionInfo.filter((s) => (s.pageWidth !== undefined && s.pageHeight !== undefined) || s.orient !== undefined);
    if (sized.length === 0) return notEvaluated('tệp không ghi khổ giấy và hướng trang (w:pgSz)');
    const out: LayoutFinding[] = [];
    for (const s of sized) {
      const landscape = s.pageWidth !== undefined && s.pageHeight !== undefined ? s.pageWidth > s.pageHeight : s.orient === 'landscape';
      if (!landscape) continue;
      // A landscape section is allowed for a table: is there a table of content (not the header or the closing) in it?
      const next = a.doc.sectionInfo[s.index + 1]?.firstParagraph ?? a.paras.length;
      const hasTable = a.paras.slice(s.firstParagraph, next).some((x) => x.p.cell !== undefined && a.tableKind.get(x.p.cell.table) === 'other');
      if (hasTable) continue;
      out.push(
        layoutFinding(pageOrientation, 'cảnh báo', sectionLine(a, s), 'trang nằm ngang', 'trang trình bày theo chiều rộng (nằm ngang) mà không có bảng, biểu', 'chọn hướng trang dọc (Bố cục › Hướng › Dọc); chỉ để nằm ngang phần có bảng, biểu', where(a, s)),
      );
    }
    return checked(out);
  },
};

const SIDES = [
  ['top', 'lề trên'],
  ['bottom', 'lề dưới'],
  ['left', 'lề trái'],
  ['right', 'lề phải'],
] as const;

export const pageMargins: LayoutRule = {
  id: 'page-margins',
  title: 'lề trang trong khoảng quy định',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục I.3: lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm',
  check(a) {
    const withMargins = a.doc.sectionInfo.filter((s) => s.margins !== undefined);
    if (withMargins.length === 0) return notEvaluated('tệp không ghi lề trang (w:pgMar); lề khi in do máy mở tệp quyết định');
    const out: LayoutFinding[] = [];
    const missing = new Set<string>();
    const seen = new Set<string>();
    for (const s of withMargins) {
      const m = s.margins!;
      for (const [side, name] of SIDES) {
        let tw = m[side];
        if (tw === undefined) {
          missing.add(name);
          continue;
        }
        // the gutter (gáy sách) is added to the left margin
        if (side === 'left' && m.gutter) tw += m.gutter;
        const value = twipsToMm(tw);
        const range = PAGE.marginRange[side];
        if (inRange(value, range, MARGIN_TOLERANCE_MM)) continue;
        const key = `${side}:${num(value)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const gutter = side === 'left' && m.gutter ? ` (kể cả ${mm(twipsToMm(m.gutter))} gáy sách)` : '';
        out.push(
          layoutFinding(
            pageMargins,
            'lỗi',
            sectionLine(a, s),
            `${name} ${mm(value)}`,
            `${name} ${mm(value)}${gutter}, ngoài khoảng ${range.min}–${range.max} mm`,
            `đặt ${name} trong khoảng ${range.min}–${range.max} mm (Bố cục › Lề), ví dụ ${PAGE.margin[`${side}Mm`]} mm`,
            where(a, s),
          ),
        );
      }
    }
    const notes: string[] = [];
    if (missing.size) notes.push(`tệp không ghi ${[...missing].join(', ')}`);
    if (withMargins.length < a.doc.sectionInfo.length) notes.push(`${a.doc.sectionInfo.length - withMargins.length} phần (section) không ghi lề`);
    return checked(out, notes.length ? `${notes.join('; ')}: không đánh giá được` : undefined);
  },
};

export const PAGE_RULES = [pageSize, pageOrientation, pageMargins];
