// The Phụ lục I style sheet (Nghị định 30/2020/NĐ-CP): the single source of layout numbers.
// Writers and the checker read these values; no other module may hard-code a size or a margin.
// Sizes are in points, lengths in millimetres. Where the decree gives a range, `range` holds it
// (the checker's bounds) and the chosen value sits beside it.

import type { Role } from '../model/ast.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  upper?: boolean; // the decree requires capitals; the compose transform upper-cases the text
  align: 'left' | 'center' | 'right' | 'justify';
  indentFirstMm?: number;
  indentLeftMm?: number;
  beforePt?: number;
  afterPt?: number;
  lineMultiple?: number; // line spacing as a multiple of single spacing
  keepWithNext?: boolean;
  keepLines?: boolean; // never split over two pages (titles, headings)
}

export interface Range {
  min: number;
  max: number;
}

export const FONT = {
  docx: 'Times New Roman', // named in the DOCX; every Office and LibreOffice install resolves it
  pdf: 'LiberationSerif', // embedded in the PDF: metric-compatible with Times New Roman, OFL
  files: {
    regular: 'LiberationSerif-Regular.ttf',
    bold: 'LiberationSerif-Bold.ttf',
    italic: 'LiberationSerif-Italic.ttf',
    boldItalic: 'LiberationSerif-BoldItalic.ttf',
  },
  colour: '000000',
} as const;

/** A4 portrait and its margins (Phụ lục I, I.3–I.5). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
  marginRange: {
    top: { min: 20, max: 25 },
    bottom: { min: 20, max: 25 },
    left: { min: 30, max: 35 },
    right: { min: 15, max: 20 },
  },
  headerDistanceMm: 10, // where the page number sits in the top margin
} as const;

/** Width of the text area. */
export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm;

/** The header table: left column for the issuer and số, right for Quốc hiệu and date (sample: 67 + 100 mm). */
export const HEADER_COLUMNS_MM = { left: 65, right: TEXT_WIDTH_MM - 65 } as const;
/** The closing table: Nơi nhận on the left, signature on the right. */
export const CLOSING_COLUMNS_MM = { left: 80, right: TEXT_WIDTH_MM - 80 } as const;

/** The chosen type sizes; every style below refers to one of these. */
export const SIZES = {
  body: 14, // body, tên loại, trích yếu, signature (13–14)
  header: 13, // Quốc hiệu, cơ quan, số (12–13; số 13)
  recipientsLabel: 12, // "Nơi nhận:" (12)
  recipients: 11, // Nơi nhận items (11)
  footnote: 12, // chú thích at the foot of the page (the decree sets no size; 12 as the Nơi nhận label)
  table: 13, // text in a table of the body (one size below the body, as tables of the sector's plans are set)
  addressStrip: 11, // ô 13: address, telephone, e-mail (11–12)
} as const;
const BODY_SPACING = { beforePt: 6, afterPt: 0, lineMultiple: 1 } as const;

/** Decree ranges, checked by `vanban check` and by the tests. */
export const RANGES = {
  bodySize: { min: 13, max: 14 },
  nationalName: { min: 12, max: 13 },
  motto: { min: 13, max: 14 },
  issuer: { min: 12, max: 13 },
  placeDate: { min: 13, max: 14 },
  docType: { min: 13, max: 14 },
  subjectLine: { min: 12, max: 13 }, // a công văn's "V/v …" (ô 5b)
  pageNumber: { min: 13, max: 14 },
  indentFirstMm: [10, 12.7],
  paragraphSpacingMinPt: 6,
  lineMultiple: { min: 1, max: 1.5 },
} as const satisfies Record<string, Range | readonly number[] | number>;

/** Every element's style, by name. */
export const STYLES = {
  // ô 1: Quốc hiệu and Tiêu ngữ, with a line as long as the Tiêu ngữ under it
  nationalName: { size: SIZES.header, bold: true, upper: true, align: 'center' },
  motto: { size: SIZES.body, bold: true, align: 'center' },
  // ô 2: governing body (regular) and issuer (bold), a short line under the issuer
  parentBody: { size: SIZES.header, upper: true, align: 'center' },
  issuer: { size: SIZES.header, bold: true, upper: true, align: 'center' },
  // ô 3 and ô 4
  number: { size: SIZES.header, align: 'center', beforePt: 6 },
  placeDate: { size: SIZES.body, italic: true, align: 'center', beforePt: 6 },
  // ô 5a
  docType: { size: SIZES.body, bold: true, upper: true, align: 'center', beforePt: 18, keepWithNext: true, keepLines: true },
  subject: { size: SIZES.body, bold: true, align: 'center', keepWithNext: true, keepLines: true },
  issuedWith: { size: SIZES.body, italic: true, align: 'center', keepWithNext: true, keepLines: true },
  authority: { size: SIZES.body, bold: true, upper: true, align: 'center', beforePt: 12, afterPt: 6, keepWithNext: true, keepLines: true },
  basis: { size: SIZES.body, italic: true, align: 'justify', indentFirstMm: 10, ...BODY_SPACING },
  enacting: { size: SIZES.body, bold: true, align: 'center', beforePt: 12, afterPt: 6, keepWithNext: true, keepLines: true },
  // ô 6: body
  body: { size: SIZES.body, align: 'justify', indentFirstMm: 10, ...BODY_SPACING },
  // ô 5b: a công văn's "V/v …" under its số, 6 pt below it, upright, not bold (12–13)
  subjectLine: { size: SIZES.header, align: 'center', beforePt: 6 },
  // ô 9a: "Kính gửi:" (Mẫu 1.5: the line indented 3.5 cm, several recipients as a list at 4.5 cm)
  addresseeLabel: { size: SIZES.body, align: 'left', indentFirstMm: 35, beforePt: 12, keepWithNext: true },
  addressee: { size: SIZES.body, align: 'left', indentLeftMm: 45, keepWithNext: true },
  // ô 10a, 10b, 11 and the draft mark: capitals, bold, centred in a single-line box (13–14)
  mark: { size: SIZES.header, bold: true, upper: true, align: 'center', beforePt: 6 },
  // a quy chế's "Chương I" / "Mục 1" title, on the line under its label, in capitals
  headingTitle: { size: SIZES.body, bold: true, upper: true, align: 'center', keepWithNext: true, keepLines: true },
  // ô 13: the address strip at the foot of page 1, under a rule across the text width
  addressStrip: { size: SIZES.addressStrip, align: 'center' },
  // ô 9b and ô 7
  recipientsLabel: { size: SIZES.recipientsLabel, bold: true, italic: true, align: 'left', beforePt: 12 },
  recipient: { size: SIZES.recipients, align: 'left' },
  signatureLine: { size: SIZES.body, bold: true, upper: true, align: 'center', beforePt: 12 },
  signerName: { size: SIZES.body, bold: true, align: 'center' },
  pageNumber: { size: SIZES.body, align: 'center' },
  // chú thích: the note text at the foot of the page, single spaced, justified
  footnote: { size: SIZES.footnote, align: 'justify' },
  // tables of the body: the header row bold and centred, cells as their column is aligned
  tableHeader: { size: SIZES.table, bold: true, align: 'center' },
  tableCell: { size: SIZES.table, align: 'left' },
} as const satisfies Record<string, TextStyle>;

export type StyleName = keyof typeof STYLES;

/** Body roles: label and title formatting (Phụ lục I, II.6 and Mục V row 6). */
/** labelLine: the label ("Chương I") is a line of its own, the title under it in STYLES.headingTitle. */
export const ROLE_STYLES: Record<Role, TextStyle & { labelBold?: boolean; labelLine?: boolean }> = {
  part: { ...STYLES.body, bold: true, upper: true, keepWithNext: true, keepLines: true },
  section: { ...STYLES.body, bold: true, keepWithNext: true, keepLines: true },
  subsection: { ...STYLES.body, bold: true, italic: true, keepWithNext: true, keepLines: true },
  article: { ...STYLES.body, labelBold: true },
  chapter: { ...STYLES.body, bold: true, upper: true, align: 'center', indentFirstMm: 0, beforePt: 12, keepWithNext: true, keepLines: true, labelLine: true },
  division: { ...STYLES.body, bold: true, upper: true, align: 'center', indentFirstMm: 0, keepWithNext: true, keepLines: true, labelLine: true },
  titledArticle: { ...STYLES.body, bold: true, keepWithNext: true, keepLines: true },
  clause: { ...STYLES.body },
  point: { ...STYLES.body },
  dash: { ...STYLES.body },
  plus: { ...STYLES.body },
};

/** Lines drawn under header elements, as fractions of their text width (Phụ lục I, II.1, II.2, II.5). */
export const RULES = {
  underMotto: 1, // as long as the Tiêu ngữ
  underIssuer: 0.4, // 1/3–1/2 of the issuer name
  underSubject: 0.4, // 1/3–1/2 of the trích yếu
  underIssuedWith: 0.4,
  thicknessPt: 0.75,
  gapPt: 3, // clearance between a text's line box and its rule, so it never reads as an underline
} as const;

/**
 * Footnotes: the reference mark is superscript (LibreOffice's automatic superscript: 58 % of the size,
 * its top at the top of the full-size letters), the notes sit at the foot of the page under a short
 * rule a quarter of the text width.
 */
export const FOOTNOTES = {
  markScale: 0.58,
  separatorFraction: 0.25,
  separatorThicknessPt: 0.5,
  gapAbovePt: 2.85, // between the last body line and the rule (LibreOffice's 0.1 cm)
  gapBelowPt: 2.85, // between the rule and the first note
} as const;

/**
 * Tables of the body: single black borders, Word's default cell margins. A table has no spacing of its
 * own (a DOCX table cannot state one): the paragraph after it keeps its space before.
 */
export const TABLES = {
  borderPt: 0.5,
  cellMarginMm: 1.9, // left and right, inside each cell (Word's and LibreOffice's default 0.19 cm)
} as const;

/**
 * LibreOffice puts an empty paragraph (a line of body text) before a DOCX that starts with a table when
 * the file has footnotes (seen in its ODT conversion). A paragraph this tall, stated in the DOCX and laid
 * out alike, keeps it from doing so.
 */
export const LEADING_SPACER_PT = 1;

/**
 * Boxed marks (Phụ lục I, III.2): single black border (the stamps themselves are red ink, stamped on
 * paper), text padded so that a one-line box is about the stamps' 8 mm high; the độ khẩn stamps have
 * the decree's widths. A box without a fixed width fits its text.
 */
export const MARKS = {
  borderPt: 0.5,
  paddingPt: 3, // between the text and the border, above and below (DOCX takes whole points)
  sidePaddingMm: 3, // left and right, in a box that fits its text
  urgencyWidthMm: { 'HỎA TỐC': 30, 'THƯỢNG KHẨN': 40, 'KHẨN': 20 } as Record<string, number>,
} as const;

/** ô 13: the rule above the address strip, and where the strip's last line ends (the footer distance). */
export const ADDRESS_STRIP = { rulePt: 0.5, gapPt: 2, bottomMm: 10 } as const;

/** Vertical room for the handwritten signature and seal between the title and the name. */
export const SIGNATURE_SPACE_PT = 72;

/**
 * Pictures of an electronic issue (Phụ lục I, II.7.d and II.8): the signature image centred in the space
 * between title and name (the space grows to hold a taller image); the seal over its left third. Colours
 * of the marks printed in ink: the độ khẩn stamps are bright red (Phụ lục I, III.2.b).
 */
export const PICTURES = { signatureMarginPt: 4, sealOverlap: 1 / 3 } as const;
export const MARK_COLOURS = { urgency: 'FF0000' } as const;

/**
 * Pagination, stated in the DOCX and applied by the layout stage alike: widow and orphan control (a
 * paragraph leaves at least two lines at the foot of a page and carries at least two to the next),
 * keep-with-next for titles and headings, keep-lines for headings, the closing table never split.
 */
export const PAGINATION = { widowControl: true, minLines: 2 } as const;

/**
 * LibreOffice's "italic correction": an italic text portion (ended by upright text, a no-break space
 * or the end of the line) takes this fraction of the line height more room. The
 * layout counts it when fitting a line, so that lines end where LibreOffice ends them in our DOCX.
 */
export const ITALIC_CORRECTION = 1 / 12;

/** Page numbers: centred in the top margin, none on page 1 (Phụ lục I, I.7). */
export const PAGE_NUMBER = { firstPageShown: false } as const;

export const MM_PER_PT = 25.4 / 72;
export const mmToPt = (mm: number): number => mm / MM_PER_PT;
/** A length in twips (1/20 pt) as a DOCX states it: word processors lay pages out on this grid. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** A length in points on the twip grid: the layout measures the page exactly as the DOCX states it. */
export const mmToGridPt = (mm: number): number => mmToTwips(mm) / 20;
/** The text width as a word processor derives it from the DOCX: page width less both margins, in twips. */
export const textWidthGridPt = (landscape = false): number =>
  (mmToTwips(landscape ? PAGE.heightMm : PAGE.widthMm) - mmToTwips(PAGE.margin.leftMm) - mmToTwips(PAGE.margin.rightMm)) / 20;
