// An image-only PDF made from pages of a real PDF, as a scanner would give it: each page drawn to a
// grey picture by poppler's pdftoppm and placed alone on an A4 page, with no text layer at all.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Pages `first`–`last` of the PDF at `path` as a scan at `dpi`, each on a page of `size` points (A4 unless said). */
export function scanOf(path: string, first: number, last: number, dpi = 300, size: [number, number] = [595.28, 841.89]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-scan-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(first), '-l', String(last), path, join(dir, 'p')]);
    const pages = readdirSync(dir).sort().map((f) => pgm(readFileSync(join(dir, f))));
    return imagePdf(pages, size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, 8 bits) picture. */
function pgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(data.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** A PDF of pages of `w` × `h` points, each one picture filling the page. */
function imagePdf(pages: { width: number; height: number; pixels: Buffer }[], [w, h]: [number, number]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === "string" ? Buffer.from(body, "latin1") : body);
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const page = 3 + i * 3;
    const data = deflateSync(p.pixels);
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im Do Q`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`);
    add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
