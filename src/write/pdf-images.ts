// Pictures in the PDF (the signature and seal of an electronic issue): each PNG decoded once into an
// image XObject of 8-bit samples, its transparency as a soft mask (/SMask, allowed by PDF/A-2), never
// /Interpolate (PDF/A forbids it). The same picture on several pages is one object.

import { deflateSync } from 'node:zlib';
import type { Picture } from '../model/ast.ts';
import type { PageItem } from '../layout/types.ts';
import { decodePng } from '../read/png.ts';
import { num, ref, type PdfFile } from './pdf-file.ts';

export class PdfImages {
  private readonly byPng = new Map<string, { name: string; ref: number }>();
  constructor(private readonly pdf: PdfFile) {}

  /** The resource name of a picture's XObject ("Im1"), adding it on first use. */
  name(picture: Picture): string {
    let entry = this.byPng.get(picture.png);
    if (!entry) {
      entry = { name: `Im${this.byPng.size + 1}`, ref: this.add(picture) };
      this.byPng.set(picture.png, entry);
    }
    return entry.name;
  }

  /** The /XObject entry of a page's resources for the pictures it draws, or '' when none. */
  resources(pictures: Picture[]): string {
    if (!pictures.length) return '';
    const names = new Map(pictures.map((p) => [this.name(p), this.byPng.get(p.png)!.ref]));
    return ` /XObject << ${[...names].map(([n, r]) => `/${n} ${ref(r)}`).join(' ')} >>`;
  }

  private add(picture: Picture): number {
    const x = encoded(picture.png);
    const flate = '/Filter /FlateDecode';
    const mask = x.alpha ? this.pdf.addStream(`${flate} ${x.common} /ColorSpace /DeviceGray`, x.alpha, false) : null;
    return this.pdf.addStream(`${flate} ${x.common} /ColorSpace /${x.colours === 3 ? 'DeviceRGB' : 'DeviceGray'}${mask === null ? '' : ` /SMask ${ref(mask)}`}`, x.pixels, false);
  }
}

interface Encoded {
  common: string;
  colours: 1 | 3;
  pixels: Buffer; // deflated
  alpha: Buffer | null;
}

/** Decoded and deflated pictures by their PNG: the same seal on 63 provinces' documents is decoded once. */
const cache = new Map<string, Encoded>();
const CACHED = 16;

function encoded(png: string): Encoded {
  let x = cache.get(png);
  if (!x) {
    const img = decodePng(Buffer.from(png, 'base64'));
    x = {
      common: `/Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /BitsPerComponent 8`,
      colours: img.colours,
      pixels: deflateSync(img.pixels, { level: 6 }),
      alpha: img.alpha ? deflateSync(img.alpha, { level: 6 }) : null,
    };
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
    cache.set(png, x);
  }
  return x;
}

/** Content operators drawing a picture in its box, in the page's top-down coordinates (y is the box's top). */
export function drawImage(it: { x: number; y: number; width: number; height: number }, name: string): string {
  // The unit square's top row (the image's first row) goes to the box's top edge.
  return `/Artifact BMC\nq ${num(it.width)} 0 0 ${num(-it.height)} ${num(it.x)} ${num(it.y + it.height)} cm /${name} Do Q\nEMC`;
}

/** A fill or stroke colour operator for an RGB hex triplet, black when none. */
export function colourOp(colour: string | undefined, stroke: boolean): string {
  if (!colour) return stroke ? '0 G' : '0 g';
  const [r, g, b] = [0, 2, 4].map((i) => num(parseInt(colour.slice(i, i + 2), 16) / 255));
  return `${r} ${g} ${b} ${stroke ? 'RG' : 'rg'}`;
}

/** The pictures a page draws. */
export const pagePictures = (items: PageItem[]): Picture[] => items.flatMap((it) => (it.type === 'image' ? [it.picture] : []));
