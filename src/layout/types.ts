// What the layout stage decides: pages of positioned text runs and rules, independent of any output
// format. Plain data (JSON-serializable), so tests can dump and compare it. Coordinates are points
// from the top-left corner of the page; a text run's y is its baseline.

import type { Picture } from '../model/ast.ts';
import type { Face } from './fonts.ts';

/** The structure a piece of text belongs to, for the tagged PDF (reading order and roles). */
export type StructRole = 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Note' | 'Table' | 'TR' | 'TH' | 'TD' | 'Artifact';

export interface StructElement {
  role: StructRole;
  parent: number | null; // index in LaidDocument.structure, null for a child of the document
  /** Alternate or expanded text, such as a heading's full title: not used for now. */
  title?: string;
}

// `colour` of a text or a line: an RGB hex triplet ("FF0000", the độ khẩn stamps); black when absent.
export type PageItem =
  // a run of text in one face and size on a baseline; `spaceExtra` widens each U+0020 of the run (justification)
  | { type: 'text'; x: number; y: number; face: Face; size: number; text: string; spaceExtra: number; struct: number; colour?: string }
  // a horizontal rule from x1 to x2 whose centre line is at y
  | { type: 'rule'; x1: number; x2: number; y: number; thickness: number }
  // a straight line between two points (table borders)
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; colour?: string }
  // a picture (signature, seal) in the box whose top-left corner is (x, y)
  | { type: 'image'; x: number; y: number; width: number; height: number; picture: Picture };

export interface LaidPage {
  width: number;
  height: number;
  /** The number printed on the page (null: none, as on page 1), counted in its own numbering sequence. */
  number: number | null;
  items: PageItem[];
}

export interface LaidDocument {
  pages: LaidPage[];
  structure: StructElement[];
}

/** The item moved down by `dy` points. */
export function moved(item: PageItem, dy: number): PageItem {
  return item.type === 'line' ? { ...item, y1: item.y1 + dy, y2: item.y2 + dy } : { ...item, y: item.y + dy };
}
