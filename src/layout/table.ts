// Tables of the body: column widths, and each row as one unit of the flow (a row is kept whole; the
// header row is repeated at the top of every page the table continues on). Both writers use these
// widths, so Word and LibreOffice wrap the cells where the PDF does.

import type { Block, Inline } from '../model/ast.ts';
import { STYLES, TABLES, mmToGridPt } from '../style/nd30.ts';
import { breakOpportunities } from './breaks.ts';
import { faceOf, textWidth, type Face } from './fonts.ts';
import { withNoBreakSpaces } from './unbreakable.ts';
import type { Unit } from './paginate.ts';
import { moved, type PageItem } from './types.ts';

/**
 * Column widths summing to `total` (points), by the automatic table layout of CSS 2.1 (17.5.2.2): each
 * column gets at least its longest word and, as far as the room goes, its longest cell on one line.
 */
export type TableBlock = Extract<Block, { type: 'table' }>;

/** The text of a cell as runs in their faces (a footnote mark is left out: it is too small to matter). */
function cellRuns(cell: Inline[], header: boolean): Array<{ text: string; face: Face; size: number }> {
  const s = header ? STYLES.tableHeader : STYLES.tableCell;
  return cell.flatMap((i) => {
    if (i.type === 'note') return [];
    const text = i.type === 'ref' ? (i.text ?? '') : i.text;
    return [{ text, face: faceOf(!!('bold' in s && s.bold) || (i.type === 'text' && !!i.bold), i.type === 'text' && !!i.italic), size: s.size }];
  });
}

export function columnWidths(t: TableBlock, total: number): number[] {
  const rows = [t.header, ...t.rows].map((r, k) => r.map((cell) => cellRuns(cell, k === 0)));
  const margin = 2 * mmToGridPt(TABLES.cellMarginMm);
  const cols = Math.max(...rows.map((r) => r.length));
  const min = new Array<number>(cols).fill(margin);
  const max = new Array<number>(cols).fill(margin);
  // A line must leave a twip free (paragraph.ts) and widths are rounded to twips: two twips of slack.
  const slack = 0.1;
  for (const row of rows) {
    row.forEach((runs, c) => {
      let whole = 0;
      for (const r of runs) {
        whole += textWidth(r.text, r.face, r.size);
        // the widest piece no line can break: a word, or a span such as "Tháng 12/2024" or "244/QĐ-BTP"
        const text = withNoBreakSpaces(r.text);
        const cuts = [0, ...breakOpportunities(text), text.length];
        for (let k = 1; k < cuts.length; k++) {
          const piece = text.slice(cuts[k - 1], cuts[k]).trimEnd();
          min[c] = Math.max(min[c]!, textWidth(piece, r.face, r.size) + margin + slack);
        }
      }
      max[c] = Math.max(max[c]!, whole + margin + slack);
    });
  }
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const minSum = sum(min);
  const maxSum = sum(max);
  let widths: number[];
  if (maxSum <= total) widths = max.map((m) => (m * total) / maxSum);
  else if (minSum >= total) widths = min.map((m) => (m * total) / minSum);
  else widths = min.map((m, c) => m + ((total - minSum) * (max[c]! - m)) / (maxSum - minSum));
  // whole twips, as the DOCX states them; the last column takes the rounding
  const twips = widths.map((w) => Math.round(w * 20));
  twips[twips.length - 1]! += Math.round(total * 20) - sum(twips);
  return twips.map((t) => t / 20);
}

/** A row of cells (each the lines of its text, already placed in its column), with its borders. */
export function rowUnit(cells: Unit[][], x: number, widths: number[]): Unit {
  const items: PageItem[] = [];
  const notes: number[] = [];
  let height = 0;
  for (const lines of cells) {
    let y = 0;
    for (const u of lines) {
      for (const it of u.items) items.push(moved(it, y));
      notes.push(...(u.notes ?? []));
      y += u.height;
    }
    height = Math.max(height, y);
  }
  const t = TABLES.borderPt;
  const right = x + widths.reduce((a, b) => a + b, 0);
  items.push({ type: 'line', x1: x, y1: 0, x2: right, y2: 0, thickness: t });
  items.push({ type: 'line', x1: x, y1: height, x2: right, y2: height, thickness: t });
  let at = x;
  for (const w of [0, ...widths]) {
    at += w;
    items.push({ type: 'line', x1: at, y1: 0, x2: at, y2: height, thickness: t });
  }
  const unit: Unit = { height, before: 0, after: 0, items, breakBefore: 'allow', block: 0, keepWithNext: false };
  if (notes.length) unit.notes = notes;
  return unit;
}
