// The layout stage: a Document and the style sheet → pages of positioned text runs and rules.
// It decides every line and page break; the PDF writer only draws what it decided, and the DOCX writer
// states the same rules (styles, keep-with-next, widow control, unbreakable spans) so that a word
// processor breaks the DOCX where this breaks the PDF.

import { hasFootnotes, type Block, type Closing, type Document, type Header, type Inline, type Mark, type Part, type Role, type Signature, type Title } from '../model/ast.ts';
import {
  ADDRESS_STRIP, MARKS, MARK_COLOURS, CLOSING_COLUMNS_MM, FOOTNOTES, HEADER_COLUMNS_MM, LEADING_SPACER_PT, PAGE, TABLES, PAGE_NUMBER, PAGINATION, ROLE_STYLES, RULES, STYLES,
  mmToGridPt as mmToPt, mmToPt as exactMmToPt, textWidthGridPt, type TextStyle,
} from '../style/nd30.ts';
import { MOTTO, NATIONAL_NAME, RECIPIENTS_LABEL } from '../text/national.ts';
import { faceOf, lineMetrics } from './fonts.ts';
import { paginate, type BreakRule, type Unit } from './paginate.ts';
import { breakParagraph, type Line, type StyledRun } from './paragraph.ts';
import { signatureSpace } from './signature-pictures.ts';
import { columnWidths, rowUnit } from './table.ts';
import { moved, type LaidDocument, type LaidPage, type PageItem, type StructElement, type StructRole } from './types.ts';

type Style = TextStyle & { labelBold?: boolean };

/** A paragraph laid out in a column: its lines as units, y relative to each line's top. */
interface LaidParagraph {
  units: Unit[];
}

/** The page a part is set on: A4 portrait or landscape, the same margins. */
interface Geometry {
  width: number; // the sheet, exact A4
  height: number;
  left: number; // the text area, on the DOCX's twip grid
  top: number;
  textWidth: number;
  bodyHeight: number;
}

function geometry(landscape: boolean): Geometry {
  const [w, h] = landscape ? [PAGE.heightMm, PAGE.widthMm] : [PAGE.widthMm, PAGE.heightMm];
  const top = mmToPt(PAGE.margin.topMm);
  return {
    width: exactMmToPt(w),
    height: exactMmToPt(h),
    left: mmToPt(PAGE.margin.leftMm),
    top,
    textWidth: textWidthGridPt(landscape),
    bodyHeight: mmToPt(h) - top - mmToPt(PAGE.margin.bottomMm),
  };
}

class Layout {
  readonly structure: StructElement[] = [];
  geometry: Geometry = geometry(false);
  /** Footnotes by number (from 1, in reading order): their lines in the text column. */
  readonly notes = new Map<number, Unit[]>();

  /** Lays out a footnote's text and returns its number. */
  note(content: Inline[]): number {
    const n = this.notes.size + 1;
    const s = STYLES.footnote;
    const runs = [markRun(n, s), ...runsOf([{ type: 'text', text: ' ' }, ...content], s, undefined, this)];
    this.notes.set(n, []); // reserve the number before nested notes (none are read) could take it
    this.notes.set(n, this.paragraph(runs, s, this.geometry.left, this.geometry.textWidth, 'Note').units);
    return n;
  }

  struct(role: StructRole, parent: number | null = null): number {
    this.structure.push({ role, parent });
    return this.structure.length - 1;
  }

  /** Lines of a paragraph in a column starting at `x` and `width` wide, as flow units. */
  paragraph(runs: StyledRun[], s: Style, x: number, width: number, role: StructRole, opts: { before?: number; parent?: number } = {}): LaidParagraph {
    const struct = this.struct(role, opts.parent ?? null);
    const lines = breakParagraph({
      runs: runs.length ? runs : [{ text: '', face: faceOf(!!s.bold, !!s.italic), size: s.size }],
      width,
      firstIndent: mmToPt(s.indentFirstMm ?? 0),
      leftIndent: mmToPt(s.indentLeftMm ?? 0),
      align: s.align,
    });
    const m = lineMetrics(s.size, s.lineMultiple ?? 1);
    const n = lines.length;
    const units = lines.map((line: Line, i): Unit => {
      const items: PageItem[] = line.pieces.map((p) => ({
        type: 'text', x: x + p.x, y: m.baseline - (p.rise ?? 0), face: p.face, size: p.size, text: p.text, spaceExtra: p.spaceExtra, struct,
      }));
      const notes = line.pieces.flatMap((p) => (p.note && p.rise ? [p.note] : []));
      let breakBefore: BreakRule = 'allow';
      if (i > 0 && (s.keepLines || (PAGINATION.widowControl && (i < PAGINATION.minLines || n - i < PAGINATION.minLines)))) breakBefore = 'avoid';
      const unit: Unit = { height: m.height, before: i === 0 ? (opts.before ?? s.beforePt ?? 0) : 0, after: i === n - 1 ? (s.afterPt ?? 0) : 0, items, breakBefore, block: 0, keepWithNext: false };
      if (notes.length && role !== 'Note') unit.notes = notes;
      return unit;
    });
    return { units };
  }

  /** A short centred rule under a text: `fraction` of the widest line the text takes in its column. */
  rule(text: string, s: Style, fraction: number, x: number, width: number): Unit {
    const lines = text.split('\n').flatMap((t) => breakParagraph({ runs: [{ text: t, face: faceOf(!!s.bold, !!s.italic), size: s.size }], width, firstIndent: 0, leftIndent: 0, align: 'left' }));
    const widest = Math.max(0, ...lines.map((l) => l.width));
    const length = Math.min(width, widest * fraction);
    const x1 = x + (width - length) / 2;
    const y = RULES.gapPt + RULES.thicknessPt / 2;
    return { height: RULES.gapPt + RULES.thicknessPt, before: 0, after: 0, items: [{ type: 'rule', x1, x2: x1 + length, y, thickness: RULES.thicknessPt }], breakBefore: 'allow', block: 0, keepWithNext: false };
  }
}

/** A header name with the author's line breaks: one paragraph per line, in one style. */
function nameLines(L: Layout, text: string, s: Style, x: number, width: number): Unit[] {
  return text.split('\n').flatMap((t) => L.paragraph(plain(t, s), s, x, width, 'P').units);
}

/**
 * A boxed mark as the DOCX states it: a paragraph whose single border is `paddingPt` off its text above
 * and below, the decree's width (or its text's and padding), at the column's left or centred in it.
 */
function markUnits(L: Layout, m: Mark, x: number, colWidth: number, atLeft: boolean): Unit[] {
  const s = STYLES.mark;
  const textWidth = Math.max(0, ...breakParagraph({ runs: plain(m.text, s), width: colWidth, firstIndent: 0, leftIndent: 0, align: 'left' }).map((l) => l.width));
  const width = Math.min(colWidth, m.widthMm !== undefined ? exactMmToPt(m.widthMm) : textWidth + 2 * exactMmToPt(MARKS.sidePaddingMm));
  const x1 = atLeft ? x : x + (colWidth - width) / 2;
  const inset = MARKS.paddingPt + MARKS.borderPt;
  const units = L.paragraph(plain(m.text, s), s, x1, width, 'P').units;
  const first = units[0]!;
  const last = units[units.length - 1]!;
  const height = units.reduce((h, u) => h + u.height, 0) + 2 * inset;
  const items: PageItem[] = [];
  // The độ khẩn stamps are in bright red ink, text and border (Phụ lục I, III.2.b).
  const ink = m.box === 'urgency' ? { colour: MARK_COLOURS.urgency } : {};
  let y = inset;
  for (const u of units) {
    for (const it of u.items) items.push({ ...moved(it, y), ...(it.type === 'text' ? ink : {}) });
    y += u.height;
  }
  const t = MARKS.borderPt;
  const [top, bottom, x2] = [t / 2, height - t / 2, x1 + width];
  items.push(
    { type: 'line', x1, y1: top, x2, y2: top, thickness: t, ...ink },
    { type: 'line', x1, y1: bottom, x2, y2: bottom, thickness: t, ...ink },
    { type: 'line', x1, y1: top, x2: x1, y2: bottom, thickness: t, ...ink },
    { type: 'line', x1: x2, y1: top, x2, y2: bottom, thickness: t, ...ink },
  );
  return [{ ...first, height, after: last.after, items }];
}

/** A footnote's reference mark: its number, superscript. */
function markRun(n: number, s: Style): StyledRun {
  // raised so that its top meets the top of the full-size text (what LibreOffice's automatic superscript does)
  const rise = lineMetrics(s.size).baseline * (1 - FOOTNOTES.markScale);
  return { text: String(n), face: faceOf(!!s.bold, !!s.italic), size: s.size * FOOTNOTES.markScale, rise, note: n };
}

function runsOf(content: Inline[], s: Style, label?: string, L?: Layout): StyledRun[] {
  const out: StyledRun[] = [];
  if (label !== undefined && label !== '') out.push({ text: `${label} `, face: faceOf(!!s.bold || !!s.labelBold, !!s.italic), size: s.size });
  for (const i of content) {
    if (i.type === 'note') {
      if (L) out.push(markRun(L.note(i.content), s));
      continue;
    }
    const text = i.type === 'ref' ? (i.text ?? `[${i.target}]`) : i.text;
    const bold = !!s.bold || (i.type === 'text' && !!i.bold);
    const italic = !!s.italic || (i.type === 'text' && !!i.italic);
    out.push({ text, face: faceOf(bold, italic), size: s.size });
  }
  return out;
}

const plain = (text: string, s: Style): StyledRun[] => [{ text, face: faceOf(!!s.bold, !!s.italic), size: s.size }];

/** Several columns side by side as one unit (a table row that is never split). */
function row(columns: Unit[][]): Unit {
  const items: PageItem[] = [];
  let height = 0;
  for (const col of columns) {
    let y = 0;
    let prevAfter = 0;
    col.forEach((u, i) => {
      const top = y + Math.max(i > 0 ? prevAfter : 0, u.before);
      for (const it of u.items) items.push(moved(it, top));
      y = top + u.height;
      prevAfter = u.after;
    });
    height = Math.max(height, y);
  }
  return { height, before: 0, after: 0, items, breakBefore: 'allow', block: 0, keepWithNext: false };
}

const blockRole = (b: Exclude<Block, { type: 'table' }>): Role | undefined => (b.type === 'paragraph' ? undefined : (b.role ?? (b.type === 'heading' ? 'section' : b.ordered ? 'clause' : 'dash')));

/** A table's rows as units: the header row kept with the first row and repeated on every page. */
function tableUnits(L: Layout, t: Extract<Block, { type: 'table' }>, left: number, width: number): Unit[] {
  const style = (c: number, header: boolean): Style => (header ? STYLES.tableHeader : { ...STYLES.tableCell, align: t.align[c] ?? 'left' });
  // the runs are made once: making them registers the footnotes of the cells
  const rows = [t.header, ...t.rows].map((r, k) => r.map((cell, c) => runsOf(cell, style(c, k === 0), undefined, L)));
  const widths = columnWidths(t, width);
  const margin = mmToPt(TABLES.cellMarginMm);
  const table = L.struct('Table');
  const units = rows.map((r, k) => {
    let x = left;
    const tr = L.struct('TR', table);
    const cells = r.map((runs, c) => {
      const u = L.paragraph(runs, style(c, k === 0), x + margin, widths[c]! - 2 * margin, k === 0 ? 'TH' : 'TD', { parent: tr }).units;
      x += widths[c]!;
      return u;
    });
    return rowUnit(cells, left, widths);
  });
  for (const u of units.slice(1)) u.repeat = units[0]!;
  return units;
}
const STRUCT_OF_ROLE: Partial<Record<Role, StructRole>> = { part: 'H1', section: 'H2', subsection: 'H3' };

/** Units of one part (a text of the file), each block's units with their break rules. */
function partUnits(L: Layout, p: Part, firstBlock: number): Unit[] {
  const { left, textWidth: width } = L.geometry;
  const blocks: Array<{ units: Unit[]; keepWithNext: boolean }> = [];
  const add = (units: Unit[], keepWithNext: boolean) => blocks.push({ units, keepWithNext });
  const para = (runs: StyledRun[], s: Style, role: StructRole = 'P') => add(L.paragraph(runs, s, left, width, role).units, !!s.keepWithNext);

  if (p.header) add(headerRows(L, p.header, left), false);
  if (p.title) title(L, p.title, left, width, add, para);
  p.addressees?.lines.forEach((l, i) => {
    const s = i === 0 ? STYLES.addresseeLabel : STYLES.addressee;
    para(plain(l, s), s);
  });
  if (p.authority !== undefined && p.authority !== '') para(plain(p.authority, STYLES.authority), STYLES.authority);
  for (const basis of p.bases) para(plain(basis, STYLES.basis), STYLES.basis);
  if (p.enacting !== undefined && p.enacting !== '') para(plain(p.enacting, STYLES.enacting), STYLES.enacting);
  p.body.forEach((b, i) => {
    if (b.type === 'table') {
      for (const [k, u] of tableUnits(L, b, left, width).entries()) add([u], k === 0);
      return;
    }
    const role = blockRole(b);
    if (role && ROLE_STYLES[role].labelLine) {
      // "Chương I" on its line, the title in capitals under it
      const ls = ROLE_STYLES[role];
      para(plain(b.type === 'paragraph' ? '' : (b.label ?? ''), ls), ls, 'H1');
      para(runsOf(b.content, STYLES.headingTitle, undefined, L), STYLES.headingTitle, 'H1');
      return;
    }
    const s: Style = role ? ROLE_STYLES[role] : STYLES.body;
    const label = b.type === 'paragraph' ? undefined : b.label;
    // The end of the text goes with its signature (at least two lines of it, by widow control).
    const last = i === p.body.length - 1 && p.closing !== undefined;
    add(L.paragraph(runsOf(b.content, s, label, L), s, left, width, role ? (STRUCT_OF_ROLE[role] ?? 'P') : 'P').units, !!s.keepWithNext || last);
  });
  if (p.closing) add([closingRow(L, p.closing, left)], false);

  const units: Unit[] = [];
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    b.units.forEach((u, k) => {
      if (k === 0) u.breakBefore = prev?.keepWithNext ? 'avoid' : 'allow';
      // LibreOffice never splits a paragraph kept with the next one (it moves it whole), so neither do we
      else if (b.keepWithNext) u.breakBefore = 'avoid';
      u.block = firstBlock + i;
      u.keepWithNext = b.keepWithNext;
      units.push(u);
    });
  });
  return units;
}

function title(
  L: Layout, t: Title, left: number, width: number,
  add: (units: Unit[], keepWithNext: boolean) => void,
  para: (runs: StyledRun[], s: Style, role?: StructRole) => void,
): void {
  para(plain(t.docType, STYLES.docType), STYLES.docType, 'H1');
  para(plain(t.subject, STYLES.subject), STYLES.subject, 'H1');
  if (t.issuedWith !== undefined && t.issuedWith !== '') {
    para(plain(t.issuedWith, STYLES.issuedWith), STYLES.issuedWith);
    add([L.rule(t.issuedWith, STYLES.issuedWith, RULES.underIssuedWith, left, width)], !!STYLES.issuedWith.keepWithNext);
  } else {
    add([L.rule(t.subject, STYLES.subject, RULES.underSubject, left, width)], !!STYLES.subject.keepWithNext);
  }
}

/** Ô 1–4: issuer and số on the left, Quốc hiệu, Tiêu ngữ and date on the right; each row kept whole. */
function headerRows(L: Layout, h: Header, left: number): Unit[] {
  const lw = mmToPt(HEADER_COLUMNS_MM.left);
  const rw = mmToPt(HEADER_COLUMNS_MM.right);
  const rx = left + lw;
  const marks = (box: Mark['box'], x: number, w: number, atLeft: boolean) => (h.marks ?? []).filter((m) => m.box === box).flatMap((m) => markUnits(L, m, x, w, atLeft));
  const rows: Unit[] = [];
  // the draft mark above ô 2, phạm vi lưu hành (ô 11) above ô 1, as in the DOCX
  const draft = marks('draft', left, lw, false);
  const circulation = marks('circulation', rx, rw, false);
  const empty = (x: number, w: number) => L.paragraph(plain('', STYLES.mark), STYLES.mark, x, w, 'P').units;
  if (draft.length || circulation.length) rows.push(row([draft.length ? draft : empty(left, lw), circulation.length ? circulation : empty(rx, rw)]));
  const issuer: Unit[] = [];
  if (h.parent !== undefined && h.parent !== '') issuer.push(...nameLines(L, h.parent, STYLES.parentBody, left, lw));
  issuer.push(...nameLines(L, h.issuer, STYLES.issuer, left, lw));
  issuer.push(L.rule(h.issuer, STYLES.issuer, RULES.underIssuer, left, lw));
  const national: Unit[] = [
    ...L.paragraph(plain(NATIONAL_NAME, STYLES.nationalName), STYLES.nationalName, rx, rw, 'P').units,
    ...L.paragraph(plain(MOTTO, STYLES.motto), STYLES.motto, rx, rw, 'P').units,
    L.rule(MOTTO, STYLES.motto, RULES.underMotto, rx, rw),
  ];
  rows.push(row([issuer, national]));
  if (h.number !== undefined || h.placeDate !== undefined) {
    rows.push(row([
      [
        ...L.paragraph(plain(h.number ?? '', STYLES.number), STYLES.number, left, lw, 'P').units,
        ...(h.subjectLine !== undefined ? L.paragraph(plain(h.subjectLine, STYLES.subjectLine), STYLES.subjectLine, left, lw, 'P').units : []),
        ...marks('secrecy', left, lw, true),
        ...marks('urgency', left, lw, true),
      ],
      L.paragraph(plain(h.placeDate ?? '', STYLES.placeDate), STYLES.placeDate, rx, rw, 'P').units,
    ]));
  }
  return rows;
}

/** Ô 9b and 7: Nơi nhận on the left, level with the signature block on the right, never split. */
function closingRow(L: Layout, c: Closing, left0: number): Unit {
  const lw = mmToPt(CLOSING_COLUMNS_MM.left);
  const rw = mmToPt(CLOSING_COLUMNS_MM.right);
  const rx = left0 + lw;
  // The signature lines form one block: its space before is above the block, not between its lines.
  const signature = (sig: Signature, x: number, w: number) => [
    ...sig.lines.flatMap((l, i) => L.paragraph(plain(l, STYLES.signatureLine), STYLES.signatureLine, x, w, 'P', i === 0 ? {} : { before: 0 }).units),
    ...signerName(L, sig, x, w),
  ];
  const left: Unit[] = c.cosignature ? signature(c.cosignature, left0, lw) : [];
  if (c.recipients.length) {
    left.push(...L.paragraph(plain(RECIPIENTS_LABEL, STYLES.recipientsLabel), STYLES.recipientsLabel, left0, lw, 'P').units);
    const list = L.struct('L'); // the Nơi nhận items, after their label in the tagged PDF's reading order
    left.push(...c.recipients.flatMap((r) => L.paragraph(plain(r, STYLES.recipient), STYLES.recipient, left0, lw, 'LI', { parent: list }).units));
  }
  if (!left.length) left.push(...L.paragraph(plain('', STYLES.recipient), STYLES.recipient, left0, lw, 'P').units);
  return row([left, signature(c.signature, rx, rw)]);
}

/** The signer's name after the signature space (ô 7c), with the signature and seal images drawn in that space. */
function signerName(L: Layout, sig: Signature, x: number, w: number): Unit[] {
  const space = signatureSpace(sig, w);
  const units = L.paragraph(plain(sig.name, STYLES.signerName), STYLES.signerName, x, w, 'P', { before: space.heightPt + ((STYLES.signerName as Style).beforePt ?? 0) }).units;
  // The space ends where the name's unit begins; the seal is drawn last, over the signature.
  const top = -space.heightPt;
  const pictures = [space.image, space.seal].flatMap((p): PageItem[] => (p ? [{ type: 'image', x: x + p.xPt, y: top + p.yPt, width: p.widthPt, height: p.heightPt, picture: p.picture }] : []));
  if (pictures.length) units[0] = { ...units[0]!, items: [...units[0]!.items, ...pictures] };
  return units;
}

/**
 * Ô 13 at the foot of page 1, as the DOCX's first-page footer sets it: the last line ends at the footer
 * distance from the bottom edge, a rule across the text width above the first.
 */
function addressStrip(L: Layout, text: string, g: Geometry): PageItem[] {
  const s = STYLES.addressStrip;
  const units = L.paragraph(plain(text, s), s, g.left, g.textWidth, 'Artifact').units;
  const height = units.reduce((h, u) => h + u.height, 0);
  const top = g.height - mmToPt(ADDRESS_STRIP.bottomMm) - height;
  const items: PageItem[] = [{ type: 'rule', x1: g.left, x2: g.left + g.textWidth, y: top - ADDRESS_STRIP.gapPt - ADDRESS_STRIP.rulePt / 2, thickness: ADDRESS_STRIP.rulePt }];
  let y = top;
  for (const u of units) {
    for (const it of u.items) items.push(moved(it, y));
    y += u.height;
  }
  return items;
}

/** Lays a document out on pages. */
export function layoutDocument(doc: Document): LaidDocument {
  const L = new Layout();
  const number = lineMetrics(STYLES.pageNumber.size);
  const numberStruct = L.struct('Artifact');
  const separator = FOOTNOTES.gapAbovePt + FOOTNOTES.separatorThicknessPt + FOOTNOTES.gapBelowPt;
  const pages: LaidPage[] = [];
  let blocks = 0;
  let pageNumber = 0;
  doc.parts.forEach((p, i) => {
    // Every part starts a page; each has its own page set-up and may start its own numbering.
    const g = (L.geometry = geometry(!!p.landscape));
    const units = partUnits(L, p, blocks);
    if (i === 0 && hasFootnotes(doc)) units.unshift({ height: LEADING_SPACER_PT, before: 0, after: 0, items: [], breakBefore: 'allow', block: -1, keepWithNext: false });
    blocks += units.length;
    if (i === 0 || p.restartPageNumbers) pageNumber = 0;
    for (const pg of paginate(units, g.bodyHeight, { lines: L.notes, separator })) {
      pageNumber++;
      const items: PageItem[] = [];
      const shown = pageNumber > 1 || PAGE_NUMBER.firstPageShown;
      if (shown) {
        const s = STYLES.pageNumber;
        const lines = breakParagraph({ runs: plain(String(pageNumber), s), width: g.textWidth, firstIndent: 0, leftIndent: 0, align: s.align });
        for (const piece of lines[0]!.pieces) {
          items.push({ type: 'text', x: g.left + piece.x, y: mmToPt(PAGE.headerDistanceMm) + number.baseline, face: piece.face, size: piece.size, text: piece.text, spaceExtra: 0, struct: numberStruct });
        }
      }
      for (const { unit, top: t } of pg.units) for (const it of unit.items) items.push(moved(it, g.top + t));
      if (pages.length === 0 && p.addressStrip) items.push(...addressStrip(L, p.addressStrip, g));
      if (pg.notes.rule !== null) {
        const y = g.top + pg.notes.rule + FOOTNOTES.gapAbovePt + FOOTNOTES.separatorThicknessPt / 2;
        items.push({ type: 'rule', x1: g.left, x2: g.left + g.textWidth * FOOTNOTES.separatorFraction, y, thickness: FOOTNOTES.separatorThicknessPt });
      }
      for (const { unit, top: t } of pg.notes.lines) for (const it of unit.items) items.push(moved(it, g.top + t));
      pages.push({ width: g.width, height: g.height, number: shown ? pageNumber : null, items });
    }
  });
  return { pages, structure: L.structure };
}
