// The PDF writer: a Document → an archive-ready PDF (PDF/A-2b, PDF 1.7), drawing what the layout stage
// (src/layout) decided: it places no line and breaks no page itself. Text is drawn from embedded
// subsets of Liberation Serif, each run one TJ whose spaces are widened for justification; the file is
// tagged (a structure tree in reading order, /Lang vi-VN) and carries its metadata in Info and XMP.
// Output is deterministic: the same Document gives the same bytes, whatever the clock says.

import type { Document, Meta } from '../model/ast.ts';
import { archiveXmp } from '../archive/xmp.ts';
import { layoutDocument } from '../layout/document.ts';
import { FACES, type Face } from '../layout/fonts.ts';
import type { LaidDocument, PageItem } from '../layout/types.ts';
import { dateString, num, PdfFile, ref, textString } from './pdf-file.ts';
import { IN_REPERTOIRE, OUTSIDE_REPERTOIRE, subsetFor, type FontSubset } from './pdf-fonts.ts';
import { PdfImages, colourOp, drawImage, pagePictures } from './pdf-images.ts';
import { srgbProfile } from './srgb-icc.ts';
import { detach } from '../text/detach.ts';
import { TextCache } from '../text/text-cache.ts';

/** The language of the text, in the catalog (/Lang) and the XMP. */
const LANGUAGE = 'vi-VN';

/** The document's date (or 1 January of its year) at 00:00 UTC: the PDF's creation and modification date. */
export function documentDate(doc: Document): Date {
  return new Date(doc.meta.created);
}

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

/** The PDF Info dictionary (and, mirrored, the XMP packet) for a document. */
export function pdfInfoOf(doc: Document): PdfInfo {
  const date = documentDate(doc);
  return {
    Title: doc.meta.title,
    Author: doc.meta.issuer,
    Subject: doc.meta.subject,
    Keywords: doc.meta.keywords.join('; '),
    Creator: 'vanban',
    Producer: 'vanban',
    CreationDate: date,
    ModDate: date,
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

/** The XMP packet: PDF/A identification, the Info entries mirrored, and the archive properties. */
function xmpPacket(info: PdfInfo, meta: Meta): string {
  const d = xmpDate(info.CreationDate);
  const m = xmpDate(info.ModDate);
  const descriptions = [
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${d}</xmp:CreateDate><xmp:ModifyDate>${m}</xmp:ModifyDate><xmp:MetadataDate>${m}</xmp:MetadataDate><xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool></rdf:Description>`,
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format>' +
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>` +
      `<dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>` +
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${xml(info.Producer)}</pdf:Producer><pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords></rdf:Description>`,
    ...archiveXmp(meta),
  ];
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n${descriptions.join('\n')}\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>`
  );
}

/** Resource names of the faces: /F1 regular … /F4 bold italic. */
const FONT_NAME: Record<Face, string> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };

/** The subset each face needs for the text of a laid-out document. */
/** Whether a text has a code point outside the repertoire: looked up, the texts of a batch recur. */
const outsideRepertoire = new TextCache<boolean>();

function subsets(laid: LaidDocument): Map<Face, FontSubset> {
  const used = new Map<Face, Set<number>>();
  for (const page of laid.pages) {
    for (const it of page.items) {
      if (it.type !== 'text') continue;
      let set = used.get(it.face);
      if (!set) used.set(it.face, (set = new Set()));
      // Only code points outside the repertoire change the subset (see subsetFor).
      const text = it.text;
      if (!(outsideRepertoire.get(text) ?? outsideRepertoire.set(text, OUTSIDE_REPERTOIRE.test(text)))) continue;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (IN_REPERTOIRE[c]) continue;
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        set.add(cp);
      }
    }
  }
  const out = new Map<Face, FontSubset>();
  for (const face of FACES) {
    const cps = used.get(face);
    if (cps) out.set(face, subsetFor(face, cps));
  }
  return out;
}

/**
 * TJ arrays by subset and text, with the justification shift they were made for ("" for a run set
 * without one): a hit spares encoding every word, and a batch repeats its lines whole. Keyed by the
 * text alone, whose hash V8 keeps on the string (the subset lookup hashed it already); the same text
 * set at another width is encoded again.
 */
const tjCache = new WeakMap<FontSubset, TextCache<{ shift: string; tj: string }>>();

/** One text run as a TJ array: the run's glyphs, each space followed by its justification shift. */
function tj(it: Extract<PageItem, { type: 'text' }>, font: FontSubset): string {
  const text = it.text;
  const justified = it.spaceExtra !== 0 && text.includes(' ');
  const shift = justified ? ` ${num((-it.spaceExtra * 1000) / it.size)} ` : '';
  let cache = tjCache.get(font);
  if (!cache) tjCache.set(font, (cache = new TextCache()));
  const hit = cache.get(text);
  if (hit?.shift === shift) return hit.tj;
  let out = '[';
  if (!justified) out += `<${font.encode(text)}>`;
  else {
    // Each word with its space, then the shift; scanned with indexOf, not split into an array.
    let start = 0;
    for (let sp = text.indexOf(' '); sp >= 0; sp = text.indexOf(' ', start)) {
      out += `<${font.encode(text.slice(start, sp + 1))}>${shift}`;
      start = sp + 1;
    }
    if (start < text.length) out += `<${font.encode(text.slice(start))}>`;
  }
  // kept flat: a string built by += is a tree that every page joining it would walk again
  const made = detach(`${out}] TJ`);
  cache.set(text, { shift, tj: made }, made.length);
  return made;
}

/** Content stream of one page, top-down coordinates (the page is flipped once, as pdfkit did). */
function pageContent(items: PageItem[], height: number, fonts: Map<Face, FontSubset>, mcid: (struct: number) => { tag: string; mcid: number } | null, images?: PdfImages): string {
  const ops: string[] = [`1 0 0 -1 0 ${num(height)} cm`];
  for (const it of items) {
    if (it.type === 'rule') {
      ops.push(`/Artifact BMC\n${num(it.thickness)} w 0 G\n${num(it.x1)} ${num(it.y)} m\n${num(it.x2)} ${num(it.y)} l\nS\nEMC`);
      continue;
    }
    if (it.type === 'line') {
      ops.push(`/Artifact BMC\n${num(it.thickness)} w ${colourOp(it.colour, true)}\n${num(it.x1)} ${num(it.y1)} m\n${num(it.x2)} ${num(it.y2)} l\nS\nEMC`);
      continue;
    }
    if (it.type === 'image') {
      if (images) ops.push(drawImage(it, images.name(it.picture)));
      continue;
    }
    const font = fonts.get(it.face)!;
    const id = mcid(it.struct);
    const open = id === null ? '/Artifact <</Type /Pagination>> BDC' : `/${id.tag} <</MCID ${id.mcid}>> BDC`;
    ops.push(`${open}\nBT /${FONT_NAME[it.face]} ${num(it.size)} Tf ${colourOp(it.colour, false)} 1 0 0 -1 ${num(it.x)} ${num(it.y)} Tm ${tj(it, font)} ET\nEMC`);
  }
  return ops.join('\n');
}

/** Renders the document to PDF bytes. Same Document → same bytes. */
export async function writePdf(doc: Document): Promise<Buffer> {
  return drawPdf(layoutDocument(doc), doc);
}

/** Draws a laid-out document. */
export function drawPdf(laid: LaidDocument, doc: Document): Buffer {
  const pdf = new PdfFile();
  const catalog = pdf.alloc();
  const pagesRef = pdf.alloc();
  const structRoot = pdf.alloc();
  const fonts = subsets(laid);
  const images = new PdfImages(pdf);

  // Fonts: Type 0 → CIDFontType2 → descriptor → subset program, ToUnicode.
  const fontRefs = new Map<Face, number>();
  for (const [face, s] of fonts) {
    const file = pdf.addStream(`/Filter /FlateDecode /Length1 ${s.fontFileLength}`, s.fontFile, false, false);
    const descriptor = pdf.add(`<< /Type /FontDescriptor /FontName /${s.baseFont} ${s.descriptor} /FontFile2 ${ref(file)} >>`);
    const cidFont = pdf.add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${s.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${ref(descriptor)} /CIDToGIDMap /Identity /W ${s.widths} >>`,
    );
    const toUnicode = pdf.addStream('/Filter /FlateDecode', s.toUnicode, false, false);
    fontRefs.set(face, pdf.add(`<< /Type /Font /Subtype /Type0 /BaseFont /${s.baseFont} /Encoding /Identity-H /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)} >>`));
  }
  const fontDict = `<< ${[...fontRefs].map(([face, r]) => `/${FONT_NAME[face]} ${ref(r)}`).join(' ')} >>`;

  // Structure: one element per block, children of a Document element, in reading order.
  const elemRefs = laid.structure.map(() => pdf.alloc());
  const docElem = pdf.alloc();
  const kids = new Map<number, string[]>(); // struct index → marked-content references
  const parentTree: string[] = [];
  const pageRefs: number[] = [];
  laid.pages.forEach((page, index) => {
    const pageRef = pdf.alloc();
    pageRefs.push(pageRef);
    const mcids: number[] = [];
    const content = pageContent(page.items, page.height, fonts, (struct) => {
      if (laid.structure[struct]?.role === 'Artifact') return null;
      mcids.push(struct);
      const id = mcids.length - 1;
      const list = kids.get(struct) ?? [];
      list.push(`<< /Type /MCR /Pg ${ref(pageRef)} /MCID ${id} >>`);
      kids.set(struct, list);
      return { tag: laid.structure[struct]!.role, mcid: id };
    }, images);
    const contents = pdf.addStream('', content);
    parentTree.push(`${index} [${mcids.map((s) => ref(elemRefs[s]!)).join(' ')}]`);
    pdf.set(
      pageRef,
      `<< /Type /Page /Parent ${ref(pagesRef)} /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
        `/Resources << /Font ${fontDict}${images.resources(pagePictures(page.items))} /ProcSet [/PDF /Text] >> /Contents ${ref(contents)} /StructParents ${index} /Tabs /S >>`,
    );
  });
  // An element's kids: its marked content, then its child elements (a table's rows, a row's cells).
  const children = new Map<number, number[]>();
  laid.structure.forEach((el, i) => {
    if (el.parent === null) return;
    const list = children.get(el.parent);
    if (list) list.push(i);
    else children.set(el.parent, [i]);
  });
  // whether an element has marked content in it: asked of each element and again of its parent's kids
  const isUsed = new Map<number, boolean>();
  const used = (i: number): boolean => {
    let u = isUsed.get(i);
    if (u === undefined) isUsed.set(i, (u = laid.structure[i]!.role !== 'Artifact' && ((kids.get(i)?.length ?? 0) > 0 || (children.get(i) ?? []).some(used))));
    return u;
  };
  const topLevel: string[] = [];
  laid.structure.forEach((el, i) => {
    const r = elemRefs[i]!;
    if (!used(i)) return void pdf.set(r, 'null');
    const parent = el.parent === null ? docElem : elemRefs[el.parent]!;
    if (el.parent === null) topLevel.push(ref(r));
    const k = [...(kids.get(i) ?? []), ...(children.get(i) ?? []).filter(used).map((c) => ref(elemRefs[c]!))];
    pdf.set(r, `<< /Type /StructElem /S /${el.role} /P ${ref(parent)} /K [${k.join(' ')}] >>`);
  });
  pdf.set(docElem, `<< /Type /StructElem /S /Document /P ${ref(structRoot)} /Lang ${textString(LANGUAGE)} /K [${topLevel.join(' ')}] >>`);
  const parentTreeRef = pdf.add(`<< /Nums [${parentTree.join(' ')}] >>`);
  pdf.set(structRoot, `<< /Type /StructTreeRoot /K [${ref(docElem)}] /ParentTree ${ref(parentTreeRef)} /ParentTreeNextKey ${laid.pages.length} >>`);
  pdf.set(pagesRef, `<< /Type /Pages /Kids [${pageRefs.map(ref).join(' ')}] /Count ${pageRefs.length} >>`);

  const info = pdfInfoOf(doc);
  const metadata = pdf.addStream('/Type /Metadata /Subtype /XML', Buffer.from(xmpPacket(info, doc.meta), 'utf8'), false);
  const icc = pdf.addStream('/N 3', srgbProfile(), true, false);
  const intent = pdf.add(`<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile ${ref(icc)} >>`);
  pdf.set(
    catalog,
    `<< /Type /Catalog /Pages ${ref(pagesRef)} /Metadata ${ref(metadata)} /OutputIntents [${ref(intent)}] /Lang ${textString(LANGUAGE)} ` +
      `/MarkInfo << /Marked true >> /StructTreeRoot ${ref(structRoot)} /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  const infoRef = pdf.add(
    `<< /Title ${textString(info.Title)} /Author ${textString(info.Author)} /Subject ${textString(info.Subject)} /Keywords ${textString(info.Keywords)} ` +
      `/Creator ${textString(info.Creator)} /Producer ${textString(info.Producer)} /CreationDate ${dateString(info.CreationDate)} /ModDate ${dateString(info.ModDate)} >>`,
  );
  return pdf.toBuffer(catalog, infoRef);
}
