// word/document.xml: each part of the document in the decree's order (header table, tên loại and trích
// yếu, Kính gửi, thẩm quyền, căn cứ, body, closing table), grouped into sections.

import { hasFootnotes, type Block, type Document, type Part, type Role } from '../../model/ast.ts';
import { LEADING_SPACER_PT, ROLE_STYLES, RULES, TEXT_WIDTH_MM } from '../../style/nd30.ts';
import type { Footnotes } from './footnotes.ts';
import { paragraphXml, Paragraphs, type Paragraph, type ParagraphOptions } from './paragraphs.ts';
import type { Media } from './pictures.ts';
import { inlineParts, type RunPart } from './runs.ts';
import { sectionXml, startsSection, type HeaderFooterParts } from './sections.ts';
import { bodyTable, closingTable, headerTable } from './tables.ts';
import { ptToHalfPoints, ptToTwips } from './units.ts';
import { W_NAMESPACES, XML_DECLARATION } from './xml.ts';

/** A body element: a paragraph (kept open for a section's properties) or a table's XML. */
type Element = Paragraph | string;

function blockRole(b: Extract<Block, { type: 'heading' | 'item' }>): Role {
  if (b.role) return b.role;
  if (b.type === 'heading') return 'section';
  return b.ordered ? 'clause' : 'dash';
}

function bodyParagraph(ps: Paragraphs, b: Exclude<Block, { type: 'table' }>, o: ParagraphOptions): Paragraph {
  if (b.type === 'paragraph') return ps.make('body', ps.runs(inlineParts(b.content)), o);
  const role = blockRole(b);
  const parts: RunPart[] = [];
  if (b.label !== undefined && b.label !== '') {
    const labelBold = ROLE_STYLES[role].labelBold === true;
    parts.push({ text: `${b.label} `, ...(labelBold ? { bold: true } : {}) });
  }
  parts.push(...inlineParts(b.content));
  return ps.make(role, ps.runs(parts), o);
}

function partElements(ps: Paragraphs, media: Media, part: Part): Element[] {
  const out: Element[] = [];
  if (part.header) out.push(headerTable(ps, part.header));

  if (part.title) {
    out.push(ps.text('docType', part.title.docType));
    out.push(ps.text('subject', part.title.subject));
    if (part.title.issuedWith !== undefined && part.title.issuedWith !== '') {
      out.push(ps.text('issuedWith', part.title.issuedWith));
      out.push(ps.rule('issuedWith', part.title.issuedWith, RULES.underIssuedWith, TEXT_WIDTH_MM));
    } else {
      out.push(ps.rule('subject', part.title.subject, RULES.underSubject, TEXT_WIDTH_MM));
    }
  }
  part.addressees?.lines.forEach((l, i) => out.push(ps.text(i === 0 ? 'addresseeLabel' : 'addressee', l)));

  if (part.authority !== undefined && part.authority !== '') out.push(ps.text('authority', part.authority));
  for (const basis of part.bases) out.push(ps.text('basis', basis));
  if (part.enacting !== undefined && part.enacting !== '') out.push(ps.text('enacting', part.enacting));

  part.body.forEach((block, i) => {
    const last = i === part.body.length - 1;
    if (block.type === 'table') out.push(bodyTable(ps, block, part.landscape));
    else if (block.type !== 'paragraph' && block.role && ROLE_STYLES[block.role].labelLine) {
      // "Chương I" on its line, the title in capitals under it
      out.push(ps.make(block.role, ps.runs([{ text: block.label ?? '' }])));
      out.push(ps.make('headingTitle', ps.runs(inlineParts(block.content))));
    } else out.push(bodyParagraph(ps, block, last && part.closing ? { keepNext: true } : {}));
  });

  if (part.closing) out.push(closingTable(ps, media, part.closing));
  return out;
}

/** See LEADING_SPACER_PT: an empty paragraph exactly that tall, before the header table. */
function leadingSpacer(): Paragraph {
  const size = ptToHalfPoints(LEADING_SPACER_PT);
  return {
    props: `<w:spacing w:after="0" w:before="0" w:line="${ptToTwips(LEADING_SPACER_PT)}" w:lineRule="exact"/><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
    runs: '',
  };
}

export function documentXml(doc: Document, notes: Footnotes, media: Media, hf: HeaderFooterParts): string {
  // Parts grouped into sections (see startsSection); page numbers run on unless a part restarts them.
  const sections: Array<{ part: Part; elements: Element[] }> = [];
  doc.parts.forEach((part, i) => {
    const previous = doc.parts[i - 1];
    const ps = new Paragraphs(notes, i > 0 && !startsSection(part, i, previous));
    const elements = partElements(ps, media, part);
    if (i === 0 && hasFootnotes(doc)) elements.unshift(leadingSpacer());
    const last = sections[sections.length - 1];
    if (last === undefined || startsSection(part, i, previous)) sections.push({ part, elements });
    else last.elements.push(...elements);
  });
  let body = '';
  sections.forEach(({ part, elements }, i) => {
    const sectPr = sectionXml(hf, i, i === 0 || !!part.restartPageNumbers, !!part.landscape);
    const lastSection = i === sections.length - 1;
    // a section's properties close it in its last paragraph (an empty one after a closing table); the last
    // section's stand at the end of the body
    const end = elements[elements.length - 1];
    if (!lastSection && (end === undefined || typeof end === 'string')) elements.push({ props: '', runs: '' });
    elements.forEach((e, k) => {
      if (typeof e === 'string') body += e;
      else body += paragraphXml(e, !lastSection && k === elements.length - 1 ? sectPr : '');
    });
    if (lastSection) body += sectPr;
  });
  return `${XML_DECLARATION}<w:document ${W_NAMESPACES}><w:body>${body}</w:body></w:document>`;
}
