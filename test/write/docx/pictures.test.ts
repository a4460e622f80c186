// Signature and seal pictures of an electronic issue in the DOCX: PNG parts with their relationships and
// content type, anchored drawings, and — read back from LibreOffice's rendering — each picture where
// signatureSpace() puts it (within 1 mm), with the signature space as tall as it says.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Document, Picture } from '../../../src/model/ast.ts';
import { signatureSpace } from '../../../src/layout/signature-pictures.ts';
import { CLOSING_COLUMNS_MM, PAGE, mmToGridPt, mmToPt } from '../../../src/style/nd30.ts';
import { writeDocx } from '../../../src/write/docx.ts';
import { docxToPdf, hasLibreOffice } from '../../support/libreoffice.ts';
import { pdfPages } from '../../support/pdf-text.ts';
import { makePng } from '../../support/png.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const lo = hasLibreOffice();

/** An RGBA PNG of w × h pixels, each pixel from `paint` (x, y → [r, g, b, a]). */
function png(w: number, h: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const samples: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) samples.push(...paint(x, y));
  return makePng({ width: w, height: h, type: 6, samples });
}

const CLEAR: [number, number, number, number] = [0, 0, 0, 0];
const signaturePng = png(160, 120, (x, y) => {
  const curve = 60 + 40 * Math.sin((x / 160) * 2 * Math.PI) * (1 - x / 320);
  const d = Math.abs(y - curve);
  return d < 4 ? [20, 40, 200, Math.round(255 * (1 - d / 4))] : CLEAR;
});
/** A red ring with a star-less centre: the seal. */
const sealPng = png(120, 120, (x, y) => {
  const r = Math.hypot(x - 59.5, y - 59.5);
  return (r > 50 && r < 58) || (r > 40 && r < 43) ? [220, 20, 20, 255] : CLEAR;
});
const picture = (bytes: Buffer, widthMm: number, heightMm: number, source: string): Picture => ({ png: bytes.toString('base64'), widthMm, heightMm, source });

const sample = (): Document => JSON.parse(readFileSync(new URL('../../fixtures/model-sample.json', import.meta.url), 'utf8')) as Document;

function signed(): Document {
  const doc = sample();
  doc.parts = doc.parts.slice(0, 1);
  const sig = doc.parts[0]!.closing!.signature;
  sig.image = picture(signaturePng, 45, 34, 'chu-ky.png'); // taller than the usual space: it grows
  sig.seal = picture(sealPng, 36, 36, 'con-dau.png');
  return doc;
}

describe('signature and seal pictures in the DOCX', () => {
  it('writes the PNGs as parts, with relationships, a content type and anchored drawings', async () => {
    const files = unzipSync(await writeDocx(signed()));
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/')).sort();
    expect(media).toEqual(['word/media/image1.png', 'word/media/image2.png']);
    expect(Buffer.from(files['word/media/image1.png']!).equals(signaturePng)).toBe(true);
    expect(Buffer.from(files['word/media/image2.png']!).equals(sealPng)).toBe(true);
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('<Default Extension="png" ContentType="image/png"/>');
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const xml = strFromU8(files['word/document.xml']!);
    const embeds = [...xml.matchAll(/r:embed="(rId\d+)"/gu)].map((m) => m[1]!);
    expect(embeds).toHaveLength(2);
    for (const [i, id] of embeds.entries()) expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i + 1}.png"`);
    expect(xml.match(/<wp:anchor [^>]*behindDoc="0"/gu)).toHaveLength(2);
    expect(xml.match(/<wp:wrapNone\/>/gu)).toHaveLength(2);
    // a document without pictures has no media and no png type
    const plain = unzipSync(await writeDocx(sample()));
    expect(Object.keys(plain).some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(strFromU8(plain['[Content_Types].xml']!)).not.toContain('image/png');
  });

  it.runIf(lo || required)('LibreOffice draws both where signatureSpace() puts them, within 1 mm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-pictures-'));
    const doc = signed();
    const path = join(dir, 'signed.docx');
    writeFileSync(path, await writeDocx(doc));
    const pdf = readFileSync(await docxToPdf(path, join(dir, 'lo')));
    const sig = doc.parts[0]!.closing!.signature;
    const space = signatureSpace(sig, mmToGridPt(CLOSING_COLUMNS_MM.right));
    expect(space.heightPt).toBeGreaterThan(72); // the image is taller than the usual signature space

    // where the pictures are: each image's unit square mapped by the transform in effect
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true });
    const loaded = await task.promise;
    const pages = await pdfPages(pdf);
    const images: Array<{ page: number; x: number; y: number; w: number; h: number }> = [];
    for (let n = 1; n <= loaded.numPages; n++) {
      const page = await loaded.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const ops = await page.getOperatorList();
      const stack: number[][] = [];
      let m = [1, 0, 0, 1, 0, 0];
      const mul = (a: number[], b: number[]) => [
        a[0]! * b[0]! + a[1]! * b[2]!, a[0]! * b[1]! + a[1]! * b[3]!,
        a[2]! * b[0]! + a[3]! * b[2]!, a[2]! * b[1]! + a[3]! * b[3]!,
        a[4]! * b[0]! + a[5]! * b[2]! + b[4]!, a[4]! * b[1]! + a[5]! * b[3]! + b[5]!,
      ];
      ops.fnArray.forEach((fn, i) => {
        if (fn === pdfjs.OPS.save) stack.push(m);
        else if (fn === pdfjs.OPS.restore) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (fn === pdfjs.OPS.transform) m = mul(ops.argsArray[i] as number[], m);
        else if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject)
          images.push({ page: n, x: m[4]!, y: height - (m[5]! + m[3]!), w: m[0]!, h: m[3]! });
      });
    }
    await task.destroy();
    expect(images, JSON.stringify(images)).toHaveLength(2);

    // the signature space, from LibreOffice's text: the cell's left edge is the column's, its top is the
    // name's line top less the space (Liberation Serif's ascent is 0.891 em)
    const lastPage = pages[pages.length - 1]!;
    const name = lastPage.items.find((t) => t.str.trim() === sig.name)!;
    expect(name).toBeDefined();
    const title = lastPage.items.filter((t) => t.str.trim() === sig.lines[sig.lines.length - 1]).pop()!;
    const ascent = 0.891 * name.fontSize;
    const descent = 0.216 * name.fontSize;
    const spaceTop = name.y - ascent - space.heightPt;
    // the space takes signatureSpace()'s height: it starts where the title's last line ends
    expect(Math.abs(title.y + descent - spaceTop)).toBeLessThan(mmToPt(1));
    const columnLeft = mmToGridPt(PAGE.margin.leftMm) + mmToGridPt(CLOSING_COLUMNS_MM.left);
    const near = (got: number, want: number, what: string) => expect(Math.abs(got - want), `${what}: ${got.toFixed(1)} / ${want.toFixed(1)} pt`).toBeLessThan(mmToPt(1));
    // told apart by size: the signature is wider than the seal
    const [image, seal] = [...images].sort((a, b) => b.w - a.w);
    if (process.env.VANBAN_DEBUG) console.log({ images, space, spaceTop, columnLeft, title: title.y, name: name.y });
    for (const [got, want, what] of [[image!, space.image!, 'chữ ký'], [seal!, space.seal!, 'con dấu']] as const) {
      expect(got.page).toBe(pages.length);
      near(got.w, want.widthPt, `${what} width`);
      near(got.h, want.heightPt, `${what} height`);
      near(got.x, columnLeft + want.xPt, `${what} x`);
      near(got.y, spaceTop + want.yPt, `${what} y`);
    }
  }, 120_000);
});
