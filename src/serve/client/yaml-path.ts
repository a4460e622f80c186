// Where in a YAML file's nesting a line sits, read from its indentation alone (the text being typed is
// often not valid YAML yet): the keys of the blocks that hold it, and the schema node they lead to.

import type { SchemaNode } from './kinds.ts';

const KEY = /^(\s*)(?:-\s+)?([A-Za-z_][\w]*):(.*)$/u;

/** The keys of the blocks holding a line indented by `indent` at `line` (0-based): ["nguoi_ky"]; null inside a list or a value. */
export function blockPath(lines: string[], line: number, indent: number): string[] | null {
  const path: string[] = [];
  let want = indent;
  for (let i = line - 1; i >= 0 && want > 0; i--) {
    if (!lines[i]!.trim() || lines[i]!.trimStart().startsWith('#')) continue;
    const at0 = lines[i]!.length - lines[i]!.trimStart().length;
    if (at0 <= want && lines[i]!.trimStart().startsWith('-')) return null; // among the items of a list
    const m = KEY.exec(lines[i]!);
    if (!m) {
      if (lines[i]!.length - lines[i]!.trimStart().length < want) return null; // "- item" of a list
      continue;
    }
    const at = m[1]!.length;
    if (at < want && m[3]!.trim() === '') {
      path.unshift(m[2]!);
      want = at;
    } else if (at < want) return null; // a list item or a value on the key's line: not a map of fields
  }
  return want > 0 ? null : path;
}

/** The object node `path` leads to under `root` (anyOf and ["object", "null"] unwrapped), or null. */
export function nodeAt(root: SchemaNode, path: string[]): SchemaNode | null {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const objects: SchemaNode[] = [node, ...(node?.anyOf ?? []), ...(node?.oneOf ?? [])].filter((n): n is SchemaNode => !!n?.properties);
    node = objects.map((o) => o.properties![key]).find((n) => n !== undefined);
    if (!node) return null;
  }
  return [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])].find((n) => n?.properties) ?? null;
}

/** The keys already written in the block holding `line` at `indent`: not offered again. */
export function siblings(lines: string[], line: number, indent: number): Set<string> {
  const found = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      if (!lines[i]!.trim()) continue;
      const at = lines[i]!.length - lines[i]!.trimStart().length;
      if (at < indent) break;
      const m = KEY.exec(lines[i]!);
      if (m && at === indent) found.add(m[2]!);
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return found;
}
