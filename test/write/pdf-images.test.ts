// Pictures and ink in the PDF: the sample of an electronic issue (data/examples/ky-dien-tu) read back with
// pdfjs. The signature image centred between the title and the name, the seal over its left third, at
// their printed sizes (within 0.5 mm), each with its soft mask; the độ khẩn stamp in red; qpdf-clean and
// the same bytes on every build.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineMetrics } from '../../src/layout/fonts.ts';
import type { Document } from '../../src/model/ast.ts';
import { PICTURES, STYLES, mmToPt } from '../../src/style/nd30.ts';
import { composeDocument } from '../../src/transform/compose.ts';
import { writePdf } from '../../src/write/pdf.ts';
import { pdfPages, type TextItem } from '../support/pdf-text.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MM = mmToPt(1);
const TOL_MM = 0.5;

interface Painted {
  id: string;
  x: number; // top-down points
  y: number;
  width: number;
  height: number;
  hasAlpha: boolean;
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Every image painted on page 1, its box from the transformation in force, and the fill colour before each text run. */
async function readBack(pdf: Buffer): Promise<{ images: Painted[]; runs: Array<{ text: string; fill: string }>; strokes: string[] }> {
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const height = page.getViewport({ scale: 1 }).height;
    const ops = await page.getOperatorList();
    const images: Painted[] = [];
    const runs: Array<{ text: string; fill: string }> = [];
    const strokes: string[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    let fill = '#000000';
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.save) stack.push(ctm);
      else if (fn === pdfjs.OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === pdfjs.OPS.transform) ctm = times(args as Matrix, ctm);
      else if (fn === pdfjs.OPS.setFillRGBColor) fill = String(args[0]);
      else if (fn === pdfjs.OPS.setStrokeRGBColor) strokes.push(String(args[0]));
      else if (fn === pdfjs.OPS.showText) runs.push({ text: (args[0] as Array<{ unicode?: string } | number>).map((g) => (typeof g === 'number' ? '' : (g.unicode ?? ''))).join(''), fill });
      else if (fn === pdfjs.OPS.paintImageXObject) {
        const id = String(args[0]);
        const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) => [ctm[0] * u! + ctm[2] * v! + ctm[4], ctm[1] * u! + ctm[3] * v! + ctm[5]] as const);
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        const obj = (await new Promise((done) => page.objs.get(id, done))) as { kind?: number };
        images.push({ id, x: Math.min(...xs), y: height - Math.max(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys), hasAlpha: obj.kind === pdfjs.ImageKind.RGBA_32BPP });
      }
    }
    return { images, runs, strokes };
  } finally {
    await task.destroy();
  }
}

let doc: Document;
let pdf: Buffer;
let painted: Awaited<ReturnType<typeof readBack>>;
let text: TextItem[];

beforeAll(async () => {
  doc = composeDocument(join(ROOT, 'data/examples/ky-dien-tu/cong-van.yaml'), ROOT).doc;
  pdf = await writePdf(doc);
  painted = await readBack(pdf);
  text = (await pdfPages(pdf))[0]!.items;
}, 60_000);

const near = (actualPt: number, expectedPt: number) => expect(Math.abs(actualPt - expectedPt) / MM).toBeLessThanOrEqual(TOL_MM);

describe('signature and seal images in the PDF', () => {
  it('the signature image: 40 mm wide, its height from its proportions, centred on the name and in the space between title and name', () => {
    const sig = doc.parts[0]!.closing!.signature;
    expect(painted.images).toHaveLength(2);
    const [image] = painted.images;
    near(image!.width, 40 * MM);
    near(image!.height, ((40 * 177) / 472) * MM);
    const name = text.find((t) => t.str.includes(sig.name))!;
    near(image!.x + image!.width / 2, name.x + name.width / 2);
    const title = text.filter((t) => t.str.includes(sig.lines.at(-1)!)).at(-1)!;
    const m = lineMetrics(STYLES.signerName.size);
    const spaceTop = title.y - m.baseline + lineMetrics(STYLES.signatureLine.size).height;
    const spaceBottom = name.y - m.baseline;
    near(image!.y + image!.height / 2, (spaceTop + spaceBottom) / 2);
    // the image sits inside the space: it covers neither the title nor the name
    expect(image!.y).toBeGreaterThanOrEqual(spaceTop);
    expect(image!.y + image!.height).toBeLessThanOrEqual(spaceBottom);
  });

  it('the seal: 36 mm across, over the left third of the signature, level with its centre, drawn after it', () => {
    const [image, seal] = painted.images;
    near(seal!.width, 36 * MM);
    near(seal!.height, 36 * MM);
    near(seal!.x + seal!.width, image!.x + image!.width * PICTURES.sealOverlap);
    near(seal!.y + seal!.height / 2, image!.y + image!.height / 2);
  });

  it('each image has its soft mask (transparent background) and no /Interpolate', () => {
    expect(painted.images.every((i) => i.hasAlpha)).toBe(true);
    const dicts = [...pdf.toString('latin1').matchAll(/<< [^>]*\/Subtype \/Image[^>]*>>/g)].map((m) => m[0]);
    const main = dicts.filter((d) => !/\/ColorSpace \/DeviceGray/.test(d) || /\/SMask/.test(d));
    expect(main).toHaveLength(2);
    for (const d of main) expect(d).toMatch(/\/SMask \d+ 0 R/);
    expect(dicts).toHaveLength(4); // two images, two masks: none written twice
    expect(pdf.toString('latin1')).not.toContain('/Interpolate');
  });

  it('the độ khẩn stamp in bright red, text and border; all other text black', () => {
    const urgent = painted.runs.filter((r) => r.text.includes('HỎA TỐC'));
    expect(urgent).toHaveLength(1);
    expect(urgent[0]!.fill).toBe('#ff0000');
    expect(painted.runs.filter((r) => !r.text.includes('HỎA TỐC')).every((r) => r.fill === '#000000')).toBe(true);
    expect(painted.strokes.filter((s) => s === '#ff0000')).toHaveLength(4);
  });

  it('is valid for qpdf and the same bytes on every build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-pdf-images-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const r = spawnSync('qpdf', ['--check', join(dir, 'a.pdf')], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No syntax or stream encoding errors/);
    expect(r.stderr).toBe('');
    const again = await writePdf(composeDocument(join(ROOT, 'data/examples/ky-dien-tu/cong-van.yaml'), ROOT).doc);
    expect(again.equals(pdf)).toBe(true);
  });
});
