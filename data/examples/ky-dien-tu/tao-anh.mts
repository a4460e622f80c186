// Draws the two sample pictures of this example, deterministically: chu-ky.png (a blue pen stroke on a
// transparent background, 40 × 15 mm at 300 dpi) and dau.png (a red round seal, 36 mm across at 300 dpi,
// two rings, marks standing for its lettering, a star). Run: npx tsx data/examples/ky-dien-tu/tao-anh.mts
// They are made-up pictures for testing the layout, not anyone's signature or any body's seal.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePng } from '../../../test/support/png.ts';

const DPI = 300;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

/** A canvas of coverage values, painted in one colour with anti-aliased edges. */
class Canvas {
  readonly cover: Float32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.cover = new Float32Array(width * height);
  }
  /** Paints every pixel whose centre is within `half(x, y)` of the shape given by its distance function. */
  paint(distance: (x: number, y: number) => number, box: [number, number, number, number] = [0, 0, this.width, this.height]): void {
    const [x0, y0, x1, y1] = box.map(Math.round) as [number, number, number, number];
    for (let y = Math.max(0, y0); y < Math.min(this.height, y1); y++)
      for (let x = Math.max(0, x0); x < Math.min(this.width, x1); x++) {
        const c = Math.min(1, Math.max(0, 0.5 - distance(x + 0.5, y + 0.5)));
        const i = y * this.width + x;
        if (c > this.cover[i]!) this.cover[i] = c;
      }
  }
  toPng(rgb: [number, number, number]): Buffer {
    const samples: number[] = [];
    for (const c of this.cover) samples.push(...rgb, Math.round(c * 255));
    return makePng({ width: this.width, height: this.height, type: 6, samples });
  }
}

/** Distance from (x, y) to the segment a–b. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A pen stroke through points, its width varying as a pen's pressure does. */
function stroke(c: Canvas, points: Array<[number, number]>, width: (t: number) => number): void {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const half = width(i / points.length) / 2;
    c.paint((x, y) => segment(x, y, ax, ay, bx, by) - half, [Math.min(ax, bx) - half - 2, Math.min(ay, by) - half - 2, Math.max(ax, bx) + half + 2, Math.max(ay, by) + half + 2]);
  }
}

function signature(): Buffer {
  const c = new Canvas(px(40), px(15));
  const { width: w, height: h } = c;
  // Loops running right, rising at the start and trailing off: a signature's look, no letters.
  const main: Array<[number, number]> = [];
  for (let i = 0; i <= 700; i++) {
    const t = i / 700;
    const x = w * (0.06 + 0.78 * t) + 0.07 * w * Math.cos(t * Math.PI * 9) * (1 - t * 0.6);
    const y = h * (0.58 - 0.18 * Math.sin(t * Math.PI)) + 0.22 * h * Math.sin(t * Math.PI * 9 + 0.6) * (1 - 0.5 * t);
    main.push([x, y]);
  }
  stroke(c, main, (t) => 5.5 - 3 * t);
  // The underline flourish.
  const tail: Array<[number, number]> = [];
  for (let i = 0; i <= 200; i++) {
    const t = i / 200;
    tail.push([w * (0.12 + 0.84 * t), h * (0.86 - 0.12 * t - 0.1 * Math.sin(t * Math.PI))]);
  }
  stroke(c, tail, (t) => 4.5 * (1 - t) + 1);
  return c.toPng([0x1a, 0x3c, 0xb4]);
}

function seal(): Buffer {
  const c = new Canvas(px(36), px(36));
  const r = c.width / 2;
  const ring = (radius: number, thick: number) => c.paint((x, y) => Math.abs(Math.hypot(x - r, y - r) - radius) - thick / 2);
  ring(r - 6, 9);
  ring(r * 0.64, 4);
  // Marks standing for the body's name along the ring: short bars of varying height, as letters.
  let seed = 30;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const mid = (r - 6 + r * 0.64) / 2;
  for (let k = 0; k < 34; k++) {
    const a = Math.PI * (1.06 + (0.88 * k) / 33); // the upper arc, left to right
    const len = 16 + 12 * next();
    const [ux, uy] = [Math.cos(a), Math.sin(a)];
    const [ax, ay] = [r + ux * (mid - len / 2), r + uy * (mid - len / 2)];
    const [bx, by] = [r + ux * (mid + len / 2), r + uy * (mid + len / 2)];
    c.paint((x, y) => segment(x, y, ax, ay, bx, by) - 3.5);
  }
  for (let k = 0; k < 14; k++) {
    const a = Math.PI * (0.3 + (0.4 * k) / 13); // the lower arc
    const len = 14 + 10 * next();
    const [ux, uy] = [Math.cos(a), Math.sin(a)];
    c.paint((x, y) => segment(x, y, r + ux * (mid - len / 2), r + uy * (mid - len / 2), r + ux * (mid + len / 2), r + uy * (mid + len / 2)) - 3.5);
  }
  // A five-pointed star in the centre, and two lines of "text" under it.
  const star: Array<[number, number]> = [];
  for (let k = 0; k <= 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rad = k % 2 === 0 ? r * 0.26 : r * 0.1;
    star.push([r + rad * Math.cos(a), r * 0.9 + rad * Math.sin(a)]);
  }
  c.paint((x, y) => {
    let inside = false;
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i]!;
      const [xj, yj] = star[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    let d = Infinity;
    for (let i = 1; i < star.length; i++) d = Math.min(d, segment(x, y, ...star[i - 1]!, ...star[i]!));
    return inside ? -d : d;
  });
  for (const [y, half] of [[r * 1.22, r * 0.36], [r * 1.36, r * 0.24]] as const)
    for (let x = r - half; x < r + half; x += 11) c.paint((px_, py) => segment(px_, py, x, y, x + 6, y) - 2.5);
  return c.toPng([0xd9, 0x1e, 0x26]);
}

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'chu-ky.png'), signature());
writeFileSync(join(here, 'dau.png'), seal());
