// styles.xml: one named paragraph style per entry of STYLES and ROLE_STYLES ("VbBody", "VbIssuer", …),
// so that a clerk who edits the file finds consistent styles. The titled divisions carry outline levels
// (Word's navigation pane and a table of contents list them) and are followed by body text. Only the
// built-in styles a part names are written: Normal, the table default and the footnote mark.

import type { Role } from '../../model/ast.ts';
import { FONT, PAGINATION, ROLE_STYLES, SIGNATURE_SPACE_PT, SIZES, STYLES, mmToTwips, type StyleName, type TextStyle } from '../../style/nd30.ts';
import { SINGLE_LINE, ptToHalfPoints, ptToTwips } from './units.ts';
import { XML_DECLARATION, escapeXml } from './xml.ts';

/** The language of the text, written in the styles and the core properties. */
export const LANGUAGE = 'vi-VN';

export type StyleKey = StyleName | Role;

/** Outline level (0 = top) of each titled division's style; other styles are body text. */
export const OUTLINE_LEVEL: Partial<Record<Role, number>> = {
  part: 0, // "I. MỤC ĐÍCH, YÊU CẦU"
  article: 0, // "Điều 1."
  section: 1, // "1. Mục đích"
  subsection: 2, // "1.1. Tập thể", "a) Danh hiệu thi đua"
};

/** "signerName" → "VbSignerName". */
export function styleId(key: StyleKey): string {
  return `Vb${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** The style sheet entry of a style key. */
export function textStyle(key: StyleKey): TextStyle {
  return key in STYLES ? STYLES[key as StyleName] : ROLE_STYLES[key as Role];
}

/** The style sheet entries, with the signature room folded into the signer name's space before. */
function styleEntries(): Array<[StyleKey, TextStyle]> {
  const entries: Array<[StyleKey, TextStyle]> = [];
  for (const [key, style] of Object.entries(STYLES) as Array<[StyleName, TextStyle]>) {
    entries.push([key, key === 'signerName' ? { ...style, beforePt: (style.beforePt ?? 0) + SIGNATURE_SPACE_PT } : style]);
  }
  for (const [role, style] of Object.entries(ROLE_STYLES) as Array<[Role, TextStyle]>) {
    if (role in STYLES) throw new Error(`docx: role "${role}" has the same name as a style`);
    entries.push([role, style]);
  }
  return entries;
}

export const JUSTIFICATION = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

const FONT_NAME = escapeXml(FONT.docx);
export const FONTS_XML = `<w:rFonts w:ascii="${FONT_NAME}" w:cs="${FONT_NAME}" w:eastAsia="${FONT_NAME}" w:hAnsi="${FONT_NAME}"/>`;
const toggle = (name: string, on: boolean | undefined) => (on ? `<w:${name}/><w:${name}Cs/>` : `<w:${name} w:val="false"/>`);
const sizeXml = (pt: number) => `<w:sz w:val="${ptToHalfPoints(pt)}"/><w:szCs w:val="${ptToHalfPoints(pt)}"/>`;

function paragraphStyleXml(key: StyleKey, s: TextStyle): string {
  const id = styleId(key);
  const outline = OUTLINE_LEVEL[key as Role];
  // after a titled division the clerk types body text
  const next = outline === undefined ? id : styleId('body');
  const line = s.lineMultiple !== undefined ? ` w:line="${Math.round(SINGLE_LINE * s.lineMultiple)}" w:lineRule="auto"` : '';
  const ind =
    s.indentLeftMm !== undefined || s.indentFirstMm !== undefined
      ? `<w:ind${s.indentLeftMm !== undefined ? ` w:left="${mmToTwips(s.indentLeftMm)}"` : ''}${s.indentFirstMm !== undefined ? ` w:firstLine="${mmToTwips(s.indentFirstMm)}"` : ''}/>`
      : '';
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/><w:basedOn w:val="Normal"/><w:next w:val="${next}"/><w:qFormat/>` +
    '<w:pPr>' +
    (s.keepWithNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>') +
    (s.keepLines ? '<w:keepLines/>' : '<w:keepLines w:val="false"/>') +
    (PAGINATION.widowControl ? '<w:widowControl/>' : '<w:widowControl w:val="false"/>') +
    `<w:spacing w:after="${ptToTwips(s.afterPt ?? 0)}" w:before="${ptToTwips(s.beforePt ?? 0)}"${line}/>` +
    ind +
    // The signature lines ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG") form one block: the space before is the
    // block's, not repeated between its lines.
    (key === 'signatureLine' ? '<w:contextualSpacing/>' : '') +
    `<w:jc w:val="${JUSTIFICATION[s.align]}"/>` +
    (outline === undefined ? '' : `<w:outlineLvl w:val="${outline}"/>`) +
    '</w:pPr>' +
    `<w:rPr>${FONTS_XML}${toggle('b', s.bold)}${toggle('i', s.italic)}<w:color w:val="${FONT.colour}"/>${sizeXml(s.size)}</w:rPr>` +
    '</w:style>'
  );
}

/** The style of a footnote's mark, in the body and before the note's text. */
export const FOOTNOTE_REFERENCE = 'FootnoteReference';

let cached: string | undefined;

/** styles.xml: the same for every document (it depends on the style sheet only), so made once. */
export function stylesXml(): string {
  cached ??=
    XML_DECLARATION +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${FONTS_XML}<w:color w:val="${FONT.colour}"/>${sizeXml(SIZES.body)}<w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:styleId="DefaultParagraphFont" w:default="1"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `<w:style w:type="character" w:styleId="${FOOTNOTE_REFERENCE}"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
    styleEntries()
      .map(([key, style]) => paragraphStyleXml(key, style))
      .join('') +
    '</w:styles>';
  return cached;
}
