// Page breaking, with the rules Word and LibreOffice apply to a DOCX: a block's lines fill the page; a
// page break may not fall where a rule forbids it (inside a kept-together block, between a heading and
// the block it keeps with, before the second or after the last-but-one line of a paragraph with
// widow and orphan control); when the page overflows, the break moves back to the last place allowed
// on the page, and where none is, falls where the page is full (as Word does with an impossible keep).

import type { PageItem } from './types.ts';

export type BreakRule = 'allow' | 'avoid' | 'force';

/** One unbreakable piece of the flow: a line of a paragraph, a table row kept whole, a rule. */
export interface Unit {
  height: number;
  before: number; // space above the unit (a block's space before, on its first unit)
  after: number; // space below (a block's space after, on its last unit); need not fit at the page foot
  items: PageItem[]; // y relative to the unit's top edge (below `before`)
  breakBefore: BreakRule;
  block: number; // the block (paragraph, table row) the unit belongs to
  keepWithNext: boolean; // its block stays on the page of the next block's first unit
}

export interface PageOfUnits {
  units: Array<{ unit: Unit; top: number }>; // top: y of the unit's top edge from the top of the body area
}

const EPSILON = 0.01;

/**
 * Where the page that starts at `start` and overflows at unit `i` ends. A block kept with the next one
 * moves to the next page as a whole (its part on this page), as LibreOffice moves a kept paragraph,
 * rather than leaving a line or two behind.
 */
function breakPoint(units: Unit[], start: number, i: number): number {
  let j = i;
  for (;;) {
    while (j > start + 1 && units[j]!.breakBefore !== 'allow') j--;
    if (units[j]!.breakBefore !== 'allow') return i; // nowhere allowed: break where the page is full
    const u = units[j]!;
    if (u.block === units[i]!.block || !u.keepWithNext) return j;
    let k = j;
    while (k > start && units[k - 1]!.block === u.block) k--;
    if (k === start || k === j) return j; // the block starts the page: it cannot move whole
    j = k;
    if (units[j]!.breakBefore === 'allow') return j;
  }
}

/** Distributes units over pages of body height `height`. */
export function paginate(units: Unit[], height: number): PageOfUnits[] {
  const pages: PageOfUnits[] = [];
  let start = 0;
  while (start < units.length) {
    const placed: Array<{ unit: Unit; top: number }> = [];
    let y = 0;
    let prevAfter = 0;
    let i = start;
    // After a page break that a rule made (not a forced one), the space before at the top is dropped.
    const natural = start > 0 && units[start]!.breakBefore !== 'force';
    for (; i < units.length; i++) {
      const u = units[i]!;
      if (i > start && u.breakBefore === 'force') break;
      // Between paragraphs the larger of the space after and the space before (LibreOffice with a DOCX).
      const top = y + (i === start && natural ? 0 : Math.max(prevAfter, u.before));
      if (i > start && top + u.height > height + EPSILON) {
        // Overflow: move the break back to the last allowed place after the first unit of the page.
        const j = breakPoint(units, start, i);
        placed.length = j - start;
        i = j;
        break;
      }
      placed.push({ unit: u, top });
      y = top + u.height;
      prevAfter = u.after;
    }
    pages.push({ units: placed });
    start = i;
  }
  return pages;
}
