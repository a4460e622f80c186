// A zip file (APPNOTE 6.3) of a DOCX package: entries deflated with Node's zlib, in a fixed order
// ([Content_Types].xml first, then by name), every entry dated the same, no extra fields, so the
// same parts always give the same bytes. Only what OOXML packages need: no zip64, no encryption.

import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { utf8Bytes } from '../text/utf8.ts';

export interface DosTime {
  date: number; // MS-DOS date field
  time: number; // MS-DOS time field
}

const FIRST = '[Content_Types].xml';
const order = (a: string, b: string) => (a === FIRST ? -1 : b === FIRST ? 1 : a < b ? -1 : a > b ? 1 : 0);

/** A part deflated ahead of time: the parts every document shares are compressed once per process. */
export interface PackedPart {
  size: number; // uncompressed
  crc: number;
  packed: Buffer;
}

/** Word's "normal" compression: the same level here and on the thread pool, so where a part is packed never shows. */
const LEVEL = { level: 6 };

export function packPart(value: string | Uint8Array): PackedPart {
  const data = typeof value === 'string' ? utf8Bytes(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return { size: data.length, crc: crc32(data), packed: deflateRawSync(data, LEVEL) };
}

/**
 * Below this many bytes a part is deflated here: zlib's asynchronous call costs this thread 0.1–0.3 ms
 * (its stream, callbacks and copies) whatever the size, more than deflating 16 KB of XML in place.
 */
const BACKGROUND_MIN_BYTES = 16_384;

/**
 * packPart on libuv's thread pool: the same bytes (the same zlib, the same level), while this thread
 * goes on with other work (the build lays out the document's PDF meanwhile). A small part is packed at once.
 */
export function packPartInBackground(value: string): Promise<PackedPart> {
  const data = utf8Bytes(value);
  if (data.length < BACKGROUND_MIN_BYTES) return Promise.resolve(packPart(data));
  const crc = crc32(data);
  return new Promise((resolve, reject) => deflateRaw(data, LEVEL, (error, packed) => (error ? reject(error) : resolve({ size: data.length, crc, packed }))));
}

export function zipParts(parts: Map<string, string | Uint8Array | PackedPart>, when: DosTime): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of [...parts.keys()].sort(order)) {
    const value = parts.get(name)!;
    const { size, crc, packed } = typeof value === 'string' || value instanceof Uint8Array ? packPart(value) : value;
    const fileName = Buffer.from(name, 'utf8');
    // The fields from "version needed" to "file name length" are the same in both headers (4.3.7, 4.3.12).
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(when.time, at + 6);
      b.writeUInt16LE(when.date, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(size, at + 18);
      b.writeUInt16LE(fileName.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    common(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
