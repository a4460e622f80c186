// Numbering computed from structure: I., 1., 1.1. or a), - and +, or Điều n. in a decision.
// Cross-references to block ids are resolved afterwards, so inserting a section renumbers them too.

import type { Block, Inline, Role } from '../model/ast.ts';
import { inlineText } from '../model/ast.ts';
import { InputError } from '../model/errors.ts';
import { pointLetter, roman } from '../text/sequence.ts';

/** "1.1." — the ministry's style; "a)" — the provinces' style; "dieu" — articles of a decision; "quy-che" — Chương, Mục, Điều across the text. */
export type NumberingProfile = '1.1.' | 'a)' | 'dieu' | 'quy-che';

interface Numbered {
  role: Role;
  label: string;
  refName: string; // how a cross-reference names it: "tiểu mục 1.2", "điểm b", "phần II"
  skipParent: boolean; // the reference already contains the parent's number ("1.2")
}

/** Assigns roles and labels; returns new blocks (the input is not changed; a paragraph or table without references is shared). */
export function numberBlocks(blocks: Block[], profile: NumberingProfile, file: string, external: ReadonlyMap<string, string> = new Map()): Block[] {
  if (profile === 'quy-che') return numberRegulation(blocks, file, external);
  const counters: number[] = []; // counters[level] among numbered siblings under the current parent
  const labels: string[] = []; // bare number of the current block at each level ("II", "1", "2")
  const refNames = new Map<string, string>(external); // labels outside the text: its phụ lục ("Phụ lục I")
  const stack: { level: number; ref: string; skipParent: boolean }[] = [];
  const out: Block[] = [];
  // dashDepth of each item of `out` at its own level: the next item at the same level has the same
  // parent, so a long list is not scanned back once per item
  const depths: number[] = [];

  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'table') {
      out.push(b);
      continue;
    }
    const level = b.level;
    if (b.type === 'item') {
      const last = out.at(-1);
      depths[out.length] = last?.type === 'item' && last.level === level ? depths[out.length - 1]! : dashDepth(out, level);
    }
    if (b.type === 'item' && !b.ordered) {
      const parentIsDash = out.at(-1)?.type === 'item' && depths[out.length]! > 0;
      out.push({ ...b, role: parentIsDash ? 'plus' : 'dash', label: parentIsDash ? '+' : '-' });
      continue;
    }
    // A heading closes deeper numbering; an ordered item continues its parent's count.
    counters.length = Math.max(counters.length, level + 1);
    counters[level] = (counters[level] ?? 0) + 1;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const n = counters[level]!;
    const num = assign(profile, b.type === 'heading', level, n, labels);
    labels[level] = num.bare;
    labels.length = level + 1;

    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    const path = [num.refName];
    let skip = num.skipParent;
    for (let s = stack.length - 1; s >= 0; s--) {
      if (skip) { skip = stack[s]!.skipParent; continue; }
      path.push(stack[s]!.ref);
      skip = stack[s]!.skipParent;
    }
    stack.push({ level, ref: num.refName, skipParent: num.skipParent });
    if (b.id) refNames.set(b.id, path.join(' '));
    out.push({ ...b, role: num.role, label: num.label });
  }
  return out.map((b) => withRefs(b, refNames, file));
}

// How deep inside a run of dashes an unordered item sits (its parent is a dash at a lower level).
function dashDepth(out: Block[], level: number): number {
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i]!;
    if (p.type !== 'item') return 0;
    if (p.level < level) return !p.ordered ? 1 : 0;
    if (p.level === level) continue;
  }
  return 0;
}

function assign(profile: NumberingProfile, heading: boolean, level: number, n: number, labels: string[]): Numbered & { bare: string } {
  const parent = labels[level - 1];
  if (profile === 'dieu') {
    if (level === 1) return { role: 'article', label: `Điều ${n}.`, bare: String(n), refName: `Điều ${n}`, skipParent: false };
    if (level === 2) return { role: 'clause', label: `${n}.`, bare: String(n), refName: `khoản ${n}`, skipParent: false };
    return { role: 'point', label: `${pointLetter(n)})`, bare: pointLetter(n), refName: `điểm ${pointLetter(n)}`, skipParent: false };
  }
  if (level === 1) return { role: 'part', label: `${roman(n)}.`, bare: roman(n), refName: `phần ${roman(n)}`, skipParent: false };
  if (level === 2) return { role: heading ? 'section' : 'clause', label: `${n}.`, bare: String(n), refName: `mục ${n}`, skipParent: false };
  if (level === 3 && profile === '1.1.' && parent && /^\d+$/.test(parent)) {
    const bare = `${parent}.${n}`;
    return { role: heading ? 'subsection' : 'clause', label: `${bare}.`, bare, refName: `tiểu mục ${bare}`, skipParent: true };
  }
  const letter = pointLetter(n);
  return { role: heading ? 'subsection' : 'point', label: `${letter})`, bare: letter, refName: `điểm ${letter}`, skipParent: false };
}

/**
 * A quy chế or quy định: "#" Chương I, II (Roman), "##" Mục 1, 2 (Arabic, from 1 in each chương), "###"
 * Điều 1, 2 … counted across the whole text; under an điều, a numbered list is its khoản "1.", a list
 * under a khoản its điểm "a)"; "-" and "+" as anywhere.
 */
function numberRegulation(blocks: Block[], file: string, external: ReadonlyMap<string, string>): Block[] {
  let chapter = 0;
  let division = 0;
  let article = 0;
  let articleLevel = 0;
  let articleRef = '';
  let clause = 0;
  let clauseRef = '';
  let point = 0;
  const refNames = new Map<string, string>(external); // labels outside the text: its phụ lục
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'table') {
      out.push(b);
      continue;
    }
    if (b.type === 'item' && !b.ordered) {
      const parentIsDash = out.at(-1)?.type === 'item' && dashDepth(out, b.level) > 0;
      out.push({ ...b, role: parentIsDash ? 'plus' : 'dash', label: parentIsDash ? '+' : '-' });
      continue;
    }
    let n: { role: Role; label: string; ref: string };
    if (b.type === 'heading' && b.level === 1) {
      chapter++;
      division = 0;
      n = { role: 'chapter', label: `Chương ${roman(chapter)}`, ref: `Chương ${roman(chapter)}` };
    } else if (b.type === 'heading' && b.level === 2) {
      division++;
      n = { role: 'division', label: `Mục ${division}`, ref: `Mục ${division} Chương ${roman(chapter)}` };
    } else if (b.type === 'heading') {
      article++;
      articleLevel = b.level;
      articleRef = `Điều ${article}`;
      clause = 0;
      n = { role: 'titledArticle', label: `Điều ${article}.`, ref: articleRef };
    } else if (b.level <= articleLevel + 1) {
      clause++;
      point = 0;
      clauseRef = `khoản ${clause} ${articleRef}`.trim();
      n = { role: 'clause', label: `${clause}.`, ref: clauseRef };
    } else {
      point++;
      n = { role: 'point', label: `${pointLetter(point)})`, ref: `điểm ${pointLetter(point)} ${clauseRef}`.trim() };
    }
    if (b.id) refNames.set(b.id, n.ref);
    out.push({ ...b, role: n.role, label: n.label });
  }
  return out.map((b) => withRefs(b, refNames, file));
}

/** The content with its references named; the same array when it has none (most paragraphs). */
function resolveRefs(content: Inline[], names: Map<string, string>, file: string): Inline[] {
  if (!content.some((i) => i.type === 'ref' || i.type === 'note')) return content;
  return content.map((i) => {
    if (i.type === 'note') return { ...i, content: resolveRefs(i.content, names, file) };
    if (i.type !== 'ref') return i;
    const name = names.get(i.target);
    if (!name)
      throw new InputError({ file, line: 1, col: 1 }, '', `tham chiếu tới "#${i.target}" nhưng không có mục nào mang nhãn {#${i.target}}`, `thêm {#${i.target}} vào cuối tiêu đề hoặc mục được tham chiếu`);
    return { ...i, text: name };
  });
}

/** A block with its references named: the block itself when it has none. */
function withRefs(b: Block, names: Map<string, string>, file: string): Block {
  if (b.type === 'table') {
    const cells = (rows: Inline[][][]) => rows.map((r) => r.map((c) => resolveRefs(c, names, file)));
    return { ...b, header: cells([b.header])[0]!, rows: cells(b.rows) };
  }
  const content = resolveRefs(b.content, names, file);
  return content === b.content ? b : { ...b, content };
}

/** Appends the closing "./." to the last body paragraph, as every sample form ends. */
export function closeBody(blocks: Block[]): Block[] {
  const last = blocks.at(-1);
  if (!last) return blocks;
  // A text that ends with a table closes on a line of its own under it.
  if (last.type === 'table') return [...blocks, { type: 'paragraph', content: [{ type: 'text', text: './.' }] }];
  const text = inlineText(last.content);
  if (text.endsWith('./.')) return blocks;
  const tail = last.content.at(-1);
  const base = text.trimEnd().replace(/[.;:,]$/, '');
  const cut = text.trimEnd().length - base.length;
  const content: Inline[] = [...last.content];
  if (tail?.type === 'text') {
    const trimmed = tail.text.trimEnd();
    content[content.length - 1] = { ...tail, text: trimmed.slice(0, trimmed.length - cut) + './.' };
  } else content.push({ type: 'text', text: './.' });
  return [...blocks.slice(0, -1), { ...last, content }];
}
