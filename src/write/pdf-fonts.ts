// Embedded font subsets for the PDF (composite Type 0 fonts, Identity-H, TrueType outlines).
// Subsetting is slow and the glyphs of Vietnamese administrative text are few, so each face's subset
// holds a fixed repertoire (Latin, Vietnamese, common punctuation) and is computed once per process:
// every document embeds the same bytes. A document with a glyph outside the repertoire gets a subset
// of the repertoire plus its extra glyphs, cached by that set.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { CACHED_LENGTH, loadFace, type Face, type LoadedFace } from '../layout/fonts.ts';
import type { SubsetTable } from '../layout/font-tables.ts';
import { num } from './pdf-file.ts';
import { detach } from '../text/detach.ts';

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Code points of the fixed repertoire. */
const REPERTOIRE: number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0,
  0x300, 0x301, 0x303, 0x309, 0x323,
  ...range(0x1ea0, 0x1ef9),
  ...range(0x2010, 0x2027),
  0x2030, 0x2032, 0x2033, 0x2039, 0x203a, 0x20ab, 0x20ac, 0x2116, 0x2122, 0x2212,
];

/** 1 for each code point of the repertoire: every subset has its glyph, so a document need not list it. */
export const IN_REPERTOIRE = new Uint8Array(0x10000);
for (const cp of REPERTOIRE) IN_REPERTOIRE[cp] = 1;

/** Matches a character outside the repertoire: most texts have none, and a native scan says so at once. */
export const OUTSIDE_REPERTOIRE = new RegExp(
  `[^${ranges(REPERTOIRE).map(([a, b]) => (a === b ? u(a) : `${u(a)}-${u(b)}`)).join('')}]`,
  'u',
);

function u(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Sorted code points as runs [first, last]. */
function ranges(cps: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const cp of [...cps].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

/** A face's subset as the PDF embeds it: what the fonts' tables keep (font-tables) and a process computes once. */
export interface SubsetData {
  baseFont: string; // "ABCDEF+LiberationSerif"
  cidOf: Map<number, number>; // original glyph id → CID (glyph id in the subset)
  fontFile: Buffer; // deflated subset font program
  fontFileLength: number; // its uncompressed length
  widths: string; // the W array
  toUnicode: Buffer; // deflated ToUnicode CMap
  descriptor: string; // FontDescriptor entries without FontName and FontFile2
}

export interface FontSubset extends SubsetData {
  face: Face;
  /** Hex string of the CIDs of a text, cached. */
  encode(text: string): string;
}

/** Names the repertoire a table's subset was made for: a table of another repertoire is not used. */
export const REPERTOIRE_KEY = createHash('sha256').update(REPERTOIRE.join(',')).digest('hex').slice(0, 16);

const subsets = new Map<string, FontSubset>();
const repertoireGlyphs = new Map<Face, Set<number>>();

function baseGlyphs(f: LoadedFace): Set<number> {
  let set = repertoireGlyphs.get(f.face);
  if (!set) {
    set = new Set();
    for (const cp of REPERTOIRE) {
      const g = f.glyph(cp);
      if (g.id !== 0) set.add(g.id);
    }
    repertoireGlyphs.set(f.face, set);
  }
  return set;
}

/** The subset of `face` that holds every glyph of `texts`. */
export function subsetFor(face: Face, codePoints: Iterable<number>): FontSubset {
  const f = loadFace(face);
  const base = baseGlyphs(f);
  const textOf = new Map<number, number>(); // an extra glyph → the first code point of the text set with it
  for (const cp of codePoints) {
    const id = f.glyph(cp).id;
    if (!base.has(id) && id !== 0 && !textOf.has(id)) textOf.set(id, cp);
  }
  const extras = [...textOf.keys()].sort((a, b) => a - b);
  const key = `${face}:${extras.join(',')}`;
  let s = subsets.get(key);
  if (!s) {
    const table = f.table?.subset;
    const data = !extras.length && table?.repertoire === REPERTOIRE_KEY ? fromTable(table) : subsetData(f, extras, textOf);
    s = withEncoder(f, data);
    subsets.set(key, s);
  }
  return s;
}

function fromTable(t: SubsetTable): SubsetData {
  const cidOf = new Map<number, number>();
  for (let i = 0; i < t.cids.length; i += 2) cidOf.set(t.cids[i]!, t.cids[i + 1]!);
  return {
    baseFont: t.baseFont,
    cidOf,
    fontFile: Buffer.from(t.fontFile, 'base64'),
    fontFileLength: t.fontFileLength,
    widths: t.widths,
    toUnicode: Buffer.from(t.toUnicode, 'base64'),
    descriptor: t.descriptor,
  };
}

/** The repertoire's subset of a face as a table keeps it (made from fontkit's reading: `f` without a table). */
export function subsetTable(f: LoadedFace): SubsetTable {
  const d = subsetData(f, [], new Map());
  return {
    repertoire: REPERTOIRE_KEY,
    baseFont: d.baseFont,
    cids: [...d.cidOf].flat(),
    fontFile: d.fontFile.toString('base64'),
    fontFileLength: d.fontFileLength,
    widths: d.widths,
    toUnicode: d.toUnicode.toString('base64'),
    descriptor: d.descriptor,
  };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

/**
 * Subsets the font with fontkit: the repertoire's glyphs and then `extras`, in that order. An extra glyph stands
 * for the code point the text used (`textOf`), not for whichever of its code points fontkit met first.
 */
function subsetData(f: LoadedFace, extras: number[], textOf: ReadonlyMap<number, number>): SubsetData {
  const glyphs = [...baseGlyphs(f)].sort((a, b) => a - b).concat(extras);
  const subset = f.font.createSubset();
  const cidOf = new Map<number, number>([[0, 0]]);
  // fontkit's includeGlyph takes a glyph id too and returns the glyph's id in the subset (its typings say otherwise)
  const include = subset.includeGlyph.bind(subset) as unknown as (id: number) => number;
  for (const g of glyphs) cidOf.set(g, include(g));
  const program = Buffer.from(subset.encode());
  const tag = [...createHash('sha256').update(program).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const scale = 1000 / f.unitsPerEm;

  // Widths of every CID, and the text each one stands for.
  const advance = new Map<number, number>();
  const unicode = new Map<number, number>();
  for (const cp of REPERTOIRE) {
    const g = f.glyph(cp);
    const cid = cidOf.get(g.id);
    if (cid !== undefined && !unicode.has(cid)) unicode.set(cid, cp);
  }
  for (const [gid, cid] of cidOf) advance.set(cid, f.font.getGlyph(gid).advanceWidth);
  for (const [gid, cid] of cidOf) {
    if (unicode.has(cid) || gid === 0) continue;
    const cp = textOf.get(gid) ?? f.font.getGlyph(gid).codePoints[0];
    if (cp !== undefined) unicode.set(cid, cp);
  }
  const cids = [...advance.keys()].sort((a, b) => a - b);
  const widths = `[0 [${cids.map((c) => num(advance.get(c)! * scale)).join(' ')}]]`;
  const bf = [...unicode.entries()].sort((a, b) => a[0] - b[0]);
  const utf16 = (cp: number) => (cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp));
  const chunks: string[] = [];
  for (let i = 0; i < bf.length; i += 100) {
    const part = bf.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.map(([cid, cp]) => `<${hex4(cid)}> <${utf16(cp)}>`).join('\n')}\nendbfchar`);
  }
  const cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' + chunks.join('\n') + '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';

  const font = f.font;
  const italic = font.italicAngle !== 0;
  const flags = 2 /* serif */ | 4 /* symbolic */ | (italic ? 64 : 0);
  const bbox = font.bbox;
  const descriptor =
    `/Flags ${flags} /FontBBox [${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => num(v * scale)).join(' ')}] ` +
    `/ItalicAngle ${num(font.italicAngle)} /Ascent ${num(f.ascent * scale)} /Descent ${num(-f.descent * scale)} ` +
    `/CapHeight ${num((font.capHeight || f.ascent) * scale)} /StemV ${italic || f.face === 'regular' ? 80 : 120}`;

  return {
    baseFont: `${tag}+${f.postscriptName}`,
    cidOf,
    fontFile: deflateSync(program),
    fontFileLength: program.length,
    widths,
    toUnicode: deflateSync(Buffer.from(cmap, 'latin1')),
    descriptor,
  };
}

function withEncoder(f: LoadedFace, d: SubsetData): FontSubset {
  const { cidOf } = d;
  const encoded = new Map<string, string>();
  // The CID of each code point as hex, by code point: a run too long for `encoded` (a line set without
  // justification is encoded whole) costs an array read a character, not two map lookups and a format.
  const hexOf: string[] = [];
  return {
    ...d,
    face: f.face,
    encode(text: string): string {
      let hex = encoded.get(text);
      if (hex === undefined) {
        hex = '';
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          hex += hexOf[cp] ??= hex4(cidOf.get(f.glyph(cp).id) ?? 0);
        }
        // words recur across a batch, whole runs do not: only short strings are kept
        if (text.length <= CACHED_LENGTH) encoded.set(detach(text), hex);
      }
      return hex;
    },
  };
}
