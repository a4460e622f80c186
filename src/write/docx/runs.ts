// Runs of text, with the decree's unbreakable spans (src/layout/unbreakable.ts) stated for Word and
// LibreOffice: a space inside one is a no-break space, and a "-" or "/" where LibreOffice would break
// (after every hyphen, after a slash not between two digits) is followed by a word joiner (U+2060,
// invisible, no width). The characters themselves stay what the author typed, so "244/QĐ-BTP" still
// reads and searches as typed once a reader drops the joiner (vanban check does).

import type { Inline } from '../../model/ast.ts';
import { unbreakableSpans, withNoBreakSpaces } from '../../layout/unbreakable.ts';
import type { Footnotes } from './footnotes.ts';
import { FOOTNOTE_REFERENCE } from './styles.ts';
import { escapeXml } from './xml.ts';
import { detach } from '../../text/detach.ts';
import { TextCache } from '../../text/text-cache.ts';

export interface RunPart {
  text: string;
  bold?: boolean;
  italics?: boolean;
  colour?: string; // a colour other than the style's (the red độ khẩn mark)
  note?: Inline[]; // a footnote: its mark here, its text in the document's footnotes
}

const WORD_JOINER = '\u2060';
const HYPHEN = 0x2d;
const SLASH = 0x2f;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function runXml(text: string, p: RunPart): string {
  const props = (p.bold ? '<w:b/><w:bCs/>' : '') + (p.italics ? '<w:i/><w:iCs/>' : '') + (p.colour ? `<w:color w:val="${p.colour}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/**
 * The runs of paragraphs without footnotes, by their parts: the paragraphs of a campaign's plans recur
 * from one province to the next (a footnote's mark is numbered by the document, so it is never kept).
 */
const runsCache = new TextCache<string>();

/** The runs of a paragraph's text parts, with non-breaking characters inside the unbreakable spans. */
export function noBreakRuns(parts: RunPart[], notes: Footnotes): string {
  if (parts.some((p) => p.note)) return makeRuns(parts, notes);
  let key = '';
  for (const p of parts) key += `${p.bold ? 'b' : ''}${p.italics ? 'i' : ''}${p.colour ?? ''}\u0001${p.text}\u0002`;
  const hit = runsCache.get(key);
  if (hit !== undefined) return hit;
  const made = detach(makeRuns(parts, notes));
  return runsCache.set(key, made, made.length);
}

function makeRuns(parts: RunPart[], notes: Footnotes): string {
  const joined = parts.length === 1 ? parts[0]!.text : parts.map((p) => p.text).join('');
  const spans = unbreakableSpans(joined);
  let out = '';
  if (spans.length === 0) {
    for (const p of parts) out += p.note ? notes.reference(p.note) : runXml(p.text, p);
    return out;
  }
  const text = withNoBreakSpaces(joined, spans);
  // where a word joiner follows: inside a span, after a "-" or a "/" not between digits, not before a no-break space
  const mask = new Uint8Array(joined.length + 1);
  for (const [s, e] of spans) mask.fill(1, s, e);
  const joiners: number[] = [];
  for (const [s, e] of spans)
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (mask[i + 1] !== 1 || text[i + 1] === '\u00a0') continue;
      if (c === HYPHEN || (c === SLASH && !(isDigit(text[i - 1]) && isDigit(text[i + 1])))) joiners.push(i + 1);
    }
  let at = 0;
  let j = 0;
  for (const p of parts) {
    if (p.note) {
      out += notes.reference(p.note);
      continue;
    }
    const end = at + p.text.length;
    let t = '';
    let from = at;
    for (; j < joiners.length && joiners[j]! <= end && joiners[j]! > at; j++) {
      t += text.slice(from, joiners[j]) + WORD_JOINER;
      from = joiners[j]!;
    }
    t += text.slice(from, end);
    at = end;
    out += runXml(t, p);
  }
  return out;
}

/** The text parts of a list of inlines: references as resolved, footnotes as marks. */
export function inlineParts(content: Inline[]): RunPart[] {
  return content.map((i) => {
    if (i.type === 'ref') return { text: i.text ?? `[${i.target}]` };
    if (i.type === 'note') return { text: '', note: i.content };
    return { text: i.text, ...(i.bold ? { bold: true } : {}), ...(i.italic ? { italics: true } : {}) };
  });
}

/** A footnote's mark in the body. */
export const footnoteReferenceXml = (id: number): string =>
  `<w:r><w:rPr><w:rStyle w:val="${FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
