// The PDF writer: a Document → an archive-ready PDF (PDF/A-2b, PDF 1.7), laid out by pdfmake.
// Every size, margin, spacing and emphasis comes from the style sheet (src/style/nd30.ts); this module
// only converts units (mm → pt) and derives lengths from the embedded font's metrics.
// Output is deterministic: the same Document gives the same bytes, whatever the clock says.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type {
  Alignment,
  CanvasLine,
  Content,
  ContentCanvas,
  ContentTable,
  ContentText,
  CustomTableLayout,
  Node,
  NodeQueries,
  TDocumentDefinitions,
  TableCell,
} from 'pdfmake/interfaces.js';
import type { Block, Closing, Document, Header, Inline, Meta, Part, Role, Title } from '../model/ast.ts';
import { archiveXmp } from '../archive/xmp.ts';
import {
  CLOSING_COLUMNS_MM,
  FONT,
  HEADER_COLUMNS_MM,
  PAGE,
  PAGE_NUMBER,
  ROLE_STYLES,
  RULES,
  SIGNATURE_SPACE_PT,
  STYLES,
  TEXT_WIDTH_MM,
  mmToPt,
  type TextStyle,
} from '../style/nd30.ts';
import { MOTTO, NATIONAL_NAME, RECIPIENTS_LABEL } from '../text/national.ts';

/** The vendored Liberation Serif files (repository folder `fonts/`), found from this module, not the cwd. */
export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

type FontFace = keyof typeof FONT.files;
const FONT_PATHS: Record<FontFace, string> = {
  normal: path.join(FONTS_DIR, FONT.files.normal),
  bold: path.join(FONTS_DIR, FONT.files.bold),
  italics: path.join(FONTS_DIR, FONT.files.italics),
  bolditalics: path.join(FONTS_DIR, FONT.files.bolditalics),
};

const faceOf = (bold: boolean, italic: boolean): FontFace =>
  bold ? (italic ? 'bolditalics' : 'bold') : italic ? 'italics' : 'normal';

/** True when `p` resolves to a file inside the fonts folder (pdfmake's local access policy). */
export function insideFontsDir(p: string): boolean {
  const rel = path.relative(FONTS_DIR, path.resolve(p));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

// ---------------------------------------------------------------------------------------------
// Font metrics. pdfmake lays text out with pdfkit's fonts; measuring with the pdfkit that pdfmake
// itself loads (resolved from pdfmake's own folder) gives exactly the widths pdfmake will use.

type PdfKitCtor = typeof import('pdfkit');
let measurer: PDFKit.PDFDocument | undefined;
function metrics(): PDFKit.PDFDocument {
  if (!measurer) {
    const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PDFDocument = fromPdfmake('pdfkit') as PdfKitCtor;
    measurer = new PDFDocument({ autoFirstPage: false });
  }
  return measurer;
}

/** Width in points of one line of text in the body font. */
function textWidth(text: string, size: number, bold: boolean, italic: boolean): number {
  return metrics().font(FONT_PATHS[faceOf(bold, italic)]).fontSize(size).widthOfString(text);
}

/**
 * Width of the widest line the text occupies in a column `available` points wide (greedy breaking at
 * spaces, as pdfmake does; explicit newlines respected). A short rule under a wrapped title is measured
 * against what the reader sees, not against the unwrapped string.
 */
function widestLine(text: string, s: TextStyle, available: number): number {
  const w = (t: string) => textWidth(t, s.size, !!s.bold, !!s.italic);
  let widest = 0;
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && w(candidate) > available) {
        widest = Math.max(widest, w(line));
        line = word;
      } else line = candidate;
    }
    widest = Math.max(widest, Math.min(w(line), available));
  }
  return widest;
}

/**
 * pdfmake's `lineHeight: 1` is the font's ascender-to-descender height; a word processor's single
 * spacing adds the font's line gap (hhea). Scaling by this ratio makes `lineMultiple` mean the same
 * thing in the PDF as in the DOCX, so both break pages alike.
 */
let singleSpacingRatio: number | undefined;
function singleSpacing(): number {
  if (singleSpacingRatio === undefined) {
    const doc = metrics().font(FONT_PATHS.normal).fontSize(STYLES.body.size);
    singleSpacingRatio = doc.currentLineHeight(true) / doc.currentLineHeight(false);
  }
  return singleSpacingRatio;
}

// ---------------------------------------------------------------------------------------------
// Justification at spaces only.
//
// pdfmake cuts text into pieces at every line-break opportunity (after "-" and "/", at style changes,
// around quotes) and justifies by spreading the slack over all the gaps between pieces, so a justified
// line shows "11- QĐ/ TW", "“ Ngành" or "điều ;". Word processors stretch spaces only. This replaces
// pdfmake's ElementWriter.alignLine (the pdfmake instance is shared, so the module is patched once,
// for justified lines only) with one that stretches the gaps after a piece ending in a space.

interface LaidInline {
  text: string;
  x: number;
  alignment?: string;
  justifyShift?: number;
}
interface LaidLine {
  inlines: LaidInline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  getWidth(): number;
}
interface ElementWriterProto {
  alignLine(this: { context(): { availableWidth: number } }, line: LaidLine): void;
  __vanbanJustify?: true;
}

const stretchable = /[^\S\u00a0]$/; // ends with a breaking space (a no-break space keeps its width)

function patchJustification(): void {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const mod = fromPdfmake('./ElementWriter.js') as { default?: { prototype: ElementWriterProto } };
  const proto = mod.default?.prototype;
  if (!proto || typeof proto.alignLine !== 'function' || proto.__vanbanJustify) return;
  const original = proto.alignLine;
  proto.alignLine = function (line) {
    const inlines = line.inlines ?? [];
    const justify = inlines.length > 1 && inlines[0]!.alignment === 'justify' && !line.newLineForced && !line.lastLineInParagraph;
    if (!justify) return original.call(this, line);
    const gaps = inlines.slice(0, -1).filter((i) => stretchable.test(i.text)).length;
    if (gaps === 0) return; // one unbreakable word: leave it flush left, unstretched
    const extra = (this.context().availableWidth - line.getWidth()) / gaps;
    let shift = 0;
    for (let i = 1; i < inlines.length; i++) {
      const gap = stretchable.test(inlines[i - 1]!.text);
      if (gap) shift += extra;
      inlines[i]!.x += shift;
      inlines[i]!.justifyShift = gap ? extra : 0;
    }
  };
  proto.__vanbanJustify = true;
}

/**
 * pdfkit shapes every word of every document again (fontkit layout with GSUB/GPOS lookups), which
 * made measuring text most of the PDF time. Remember the shaped form of each word per font file for
 * the process. Only glyph ids, code points and advances are read from a run, which are the same for
 * every parse of one file; each caller gets its own copy of the positions (pdfkit scales them in place).
 */
interface GlyphRunLike {
  positions: object[];
}
interface FontProto {
  layout(this: FontLike, text: string, features?: unknown, ...rest: unknown[]): GlyphRunLike;
  __vanbanRuns?: true;
}
interface FontLike {
  postscriptName?: string;
  head?: { checkSumAdjustment?: number };
}

function patchShapingCache(): void {
  const fromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
  const fontkit = fromPdfkit('fontkit') as { create(buffer: Uint8Array): object };
  const sample = fontkit.create(readFileSync(FONT_PATHS.normal));
  const proto = Object.getPrototypeOf(sample) as FontProto;
  if (typeof proto.layout !== 'function' || proto.__vanbanRuns) return;
  const shape = proto.layout;
  const byFont = new Map<string, Map<string, GlyphRunLike>>();
  proto.layout = function (text, features, ...rest) {
    if (features !== undefined && features !== null) return shape.call(this, text, features, ...rest);
    const key = `${this.postscriptName ?? ''}:${this.head?.checkSumAdjustment ?? ''}`;
    let runs = byFont.get(key);
    if (!runs) byFont.set(key, (runs = new Map()));
    let run = runs.get(text);
    if (!run) runs.set(text, (run = shape.call(this, text)));
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRunLike, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
  proto.__vanbanRuns = true;
}

// ---------------------------------------------------------------------------------------------
// Style sheet → pdfmake properties.

/** Markers read by the page-break callback (pdfmake passes `headlineLevel` through to it). */
const KEEP_WITH_NEXT = 1;
const KEEP_TOGETHER = 2;

interface Paragraph {
  fontSize: number;
  bold: boolean;
  italics: boolean;
  alignment: Alignment;
  lineHeight: number;
  margin: [number, number, number, number];
  leadingIndent?: number;
  headlineLevel?: number;
}

function paragraphProps(s: TextStyle, overrides: { beforePt?: number } = {}): Paragraph {
  const props: Paragraph = {
    fontSize: s.size,
    bold: !!s.bold,
    italics: !!s.italic,
    alignment: s.align,
    lineHeight: (s.lineMultiple ?? 1) * singleSpacing(),
    margin: [mmToPt(s.indentLeftMm ?? 0), overrides.beforePt ?? s.beforePt ?? 0, 0, s.afterPt ?? 0],
  };
  if (s.indentFirstMm) props.leadingIndent = mmToPt(s.indentFirstMm);
  if (s.keepWithNext) props.headlineLevel = KEEP_WITH_NEXT;
  return props;
}

type Run = { text: string; bold?: boolean; italics?: boolean };

function runs(content: Inline[]): Run[] {
  return content.map((i): Run => {
    if (i.type === 'ref') return { text: i.text ?? `[${i.target}]` };
    const run: Run = { text: i.text };
    if (i.bold !== undefined) run.bold = i.bold;
    if (i.italic !== undefined) run.italics = i.italic;
    return run;
  });
}

function paragraph(text: string | Run[], s: TextStyle, overrides?: { beforePt?: number }): ContentText {
  return { text: Array.isArray(text) && text.length === 0 ? '' : text, ...paragraphProps(s, overrides) };
}

/**
 * A centred rule `length` points long and RULES.thicknessPt thick under the previous line of text,
 * RULES.gapPt below its line box so it never touches "p", "g" or "ạ".
 */
function rule(length: number): ContentCanvas {
  const y = RULES.gapPt + RULES.thicknessPt / 2;
  const line: CanvasLine = { type: 'line', x1: 0, y1: y, x2: length, y2: y, lineWidth: RULES.thicknessPt, lineColor: `#${FONT.colour}` };
  return { canvas: [line], alignment: 'center', margin: [0, 0, 0, RULES.thicknessPt / 2] };
}

/** Borderless table without cell padding: the columns are exactly the style sheet's widths. */
const PLAIN_TABLE: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

// ---------------------------------------------------------------------------------------------
// Document parts.

function header(h: Header): ContentTable {
  const left = mmToPt(HEADER_COLUMNS_MM.left);
  const right = mmToPt(HEADER_COLUMNS_MM.right);
  const issuerCell: Content[] = [];
  if (h.parent !== undefined) issuerCell.push(paragraph(h.parent, STYLES.parentBody));
  issuerCell.push(paragraph(h.issuer, STYLES.issuer));
  issuerCell.push(rule(widestLine(h.issuer, STYLES.issuer, left) * RULES.underIssuer));
  const nationalCell: Content[] = [
    paragraph(NATIONAL_NAME, STYLES.nationalName),
    paragraph(MOTTO, STYLES.motto),
    rule(widestLine(MOTTO, STYLES.motto, right) * RULES.underMotto),
  ];
  const body: TableCell[][] = [[{ stack: issuerCell }, { stack: nationalCell }]];
  if (h.number !== undefined || h.placeDate !== undefined) {
    body.push([
      h.number !== undefined ? paragraph(h.number, STYLES.number) : {},
      h.placeDate !== undefined ? paragraph(h.placeDate, STYLES.placeDate) : {},
    ]);
  }
  return { table: { widths: [left, right], body }, layout: PLAIN_TABLE };
}

function title(t: Title): Content[] {
  const width = mmToPt(TEXT_WIDTH_MM);
  const out: Content[] = [paragraph(t.docType, STYLES.docType), paragraph(t.subject, STYLES.subject)];
  if (t.issuedWith !== undefined) {
    out.push(paragraph(t.issuedWith, STYLES.issuedWith));
    out.push(rule(widestLine(t.issuedWith, STYLES.issuedWith, width) * RULES.underIssuedWith));
  } else {
    out.push(rule(widestLine(t.subject, STYLES.subject, width) * RULES.underSubject));
  }
  return out;
}

const roleStyle = (b: Block & { role?: Role }): TextStyle & { labelBold?: boolean } =>
  b.role ? ROLE_STYLES[b.role] : b.type === 'heading' ? ROLE_STYLES.section : STYLES.body;

function block(b: Block): ContentText {
  if (b.type === 'paragraph') return paragraph(runs(b.content), STYLES.body);
  const s = roleStyle(b);
  const content = runs(b.content);
  if (b.label === undefined) return paragraph(content, s);
  const label: Run = { text: `${b.label} ` };
  if (s.labelBold) label.bold = true;
  return paragraph([label, ...content], s);
}

function closing(c: Closing): ContentTable {
  const recipients: Content[] = [
    paragraph(RECIPIENTS_LABEL, STYLES.recipientsLabel),
    ...c.recipients.map((r) => paragraph(r, STYLES.recipient)),
  ];
  // The block's space before is the gap above the block, not between its lines.
  const signature: Content[] = c.signature.lines.map((l, i) =>
    paragraph(l, STYLES.signatureLine, i === 0 ? undefined : { beforePt: 0 }),
  );
  const name: TextStyle = STYLES.signerName;
  signature.push(paragraph(c.signature.name, name, { beforePt: SIGNATURE_SPACE_PT + (name.beforePt ?? 0) }));
  return {
    table: { widths: [mmToPt(CLOSING_COLUMNS_MM.left), mmToPt(CLOSING_COLUMNS_MM.right)], body: [[{ stack: recipients }, { stack: signature }]] },
    layout: PLAIN_TABLE,
    headlineLevel: KEEP_TOGETHER,
  };
}

function part(p: Part): Content[] {
  const out: Content[] = [];
  if (p.header) out.push(header(p.header));
  out.push(...title(p.title));
  if (p.authority !== undefined) out.push(paragraph(p.authority, STYLES.authority));
  for (const basis of p.bases) out.push(paragraph(basis, STYLES.basis));
  if (p.enacting !== undefined) out.push(paragraph(p.enacting, STYLES.enacting));
  for (const b of p.body) out.push(block(b));
  if (p.closing) out.push(closing(p.closing));
  return out;
}

/**
 * Keep-with-next and keep-together, which pdfmake lacks: pdfmake lays the document out, asks this
 * callback about each node, and lays it out again after every break it adds.
 */
const BLOCK_ID = 'vb-block-';

function pageBreakBefore(node: Node, q: NodeQueries): boolean {
  if (node.headlineLevel !== KEEP_WITH_NEXT && node.headlineLevel !== KEEP_TOGETHER) return false;
  const isBlock = (n: Node) => typeof n.id === 'string' && n.id.startsWith(BLOCK_ID);
  if (!q.getPreviousNodesOnPage().some(isBlock)) return false; // already at the top of a page: moving would not help
  if (node.headlineLevel === KEEP_WITH_NEXT) {
    // Last block on its page (its own runs follow it in pdfmake's node list, so count blocks only).
    return !q.getFollowingNodesOnPage().some(isBlock) && q.getNodesOnNextPage().some(isBlock);
  }
  if (node.headlineLevel === KEEP_TOGETHER) return node.pageNumbers.length > 1;
  return false;
}

function pageNumber(currentPage: number): Content | null {
  if (currentPage === 1 && !PAGE_NUMBER.firstPageShown) return null;
  const s: TextStyle = STYLES.pageNumber;
  return {
    text: String(currentPage),
    fontSize: s.size,
    bold: !!s.bold,
    italics: !!s.italic,
    alignment: s.align,
    lineHeight: singleSpacing(),
    margin: [mmToPt(PAGE.margin.leftMm), mmToPt(PAGE.headerDistanceMm), mmToPt(PAGE.margin.rightMm), 0],
  };
}

// ---------------------------------------------------------------------------------------------
// Metadata.

/** The document's date (or 1 January of its year) at 00:00 UTC: the PDF's creation and modification date. */
export function documentDate(doc: Document): Date {
  return new Date(doc.meta.created);
}

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

/** The PDF Info dictionary (and, mirrored, the XMP packet) for a document. */
export function pdfInfoOf(doc: Document): PdfInfo {
  const date = documentDate(doc);
  return {
    Title: doc.meta.title,
    Author: doc.meta.issuer,
    Subject: doc.meta.subject,
    Keywords: doc.meta.keywords.join('; '),
    Creator: 'vanban',
    Producer: 'vanban',
    CreationDate: date,
    ModDate: date,
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

interface PdfKitInternals {
  info: Record<string, string | Date | undefined>;
  appendXML?: (xml: string, newline?: boolean) => void;
  _addInfo?: () => void;
}

/**
 * pdfkit's XMP packet interpolates the Info strings without XML escaping and has no xmp:ModifyDate,
 * while PDF/A wants every Info entry mirrored in the XMP. Replace its (internal) `_addInfo` on this
 * document with one that escapes and mirrors all entries. Skipped if a pdfkit upgrade renames it.
 */
function patchXmp(kit: PdfKitInternals, meta: Meta): void {
  if (typeof kit._addInfo !== 'function' || typeof kit.appendXML !== 'function') return;
  const append = kit.appendXML.bind(kit);
  kit._addInfo = () => {
    const info = kit.info;
    const str = (k: string) => (typeof info[k] === 'string' ? xml(info[k] as string) : undefined);
    const date = (k: string) => (info[k] instanceof Date ? xmpDate(info[k] as Date) : undefined);
    const xmp = [
      date('CreationDate') && `<xmp:CreateDate>${date('CreationDate')}</xmp:CreateDate>`,
      date('ModDate') && `<xmp:ModifyDate>${date('ModDate')}</xmp:ModifyDate>`,
      date('ModDate') && `<xmp:MetadataDate>${date('ModDate')}</xmp:MetadataDate>`,
      str('Creator') && `<xmp:CreatorTool>${str('Creator')}</xmp:CreatorTool>`,
    ].filter(Boolean);
    append(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${xmp.join('')}</rdf:Description>`);
    const dc = [
      str('Title') && `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${str('Title')}</rdf:li></rdf:Alt></dc:title>`,
      str('Author') && `<dc:creator><rdf:Seq><rdf:li>${str('Author')}</rdf:li></rdf:Seq></dc:creator>`,
      str('Subject') && `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${str('Subject')}</rdf:li></rdf:Alt></dc:description>`,
    ].filter(Boolean);
    if (dc.length) append(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`);
    const pdf = [
      str('Producer') && `<pdf:Producer>${str('Producer')}</pdf:Producer>`,
      str('Keywords') && `<pdf:Keywords>${str('Keywords')}</pdf:Keywords>`,
    ].filter(Boolean);
    append(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`);
    for (const description of archiveXmp(meta)) append(description);
  };
}

// ---------------------------------------------------------------------------------------------

/** The pdfmake document definition for a Document (exported for inspection and tests). */
export function pdfDefinition(doc: Document): TDocumentDefinitions {
  const content: Content[] = [];
  doc.parts.forEach((p, i) => {
    const nodes = part(p);
    if (i > 0 && nodes[0]) Object.assign(nodes[0], { pageBreak: 'before' });
    // Top-level blocks carry an id so the page-break callback can tell them from their own runs.
    for (const n of nodes) if (typeof n === 'object' && n !== null) Object.assign(n, { id: `${BLOCK_ID}${content.length}` }), content.push(n);
  });
  const body = STYLES.body;
  return {
    pageSize: { width: mmToPt(PAGE.widthMm), height: mmToPt(PAGE.heightMm) },
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(PAGE.margin.leftMm), mmToPt(PAGE.margin.topMm), mmToPt(PAGE.margin.rightMm), mmToPt(PAGE.margin.bottomMm)],
    defaultStyle: {
      font: FONT.pdf,
      fontSize: body.size,
      alignment: body.align,
      lineHeight: (body.lineMultiple ?? 1) * singleSpacing(),
      color: `#${FONT.colour}`,
    },
    header: (currentPage: number) => pageNumber(currentPage),
    content,
    pageBreakBefore,
    version: '1.7',
    subset: 'PDF/A-2b',
    language: 'vi-VN',
    // pdfmake capitalises these keys into the Info dictionary (dropping empty values) and hands it to pdfkit.
    info: (({ Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate }) => ({
      title: Title,
      author: Author,
      subject: Subject,
      keywords: Keywords,
      creator: Creator,
      producer: Producer,
      creationDate: CreationDate,
      modDate: ModDate,
    }))(pdfInfoOf(doc)),
  };
}

/** Renders the document to PDF bytes. Same Document → same bytes. */
export async function writePdf(doc: Document): Promise<Buffer> {
  pdfmake.setFonts({ [FONT.pdf]: { ...FONT_PATHS } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(insideFontsDir);
  patchJustification();
  patchShapingCache();
  const out = pdfmake.createPdf(pdfDefinition(doc));
  patchXmp((await out.getStream()) as unknown as PdfKitInternals, doc.meta);
  return out.getBuffer();
}
