// What the vendored fonts tell layout and the PDF, read once at build time (`npm run compile`, scripts/font-tables.mjs)
// into dist/font-tables.json: metrics, the glyph and advance of every code point the font maps, and each face's
// PDF subset of the fixed repertoire. A fresh process then needs neither fontkit's module (0.15–0.2 s to load) nor
// its subsetting (0.3 s for the four faces). A table is used only when the font file's SHA-256 is the one it was made
// from; otherwise, or without the file, everything is computed from the font as before, to the same bytes.

import { sha256 } from '../io/sha256.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bumped whenever the shape of a table changes: an older file is then ignored. */
export const TABLE_FORMAT = 1;

/** The tables' file, from this module (src/layout or dist/layout), not the cwd. */
export const TABLES_FILE = fileURLToPath(new URL('../../dist/font-tables.json', import.meta.url));

/** A face's subset of the repertoire, as the PDF embeds it. */
export interface SubsetTable {
  repertoire: string; // the key of the repertoire it holds (see pdf-fonts)
  baseFont: string;
  cids: number[]; // flat pairs: glyph id, CID
  fontFile: string; // base64 of the deflated font program
  fontFileLength: number;
  widths: string;
  toUnicode: string; // base64 of the deflated ToUnicode CMap
  descriptor: string;
}

export interface FaceTable {
  sha256: string; // of the font file the table was read from
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  glyphs: number[]; // flat triples: code point, glyph id, advance (every code point of the font's cmap)
  notdefAdvance: number; // what a code point the font lacks is set with
  subset: SubsetTable;
}

export interface FontTables {
  format: number;
  faces: Record<string, FaceTable>;
}

let tables: FontTables | null | undefined;

function readTables(): FontTables | null {
  if (process.env.VANBAN_FONT_TABLES === '0') return null;
  try {
    const t = JSON.parse(readFileSync(TABLES_FILE, 'utf8')) as FontTables;
    return t.format === TABLE_FORMAT ? t : null;
  } catch {
    return null; // not made yet (a checkout before its first compile): computed from the fonts
  }
}

/** The table of a face whose file holds `bytes`, or null when there is none for exactly these bytes. */
export function faceTable(face: string, bytes: Buffer): FaceTable | null {
  if (tables === undefined) tables = readTables();
  const t = tables?.faces[face];
  if (!t) return null;
  return sha256(bytes) === t.sha256 ? t : null;
}
