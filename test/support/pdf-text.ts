// Reads a PDF back with pdfjs (legacy build, for Node): text items with their position, font and size,
// the document text in reading order, and the document information and XMP metadata.

import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PAGE, mmToPt } from '../../src/style/nd30.ts';

/** One text item as pdfjs reports it (one run of a content stream, possibly merged with its neighbours). */
export interface TextItem {
  str: string;
  x: number; // left edge, points from the left of the page
  y: number; // baseline, points from the top of the page
  width: number; // advance width in points
  fontSize: number; // points
  fontName: string; // the PDF font name, subset tag included: "BZZZZZ+LiberationSerif-Bold"
  font: string; // the same without the subset tag: "LiberationSerif-Bold"
  embedded: boolean; // the font program is in the file
  hasEOL: boolean; // pdfjs saw the text line end after this item
}

export interface PageText {
  pageNumber: number; // from 1
  width: number; // points
  height: number;
  items: TextItem[]; // in content-stream order, empty items included (they carry line ends)
}

type LoadedDoc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

async function withPdf<T>(buf: Buffer | Uint8Array, fn: (doc: LoadedDoc) => Promise<T>): Promise<T> {
  // pdfjs takes ownership of (detaches) the array it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    verbosity: 0, // errors only
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  });
  const doc = await task.promise;
  try {
    return await fn(doc);
  } finally {
    await task.destroy();
  }
}

interface FontObject {
  name?: string;
  missingFile?: boolean;
}

/** Every page's text items, with positions in points measured top-down and real font names. */
export async function pdfPages(buf: Buffer | Uint8Array): Promise<PageText[]> {
  return withPdf(buf, async (doc) => {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      await page.getOperatorList(); // loads the fonts into commonObjs, with their PDF names
      const fonts = new Map<string, FontObject>();
      const fontOf = (id: string): FontObject => {
        if (!fonts.has(id)) {
          let f: FontObject = {};
          try {
            f = page.commonObjs.get(id) as FontObject;
          } catch {
            // not loaded: leave the name unknown
          }
          fonts.set(id, f);
        }
        return fonts.get(id)!;
      };
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue; // marked-content markers
        const m = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        const f = fontOf(it.fontName);
        const fontName = f.name ?? it.fontName;
        items.push({
          str: it.str,
          x: m[4]!,
          y: m[5]!,
          width: it.width,
          fontSize: Math.hypot(m[2]!, m[3]!),
          fontName,
          font: fontName.replace(/^[A-Z]{6}\+/, ''),
          embedded: f.missingFile === false,
          hasEOL: it.hasEOL,
        });
      }
      pages.push({ pageNumber: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return pages;
  });
}

/** Items below the top margin: the text area (page numbers sit in the top margin and are left out). */
export function textAreaItems(page: PageText): TextItem[] {
  const top = mmToPt(PAGE.margin.topMm);
  return page.items.filter((i) => i.y >= top);
}

/**
 * Visual lines of one page, in content-stream order (which is reading order for our writer: the header
 * table cell by cell, the closing table's left column before its right). Consecutive items on the same
 * baseline that continue to the right form one line; they are joined with a space only where there is a
 * gap (pdfjs marks gaps with whitespace items or leaves a horizontal gap).
 */
export function pageLines(page: PageText): string[] {
  const lines: string[] = [];
  let cur: { text: string; y: number; end: number; size: number } | null = null;
  let pendingSpace = false;
  const endLine = () => {
    if (cur && cur.text.trim() !== '') lines.push(cur.text.replace(/\s+/g, ' ').trim());
    cur = null;
    pendingSpace = false;
  };
  for (const it of textAreaItems(page)) {
    if (it.str.trim() === '') {
      if (it.str !== '') pendingSpace = true;
      if (it.hasEOL) endLine();
      continue;
    }
    const c = cur as { text: string; y: number; end: number; size: number } | null;
    const size = Math.min(it.fontSize, c?.size ?? it.fontSize);
    const sameLine = c !== null && Math.abs(it.y - c.y) <= size / 2 && it.x >= c.end - size / 2;
    if (!sameLine) {
      endLine();
      cur = { text: it.str, y: it.y, end: it.x + it.width, size: it.fontSize };
    } else {
      const gap = it.x - c.end > size * 0.1;
      const spaced = /\s$/.test(c.text) || /^\s/.test(it.str);
      if ((gap || pendingSpace) && !spaced) c.text += ' ';
      c.text += it.str;
      c.end = it.x + it.width;
      c.size = Math.max(c.size, it.fontSize);
      pendingSpace = false;
    }
    if (it.hasEOL) endLine();
  }
  endLine();
  return lines;
}

/** A line broken after a hyphen, dash or slash inside a token ("68/QĐ-" | "BTP", "25/2021/" | "QĐ-TTg"). */
const BROKEN_TOKEN = /[^\s][-‐–/]$/u;

/**
 * The document's text in reading order, one visual line per line, without the page numbers. A token
 * that the layout broke after a hyphen, dash or slash (no space on either side) is rejoined, also
 * across a page break, so that words come out as they were written.
 */
export function bodyText(pages: PageText[]): string {
  const out: string[] = [];
  for (const line of pages.flatMap(pageLines)) {
    const prev = out[out.length - 1];
    if (prev !== undefined && BROKEN_TOKEN.test(prev)) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out.join('\n');
}

export interface PdfInfo {
  pages: number;
  info: Record<string, unknown>; // the Info dictionary as pdfjs reads it (dates as "D:…" strings)
  xmp: Record<string, unknown> | null; // parsed XMP entries ("dc:title", "xmp:createdate", …), if any
  xmpRaw: string | null;
}

/** Page count and metadata (pdfjs `getMetadata()`). */
export async function pdfInfo(buf: Buffer | Uint8Array): Promise<PdfInfo> {
  return withPdf(buf, async (doc) => {
    const { info, metadata } = await doc.getMetadata();
    return {
      pages: doc.numPages,
      info: info as Record<string, unknown>,
      xmp: metadata ? Object.fromEntries(metadata as unknown as Iterable<[string, unknown]>) : null,
      xmpRaw: metadata ? metadata.getRaw() : null,
    };
  });
}
