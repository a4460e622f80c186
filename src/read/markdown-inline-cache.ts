// markdown-it's inline parse, cached by the paragraph's text for the process: the documents of a batch
// repeat their paragraphs (the 63 plans of one campaign: 5,859 blocks, 301 distinct), and the inline
// parse was a third of reading their Markdown. A text with "[" is parsed each time: links, footnote
// marks and inline notes read and write the parse's env, so their tokens depend on more than the text.
// No other inline rule of our set (commonmark, html, footnotes) looks beyond the text.

import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { detach } from '../text/detach.ts';
import { TextCache } from '../text/text-cache.ts';

/**
 * Replaces the core "inline" rule of `md` by one that reuses the children of a text parsed before. The
 * children are shared between documents: readers must not change them. markdown-it's own "text_join",
 * run after this rule, leaves an array it has joined once as it is.
 */
export function cacheInlineParse(md: MarkdownIt): void {
  const parsed = new TextCache<Token[]>();
  md.core.ruler.at('inline', (state: StateCore) => {
    for (const tok of state.tokens) {
      if (tok.type !== 'inline') continue;
      const text = tok.content;
      if (text.includes('[')) {
        md.inline.parse(text, md, state.env, tok.children!);
        continue;
      }
      const hit = parsed.get(text);
      if (hit) {
        tok.children = hit;
        continue;
      }
      md.inline.parse(text, md, state.env, tok.children!);
      // The tokens' texts are views into this document's source: copied, so the cache holds only them.
      for (const child of tok.children!) {
        child.content = detach(child.content);
        if (child.attrs) child.attrs = child.attrs.map(([k, v]) => [k, detach(v)]);
      }
      parsed.set(text, tok.children!, text.length);
    }
  });
}
