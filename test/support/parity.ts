// Line-for-line comparison of two renderings of one document: our PDF and LibreOffice's rendering of
// our DOCX. Lines are read from each PDF by position (pageLines), compared word for word.

import { diffArrays } from 'diff';
import { pageLines, pdfPages } from './pdf-text.ts';

export interface Parity {
  pages: { ours: number; theirs: number };
  lines: { ours: number; theirs: number; identical: number };
  /** Pages (of those both have) whose first and last lines are the same in both. */
  pageEnds: { same: number; of: number };
  /** The first differing page boundaries, for the report. */
  differences: string[];
}

const words = (line: string) => line.replace(/\s+/gu, ' ').trim();

export async function pageTexts(pdf: Uint8Array): Promise<string[][]> {
  return (await pdfPages(pdf)).map((p) => pageLines(p).map(words).filter((l) => l !== ''));
}

export function compare(ours: string[][], theirs: string[][]): Parity {
  const a = ours.flat();
  const b = theirs.flat();
  let identical = 0;
  for (const part of diffArrays(a, b)) if (!part.added && !part.removed) identical += part.count ?? part.value.length;
  const of = Math.min(ours.length, theirs.length);
  let same = 0;
  const differences: string[] = [];
  for (let i = 0; i < of; i++) {
    const o = ours[i]!;
    const t = theirs[i]!;
    if (o[0] === t[0] && o[o.length - 1] === t[t.length - 1]) same++;
    else if (differences.length < 5) differences.push(`trang ${i + 1}: «${o[o.length - 1] ?? ''}» / «${t[t.length - 1] ?? ''}»`);
  }
  return {
    pages: { ours: ours.length, theirs: theirs.length },
    lines: { ours: a.length, theirs: b.length, identical },
    pageEnds: { same, of },
    differences,
  };
}

/** Share of lines identical, against the longer of the two renderings. */
export const identicalShare = (p: Parity): number => p.lines.identical / Math.max(p.lines.ours, p.lines.theirs, 1);
