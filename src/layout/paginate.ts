// Page breaking, with the rules Word and LibreOffice apply to a DOCX: a block's lines fill the page; a
// page break may not fall where a rule forbids it (inside a kept-together block, between a heading and
// the block it keeps with, before the second or after the last-but-one line of a paragraph with
// widow and orphan control); when the page overflows, the break moves back to the last place allowed
// on the page, and where none is, falls where the page is full (as Word does with an impossible keep).
// Footnotes go to the foot of the page of their mark, above the bottom margin, under a short rule; the
// body makes room for them; a note too long for the room left continues at the foot of the next page.

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
  notes?: number[]; // footnotes whose marks are on this line
  repeat?: Unit; // a table's header row, set again above this row when it starts a page
}

export interface Placed {
  unit: Unit;
  top: number; // y of the unit's top edge from the top of the body area
}

export interface PageOfUnits {
  units: Placed[];
  /** The footnote area: its rule's y (null when the page has no note) and the note lines. */
  notes: { rule: number | null; lines: Placed[] };
}

/** The footnote area's geometry: the rule's room above the first note line. */
export interface NoteArea {
  lines: Map<number, Unit[]>; // each note's lines, laid out in the text column
  separator: number; // height of the gap, the rule and the gap under it
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

const sum = (us: Unit[]) => us.reduce((a, u) => a + u.height, 0);

/** Distributes units over pages of body height `height`, footnotes at the foot of their mark's page. */
export function paginate(units: Unit[], height: number, notes: NoteArea = { lines: new Map(), separator: 0 }): PageOfUnits[] {
  const pages: PageOfUnits[] = [];
  const linesOf = (u: Unit) => (u.notes ?? []).flatMap((n) => notes.lines.get(n) ?? []);
  let carry: Unit[] = []; // note lines continued from the page before
  let start = 0;
  while (start < units.length || carry.length) {
    const placed: Placed[] = [];
    let noteLines: Unit[] = [...carry];
    let y = 0;
    let prevAfter = 0;
    let i = start;
    let next: Unit[] = [];
    const area = (ls: Unit[]) => (ls.length ? notes.separator + sum(ls) : 0);
    // After a page break that a rule made (not a forced one), the space before at the top is dropped.
    const natural = start > 0 && units[start]?.breakBefore !== 'force';
    // A table continued from the page before: its header row first.
    const header = start > 0 ? units[start]?.repeat : undefined;
    if (header && units[start - 1] !== header) {
      placed.push({ unit: header, top: 0 });
      y = header.height;
    }
    const first = placed.length;
    for (; i < units.length; i++) {
      const u = units[i]!;
      if (i > start && u.breakBefore === 'force') break;
      // Between paragraphs the larger of the space after and the space before (LibreOffice with a DOCX).
      const top = y + (i === start && natural ? 0 : Math.max(prevAfter, u.before));
      const own = linesOf(u);
      if (top + u.height + area([...noteLines, ...own]) > height + EPSILON) {
        // Its notes may start here and continue on the next page, if their first line fits.
        const room = height - top - u.height - (noteLines.length ? sum(noteLines) : 0) - notes.separator;
        let fit = 0;
        while (fit < own.length && sum(own.slice(0, fit + 1)) <= room + EPSILON) fit++;
        if (own.length && fit > 0 && (i === start || top + u.height <= height + EPSILON)) {
          placed.push({ unit: u, top });
          noteLines.push(...own.slice(0, fit));
          next = own.slice(fit);
          i++;
          break;
        }
        if (i > start) {
          // Overflow: move the break back to the last allowed place after the first unit of the page.
          const j = breakPoint(units, start, i);
          placed.length = first + j - start;
          noteLines = [...carry, ...placed.flatMap((p) => linesOf(p.unit))];
          i = j;
          break;
        }
      }
      placed.push({ unit: u, top });
      noteLines.push(...own);
      y = top + u.height;
      prevAfter = u.after;
    }
    // Note lines that overflow even an otherwise empty page continue on the next one.
    while (noteLines.length > 1 && area(noteLines) + (placed.length ? placed.at(-1)!.top + placed.at(-1)!.unit.height : 0) > height + EPSILON) next.unshift(noteLines.pop()!);
    const areaTop = height - area(noteLines);
    let ny = areaTop + notes.separator;
    const lines = noteLines.map((unit) => {
      const p = { unit, top: ny };
      ny += unit.height;
      return p;
    });
    pages.push({ units: placed, notes: { rule: noteLines.length ? areaTop : null, lines } });
    carry = next;
    start = i;
    if (placed.length === 0 && lines.length === 0) break; // nothing could be placed: stop rather than loop
  }
  return pages;
}
