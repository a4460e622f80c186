// Makes dist/font-tables.json from the vendored fonts with fontkit (run by `npm run compile`): what a process would
// otherwise read from the fonts on its first document (see layout/font-tables).

import { sha256 } from '../io/sha256.ts';
import { renameSync, writeFileSync } from 'node:fs';
import { FACES, openFace } from '../layout/fonts.ts';
import { TABLES_FILE, TABLE_FORMAT, type FaceTable, type FontTables } from '../layout/font-tables.ts';
import { subsetTable } from './pdf-fonts.ts';

export function makeFontTables(): FontTables {
  const faces: Record<string, FaceTable> = {};
  for (const face of FACES) {
    const f = openFace(face, false);
    const glyphs: number[] = [];
    for (const cp of [...f.font.characterSet].sort((a, b) => a - b)) {
      const g = f.glyph(cp);
      glyphs.push(cp, g.id, g.advance);
    }
    faces[face] = {
      sha256: sha256(f.bytes),
      postscriptName: f.postscriptName,
      unitsPerEm: f.unitsPerEm,
      ascent: f.ascent,
      descent: f.descent,
      lineGap: f.lineGap,
      glyphs,
      notdefAdvance: f.font.getGlyph(0).advanceWidth,
      subset: subsetTable(f),
    };
  }
  return { format: TABLE_FORMAT, faces };
}

/** Writes the tables in place of the old file in one rename. */
export function writeFontTables(file = TABLES_FILE): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(makeFontTables()));
  renameSync(tmp, file);
}
