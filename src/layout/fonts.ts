// Font metrics for layout, read from the embedded Liberation Serif files once per process.
// Word processors set Vietnamese text with the font's advance widths and no kerning (Word and
// LibreOffice do not kern a DOCX unless asked): a word's width is the sum of its glyphs' advances, in
// font units, so widths are exact integers and the same on every machine. Widths are cached per word.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Fontkit from 'fontkit';
import { FONT } from '../style/nd30.ts';
import { detach } from '../text/detach.ts';
import { faceTable, type FaceTable } from './font-tables.ts';

/** The vendored Liberation Serif files (repository folder `fonts/`), found from this module, not the cwd. */
export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

export type Face = keyof typeof FONT.files;
export const FACES = Object.keys(FONT.files) as Face[];

export const faceOf = (bold: boolean, italic: boolean): Face =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';

/** A glyph of the font: its id in the font file and its advance in font units. */
export interface GlyphInfo {
  id: number;
  advance: number;
}

export interface LoadedFace {
  face: Face;
  file: string;
  bytes: Buffer;
  /** fontkit's reading of the file, opened on first use (the tables answer most runs without it). */
  readonly font: Fontkit.Font;
  /** The build-time table of this very file, if there is one (see font-tables). */
  table: FaceTable | null;
  postscriptName: string;
  unitsPerEm: number;
  ascent: number; // font units above the baseline (hhea)
  descent: number; // font units below the baseline, positive
  lineGap: number; // hhea line gap: word processors put it above the ascent
  glyph(codePoint: number): GlyphInfo;
  /** Width of a string in font units (no kerning). */
  width(text: string): number;
}

const loaded = new Map<Face, LoadedFace>();
/** Strings up to this long (words, short runs) have their width cached for the process. */
export const CACHED_LENGTH = 32;

// Loaded synchronously when first needed: its CommonJS build is the same code as the ES module.
const requireHere = createRequire(import.meta.url);
let fontkit: typeof Fontkit | undefined;
const openFont = (bytes: Buffer): Fontkit.Font => (fontkit ??= requireHere('fontkit') as typeof Fontkit).create(bytes) as Fontkit.Font;

export function loadFace(face: Face): LoadedFace {
  let f = loaded.get(face);
  if (!f) loaded.set(face, (f = openFace(face, true)));
  return f;
}

/** A face read from its file; `useTable: false` reads everything with fontkit (what the tables are made from). */
export function openFace(face: Face, useTable: boolean): LoadedFace {
  const file = path.join(FONTS_DIR, FONT.files[face]);
  const bytes = readFileSync(file);
  const table = useTable ? faceTable(face, bytes) : null;
  let font: Fontkit.Font | undefined;
  const fontOf = (): Fontkit.Font => (font ??= openFont(bytes));
  const glyphs = new Map<number, GlyphInfo>();
  if (table) {
    const g = table.glyphs;
    for (let i = 0; i < g.length; i += 3) glyphs.set(g[i]!, { id: g[i + 1]!, advance: g[i + 2]! });
  }
  // A code point the font's cmap lacks: the table has every one it maps, so this is .notdef.
  const missing: GlyphInfo | undefined = table ? { id: 0, advance: table.notdefAdvance } : undefined;
  const widths = new Map<string, number>();
  const glyph = (cp: number): GlyphInfo => {
    let g = glyphs.get(cp);
    if (!g) {
      if (missing) return missing;
      const gl = fontOf().glyphForCodePoint(cp);
      g = { id: gl.id, advance: gl.advanceWidth };
      glyphs.set(cp, g);
    }
    return g;
  };
  const metrics = table ?? { postscriptName: fontOf().postscriptName, unitsPerEm: fontOf().unitsPerEm, ascent: fontOf().hhea.ascent, descent: -fontOf().hhea.descent, lineGap: fontOf().hhea.lineGap };
  return {
    face,
    file,
    bytes,
    get font() {
      return fontOf();
    },
    table,
    postscriptName: metrics.postscriptName,
    unitsPerEm: metrics.unitsPerEm,
    ascent: metrics.ascent,
    descent: metrics.descent,
    lineGap: metrics.lineGap,
    glyph,
    width(text: string): number {
      let w = widths.get(text);
      if (w === undefined) {
        w = 0;
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          w += glyph(cp).advance;
        }
        // Words recur; whole lines do not: caching those would grow with the batch.
        if (text.length <= CACHED_LENGTH) widths.set(detach(text), w);
      }
      return w;
    },
  };
}

/** Width in points of `text` set in `face` at `size` points. */
export function textWidth(text: string, face: Face, size: number): number {
  const f = loadFace(face);
  return (f.width(text) * size) / f.unitsPerEm;
}

/** Word processors place positions on a twip grid (1/20 pt); line heights are rounded to it. */
const TWIP = 1 / 20;
const toTwips = (pt: number): number => Math.round(pt / TWIP) * TWIP;

/**
 * Single line spacing as Word and LibreOffice compute it for a TrueType font: line gap + ascent +
 * descent (hhea), the line gap above the ascent. `multiple` scales the line (1.5 lines = 1.5).
 */
export function lineMetrics(size: number, multiple = 1): { height: number; baseline: number } {
  const f = loadFace('regular');
  const unit = size / f.unitsPerEm;
  const single = (f.lineGap + f.ascent + f.descent) * unit;
  const height = toTwips(single * multiple);
  // Extra spacing of a multiple goes below the text, as in Word.
  return { height, baseline: (f.lineGap + f.ascent) * unit };
}
