// Embedded font subsets for the PDF (composite Type 0 fonts, Identity-H, TrueType outlines).
// Subsetting is slow and the glyphs of Vietnamese administrative text are few, so each face's subset
// holds a fixed repertoire (Latin, Vietnamese, common punctuation) and is computed once per process:
// every document embeds the same bytes. A document with a glyph outside the repertoire gets a subset
// of the repertoire plus its extra glyphs, cached by that set.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { CACHED_LENGTH, loadFace, type Face, type LoadedFace } from '../layout/fonts.ts';
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

export interface FontSubset {
  face: Face;
  baseFont: string; // "ABCDEF+LiberationSerif"
  cidOf: Map<number, number>; // original glyph id → CID (glyph id in the subset)
  fontFile: Buffer; // deflated subset font program
  fontFileLength: number; // its uncompressed length
  widths: string; // the W array
  toUnicode: Buffer; // deflated ToUnicode CMap
  descriptor: string; // FontDescriptor entries without FontName and FontFile2
  /** Hex string of the CIDs of a text, cached. */
  encode(text: string): string;
}

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
  const extra: number[] = [];
  for (const cp of codePoints) {
    const id = f.glyph(cp).id;
    if (!base.has(id) && id !== 0) extra.push(id);
  }
  const extras = [...new Set(extra)].sort((a, b) => a - b);
  const key = `${face}:${extras.join(',')}`;
  let s = subsets.get(key);
  if (!s) {
    s = makeSubset(f, [...base].sort((a, b) => a - b).concat(extras));
    subsets.set(key, s);
  }
  return s;
}

function makeSubset(f: LoadedFace, glyphs: number[]): FontSubset {
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
    const cps = f.font.getGlyph(gid).codePoints;
    if (cps.length) unicode.set(cid, cps[0]!);
  }
  const cids = [...advance.keys()].sort((a, b) => a - b);
  const widths = `[0 [${cids.map((c) => num(advance.get(c)! * scale)).join(' ')}]]`;
  const bf = [...unicode.entries()].sort((a, b) => a[0] - b[0]);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
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

  const encoded = new Map<string, string>();
  // The CID of each code point as hex, by code point: a run too long for `encoded` (a line set without
  // justification is encoded whole) costs an array read a character, not two map lookups and a format.
  const hexOf: string[] = [];
  return {
    face: f.face,
    baseFont: `${tag}+${f.postscriptName}`,
    cidOf,
    fontFile: deflateSync(program),
    fontFileLength: program.length,
    widths,
    toUnicode: deflateSync(Buffer.from(cmap, 'latin1')),
    descriptor,
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
