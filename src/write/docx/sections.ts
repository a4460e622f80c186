// Sections: the parts of a document grouped into Word sections, each with its page set-up (A4, portrait
// or landscape), page numbering (from page 2, restarting at 1 for a phụ lục that asks) and the headers
// and footers that carry the page number and, on page 1 only, the address strip (ô 13).

import type { Part } from '../../model/ast.ts';
import { ADDRESS_STRIP, PAGE, PAGE_NUMBER, mmToTwips } from '../../style/nd30.ts';
import { borderAttrs, paragraphXml, type Paragraph } from './paragraphs.ts';
import { styleId } from './styles.ts';
import { W_NAMESPACES, XML_DECLARATION } from './xml.ts';

/**
 * How a part after the first starts on a new page. A part that opens with a paragraph takes a page break
 * before it. A part that opens with its header table starts a new section instead: Word and LibreOffice
 * join two tables with no paragraph between them (the closing table and the header table would become one),
 * and LibreOffice ignores a page break before a paragraph inside a table.
 */
export function startsSection(part: Part, index: number, previous?: Part): boolean {
  if (index === 0) return false;
  // a phụ lục with its own page numbers or page set-up is a section of its own too
  return part.header !== undefined || !!part.restartPageNumbers || !!part.landscape !== !!previous?.landscape;
}

const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

const part = (root: 'hdr' | 'ftr', paragraph: string) => `${XML_DECLARATION}<w:${root} ${W_NAMESPACES}>${paragraph}</w:${root}>`;

/** The headers and footers of a document, and the relationship ids they get. */
export interface HeaderFooterParts {
  files: Array<{ path: string; rId: string; kind: 'header' | 'footer'; xml: string }>;
  pageNumber: string; // rId of the header with the page number
  emptyHeader: string; // rId of the header of a first page, which shows no number
  emptyFooter?: string; // with an address strip: the footer of every other page
  strip?: string; // the first page's footer: ô 13 under its rule
}

export function headerFooterParts(addressStrip: Paragraph | undefined, relId: () => string): HeaderFooterParts {
  const files: HeaderFooterParts['files'] = [];
  const add = (kind: 'header' | 'footer', xml: string) => {
    const n = files.filter((f) => f.kind === kind).length + 1;
    const rId = relId();
    files.push({ path: `word/${kind}${n}.xml`, rId, kind, xml });
    return rId;
  };
  const numberStyle = `<w:pPr><w:pStyle w:val="${styleId('pageNumber')}"/></w:pPr>`;
  const out: HeaderFooterParts = {
    files,
    pageNumber: add('header', part('hdr', `<w:p>${numberStyle}${PAGE_FIELD}</w:p>`)),
    emptyHeader: add('header', part('hdr', `<w:p>${numberStyle}</w:p>`)),
  };
  if (addressStrip) {
    out.emptyFooter = add('footer', part('ftr', '<w:p/>'));
    out.strip = add('footer', part('ftr', paragraphXml(addressStrip)));
  }
  return out;
}

/** The address strip's paragraph: its rule is the paragraph's top border. */
export function addressStripProps(): string {
  return `<w:pStyle w:val="${styleId('addressStrip')}"/><w:pBdr><w:top ${borderAttrs(ADDRESS_STRIP.rulePt, ADDRESS_STRIP.gapPt)}/></w:pBdr>`;
}

/** A section's properties. `own`: the section numbers its pages from 1 and, like page 1, shows no number on its first page. */
export function sectionXml(hf: HeaderFooterParts, index: number, own: boolean, landscape: boolean): string {
  const firstHidden = own && !PAGE_NUMBER.firstPageShown;
  let x = `<w:sectPr><w:headerReference w:type="default" r:id="${hf.pageNumber}"/>`;
  if (firstHidden) x += `<w:headerReference w:type="first" r:id="${hf.emptyHeader}"/>`;
  // ô 13 on page 1 only; later sections state the empty footer rather than inherit the first page's
  if (hf.strip && hf.emptyFooter) x += `<w:footerReference w:type="default" r:id="${hf.emptyFooter}"/><w:footerReference w:type="first" r:id="${index === 0 ? hf.strip : hf.emptyFooter}"/>`;
  if (index > 0) x += '<w:type w:val="nextPage"/>';
  const w = mmToTwips(PAGE.widthMm);
  const h = mmToTwips(PAGE.heightMm);
  x += landscape ? `<w:pgSz w:w="${h}" w:h="${w}" w:orient="landscape"/>` : `<w:pgSz w:w="${w}" w:h="${h}" w:orient="portrait"/>`;
  x +=
    `<w:pgMar w:top="${mmToTwips(PAGE.margin.topMm)}" w:right="${mmToTwips(PAGE.margin.rightMm)}" w:bottom="${mmToTwips(PAGE.margin.bottomMm)}" ` +
    `w:left="${mmToTwips(PAGE.margin.leftMm)}" w:header="${mmToTwips(PAGE.headerDistanceMm)}" w:footer="${mmToTwips(ADDRESS_STRIP.bottomMm)}" w:gutter="0"/>`;
  if (own) x += '<w:pgNumType w:start="1"/>';
  if (firstHidden) x += '<w:titlePg/>';
  return `${x}<w:docGrid w:linePitch="360"/></w:sectPr>`;
}
