// The DOCX writer: the document model → a Word file in the Nghị định 30/2020/NĐ-CP layout.
// Every size, margin, spacing and indent comes from the style sheet (src/style/nd30.ts); this module
// only converts units (mm → twips, pt → half-points) and decides which style each paragraph takes.
// Formatting lives in named paragraph styles ("VbBody", "VbIssuer", …) so that a clerk who edits the
// file finds consistent styles; direct formatting is kept to emphasis inside a paragraph and to the
// short rules drawn under the issuer, the Tiêu ngữ and the trích yếu.
// The output is byte-for-byte deterministic: core properties are dated from the document, and the
// package is re-zipped with a fixed entry order and a fixed timestamp.

import {
  AlignmentType, BorderStyle, Document as DocxDocument, Footer, Header, FootnoteReferenceRun, LineRuleType, Packer, PageNumber, PageOrientation,
  Paragraph, SectionType, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
  type IBorderOptions, type IParagraphOptions, type IParagraphStyleOptions,
} from 'docx';
import { hasFootnotes, type Block, type Closing, type Document, type Header as HeaderModel, type Inline, type Mark, type Part, type Role, type Signature } from '../model/ast.ts';
import {
  ADDRESS_STRIP, MARKS, CLOSING_COLUMNS_MM, FONT, HEADER_COLUMNS_MM, LEADING_SPACER_PT, PAGE, PAGE_NUMBER, ROLE_STYLES, RULES, SIGNATURE_SPACE_PT, SIZES, STYLES,
  TABLES, TEXT_WIDTH_MM, mmToTwips, textWidthGridPt, type StyleName, type TextStyle,
  PAGINATION,
} from '../style/nd30.ts';
import { MOTTO, NATIONAL_NAME, RECIPIENTS_LABEL } from '../text/national.ts';
import { unbreakableSpans, withNoBreakSpaces } from '../layout/unbreakable.ts';
import { columnWidths } from '../layout/table.ts';
import { zipParts } from './zip.ts';
import { OUTLINE_LEVEL, pruneStyles } from './docx-styles.ts';


/** The language of the text, written in the styles and the core properties. */
const LANGUAGE = 'vi-VN';

// ---------------------------------------------------------------------------------------------
// Units

const MM_PER_INCH = 25.4;
const TWIPS_PER_PT = 20;
const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);
const ptToEighths = (pt: number): number => Math.round(pt * 8); // border widths
/** Word's "auto" line spacing counts in 240ths of a single line. */
const SINGLE_LINE = 240;

// ---------------------------------------------------------------------------------------------
// Styles: one named paragraph style per entry of STYLES and ROLE_STYLES

type StyleKey = StyleName | Role;

/** "signerName" → "VbSignerName". */
export function styleId(key: StyleKey): string {
  return `Vb${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** The style sheet entries, with the signature room folded into the signer name's space before. */
function styleEntries(): Array<[StyleKey, TextStyle]> {
  const entries: Array<[StyleKey, TextStyle]> = [];
  for (const [key, style] of Object.entries(STYLES) as Array<[StyleName, TextStyle]>) {
    entries.push([key, key === 'signerName' ? { ...style, beforePt: (style.beforePt ?? 0) + SIGNATURE_SPACE_PT } : style]);
  }
  for (const [role, style] of Object.entries(ROLE_STYLES) as Array<[Role, TextStyle]>) {
    if (role in STYLES) throw new Error(`docx: role "${role}" has the same name as a style`);
    entries.push([role, style]);
  }
  return entries;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const FONT_FACE = { ascii: FONT.docx, hAnsi: FONT.docx, cs: FONT.docx, eastAsia: FONT.docx } as const;

function paragraphStyle(key: StyleKey, s: TextStyle): IParagraphStyleOptions {
  const id = styleId(key);
  const outline = OUTLINE_LEVEL[key as Role];
  return {
    id,
    name: id,
    basedOn: 'Normal',
    // after a titled division the clerk types body text
    next: outline === undefined ? id : styleId('body'),
    quickFormat: true,
    run: {
      font: FONT_FACE,
      size: ptToHalfPoints(s.size),
      sizeComplexScript: ptToHalfPoints(s.size),
      bold: s.bold ?? false,
      boldComplexScript: s.bold ?? false,
      italics: s.italic ?? false,
      italicsComplexScript: s.italic ?? false,
      color: FONT.colour,
    },
    paragraph: {
      alignment: ALIGN[s.align],
      ...(s.indentLeftMm !== undefined || s.indentFirstMm !== undefined
        ? {
            indent: {
              ...(s.indentLeftMm !== undefined ? { left: mmToTwips(s.indentLeftMm) } : {}),
              ...(s.indentFirstMm !== undefined ? { firstLine: mmToTwips(s.indentFirstMm) } : {}),
            },
          }
        : {}),
      spacing: {
        before: ptToTwips(s.beforePt ?? 0),
        after: ptToTwips(s.afterPt ?? 0),
        ...(s.lineMultiple !== undefined ? { line: Math.round(SINGLE_LINE * s.lineMultiple), lineRule: LineRuleType.AUTO } : {}),
      },
      keepNext: s.keepWithNext ?? false,
      keepLines: s.keepLines ?? false,
      ...(outline === undefined ? {} : { outlineLevel: outline }),
      ...({ widowControl: PAGINATION.widowControl } as object), // accepted by docx at run time, missing from its style typings
      // The signature lines ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG") form one block: the space before is the block's,
      // not repeated between its lines.
      ...(key === 'signatureLine' ? { contextualSpacing: true } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Text width estimate, for the length of the short rules under header lines

/**
 * Advance widths of ASCII 32–126 in 1/1000 em, read from Liberation Serif, which is metric-compatible
 * with Times New Roman (the same widths as Times New Roman, glyph for glyph).
 */
const ADVANCE: Record<'regular' | 'bold' | 'italic' | 'boldItalic', string> = {
  regular:
    '250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 278 278 564 564 564 444 ' +
    '921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 ' +
    '333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 200 480 541',
  bold:
    '250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 570 570 570 500 ' +
    '930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 ' +
    '333 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 220 394 520',
  italic:
    '250 333 420 500 500 833 778 214 333 333 500 675 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 675 675 675 500 ' +
    '920 611 611 667 722 611 611 722 722 333 444 667 556 833 667 722 611 722 611 500 556 722 611 833 611 556 556 389 278 389 422 500 ' +
    '333 500 500 444 500 444 278 500 500 278 278 444 278 722 500 500 500 500 389 389 278 500 444 667 444 444 389 400 275 400 541',
  boldItalic:
    '250 389 555 500 500 833 778 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 333 333 570 570 570 500 ' +
    '832 667 667 667 722 667 667 722 778 389 500 667 611 889 722 722 611 722 667 556 611 722 667 889 667 611 611 333 278 333 570 500 ' +
    '333 500 500 444 500 444 333 500 556 278 278 500 278 778 556 500 500 500 389 389 278 556 444 667 500 444 389 348 220 348 570',
};
const FIRST_CODE = 32;
const EM = 1000;
const ADVANCES = Object.fromEntries(
  Object.entries(ADVANCE).map(([face, list]) => [face, list.split(' ').map(Number)]),
) as Record<keyof typeof ADVANCE, number[]>;

/** The letter whose width a Vietnamese letter takes: its base letter (tone marks and horns are narrow accents). */
function baseLetter(ch: string): string {
  if (ch === 'Đ') return 'D';
  if (ch === 'đ') return 'd';
  return ch.normalize('NFD').charAt(0);
}

/** Estimated width of one line of text, in points. Characters outside ASCII count as wide as "n". */
export function textWidthPt(text: string, style: Pick<TextStyle, 'size' | 'bold' | 'italic'>): number {
  const table = ADVANCES[style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular'];
  const fallback = table['n'.charCodeAt(0) - FIRST_CODE] ?? EM / 2;
  let units = 0;
  for (const ch of text) {
    const code = baseLetter(ch).charCodeAt(0);
    units += table[code - FIRST_CODE] ?? fallback;
  }
  return (units * style.size) / EM;
}

/** Widths (pt) of the lines a text wraps into at a given width, by greedy word wrap. */
export function wrappedLineWidthsPt(text: string, style: Pick<TextStyle, 'size' | 'bold' | 'italic'>, widthPt: number): number[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const lines: number[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidthPt(candidate, style) > widthPt) {
      lines.push(textWidthPt(line, style));
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(textWidthPt(line, style));
  return lines;
}

const PT_PER_MM = 72 / MM_PER_INCH;


// ---------------------------------------------------------------------------------------------
// Paragraph builders

/** A paragraph factory that puts a page break before the first paragraph it makes when asked to. */
class Paragraphs {
  private breakPending: boolean;

  constructor(breakBefore: boolean) {
    this.breakPending = breakBefore;
  }

  make(key: StyleKey, children: TextRun[], extra: IParagraphOptions = {}): Paragraph {
    const pageBreakBefore = this.breakPending;
    this.breakPending = false;
    return new Paragraph({ style: styleId(key), children, ...extra, ...(pageBreakBefore ? { pageBreakBefore } : {}) });
  }

  text(key: StyleKey, text: string): Paragraph {
    return this.make(key, noBreakRuns([{ text }]));
  }

  /**
   * A short centred rule under the paragraph before it: an empty paragraph of the same style whose top border
   * is the rule, indented so that the border is `fraction` of the widest line of `text` long.
   */
  rule(key: StyleKey, text: string, fraction: number, boxWidthMm: number): Paragraph {
    const style: TextStyle = key in STYLES ? STYLES[key as StyleName] : ROLE_STYLES[key as Role];
    const boxPt = boxWidthMm * PT_PER_MM;
    const textPt = Math.max(0, ...text.split('\n').flatMap((l) => wrappedLineWidthsPt(l, style, boxPt)));
    const rulePt = Math.min(boxPt, textPt * fraction);
    const sideTwips = Math.max(0, ptToTwips((boxPt - rulePt) / 2));
    const border: IBorderOptions = { style: BorderStyle.SINGLE, size: ptToEighths(RULES.thicknessPt), color: FONT.colour, space: 0 };
    return this.make(key, [], {
      border: { bottom: border },
      indent: { left: sideTwips, right: sideTwips, firstLine: 0 },
      // as thin as the PDF's rule: an exact line box as tall as the gap, the rule as its bottom border
      spacing: { before: 0, after: 0, line: ptToTwips(RULES.gapPt), lineRule: LineRuleType.EXACT },
    });
  }

  /** A header name with the author's line breaks: one paragraph per line, in one style. */
  lines(key: StyleKey, text: string): Paragraph[] {
    return text.split('\n').map((l) => this.text(key, l));
  }

  /**
   * A boxed mark (ô 10a, 10b, 11, the draft mark): a paragraph with a single border on all sides, indented
   * so the box is the decree's width, or its text's width and padding; at the column's left or centred.
   */
  box(m: Mark, columnMm: number, atLeft: boolean): Paragraph {
    const s = STYLES.mark;
    const colPt = columnMm * PT_PER_MM;
    const widthPt = Math.min(colPt, m.widthMm !== undefined ? m.widthMm * PT_PER_MM : textWidthPt(m.text, s) + 2 * MARKS.sidePaddingMm * PT_PER_MM);
    const spare = Math.max(0, ptToTwips(colPt - widthPt));
    const border: IBorderOptions = { style: BorderStyle.SINGLE, size: ptToEighths(MARKS.borderPt), color: FONT.colour, space: MARKS.paddingPt };
    const sideSpace = { ...border, space: 0 };
    return this.make('mark', noBreakRuns([{ text: m.text }]) as TextRun[], {
      border: { top: border, bottom: border, left: sideSpace, right: sideSpace },
      indent: atLeft ? { left: 0, right: spare, firstLine: 0 } : { left: Math.round(spare / 2), right: spare - Math.round(spare / 2), firstLine: 0 },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The decree's unbreakable spans (src/layout/unbreakable.ts), stated for Word and LibreOffice: a space
// inside one is a no-break space, and a "-" or "/" where LibreOffice would break (after every hyphen,
// after a slash not between two digits) is followed by a word joiner (U+2060, invisible, no width). The
// characters themselves stay what the author typed, so "244/QĐ-BTP" still reads and searches as typed
// once a reader drops the joiner (vanban check does).

interface RunPart {
  text: string;
  bold?: boolean;
  italics?: boolean;
  note?: Inline[]; // a footnote: its mark here, its text in the document's footnotes
}

const WORD_JOINER = '\u2060';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function noBreakRuns(parts: RunPart[]): Array<TextRun | FootnoteReferenceRun> {
  const joined = parts.map((p) => p.text).join('');
  const spans = unbreakableSpans(joined);
  const text = withNoBreakSpaces(joined, spans);
  const mask = new Uint8Array(joined.length + 1);
  for (const [s, e] of spans) mask.fill(1, s, e);
  let at = 0;
  return parts.map((p) => {
    if (p.note) return footnoteRun(p.note);
    let out = '';
    for (let i = at; i < at + p.text.length; i++) {
      const c = text[i]!;
      out += c;
      const inside = mask[i] === 1 && mask[i + 1] === 1 && text[i + 1] !== '\u00a0';
      if (inside && (c === '-' || (c === '/' && !(isDigit(text[i - 1]) && isDigit(text[i + 1]))))) out += WORD_JOINER;
    }
    at += p.text.length;
    return new TextRun({ text: out, ...(p.bold ? { bold: true } : {}), ...(p.italics ? { italics: true } : {}) });
  });
}

/** A footnote's mark; docx numbers the notes in the order it writes them, which is reading order. */
function footnoteRun(content: Inline[]): FootnoteReferenceRun {
  const text = new Paragraph({ style: styleId('footnote'), children: noBreakRuns([{ text: ' ' }, ...inlineParts(content)]) });
  return new FootnoteReferenceRun({ children: [text] });
}

function inlineParts(content: Inline[]): RunPart[] {
  return content.map((i) => {
    if (i.type === 'ref') return { text: i.text ?? `[${i.target}]` };
    if (i.type === 'note') return { text: '', note: i.content };
    return { text: i.text, ...(i.bold ? { bold: true } : {}), ...(i.italic ? { italics: true } : {}) };
  });
}

function blockRole(b: Extract<Block, { type: 'heading' | 'item' }>): Role {
  if (b.role) return b.role;
  if (b.type === 'heading') return 'section';
  return b.ordered ? 'clause' : 'dash';
}

function bodyParagraph(ps: Paragraphs, b: Exclude<Block, { type: 'table' }>, extra: IParagraphOptions = {}): Paragraph {
  if (b.type === 'paragraph') return ps.make('body', noBreakRuns(inlineParts(b.content)), extra);
  const role = blockRole(b);
  const parts: RunPart[] = [];
  if (b.label !== undefined && b.label !== '') {
    const labelBold = ROLE_STYLES[role].labelBold === true;
    parts.push({ text: `${b.label} `, ...(labelBold ? { bold: true } : {}) });
  }
  parts.push(...inlineParts(b.content));
  return ps.make(role, noBreakRuns(parts), extra);
}

// ---------------------------------------------------------------------------------------------
// Tables

const NO_BORDERS = TableBorders.NONE;
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 } as const;

function layoutTable(columnsMm: { left: number; right: number }, rows: Array<[Paragraph[], Paragraph[]]>, cantSplit = false): Table {
  const widths = [mmToTwips(columnsMm.left), mmToTwips(columnsMm.right)];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_MARGINS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit,
          children: cells.map(
            (children, i) =>
              new TableCell({
                children,
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_BORDERS,
                verticalAlign: VerticalAlignTable.TOP,
              }),
          ),
        }),
    ),
  });
}

/**
 * A table of the body, in the layout's column widths: single borders, the header row repeated on every
 * page, no row split across pages, the header kept with the first row.
 */
function bodyTable(ps: Paragraphs, t: Extract<Block, { type: 'table' }>, landscape = false): Table {
  const widths = columnWidths(t, textWidthGridPt(landscape)).map((w) => Math.round(w * TWIPS_PER_PT));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: ptToEighths(TABLES.borderPt), color: FONT.colour, space: 0 };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const margin = mmToTwips(TABLES.cellMarginMm);
  const rows = [t.header, ...t.rows].map((cells, k) =>
    new TableRow({
      tableHeader: k === 0,
      cantSplit: true,
      children: cells.map((cell, c) => {
        const style: StyleKey = k === 0 ? 'tableHeader' : 'tableCell';
        const align = k === 0 ? undefined : t.align[c];
        const paragraph = ps.make(style, noBreakRuns(inlineParts(cell)), {
          ...(align && align !== STYLES.tableCell.align ? { alignment: ALIGN[align] } : {}),
          ...(k === 0 ? { keepNext: true } : {}),
        });
        return new TableCell({ children: [paragraph], width: { size: widths[c] ?? 0, type: WidthType.DXA }, borders: { top: border, bottom: border, left: border, right: border }, verticalAlign: VerticalAlignTable.TOP });
      }),
    }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 0, bottom: 0, left: margin, right: margin },
    rows,
  });
}

/** Ô 1–4: the issuer and số on the left, Quốc hiệu, Tiêu ngữ and date on the right. */
function headerTable(ps: Paragraphs, h: HeaderModel): Table {
  const marks = (box: Mark['box'], atLeft: boolean, col: number) => (h.marks ?? []).filter((m) => m.box === box).map((m) => ps.box(m, col, atLeft));
  const rows: Array<[Paragraph[], Paragraph[]]> = [];
  // the draft mark above ô 2, phạm vi lưu hành (ô 11) above ô 1: a row of their own over the header
  const draft = marks('draft', false, HEADER_COLUMNS_MM.left);
  const circulation = marks('circulation', false, HEADER_COLUMNS_MM.right);
  if (draft.length || circulation.length) rows.push([draft.length ? draft : [ps.text('mark', '')], circulation.length ? circulation : [ps.text('mark', '')]]);
  const left: Paragraph[] = [];
  if (h.parent !== undefined && h.parent !== '') left.push(...ps.lines('parentBody', h.parent));
  left.push(...ps.lines('issuer', h.issuer));
  left.push(ps.rule('issuer', h.issuer, RULES.underIssuer, HEADER_COLUMNS_MM.left));
  const right = [
    ps.text('nationalName', NATIONAL_NAME),
    ps.text('motto', MOTTO),
    ps.rule('motto', MOTTO, RULES.underMotto, HEADER_COLUMNS_MM.right),
  ];
  rows.push([left, right]);
  if (h.number !== undefined || h.placeDate !== undefined) {
    const under = [
      ps.text('number', h.number ?? ''),
      ...(h.subjectLine !== undefined ? [ps.text('subjectLine', h.subjectLine)] : []),
      ...marks('secrecy', true, HEADER_COLUMNS_MM.left),
      ...marks('urgency', true, HEADER_COLUMNS_MM.left),
    ];
    rows.push([under, [ps.text('placeDate', h.placeDate ?? '')]]);
  }
  return layoutTable(HEADER_COLUMNS_MM, rows);
}

/** Ô 9b and 7: Nơi nhận on the left, level with the signature block on the right. */
function closingTable(ps: Paragraphs, c: Closing): Table {
  const signature = (sig: Signature) => [...sig.lines.map((l) => ps.text('signatureLine', l)), ps.text('signerName', sig.name)];
  const recipients = c.recipients.length ? [ps.text('recipientsLabel', RECIPIENTS_LABEL), ...c.recipients.map((r) => ps.text('recipient', r))] : [];
  const left = [...(c.cosignature ? signature(c.cosignature) : []), ...recipients];
  if (!left.length) left.push(ps.text('recipient', ''));
  const right = signature(c.signature);
  // the block is never split across pages: the signature stays with its Nơi nhận (and, through the
  // keep-with-next of the last body paragraph, with the end of the text it signs)
  return layoutTable(CLOSING_COLUMNS_MM, [[left, right]], true);
}

// ---------------------------------------------------------------------------------------------
// Parts

/** See LEADING_SPACER_PT: an empty paragraph exactly that tall, before the header table. */
function leadingSpacer(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: ptToTwips(LEADING_SPACER_PT), lineRule: LineRuleType.EXACT },
    run: { size: ptToHalfPoints(LEADING_SPACER_PT) },
    children: [],
  });
}

/**
 * How a part after the first starts on a new page. A part that opens with a paragraph takes a page break
 * before it. A part that opens with its header table starts a new section instead: Word and LibreOffice
 * join two tables with no paragraph between them (the closing table and the header table would become one),
 * and LibreOffice ignores a page break before a paragraph inside a table.
 */
function startsSection(part: Part, index: number, previous?: Part): boolean {
  if (index === 0) return false;
  // a phụ lục with its own page numbers or page set-up is a section of its own too
  return part.header !== undefined || !!part.restartPageNumbers || !!part.landscape !== !!previous?.landscape;
}

function partChildren(part: Part, index: number, previousPart?: Part): Array<Paragraph | Table> {
  const ps = new Paragraphs(index > 0 && !startsSection(part, index, previousPart));
  const out: Array<Paragraph | Table> = [];
  if (part.header) out.push(headerTable(ps, part.header));

  if (part.title) {
    out.push(ps.text('docType', part.title.docType));
    out.push(ps.text('subject', part.title.subject));
    if (part.title.issuedWith !== undefined && part.title.issuedWith !== '') {
      out.push(ps.text('issuedWith', part.title.issuedWith));
      out.push(ps.rule('issuedWith', part.title.issuedWith, RULES.underIssuedWith, TEXT_WIDTH_MM));
    } else {
      out.push(ps.rule('subject', part.title.subject, RULES.underSubject, TEXT_WIDTH_MM));
    }
  }
  part.addressees?.lines.forEach((l, i) => out.push(ps.text(i === 0 ? 'addresseeLabel' : 'addressee', l)));

  if (part.authority !== undefined && part.authority !== '') out.push(ps.text('authority', part.authority));
  for (const basis of part.bases) out.push(ps.text('basis', basis));
  if (part.enacting !== undefined && part.enacting !== '') out.push(ps.text('enacting', part.enacting));

  part.body.forEach((block, i) => {
    const last = i === part.body.length - 1;
    if (block.type === 'table') out.push(bodyTable(ps, block, part.landscape));
    else if (block.type !== 'paragraph' && block.role && ROLE_STYLES[block.role].labelLine) {
      // "Chương I" on its line, the title in capitals under it
      out.push(ps.make(block.role, noBreakRuns([{ text: block.label ?? '' }])));
      out.push(ps.make('headingTitle', noBreakRuns(inlineParts(block.content))));
    } else out.push(bodyParagraph(ps, block, last && part.closing ? { keepNext: true } : {}));
  });

  if (part.closing) out.push(closingTable(ps, part.closing));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Package: core properties and a deterministic zip

/** The document's date at 00:00:00Z: `meta.date`, or 1 January of `meta.year` for an undated draft. */
export function documentTimestamp(doc: Document): string {
  return doc.meta.created;
}

const escapeXml = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&apos;');

function coreXml(doc: Document): string {
  const when = documentTimestamp(doc);
  const title = doc.meta.title;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:subject>${escapeXml(doc.meta.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(doc.meta.issuer)}</dc:creator>` +
    `<cp:keywords>${escapeXml(doc.meta.keywords.join('; '))}</cp:keywords>` +
    `<cp:lastModifiedBy>${escapeXml(doc.meta.issuer)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dc:language>${LANGUAGE}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const CORE_PATH = 'docProps/core.xml';
/** Zip timestamps are local date-time fields (MS-DOS format), which start in 1980. */
const ZIP_EPOCH_YEAR = 1980;

/**
 * The zip entries' timestamp: the document's date, as MS-DOS date and time fields (local fields, so
 * the bytes do not depend on the time zone of the machine that builds the file).
 */
function dosDateTime(doc: Document): { date: number; time: number } {
  const [y, m, d] = documentTimestamp(doc).slice(0, 10).split('-').map(Number) as [number, number, number];
  if (y < ZIP_EPOCH_YEAR) return { date: (0 << 9) | (1 << 5) | 1, time: 0 };
  return { date: ((y - ZIP_EPOCH_YEAR) << 9) | (m << 5) | d, time: 0 };
}

interface Compiler {
  compile(file: DocxDocument, prettify: undefined, overrides: Array<{ path: string; data: string }>): Map<string, string | Uint8Array>;
}

/**
 * docx's own compiler, which gives the package's parts before zipping (`Packer` zips them with a
 * JavaScript deflate and the clock's time). It is a static member docx does not type; a docx without
 * it fails here, and in the tests, rather than writing files a different way.
 */
function compiler(): Compiler {
  const c = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof c?.compile !== 'function') throw new Error('docx: Packer.compiler.compile is missing (docx upgraded?)');
  return c as Compiler;
}

// ---------------------------------------------------------------------------------------------
// The writer

/** Builds the DOCX file of a document. The same document always gives the same bytes. */
export async function writeDocx(doc: Document): Promise<Buffer> {
  const pageNumberHeader = new Header({
    children: [new Paragraph({ style: styleId('pageNumber'), children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
  const firstPageHeader = new Header({ children: [new Paragraph({ style: styleId('pageNumber') })] });
  // ô 13 on page 1 only: the first-page footer, its rule the paragraph's top border
  const strip = doc.parts[0]?.addressStrip;
  const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: ptToEighths(ADDRESS_STRIP.rulePt), color: FONT.colour, space: ADDRESS_STRIP.gapPt };
  const firstPageFooter = strip
    ? new Footer({ children: [new Paragraph({ style: styleId('addressStrip'), border: { top: rule }, children: noBreakRuns([{ text: strip }]) as TextRun[] })] })
    : undefined;

  const page = {
    size: { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm), orientation: PageOrientation.PORTRAIT },
    margin: {
      top: mmToTwips(PAGE.margin.topMm),
      bottom: mmToTwips(PAGE.margin.bottomMm),
      left: mmToTwips(PAGE.margin.leftMm),
      right: mmToTwips(PAGE.margin.rightMm),
      header: mmToTwips(PAGE.headerDistanceMm),
      footer: mmToTwips(ADDRESS_STRIP.bottomMm), // only ô 13 is written there, on page 1
      gutter: 0,
    },
  };
  // Parts grouped into sections (see startsSection); page numbers run on unless a part restarts them.
  const groups: Array<{ part: Part; children: Array<Paragraph | Table> }> = [];
  doc.parts.forEach((part, i) => {
    const children = partChildren(part, i, doc.parts[i - 1]);
    if (i === 0 && hasFootnotes(doc)) children.unshift(leadingSpacer());
    const last = groups[groups.length - 1];
    if (last === undefined || startsSection(part, i, doc.parts[i - 1])) groups.push({ part, children });
    else last.children.push(...children);
  });
  const landscape = {
    ...page,
    // docx writes w:w and w:h swapped itself for a landscape page
    size: { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm), orientation: PageOrientation.LANDSCAPE },
  };
  const sections = groups.map(({ part, children }, i) => {
    const own = i === 0 || !!part.restartPageNumbers;
    const size = part.landscape ? landscape : page;
    // a numbering of its own starts at 1 and, like page 1, shows no number on its first page
    return {
      properties: {
        page: own ? { ...size, pageNumbers: { start: 1 } } : size,
        ...(own ? { titlePage: !PAGE_NUMBER.firstPageShown } : {}),
        ...(i > 0 ? { type: SectionType.NEXT_PAGE } : {}),
      },
      headers: own && !PAGE_NUMBER.firstPageShown ? { default: pageNumberHeader, first: firstPageHeader } : { default: pageNumberHeader },
      ...(i === 0 && firstPageFooter ? { footers: { default: new Footer({ children: [new Paragraph({})] }), first: firstPageFooter } } : {}),
      children,
    };
  });

  const file = new DocxDocument({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.issuer,
    lastModifiedBy: doc.meta.issuer,
    styles: {
      default: {
        document: {
          run: {
            font: FONT_FACE,
            size: ptToHalfPoints(SIZES.body),
            sizeComplexScript: ptToHalfPoints(SIZES.body),
            color: FONT.colour,
            language: { value: LANGUAGE },
          },
        },
      },
      paragraphStyles: styleEntries().map(([key, style]) => paragraphStyle(key, style)),
    },
    sections,
  });

  // docx makes the parts, with our core properties in place of its own; we zip them (zip.ts).
  const parts = compiler().compile(file, undefined, [{ path: CORE_PATH, data: coreXml(doc) }]);
  pruneStyles(parts, styleId('body').slice(0, 2));
  return zipParts(parts, dosDateTime(doc));
}
