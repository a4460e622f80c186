// PNG files for tests, written from samples: any colour type and bit depth the standard has, each row
// with a chosen filter (so decoding every filter is tested), optional PLTE and tRNS, or a damaged file.

import { crc32, deflateSync } from 'node:zlib';

export interface PngSpec {
  width: number;
  height: number;
  type: 0 | 2 | 3 | 4 | 6;
  depth?: number; // 8 unless given
  samples: number[]; // row by row, samples per pixel by type (an index for type 3)
  palette?: number[]; // r, g, b, …
  trns?: number[]; // bytes of the tRNS chunk
  filters?: number[]; // per row, cycled; 0 by default
  interlace?: boolean;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

export function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function makePng(spec: PngSpec): Buffer {
  const depth = spec.depth ?? 8;
  const channels = CHANNELS[spec.type];
  const bits = channels * depth;
  const stride = Math.ceil((spec.width * bits) / 8);
  const bpp = Math.max(1, bits >> 3);
  const rows: Buffer[] = [];
  for (let y = 0; y < spec.height; y++) {
    const row = Buffer.alloc(stride);
    const values = spec.samples.slice(y * spec.width * channels, (y + 1) * spec.width * channels);
    if (depth === 8) values.forEach((v, i) => (row[i] = v));
    else if (depth === 16) values.forEach((v, i) => row.writeUInt16BE(v, 2 * i));
    else values.forEach((v, i) => (row[(i * depth) >> 3]! |= v << (8 - depth - ((i * depth) & 7))));
    rows.push(row);
  }
  const raw: Buffer[] = [];
  rows.forEach((row, y) => {
    const f = spec.filters ? spec.filters[y % spec.filters.length]! : 0;
    const prev = y > 0 ? rows[y - 1]! : Buffer.alloc(stride);
    const out = Buffer.alloc(stride + 1);
    out[0] = f;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[x + 1] = (row[x]! - pred) & 0xff;
    }
    raw.push(out);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(spec.width, 0);
  ihdr.writeUInt32BE(spec.height, 4);
  ihdr.set([depth, spec.type, 0, 0, spec.interlace ? 1 : 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    ...(spec.palette ? [chunk('PLTE', Buffer.from(spec.palette))] : []),
    ...(spec.trns ? [chunk('tRNS', Buffer.from(spec.trns))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small RGBA picture: `colour` where opaque, a transparent border of one pixel. */
export function transparentPng(width: number, height: number, colour: [number, number, number] = [0, 0, 200]): Buffer {
  const samples: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) samples.push(...colour, x === 0 || y === 0 || x === width - 1 || y === height - 1 ? 0 : 255);
  return makePng({ width, height, type: 6, samples, filters: [0, 1, 2, 3, 4] });
}
