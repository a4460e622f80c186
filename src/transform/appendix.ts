// Phụ lục kèm theo a document (Phụ lục I, III.1 of the decree; Phụ lục III, Mẫu 2.1): "Phụ lục I" on its
// own line (Roman numerals when there are two or more, "Phụ lục" alone when there is one), the title in
// capitals, the italic "(Kèm theo … số … ngày … của …)" line, and page numbers counted from 1 in each.
// The body must refer to every phụ lục: a reference [](#label) prints the phụ lục's name.

import type { Block, Inline, Part } from '../model/ast.ts';
import type { AppendixInput } from '../model/schema.ts';
import { roman } from '../text/sequence.ts';
import { upperVi } from '../text/normalize.ts';

/** "Phụ lục I", "Phụ lục II", …; a single phụ lục is not numbered. */
export function appendixName(index: number, count: number): string {
  return count === 1 ? 'Phụ lục' : `Phụ lục ${roman(index + 1)}`;
}

/** The label the body refers to a phụ lục by: its own, or phu-luc-1, phu-luc-2, … */
export const appendixLabel = (a: AppendixInput, index: number): string => a.nhan ?? `phu-luc-${index + 1}`;

/** Label → name of every phụ lục, for the cross-references; the index of a repeated label, if any. */
export function appendixNames(list: readonly AppendixInput[]): { names: Map<string, string>; repeated: number | null } {
  const names = new Map<string, string>();
  for (const [i, a] of list.entries()) {
    const label = appendixLabel(a, i);
    if (names.has(label)) return { names, repeated: i };
    names.set(label, appendixName(i, list.length));
  }
  return { names, repeated: null };
}

/** The part a phụ lục is set as: a text of its own, after the document, numbered from page 1. */
export function appendixPart(a: AppendixInput, name: string, attachedTo: string, body: Block[]): Part {
  return {
    title: { docType: name, subject: upperVi(a.tieu_de), issuedWith: attachedTo },
    bases: [],
    body,
    restartPageNumbers: true,
    ...(a.ngang ? { landscape: true } : {}),
  };
}

/** Every label the given parts refer to (in paragraphs, items, headings, table cells and notes). */
export function referencedLabels(parts: readonly Part[]): Set<string> {
  const out = new Set<string>();
  const walk = (content: Inline[]): void => {
    for (const i of content) {
      if (i.type === 'ref') out.add(i.target);
      else if (i.type === 'note') walk(i.content);
    }
  };
  for (const p of parts)
    for (const b of p.body) {
      if (b.type === 'table') [b.header, ...b.rows].forEach((r) => r.forEach(walk));
      else walk(b.content);
    }
  return out;
}
