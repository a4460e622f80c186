// Where in a YAML file's nesting the cursor stands, read from indentation and list dashes alone (the
// text being typed is often not valid YAML yet): the keys and list items that hold it, the keys already
// written beside it, and the schema node they lead to, for the editor's completion.

import type { SchemaNode } from '../kinds.ts';

/** A step into a list: "an item of it". Keys are the other steps. */
export const ITEM = '[]';
export type Step = string;

const TOKENS = /^(\s*)((?:-[ \t]+)*)(?:([A-Za-z_][\w]*):(?:[ \t]+(.*)|$))?/u;

interface Frame {
  line: number; // where it starts: a frame is the same in two readings when its line and column are
  col: number;
  step: Step | null; // null: the root
  parent: Frame | null;
}

/**
 * Reads the nesting of `lines` with a key being typed at column `col` of `line` (what precedes it on
 * that line: spaces and dashes), calling `key` with each key written and the frame it belongs to.
 * Returns the frame of the object the typed key belongs to, or null inside a block text ("|", ">").
 */
function read(lines: string[], line: number, col: number, key: (name: string, parent: Frame) => void): Frame | null {
  const root: Frame = { line: -1, col: -1, step: null, parent: null };
  let top = root;
  let container: Frame | null = null;
  let textUnder = -1; // a block text's key column: deeper lines are its words, not keys
  const token = (i: number, c: number, step: Step): Frame => {
    // A list may stand at its key's own column ("can_cu:\n- a"): its dash is the key's child, not its sibling.
    while (top !== root && (top.col > c || (top.col === c && !(step === ITEM && top.step !== ITEM)))) top = top.parent!;
    return (top = { line: i, col: c, step, parent: top });
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = i === line ? lines[i]!.slice(0, col) : lines[i]!;
    if (i !== line && (!raw.trim() || raw.trimStart().startsWith('#'))) continue;
    const m = TOKENS.exec(raw)!;
    if (textUnder >= 0) {
      if ((i === line ? col : m[1]!.length) > textUnder) {
        if (i === line) return null;
        continue;
      }
      textUnder = -1;
    }
    let c = m[1]!.length;
    for (const dash of m[2]!.match(/-[ \t]+/gu) ?? []) {
      token(i, c, ITEM);
      c += dash.length;
    }
    if (i === line) {
      container = token(i, col, '').parent;
      top = container!; // the key being typed is not a frame of its own
      continue;
    }
    if (!m[3]) continue;
    key(m[3], token(i, c, m[3]).parent!);
    if (/^[|>][-+0-9]*\s*(#.*)?$/u.test(m[4] ?? '')) textUnder = c;
  }
  return container;
}

/**
 * The place of a key typed at column `col` (0-based) of `line` (0-based), after the line's spaces and
 * dashes: the steps from the root to the object it belongs to, and the keys that object already has.
 * Null inside a block text (after "|" or ">").
 */
export function placeAt(lines: string[], line: number, col: number): { path: Step[]; taken: Set<string> } | null {
  const container = read(lines, line, col, () => undefined);
  if (!container) return null;
  const taken = new Set<string>();
  read(lines, line, col, (name, parent) => {
    if (parent.line === container.line && parent.col === container.col) taken.add(name);
  });
  const path: Step[] = [];
  for (let f: Frame | null = container; f && f.step !== null; f = f.parent) path.unshift(f.step);
  return { path, taken };
}

/** A node and its alternatives (anyOf, oneOf), nested ones too. */
const options = (n: SchemaNode): SchemaNode[] => [n, ...(n.anyOf ?? []).flatMap(options), ...(n.oneOf ?? []).flatMap(options)];

/** The node `path` leads to under `root`: keys into objects' properties, ITEM into lists' items. */
export function schemaAt(root: SchemaNode, path: Step[]): SchemaNode | null {
  let node: SchemaNode | undefined = root;
  for (const step of path) {
    const alts = options(node!);
    node = step === ITEM ? alts.map((o) => o.items).find((n) => n !== undefined) : alts.map((o) => o.properties?.[step]).find((n) => n !== undefined);
    if (!node) return null;
  }
  return node ?? null;
}

/** The object node `path` leads to (its alternatives unwrapped), or null. */
export function nodeAt(root: SchemaNode, path: Step[]): SchemaNode | null {
  const node = schemaAt(root, path);
  return node ? (options(node).find((n) => n.properties) ?? null) : null;
}

/** The values a node allows when they can be listed: its constants and enumerations. */
export function valuesOf(node: SchemaNode | null): unknown[] {
  if (!node) return [];
  const out = new Set<unknown>();
  for (const o of options(node)) {
    if (o.const !== undefined) out.add(o.const);
    for (const v of o.enum ?? []) out.add(v);
  }
  return [...out];
}
