// Tables: the two layout tables (the national header, ô 1–4, and the closing, ô 9b and 7), borderless with
// fixed columns, and the tables of the body in the layout stage's column widths.

import type { Block, Closing, Header, Mark, Signature } from '../../model/ast.ts';
import { columnWidths } from '../../layout/table.ts';
import { signatureSpace } from '../../layout/signature-pictures.ts';
import { CLOSING_COLUMNS_MM, HEADER_COLUMNS_MM, RULES, SIGNATURE_SPACE_PT, STYLES, TABLES, mmToGridPt, mmToTwips, textWidthGridPt } from '../../style/nd30.ts';
import { MOTTO, NATIONAL_NAME, RECIPIENTS_LABEL } from '../../text/national.ts';
import { borderAttrs, paragraphXml, type Paragraph, type Paragraphs } from './paragraphs.ts';
import type { Media } from './pictures.ts';
import { inlineParts } from './runs.ts';
import { TWIPS_PER_PT, ptToTwips } from './units.ts';

const NONE = 'w:val="none" w:color="auto" w:sz="0"';
const NO_CELL_BORDERS = `<w:tcBorders><w:top ${NONE}/><w:left ${NONE}/><w:bottom ${NONE}/><w:right ${NONE}/></w:tcBorders>`;
const cellMargins = (side: number) =>
  `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${side}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${side}"/></w:tblCellMar>`;

function tableXml(widths: number[], borders: string, margin: number, rows: string): string {
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>${cellMargins(margin)}</w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows}</w:tbl>`
  );
}

const cellXml = (width: number, borders: string, paragraphs: string) =>
  `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${borders}<w:vAlign w:val="top"/></w:tcPr>${paragraphs}</w:tc>`;

const paragraphsXml = (ps: Paragraph[]) => ps.map((p) => paragraphXml(p)).join('');

function layoutTable(columnsMm: { left: number; right: number }, rows: Array<[Paragraph[], Paragraph[]]>, cantSplit = false): string {
  const widths = [mmToTwips(columnsMm.left), mmToTwips(columnsMm.right)];
  const trPr = cantSplit ? '<w:trPr><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit w:val="off"/></w:trPr>';
  const body = rows.map((cells) => `<w:tr>${trPr}${cells.map((c, i) => cellXml(widths[i]!, NO_CELL_BORDERS, paragraphsXml(c))).join('')}</w:tr>`).join('');
  const none = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${NONE}/>`).join('');
  return tableXml(widths, none, 0, body);
}

/**
 * A table of the body, in the layout's column widths: single borders, the header row repeated on every
 * page, no row split across pages, the header kept with the first row.
 */
export function bodyTable(ps: Paragraphs, t: Extract<Block, { type: 'table' }>, landscape = false): string {
  const widths = columnWidths(t, textWidthGridPt(landscape)).map((w) => Math.round(w * TWIPS_PER_PT));
  const line = borderAttrs(TABLES.borderPt, 0);
  const cellBorders = `<w:tcBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/></w:tcBorders>`;
  const rows = [t.header, ...t.rows]
    .map((cells, k) => {
      const trPr = k === 0 ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/><w:tblHeader w:val="off"/></w:trPr>';
      const tcs = cells.map((cell, c) => {
        const align = k === 0 ? undefined : t.align[c];
        const p = ps.make(k === 0 ? 'tableHeader' : 'tableCell', ps.runs(inlineParts(cell)), {
          ...(k === 0 ? { keepNext: true } : {}),
          ...(align && align !== STYLES.tableCell.align ? { align } : {}),
        });
        return cellXml(widths[c] ?? 0, cellBorders, paragraphXml(p));
      });
      return `<w:tr>${trPr}${tcs.join('')}</w:tr>`;
    })
    .join('');
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${line}/>`).join('');
  return tableXml(widths, borders, mmToTwips(TABLES.cellMarginMm), rows);
}

/** Ô 1–4: the issuer and số on the left, Quốc hiệu, Tiêu ngữ and date on the right. */
export function headerTable(ps: Paragraphs, h: Header): string {
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
  const right = [ps.text('nationalName', NATIONAL_NAME), ps.text('motto', MOTTO), ps.rule('motto', MOTTO, RULES.underMotto, HEADER_COLUMNS_MM.right)];
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

/**
 * A signature block: its title lines, the space for the handwritten signature and seal, and the name.
 * With pictures (an electronic issue) the space takes signatureSpace()'s height and the pictures are
 * anchored in the name's paragraph, whose space before is the signature space.
 */
function signatureBlock(ps: Paragraphs, media: Media, sig: Signature, columnMm: number): Paragraph[] {
  const lines = sig.lines.map((l) => ps.text('signatureLine', l));
  const space = signatureSpace(sig, mmToGridPt(columnMm));
  const before = (STYLES.signerName as { beforePt?: number }).beforePt ?? 0;
  const name = ps.text('signerName', sig.name, space.heightPt === SIGNATURE_SPACE_PT ? {} : { spacing: { before: ptToTwips(before + space.heightPt) } });
  // pictures measured from the paragraph's top: the signature space starts after the name's own space before
  const top = (y: number) => before + y;
  let drawings = '';
  if (space.image) drawings += media.anchored(space.image, 'Chữ ký', top(space.image.yPt), 1);
  if (space.seal) drawings += media.anchored(space.seal, 'Con dấu', top(space.seal.yPt), 2);
  return [...lines, { props: name.props, runs: drawings + name.runs }];
}

/** Ô 9b and 7: Nơi nhận on the left, level with the signature block on the right. */
export function closingTable(ps: Paragraphs, media: Media, c: Closing): string {
  const recipients = c.recipients.length ? [ps.text('recipientsLabel', RECIPIENTS_LABEL), ...c.recipients.map((r) => ps.text('recipient', r))] : [];
  const left = [...(c.cosignature ? signatureBlock(ps, media, c.cosignature, CLOSING_COLUMNS_MM.left) : []), ...recipients];
  if (!left.length) left.push(ps.text('recipient', ''));
  const right = signatureBlock(ps, media, c.signature, CLOSING_COLUMNS_MM.right);
  // the block is never split across pages: the signature stays with its Nơi nhận (and, through the
  // keep-with-next of the last body paragraph, with the end of the text it signs)
  return layoutTable(CLOSING_COLUMNS_MM, [[left, right]], true);
}
