// Capitals the decree requires (e.g. Roman-numbered mục titles) are applied to the text itself,
// so every writer and every text extraction shows the same letters.

import type { Block } from '../model/ast.ts';
import { ROLE_STYLES } from '../style/nd30.ts';
import { upperVi } from '../text/normalize.ts';

export function applyCase(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.type === 'paragraph' || b.type === 'table' || !b.role || !ROLE_STYLES[b.role].upper) return b;
    return { ...b, content: b.content.map((i) => (i.type === 'text' ? { ...i, text: upperVi(i.text) } : i)) };
  });
}
