// The PNG reader: every supported colour type and filter decodes to the samples written; 16-bit,
// interlaced, damaged and non-PNG files are refused with a Vietnamese reason and a fix.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PngRefused, decodePng } from '../../src/read/png.ts';
import { PNG_SIGNATURE, chunk, makePng } from '../support/png.ts';

const refusal = (bytes: Buffer): PngRefused => {
  try {
    decodePng(bytes);
  } catch (e) {
    if (e instanceof PngRefused) return e;
    throw e;
  }
  throw new Error('decoded a file that should be refused');
};

/** Samples of a w×h picture with `n` channels, varied enough that every filter predicts wrong. */
const ramp = (w: number, h: number, n: number): number[] => Array.from({ length: w * h * n }, (_, i) => (i * 37 + ((i / n) | 0) * 11) & 0xff);

describe('decodePng', () => {
  it('decodes RGBA with every filter type to its colour samples and alpha plane', () => {
    const s = ramp(7, 10, 4);
    const img = decodePng(makePng({ width: 7, height: 10, type: 6, samples: s, filters: [0, 1, 2, 3, 4] }));
    expect([img.width, img.height, img.colours]).toEqual([7, 10, 3]);
    expect([...img.pixels]).toEqual(s.filter((_, i) => i % 4 !== 3));
    expect([...img.alpha!]).toEqual(s.filter((_, i) => i % 4 === 3));
  });

  it('decodes grey + alpha, and grey and RGB whose tRNS names the transparent colour', () => {
    const ga = ramp(5, 4, 2);
    const g = decodePng(makePng({ width: 5, height: 4, type: 4, samples: ga, filters: [4, 3] }));
    expect(g.colours).toBe(1);
    expect([...g.pixels]).toEqual(ga.filter((_, i) => i % 2 === 0));
    expect([...g.alpha!]).toEqual(ga.filter((_, i) => i % 2 === 1));

    const grey = decodePng(makePng({ width: 3, height: 1, type: 0, samples: [10, 255, 10], trns: [0, 255] }));
    expect([...grey.alpha!]).toEqual([255, 0, 255]);
    const rgb = decodePng(makePng({ width: 2, height: 1, type: 2, samples: [255, 255, 255, 0, 0, 200], trns: [0, 255, 0, 255, 0, 255], filters: [1] }));
    expect([...rgb.pixels]).toEqual([255, 255, 255, 0, 0, 200]);
    expect([...rgb.alpha!]).toEqual([0, 255]);
  });

  it('decodes palettes of 1, 2, 4 and 8 bits with their tRNS alpha', () => {
    const palette = [255, 255, 255, 200, 0, 0, 0, 0, 180, 10, 20, 30];
    for (const depth of [2, 4, 8]) {
      const idx = [0, 1, 2, 3, 3, 2, 1, 0, 1];
      const img = decodePng(makePng({ width: 3, height: 3, type: 3, depth, samples: idx, palette, trns: [0, 128], filters: [0, 2, 4] }));
      expect([...img.pixels]).toEqual(idx.flatMap((i) => palette.slice(3 * i, 3 * i + 3)));
      expect([...img.alpha!]).toEqual(idx.map((i) => (i === 0 ? 0 : i === 1 ? 128 : 255)));
    }
    const one = decodePng(makePng({ width: 9, height: 1, type: 3, depth: 1, samples: [1, 0, 1, 1, 0, 0, 1, 0, 1], palette: palette.slice(0, 6), trns: [0] }));
    expect([...one.alpha!]).toEqual([255, 0, 255, 255, 0, 0, 255, 0, 255]);
  });

  it('reports no alpha plane for an opaque file (no alpha channel, no tRNS)', () => {
    const img = decodePng(makePng({ width: 2, height: 2, type: 2, samples: ramp(2, 2, 3) }));
    expect(img.alpha).toBeNull();
  });

  it('decodes the sample signature and seal: their size and a transparent background', () => {
    for (const [file, w, h] of [['chu-ky.png', 472, 177], ['dau.png', 425, 425]] as const) {
      const img = decodePng(readFileSync(new URL(`../../data/examples/ky-dien-tu/${file}`, import.meta.url)));
      expect([img.width, img.height]).toEqual([w, h]);
      expect(img.alpha![0]).toBe(0); // the corner is background
      expect(img.alpha!.some((a) => a === 255)).toBe(true);
    }
  });
});

describe('refused files', () => {
  it('a file that is not a PNG', () => {
    const e = refusal(Buffer.from('GIF89a……'));
    expect(e.problem).toMatch(/không phải tệp ảnh PNG/);
    expect(e.fix).toMatch(/PNG/);
  });
  it('16-bit samples and interlacing, with a way to re-save', () => {
    expect(refusal(makePng({ width: 1, height: 1, type: 6, depth: 16, samples: [1, 2, 3, 4] })).problem).toMatch(/16 bit/);
    const e = refusal(makePng({ width: 1, height: 1, type: 6, samples: [1, 2, 3, 4], interlace: true }));
    expect(e.problem).toMatch(/xen kẽ/);
    expect(e.fix).toMatch(/8 bit/);
  });
  it('a damaged chunk, a truncated file, pixel data of the wrong size, a missing palette', () => {
    const good = makePng({ width: 2, height: 2, type: 6, samples: ramp(2, 2, 4) });
    const bad = Buffer.from(good);
    bad[20] = bad[20]! ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(refusal(bad).problem).toMatch(/mã kiểm tra của khối IHDR/);
    expect(refusal(good.subarray(0, good.length - 12)).problem).toMatch(/cắt cụt/);
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(3, 0);
    ihdr.writeUInt32BE(2, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    const idat = good.subarray(33, good.length - 12); // the 2×2 picture's IDAT chunk under a 3×2 header
    expect(refusal(Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), idat, chunk('IEND', Buffer.alloc(0))])).problem).toMatch(/không khớp kích thước/);
    expect(refusal(makePng({ width: 1, height: 1, type: 3, samples: [0] })).problem).toMatch(/bảng màu/);
  });
  it('a picture larger than the side limit', () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(10_000, 0);
    ihdr.writeUInt32BE(10, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    const file = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 3, 0, 0, 0, 0, 1])), chunk('IEND', Buffer.alloc(0))]);
    expect(refusal(file).problem).toMatch(/lớn quá giới hạn/);
  });
});
