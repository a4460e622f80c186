// PDF objects and their serialization (ISO 32000-1, 7.3–7.5): numbered objects, streams compressed
// with Flate, a classic cross-reference table and a trailer whose /ID is a hash of the objects (the
// fonts and the ICC profile by their identity, not their bytes), so the same objects always give the
// same bytes.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { TextCache } from '../text/text-cache.ts';

/** A number as PDF writes it: at most 3 decimals, no exponent, no trailing zeros. */
export function num(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(3);
  // Trailing zeros, then a trailing point, cut by hand: this runs for every coordinate of every page.
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x30) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 0x2e) end--;
  return end === 0 ? '0' : end === s.length ? s : s.slice(0, end);
}

/** A text string: ASCII literal when it can be, otherwise UTF-16BE with a byte-order mark (7.9.2.2). */
export function textString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A date string (7.9.4) in UTC: D:YYYYMMDDHHmmSSZ. */
export function dateString(d: Date): string {
  const iso = d.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

export const ref = (n: number): string => `${n} 0 R`;

/**
 * Deflated streams for the process, by content: documents derived from one campaign share most of
 * their pages (measured: 567 page streams of the 63 plans, about 140 distinct), and the ICC profile is
 * one Buffer for every file. Bounded by the characters kept, cleared when full.
 */
const deflatedText = new TextCache<Buffer>(4_000_000);
const deflatedBytes = new WeakMap<Buffer, Buffer>();

// Level 3: a page's content stream deflates in under half the CPU of level 6 (0.2 against 0.5 ms
// a page, measured on the derived plans) for 2–3 % more bytes in a PDF whose fonts dominate it.
const deflate = (raw: Buffer): Buffer => deflateSync(raw, { level: 3 });

function deflated(data: Buffer | string): Buffer {
  if (typeof data !== 'string') {
    let d = deflatedBytes.get(data);
    if (!d) deflatedBytes.set(data, (d = deflate(data)));
    return d;
  }
  return deflatedText.get(data) ?? deflatedText.set(data, deflate(Buffer.from(data, 'latin1')));
}

/** An object's bytes in pieces (a stream's data is not copied until the file is joined). */
interface Body {
  chunks: Buffer[];
  /** False for a stream whose data another hashed object already identifies (a font program named by its subset tag). */
  hashData: boolean;
}

export class PdfFile {
  private readonly bodies: Array<Body | undefined> = [];

  /** Reserves an object number. */
  alloc(): number {
    this.bodies.push(undefined);
    return this.bodies.length;
  }

  /** Sets object `n` to a dictionary, array or other direct value. */
  set(n: number, value: string): void {
    this.bodies[n - 1] = { chunks: [Buffer.from(`${n} 0 obj\n${value}\nendobj\n`, 'latin1')], hashData: true };
  }

  /**
   * Sets object `n` to a stream; `compress` deflates it (Flate). `dict` holds the other entries.
   * `hashData: false` leaves the data out of the file's /ID hash: for the same large bytes in every file
   * (font programs, the ICC profile) whose identity the hashed objects already carry.
   */
  stream(n: number, dict: string, data: Buffer | string, compress = true, hashData = true): void {
    const bytes = compress ? deflated(data) : typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const filter = compress ? '/Filter /FlateDecode ' : '';
    this.bodies[n - 1] = {
      chunks: [Buffer.from(`${n} 0 obj\n<< ${filter}/Length ${bytes.length} ${dict} >>\nstream\n`, 'latin1'), bytes, STREAM_END],
      hashData,
    };
  }

  add(value: string): number {
    const n = this.alloc();
    this.set(n, value);
    return n;
  }

  addStream(dict: string, data: Buffer | string, compress = true, hashData = true): number {
    const n = this.alloc();
    this.stream(n, dict, data, compress, hashData);
    return n;
  }

  /** The file: header, objects, cross-reference table, trailer. */
  toBuffer(root: number, info: number, version = '1.7'): Buffer {
    // The comment line of high bytes marks the file as binary (7.5.2).
    const head = Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1');
    const chunks: Buffer[] = [head];
    const offsets: number[] = [];
    let at = head.length;
    const hash = createHash('md5');
    this.bodies.forEach((b, i) => {
      if (!b) throw new Error(`pdf: object ${i + 1} was reserved but never set`);
      offsets.push(at);
      b.chunks.forEach((c, k) => {
        chunks.push(c);
        // a stream's data is its middle chunk
        if (b.hashData || k !== 1) hash.update(c);
        at += c.length;
      });
    });
    const id = hash.digest('hex');
    let xref = `xref\n0 ${this.bodies.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
    const trailer = `trailer\n<< /Size ${this.bodies.length + 1} /Root ${ref(root)} /Info ${ref(info)} /ID [<${id}> <${id}>] >>\nstartxref\n${at}\n%%EOF\n`;
    chunks.push(Buffer.from(xref + trailer, 'latin1'));
    return Buffer.concat(chunks, at + Buffer.byteLength(xref + trailer, 'latin1'));
  }
}

const STREAM_END = Buffer.from('\nendstream\nendobj\n', 'latin1');
