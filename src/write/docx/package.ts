// The package around the document: content types, relationships, core and extended properties and
// settings, zipped (zip.ts) with a fixed entry order and the document's date, so the same document
// always gives the same bytes.

import type { Document } from '../../model/ast.ts';
import { packPart, packPartInBackground, zipParts, type DosTime, type PackedPart } from '../zip.ts';
import type { MediaPart } from './pictures.ts';
import { IMAGE_RELATIONSHIP } from './pictures.ts';
import type { HeaderFooterParts } from './sections.ts';
import { LANGUAGE } from './styles.ts';
import { XML_DECLARATION, escapeXml } from './xml.ts';
import { TextCache } from '../../text/text-cache.ts';

const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** The document's date at 00:00:00Z: `meta.date`, or 1 January of `meta.year` for an undated draft. */
export function documentTimestamp(doc: Document): string {
  return doc.meta.created;
}

/** Zip timestamps are local date-time fields (MS-DOS format), which start in 1980. */
const ZIP_EPOCH_YEAR = 1980;

/**
 * The zip entries' timestamp: the document's date, as MS-DOS date and time fields (local fields, so
 * the bytes do not depend on the time zone of the machine that builds the file).
 */
function dosDateTime(doc: Document): DosTime {
  const [y, m, d] = documentTimestamp(doc).slice(0, 10).split('-').map(Number) as [number, number, number];
  if (y < ZIP_EPOCH_YEAR) return { date: (0 << 9) | (1 << 5) | 1, time: 0 };
  return { date: ((y - ZIP_EPOCH_YEAR) << 9) | (m << 5) | d, time: 0 };
}

function coreXml(doc: Document): string {
  const when = documentTimestamp(doc);
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.meta.title)}</dc:title>` +
    `<dc:subject>${escapeXml(doc.meta.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(doc.meta.issuer)}</dc:creator>` +
    `<cp:keywords>${escapeXml(doc.meta.keywords.join('; '))}</cp:keywords>` +
    `<cp:lastModifiedBy>${escapeXml(doc.meta.issuer)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dc:language>${LANGUAGE}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(when)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(when)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  XML_DECLARATION +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

// Word 2013+ compatibility mode: the layout rules LibreOffice and Word apply to the file.
const SETTINGS_XML =
  XML_DECLARATION +
  '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:displayBackgroundShape/><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

const ROOT_RELS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${OFFICE_REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** Relationship ids of document.xml: the fixed parts take rId1–rId3, the rest are numbered as they come. */
export const FIXED_RELATIONSHIPS = 3;

export interface PackageParts {
  document: string;
  styles: string;
  footnotes: string;
  footnotesShared: boolean; // no notes: the same part in every document
  headersFooters: HeaderFooterParts;
  media: MediaPart[];
}

/**
 * Parts deflated once per process by their text: the fixed parts, and those that take few forms in a
 * batch (content types, relationships, footers). Bounded (see TextCache).
 */
const shared = new TextCache<PackedPart>();
function once(xml: string): PackedPart {
  return shared.get(xml) ?? shared.set(xml, packPart(xml));
}

export async function zipPackage(doc: Document, p: PackageParts): Promise<Buffer> {
  // The largest part, deflated on the thread pool (most of the DOCX's time otherwise).
  const documentPart = packPartInBackground(p.document);
  // different in every document: on the thread pool too
  const core = packPartInBackground(coreXml(doc));
  const notes = p.footnotesShared ? null : packPartInBackground(p.footnotes);
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const documentRels =
    XML_DECLARATION +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rel('rId1', `${OFFICE_REL}/styles`, 'styles.xml') +
    rel('rId2', `${OFFICE_REL}/settings`, 'settings.xml') +
    rel('rId3', `${OFFICE_REL}/footnotes`, 'footnotes.xml') +
    p.headersFooters.files.map((f) => rel(f.rId, `${OFFICE_REL}/${f.kind}`, f.path.slice('word/'.length))).join('') +
    p.media.map((m) => rel(m.rId, IMAGE_RELATIONSHIP, m.path.slice('word/'.length))).join('') +
    '</Relationships>';
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  const contentTypes =
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (p.media.length ? '<Default Extension="png" ContentType="image/png"/>' : '') +
    override('word/document.xml', `${WML}.document.main+xml`) +
    override('word/styles.xml', `${WML}.styles+xml`) +
    override('word/settings.xml', `${WML}.settings+xml`) +
    override('word/footnotes.xml', `${WML}.footnotes+xml`) +
    p.headersFooters.files.map((f) => override(f.path, `${WML}.${f.kind}+xml`)).join('') +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>';
  const parts = new Map<string, string | Uint8Array | PackedPart>([
    ['[Content_Types].xml', once(contentTypes)],
    ['_rels/.rels', once(ROOT_RELS)],
    ['docProps/core.xml', await core],
    ['docProps/app.xml', once(APP_XML)],
    ['word/document.xml', await documentPart],
    ['word/_rels/document.xml.rels', once(documentRels)],
    ['word/styles.xml', once(p.styles)],
    ['word/settings.xml', once(SETTINGS_XML)],
    ['word/footnotes.xml', notes ? await notes : once(p.footnotes)],
  ]);
  for (const f of p.headersFooters.files) parts.set(f.path, once(f.xml));
  for (const m of p.media) parts.set(m.path, m.png);
  return zipParts(parts, dosDateTime(doc));
}
