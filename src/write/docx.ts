// The DOCX writer: the document model → a Word file in the Nghị định 30/2020/NĐ-CP layout.
// Every size, margin, spacing and indent comes from the style sheet (src/style/nd30.ts); the serializer
// (src/write/docx/) only converts units and decides which style each paragraph takes. Formatting lives
// in named paragraph styles ("VbBody", "VbIssuer", …) so that a clerk who edits the file finds
// consistent styles; direct formatting is kept to emphasis inside a paragraph, the short rules under the
// issuer, the Tiêu ngữ and the trích yếu, and the boxed marks.
// The XML is written as text, part by part; the output is byte-for-byte deterministic: core properties
// are dated from the document, the package is zipped with a fixed entry order and the document's date.

import type { Document } from '../model/ast.ts';
import { documentXml } from './docx/document.ts';
import { Footnotes } from './docx/footnotes.ts';
import { FIXED_RELATIONSHIPS, zipPackage } from './docx/package.ts';
import { Media } from './docx/pictures.ts';
import { noBreakRuns } from './docx/runs.ts';
import { addressStripProps, headerFooterParts } from './docx/sections.ts';
import { stylesXml } from './docx/styles.ts';

export { styleId } from './docx/styles.ts';
export { textWidthPt, wrappedLineWidthsPt } from './docx/text-width.ts';
export { documentTimestamp } from './docx/package.ts';

/** Builds the DOCX file of a document. The same document always gives the same bytes. */
export async function writeDocx(doc: Document): Promise<Buffer> {
  let rels = FIXED_RELATIONSHIPS;
  const relId = () => `rId${++rels}`;
  const notes = new Footnotes();
  // ô 13 on page 1 only: the first page's footer
  const strip = doc.parts[0]?.addressStrip;
  const hf = headerFooterParts(strip ? { props: addressStripProps(), runs: noBreakRuns([{ text: strip }], notes) } : undefined, relId);
  const media = new Media(relId);
  const document = documentXml(doc, notes, media, hf);
  return zipPackage(doc, { document, styles: stylesXml(), footnotes: notes.xml(), footnotesShared: notes.count === 0, headersFooters: hf, media: media.parts });
}

