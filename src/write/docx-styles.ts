// What a clerk editing the DOCX meets in Word's style list and navigation pane: the titled divisions
// carry outline levels (so the navigation pane and a table of contents list them), the style that
// follows a heading is body text, and the docx library's built-in styles nothing uses are dropped.

import type { Role } from '../model/ast.ts';

/** Outline level (0 = top) of each titled division's style; other styles are body text. */
export const OUTLINE_LEVEL: Partial<Record<Role, number>> = {
  part: 0, // "I. MỤC ĐÍCH, YÊU CẦU"
  article: 0, // "Điều 1."
  section: 1, // "1. Mục đích"
  subsection: 2, // "1.1. Tập thể", "a) Danh hiệu thi đua"
};

const STYLE = /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/gu;
const USE = /<w:(?:pStyle|rStyle|tblStyle)\s+w:val="([^"]+)"/gu;
const LINKS = /<w:(?:basedOn|next|link)\s+w:val="([^"]+)"/gu;

/**
 * styles.xml without the styles no part uses: a style is kept when it is ours (prefix), a default
 * (w:default="1"), used by a paragraph, run or table of any part, or reached from a kept style
 * through basedOn, next or link.
 */
export function pruneStyles(parts: Map<string, string | Uint8Array>, ownPrefix: string): void {
  const stylesXml = parts.get('word/styles.xml');
  if (typeof stylesXml !== 'string') return;
  const used = new Set<string>();
  for (const [path, data] of parts)
    if (path !== 'word/styles.xml' && path.endsWith('.xml') && typeof data === 'string') {
      for (const m of data.matchAll(USE)) used.add(m[1]!);
      if (data.includes('<w:tbl>')) used.add('TableNormal'); // a table without a style of its own takes it
    }
  const styles = [...stylesXml.matchAll(STYLE)].map((m) => ({ id: m[1]!, xml: m[0] }));
  const keep = new Set(styles.filter((s) => s.id.startsWith(ownPrefix) || used.has(s.id) || /^<w:style\b[^>]*w:default="1"/u.test(s.xml)).map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of styles)
      if (keep.has(s.id))
        for (const m of s.xml.matchAll(LINKS))
          if (!keep.has(m[1]!)) {
            keep.add(m[1]!);
            grew = true;
          }
  }
  parts.set('word/styles.xml', stylesXml.replace(STYLE, (xml, id: string) => (keep.has(id) ? xml : '')));
}
