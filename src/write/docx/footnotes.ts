// Footnotes: numbered in the order the writer meets their marks, which is reading order; their text in
// word/footnotes.xml after Word's two separator notes, in the footnote style.

import type { Inline } from '../../model/ast.ts';
import { footnoteReferenceXml, inlineParts, noBreakRuns } from './runs.ts';
import { FOOTNOTE_REFERENCE, styleId } from './styles.ts';
import { W_NAMESPACES, XML_DECLARATION } from './xml.ts';

const SEPARATORS =
  `<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>` +
  `<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`;

export class Footnotes {
  private readonly notes: string[] = [];

  /** Registers a note and returns its mark's run. */
  reference(content: Inline[]): string {
    const id = this.notes.length + 1;
    this.notes.push(''); // the number is taken before the text, which could hold a note of its own
    const text = noBreakRuns([{ text: ' ' }, ...inlineParts(content)], this);
    this.notes[id - 1] =
      `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="${styleId('footnote')}"/></w:pPr>` +
      `<w:r><w:rPr><w:rStyle w:val="${FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>${text}</w:p></w:footnote>`;
    return footnoteReferenceXml(id);
  }

  get count(): number {
    return this.notes.length;
  }

  xml(): string {
    return `${XML_DECLARATION}<w:footnotes ${W_NAMESPACES}>${SEPARATORS}${this.notes.join('')}</w:footnotes>`;
  }
}
