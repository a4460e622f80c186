// Paragraphs of the body and of table cells: a named style and, where the style sheet asks for it,
// direct properties (a keep-with-next, an alignment of a table column, the borders and indents of a
// short rule or a boxed mark).

import type { Mark } from '../../model/ast.ts';
import { FONT, MARKS, MARK_COLOURS, RULES, STYLES } from '../../style/nd30.ts';
import type { Footnotes } from './footnotes.ts';
import { noBreakRuns, type RunPart } from './runs.ts';
import { JUSTIFICATION, styleId, textStyle, type StyleKey } from './styles.ts';
import { textWidthPt, wrappedLineWidthsPt } from './text-width.ts';
import { PT_PER_MM, ptToEighths, ptToTwips } from './units.ts';

/** A paragraph not yet closed: its properties and runs apart, so a section's properties can join the first. */
export interface Paragraph {
  props: string; // the content of w:pPr
  runs: string;
}

export interface ParagraphOptions {
  keepNext?: boolean;
  align?: keyof typeof JUSTIFICATION;
  borders?: string; // the content of w:pBdr
  spacing?: { before: number; after?: number; line?: number; lineRule?: 'exact' | 'auto' }; // twips
  indent?: { left: number; right: number; firstLine: number }; // twips
}

export const paragraphXml = (p: Paragraph, sectPr = ''): string =>
  p.props === '' && sectPr === '' ? (p.runs === '' ? '<w:p/>' : `<w:p>${p.runs}</w:p>`) : `<w:p><w:pPr>${p.props}${sectPr}</w:pPr>${p.runs}</w:p>`;

/** A single border line: the w:val, w:color, w:sz and w:space attributes of a side of w:pBdr. */
export const borderAttrs = (widthPt: number, spacePt: number, colour: string = FONT.colour): string =>
  `w:val="single" w:color="${colour}" w:sz="${ptToEighths(widthPt)}" w:space="${spacePt}"`;

/** Properties of a paragraph: in the schema's order (pStyle, keepNext, pageBreakBefore, pBdr, spacing, ind, jc). */
export function paragraphProps(style: string | undefined, o: ParagraphOptions, pageBreakBefore = false): string {
  let x = style ? `<w:pStyle w:val="${style}"/>` : '';
  if (o.keepNext) x += '<w:keepNext/>';
  if (pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (o.borders) x += `<w:pBdr>${o.borders}</w:pBdr>`;
  if (o.spacing) {
    const s = o.spacing;
    x += `<w:spacing w:after="${s.after ?? 0}" w:before="${s.before}"${s.line !== undefined ? ` w:line="${s.line}" w:lineRule="${s.lineRule ?? 'auto'}"` : ''}/>`;
  }
  if (o.indent) x += `<w:ind w:left="${o.indent.left}" w:right="${o.indent.right}" w:firstLine="${o.indent.firstLine}"/>`;
  if (o.align) x += `<w:jc w:val="${JUSTIFICATION[o.align]}"/>`;
  return x;
}

/** A paragraph factory that puts a page break before the first paragraph it makes when asked to. */
export class Paragraphs {
  private breakPending: boolean;

  constructor(
    readonly notes: Footnotes,
    breakBefore: boolean,
  ) {
    this.breakPending = breakBefore;
  }

  make(key: StyleKey, runs: string, o: ParagraphOptions = {}): Paragraph {
    const pageBreakBefore = this.breakPending;
    this.breakPending = false;
    return { props: paragraphProps(styleId(key), o, pageBreakBefore), runs };
  }

  runs(parts: RunPart[]): string {
    return noBreakRuns(parts, this.notes);
  }

  text(key: StyleKey, text: string, o: ParagraphOptions = {}): Paragraph {
    return this.make(key, this.runs([{ text }]), o);
  }

  /**
   * A short centred rule under the paragraph before it: an empty paragraph of the same style whose bottom
   * border is the rule, indented so that the border is `fraction` of the widest line of `text` long.
   */
  rule(key: StyleKey, text: string, fraction: number, boxWidthMm: number): Paragraph {
    const style = textStyle(key);
    const boxPt = boxWidthMm * PT_PER_MM;
    const textPt = Math.max(0, ...text.split('\n').flatMap((l) => wrappedLineWidthsPt(l, style, boxPt)));
    const rulePt = Math.min(boxPt, textPt * fraction);
    const sideTwips = Math.max(0, ptToTwips((boxPt - rulePt) / 2));
    return this.make(key, '', {
      borders: `<w:bottom ${borderAttrs(RULES.thicknessPt, 0)}/>`,
      // as thin as the PDF's rule: an exact line box as tall as the gap, the rule as its bottom border
      spacing: { before: 0, after: 0, line: ptToTwips(RULES.gapPt), lineRule: 'exact' },
      indent: { left: sideTwips, right: sideTwips, firstLine: 0 },
    });
  }

  /** A header name with the author's line breaks: one paragraph per line, in one style. */
  lines(key: StyleKey, text: string): Paragraph[] {
    return text.split('\n').map((l) => this.text(key, l));
  }

  /**
   * A boxed mark (ô 10a, 10b, 11, the draft mark): a paragraph with a single border on all sides, indented
   * so the box is the decree's width, or its text's width and padding; at the column's left or centred.
   * The độ khẩn stamps are red ink, text and border (Phụ lục I, III.2.b).
   */
  box(m: Mark, columnMm: number, atLeft: boolean): Paragraph {
    const s = STYLES.mark;
    const colPt = columnMm * PT_PER_MM;
    const widthPt = Math.min(colPt, m.widthMm !== undefined ? m.widthMm * PT_PER_MM : textWidthPt(m.text, s) + 2 * MARKS.sidePaddingMm * PT_PER_MM);
    const spare = Math.max(0, ptToTwips(colPt - widthPt));
    const colour = m.box === 'urgency' ? MARK_COLOURS.urgency : FONT.colour;
    const tb = borderAttrs(MARKS.borderPt, MARKS.paddingPt, colour);
    const side = borderAttrs(MARKS.borderPt, 0, colour);
    return this.make('mark', this.runs([{ text: m.text, ...(colour !== FONT.colour ? { colour } : {}) }]), {
      borders: `<w:top ${tb}/><w:left ${side}/><w:bottom ${tb}/><w:right ${side}/>`,
      indent: atLeft ? { left: 0, right: spare, firstLine: 0 } : { left: Math.round(spare / 2), right: spare - Math.round(spare / 2), firstLine: 0 },
    });
  }
}
