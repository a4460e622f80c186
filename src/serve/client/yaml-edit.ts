// Edits one value of a YAML text the way a person would: only the characters of that value change,
// so comments, quoting, flow or block style and line breaks elsewhere stay as written. What cannot
// be spliced (a new key in a nested map, a structured value) goes through the yaml library's Document
// API, which keeps the comments.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar } from 'yaml';

export type Path = (string | number)[];
type Value = string | number | boolean | null;

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export function parse(text: string): Document.Parsed {
  return parseDocument(text, { keepSourceTokens: false });
}

/** True when `s` reads back as the same string written plainly (no quotes), in a block or a flow. */
function plainSafe(s: string, inFlow: boolean): boolean {
  if (!s || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  const d = parseDocument(inFlow ? `[${s}]` : `k: ${s}`);
  if (d.errors.length || d.warnings.length) return false;
  const v = inFlow ? (d.toJS() as unknown[]) : [(d.toJS() as Record<string, unknown>).k];
  return v.length === 1 && v[0] === s;
}

function scalarText(value: Value, old: Scalar | null, inFlow: boolean, indent: string): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const kept = old && typeof old.value === 'string' && old.value !== '' ? old.type : undefined;
  if ((kept === 'BLOCK_FOLDED' || kept === 'BLOCK_LITERAL') && !inFlow) {
    const header = kept === 'BLOCK_FOLDED' ? '>-' : '|-';
    const lines = kept === 'BLOCK_FOLDED' ? value.split('\n').join('\n\n').split('\n') : value.split('\n');
    return `${header}\n${lines.map((l) => (l ? indent + l : '')).join('\n')}`;
  }
  return plainSafe(value, inFlow) ? value : JSON.stringify(value);
}

/** The indentation of the line holding `offset`, plus two spaces: where a block scalar's lines go. */
function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return `${/^ */.exec(text.slice(start))![0]}  `;
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Whether the node at `path` sits inside a flow collection ([…] or {…}). */
function inFlowAt(doc: Document.Parsed, path: Path): boolean {
  for (let n = path.length - 1; n >= 0; n--) {
    const parent = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if ((isMap(parent) || isSeq(parent)) && parent.flow) return true;
  }
  return false;
}

function viaDocument(doc: Document.Parsed, path: Path, value: unknown): string {
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return doc.toString(STRINGIFY);
}

/** `text` with the value at `path` set to `value` (undefined: removed). */
export function setValue(text: string, path: Path, value: Value | Value[] | undefined): string {
  const doc = parse(text);
  if (doc.errors.length) throw new Error('YAML có lỗi cú pháp; sửa trong thẻ YAML trước');
  const node = doc.getIn(path, true) as Node | undefined;
  const flow = inFlowAt(doc, path);
  if (value !== undefined && !Array.isArray(value) && isScalar(node) && node.range) {
    const [from, to] = node.range;
    let insert = scalarText(value, node, flow, indentAt(text, from));
    if (from === to && text[from - 1] === ':') insert = ` ${insert}`;
    // A block scalar's range ends after its last line break; keep one.
    const end = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL' ? (text[to - 1] === '\n' ? to - 1 : to) : to;
    return splice(text, from, end, insert);
  }
  if (value !== undefined && !Array.isArray(value) && node === undefined && path.length === 1 && isMap(doc.contents) && !doc.contents.flow) {
    // A new top-level field: one line at the end, nothing else moves.
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}${String(path[0])}: ${scalarText(value, null, false, '  ')}\n`;
  }
  return viaDocument(doc, path, value);
}

/** A list at `path` with an item added at the end. */
export function addItem(text: string, path: Path, value: Value): string {
  const doc = parse(text);
  const seq = doc.getIn(path, true);
  if (isSeq(seq) && seq.range && seq.items.length > 0 && seq.items.every((i) => isScalar(i) && i.range)) {
    const last = seq.items[seq.items.length - 1] as Scalar;
    const end = last.range![1];
    if (seq.flow) return splice(text, end, end, `, ${scalarText(value, null, true, '')}`);
    const lineStart = text.lastIndexOf('\n', last.range![0] - 1) + 1;
    const dash = /^ *- /.exec(text.slice(lineStart))?.[0];
    const lineEnd = text.indexOf('\n', end);
    if (dash) return splice(text, lineEnd < 0 ? text.length : lineEnd, lineEnd < 0 ? text.length : lineEnd, `\n${dash}${scalarText(value, null, false, '')}`);
  }
  if (isSeq(seq) && seq.flow && seq.items.length === 0 && seq.range) {
    // "key: []" in a block map becomes a block list, the way these lists are usually written.
    const [from, to] = seq.range;
    const key = text.slice(text.lastIndexOf('\n', from - 1) + 1, from);
    if (!inFlowAt(doc, path) && /^ *[^\s].*: *$/.test(key)) return splice(text, from - (key.length - key.trimEnd().length), to, `\n${indentAt(text, from)}- ${scalarText(value, null, false, '')}`);
    return splice(text, from, to, `[${scalarText(value, null, true, '')}]`);
  }
  const list = (doc.getIn(path) as Value[] | undefined) ?? [];
  return viaDocument(doc, path, [...(Array.isArray(list) ? list : []), value]);
}

/** A list at `path` with item `i` removed. */
export function removeItem(text: string, path: Path, i: number): string {
  const doc = parse(text);
  const seq = doc.getIn(path, true);
  if (isSeq(seq) && !seq.flow) {
    const item = seq.items[i];
    if (isScalar(item) && item.range) {
      const lineStart = text.lastIndexOf('\n', item.range[0] - 1) + 1;
      if (/^ *- $/.test(text.slice(lineStart, item.range[0])) && seq.items.length > 1) {
        const lineEnd = text.indexOf('\n', item.range[1]);
        return splice(text, lineStart, lineEnd < 0 ? text.length : lineEnd + 1, '');
      }
    }
  }
  if (isSeq(seq)) seq.items.splice(i, 1);
  return doc.toString(STRINGIFY);
}

/** A list at `path` with items `i` and `j` exchanged. */
export function swapItems(text: string, path: Path, i: number, j: number): string {
  const doc = parse(text);
  const seq = doc.getIn(path, true);
  const a = isSeq(seq) ? seq.items[i] : undefined;
  const b = isSeq(seq) ? seq.items[j] : undefined;
  if (isScalar(a) && isScalar(b) && a.range && b.range) {
    const [first, second] = a.range[0] < b.range[0] ? [a, b] : [b, a];
    const t1 = text.slice(first.range![0], first.range![1]);
    const t2 = text.slice(second.range![0], second.range![1]);
    return text.slice(0, first.range![0]) + t2 + text.slice(first.range![1], second.range![0]) + t1 + text.slice(second.range![1]);
  }
  if (isSeq(seq) && a && b) [seq.items[i], seq.items[j]] = [b, a];
  return doc.toString(STRINGIFY);
}
