// A file of several sample forms (the decree's Phụ lục III: Mẫu 1.1 to 3.2 in one DOCX) is no one document, but
// each sample is: the file is cut into its samples and each is checked on its own lines. A sample starts at its
// "Mẫu 1.2 - …" heading and runs to the next heading; a sample with no national header (a list, a diagram) is
// no form and is left out. Line numbers stay the file's: the lines of the other samples are blanked, not removed.

import { NATIONAL, SAMPLE_HEADING } from './structure.ts';

export interface SampleRange {
  /** The heading as it stands ("Mẫu 1.2 - Quyết định (quy định trực tiếp)"). */
  title: string;
  /** 0-based logical lines [start, end). */
  start: number;
  end: number;
}

/**
 * The samples of the recognized lines, in order; empty when fewer than two forms are found. The recognizer blanks
 * what comes before the first national header, the first sample's heading with it: `raw` (the reader's lines) gives
 * that heading back, and the first sample runs from the top to the next heading.
 */
export function sampleRanges(lines: readonly string[], raw: readonly string[] = []): SampleRange[] {
  const heads = lines.flatMap((l, i) => (SAMPLE_HEADING.test(l) ? [i] : []));
  const ranges: SampleRange[] = heads.map((start, k) => ({ title: lines[start]!.trim(), start, end: heads[k + 1] ?? lines.length }));
  if (heads.length && lines.slice(0, heads[0]).some((l) => NATIONAL.test(l))) {
    const firstHeader = raw.findIndex((l) => NATIONAL.test(l));
    const title = raw.slice(0, Math.max(0, firstHeader)).filter((l) => SAMPLE_HEADING.test(l.trim())).pop()?.trim() ?? 'Mẫu đầu tiên';
    ranges.unshift({ title, start: -1, end: heads[0]! });
  }
  const forms = ranges.filter((r) => lines.slice(Math.max(0, r.start), r.end).some((l) => NATIONAL.test(l)));
  return forms.length >= 2 ? forms : [];
}

/** The lines of one sample: the others' lines blanked, so that findings keep the file's line numbers. */
export function sampleLines(lines: readonly string[], r: SampleRange): string[] {
  // the heading itself is the appendix's, not the form's
  return lines.map((l, i) => (i > r.start && i < r.end ? l : ''));
}
