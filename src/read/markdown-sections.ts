// markdown-it's tokens of a body, read section by section and kept by each section's text for the
// process: the 63 plans of one campaign are 1,890 sections (one per heading), 175 of them distinct
// (69 of 1,428 thousand characters). Reading their Markdown took 63–70 ms of the 63-plan build, 38–49
// with this (and the normalize rule of markdown.ts).
// An ATX heading at the start of a line ends every open block in CommonMark (a paragraph, a list, a
// quote, a table), so a section parsed alone gives the tokens it gives in the whole text, but for
// their line numbers, which are the section's own. A text where one section can change another is
// parsed whole: footnotes (numbered across the text, listed at its end), fences and HTML blocks (a
// "#" line inside them is their content), a CR or NUL (normalized first), a link label over two
// lines (a definition, for links anywhere).

import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { detach } from '../text/detach.ts';
import { TextCache } from '../text/text-cache.ts';

const ACROSS_SECTIONS = /\[\^|\^\[|```|~~~|<|\r|\0|\[[^\]\n]*\n/;
/** An ATX heading's opening, at a line start (sticky: tested at each "\n#"). */
const HEADING = /#{1,6}(?:[ \t\n]|$)/y;

/**
 * A parser of whole texts into the tokens of their sections, or null when the text must be parsed
 * whole. The tokens are shared between documents: readers must not change them, and must take
 * their line numbers (`map`) for nothing, since each counts from its section's first line.
 */
export function sectionParser(md: MarkdownIt): (text: string) => Token[] | null {
  const sections = new TextCache<Token[] | null>();
  return (text) => {
    if (ACROSS_SECTIONS.test(text)) return null;
    const starts = [0];
    for (let i = text.indexOf('\n#'); i !== -1; i = text.indexOf('\n#', i + 1)) {
      HEADING.lastIndex = i + 1;
      if (HEADING.test(text)) starts.push(i + 1);
    }
    if (starts.length < 2) return null; // one section: nothing to share
    const tokens: Token[] = [];
    for (let n = 0; n < starts.length; n++) {
      const section = text.slice(starts[n]!, starts[n + 1] ?? text.length);
      let parsed = sections.get(section);
      if (parsed === undefined) parsed = sections.set(section, parseSection(md, detach(section)), section.length);
      if (parsed === null) return null;
      for (const t of parsed) tokens.push(t);
    }
    return tokens;
  };
}

/** A section's tokens, or null when markdown-it stopped before its end (its nesting limit): the whole text's reading refuses that at its line. */
function parseSection(md: MarkdownIt, section: string): Token[] | null {
  const tokens = md.parse(section, {});
  return firstUnread(tokens, section.split('\n')) === -1 ? tokens : null;
}

/**
 * The index of the first line with text that no token covers, or -1: markdown-it drops what lies past
 * its nesting limit without a word.
 */
export function firstUnread(tokens: readonly Token[], lines: readonly string[]): number {
  let end = 0;
  for (const t of tokens) if (t.map) end = Math.max(end, t.map[1]);
  for (let n = end; n < lines.length; n++) if (lines[n]!.trim()) return n;
  return -1;
}
