// PNG files of an electronic issue's signature and seal (Phụ lục I, II.7.d, II.8): read from their bytes
// (ISO/IEC 15948), without a dependency. The subset a signature or seal needs: 8-bit grey, RGB, grey +
// alpha, RGBA, and palettes of 1–8 bits with their tRNS; 16-bit samples and interlacing are refused
// with a way to re-save the file. Decoding yields 8-bit colour samples and, when any, an alpha plane,
// as a PDF image and its /SMask take them.

import { crc32, inflateSync } from 'node:zlib';

/** Largest picture file read: a signature scanned at 600 dpi is well under 1 MB. */
export const MAX_PNG_BYTES = 4 * 1024 * 1024;
/** Largest side in pixels: 80 mm at 1,200 dpi is under 4,000 px. */
export const MAX_PNG_SIDE = 6000;

/** Why a file is not a PNG vanban can place: the problem and how to fix it, in Vietnamese. */
export class PngRefused extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(problem);
    this.name = 'PngRefused';
  }
}

export interface PngImage {
  width: number;
  height: number;
  colours: 1 | 3; // grey or RGB samples per pixel
  pixels: Buffer; // 8-bit samples, row by row, `colours` per pixel
  alpha: Buffer | null; // 8-bit opacity per pixel; null when the file has no transparency
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RESAVE = 'mở ảnh bằng một trình sửa ảnh và lưu lại dạng PNG 8 bit, không xen kẽ (interlace), nền trong suốt';

/** Samples per pixel of each colour type, and the bit depths the standard allows for it. */
const TYPES: Record<number, { samples: number; depths: number[]; name: string }> = {
  0: { samples: 1, depths: [1, 2, 4, 8, 16], name: 'xám' },
  2: { samples: 3, depths: [8, 16], name: 'RGB' },
  3: { samples: 1, depths: [1, 2, 4, 8], name: 'bảng màu' },
  4: { samples: 2, depths: [8, 16], name: 'xám + kênh alpha' },
  6: { samples: 4, depths: [8, 16], name: 'RGBA' },
};

interface Chunks {
  width: number;
  height: number;
  depth: number;
  type: number;
  palette: Buffer | null;
  trns: Buffer | null;
  data: Buffer;
}

/** The chunks of a PNG, checked: signature, IHDR first, CRCs, IDAT present, IEND last. */
function chunks(bytes: Buffer): Chunks {
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new PngRefused('không phải tệp ảnh PNG (thiếu chữ ký PNG ở đầu tệp)', 'xuất ảnh ra định dạng PNG (.png); đổi đuôi tệp không đổi được định dạng');
  let at = 8;
  let header: Omit<Chunks, 'palette' | 'trns' | 'data'> | null = null;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const data: Buffer[] = [];
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) break;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if ((crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0) !== bytes.readUInt32BE(at + 8 + length)) throw new PngRefused(`tệp PNG hỏng (mã kiểm tra của khối ${type} sai)`, RESAVE);
    if (!header && type !== 'IHDR') throw new PngRefused('tệp PNG hỏng (khối IHDR không đứng đầu)', RESAVE);
    if (type === 'IHDR') {
      if (length !== 13) throw new PngRefused('tệp PNG hỏng (khối IHDR sai độ dài)', RESAVE);
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, type: body[9]! };
      if (body[10] !== 0 || body[11] !== 0) throw new PngRefused('tệp PNG dùng kiểu nén hay lọc không chuẩn', RESAVE);
      if (body[12] !== 0) throw new PngRefused('ảnh PNG xen kẽ (interlace) chưa được hỗ trợ', RESAVE);
    } else if (type === 'PLTE') palette = Buffer.from(body);
    else if (type === 'tRNS') trns = Buffer.from(body);
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header) throw new PngRefused('tệp PNG hỏng (không có khối IHDR)', RESAVE);
  if (!ended || !data.length) throw new PngRefused('tệp PNG bị cắt cụt hoặc không có dữ liệu ảnh', RESAVE);
  const t = TYPES[header.type];
  if (!t || !t.depths.includes(header.depth)) throw new PngRefused(`tệp PNG hỏng (kiểu màu ${header.type}, ${header.depth} bit không có trong chuẩn PNG)`, RESAVE);
  if (header.depth === 16) throw new PngRefused(`ảnh PNG 16 bit mỗi kênh (${t.name}) chưa được hỗ trợ`, RESAVE);
  if (header.type === 0 && header.depth < 8) throw new PngRefused(`ảnh PNG xám ${header.depth} bit chưa được hỗ trợ`, RESAVE);
  if (header.width === 0 || header.height === 0) throw new PngRefused('ảnh PNG không có điểm ảnh nào (rộng hoặc cao bằng 0)', RESAVE);
  if (header.width > MAX_PNG_SIDE || header.height > MAX_PNG_SIDE)
    throw new PngRefused(`ảnh ${header.width}×${header.height} điểm ảnh, lớn quá giới hạn ${MAX_PNG_SIDE} điểm ảnh mỗi cạnh`, 'thu nhỏ ảnh (300–600 dpi là đủ cho chữ ký, con dấu)');
  if (header.type === 3 && (!palette || palette.length % 3 !== 0 || palette.length / 3 > 2 ** header.depth)) throw new PngRefused('ảnh PNG bảng màu thiếu bảng màu (PLTE) hoặc bảng màu hỏng', RESAVE);
  return { ...header, palette, trns, data: Buffer.concat(data) };
}

/** Whether the PNG says some of its pixels are transparent: an alpha channel or a tRNS chunk. */
const hasTransparency = (c: { type: number; trns: Buffer | null }): boolean => c.type === 4 || c.type === 6 || c.trns !== null;

/** Decodes a PNG (throws PngRefused with the problem and its fix). */
export function decodePng(bytes: Buffer): PngImage {
  const c = chunks(bytes);
  const t = TYPES[c.type]!;
  const bitsPerPixel = t.samples * c.depth;
  const stride = Math.ceil((c.width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3); // bytes to the corresponding byte of the pixel on the left
  const expected = (stride + 1) * c.height;
  let raw: Buffer;
  try {
    raw = inflateSync(c.data, { maxOutputLength: expected + 1 });
  } catch {
    throw new PngRefused('tệp PNG hỏng (dữ liệu ảnh nén không giải được)', RESAVE);
  }
  if (raw.length !== expected) throw new PngRefused('tệp PNG hỏng (dữ liệu ảnh không khớp kích thước)', RESAVE);

  // Unfilter row by row (PNG 9.2): None, Sub, Up, Average, Paeth. One loop per filter, so the common rows
  // (Sub, Up, Paeth) run a tight loop each even before the code is optimized; bytes wrap as a Uint8Array does.
  const rows = Buffer.alloc(stride * c.height);
  for (let y = 0; y < c.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const prev = out - stride; // the row above; y = 0 has none (its bytes count as 0)
    const first = Math.min(bpp, stride);
    if (filter === 0 || (filter === 2 && y === 0)) raw.copy(rows, out, src, src + stride);
    else if (filter === 1 || (filter === 4 && y === 0)) {
      // Paeth with no row above predicts from the left byte, as Sub does
      for (let x = 0; x < first; x++) rows[out + x] = raw[src + x]!;
      for (let x = first; x < stride; x++) rows[out + x] = raw[src + x]! + rows[out + x - bpp]!;
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++) rows[out + x] = raw[src + x]! + rows[prev + x]!;
    } else if (filter === 3) {
      for (let x = 0; x < first; x++) rows[out + x] = raw[src + x]! + ((y > 0 ? rows[prev + x]! : 0) >> 1);
      for (let x = first; x < stride; x++) rows[out + x] = raw[src + x]! + ((rows[out + x - bpp]! + (y > 0 ? rows[prev + x]! : 0)) >> 1);
    } else if (filter === 4) {
      for (let x = 0; x < first; x++) rows[out + x] = raw[src + x]! + rows[prev + x]!; // a = c = 0: Paeth picks b
      for (let x = first; x < stride; x++) {
        const a = rows[out + x - bpp]!;
        const b = rows[prev + x]!;
        const cc = rows[prev + x - bpp]!;
        const p = a + b - cc;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - cc);
        rows[out + x] = raw[src + x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : cc);
      }
    } else throw new PngRefused(`tệp PNG hỏng (kiểu lọc ${filter} ở dòng ${y + 1})`, RESAVE);
  }

  const n = c.width * c.height;
  const colours: 1 | 3 = c.type === 0 || c.type === 4 ? 1 : 3;
  const pixels = Buffer.alloc(n * colours);
  const alpha = hasTransparency(c) ? Buffer.alloc(n, 255) : null;
  // 8-bit samples with an alpha channel (RGBA, grey + alpha): rows are contiguous, so the pixels are one run
  if (c.type === 6) {
    for (let i = 0, o = 0; i < n; i++, o += 4) {
      pixels[3 * i] = rows[o]!;
      pixels[3 * i + 1] = rows[o + 1]!;
      pixels[3 * i + 2] = rows[o + 2]!;
      alpha![i] = rows[o + 3]!;
    }
    return { width: c.width, height: c.height, colours, pixels, alpha };
  }
  if (c.type === 4) {
    for (let i = 0, o = 0; i < n; i++, o += 2) {
      pixels[i] = rows[o]!;
      alpha![i] = rows[o + 1]!;
    }
    return { width: c.width, height: c.height, colours, pixels, alpha };
  }
  for (let y = 0; y < c.height; y++) {
    const row = y * stride;
    for (let x = 0; x < c.width; x++) {
      const i = y * c.width + x;
      switch (c.type) {
        case 0: {
          const g = rows[row + x]!;
          pixels[i] = g;
          if (alpha && c.trns!.length >= 2 && g === c.trns!.readUInt16BE(0)) alpha[i] = 0;
          break;
        }
        case 2: {
          const o = row + 3 * x;
          pixels[3 * i] = rows[o]!;
          pixels[3 * i + 1] = rows[o + 1]!;
          pixels[3 * i + 2] = rows[o + 2]!;
          if (alpha && c.trns!.length >= 6 && rows[o] === c.trns!.readUInt16BE(0) && rows[o + 1] === c.trns!.readUInt16BE(2) && rows[o + 2] === c.trns!.readUInt16BE(4)) alpha[i] = 0;
          break;
        }
        case 3: {
          const bit = x * c.depth;
          const index = (rows[row + (bit >> 3)]! >> (8 - c.depth - (bit & 7))) & ((1 << c.depth) - 1);
          if (3 * index + 2 >= c.palette!.length) throw new PngRefused('tệp PNG hỏng (điểm ảnh dùng màu ngoài bảng màu)', RESAVE);
          pixels[3 * i] = c.palette![3 * index]!;
          pixels[3 * i + 1] = c.palette![3 * index + 1]!;
          pixels[3 * i + 2] = c.palette![3 * index + 2]!;
          if (alpha && index < c.trns!.length) alpha[i] = c.trns![index]!;
          break;
        }
        case 4:
          pixels[i] = rows[row + 2 * x]!;
          alpha![i] = rows[row + 2 * x + 1]!;
          break;
        default: {
          const o = row + 4 * x;
          pixels[3 * i] = rows[o]!;
          pixels[3 * i + 1] = rows[o + 1]!;
          pixels[3 * i + 2] = rows[o + 2]!;
          alpha![i] = rows[o + 3]!;
        }
      }
    }
  }
  return { width: c.width, height: c.height, colours, pixels, alpha };
}
