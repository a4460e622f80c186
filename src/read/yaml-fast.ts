// A quick reading of plain YAML data with js-yaml, for the files the `yaml` reader would accept
// anyway. `yaml` builds a full document tree with positions (2–4 times slower on the 31 KB campaign
// files a derived build reads per plan); that tree is only needed to name an error's line, so any
// file this path cannot prove plain goes to `yaml` instead: the same data, or the same errors.

import { FAILSAFE_SCHEMA, Type, load, type State } from 'js-yaml';
import { SUSPECT, forbiddenIn } from './characters.ts';

/** Thrown inside the quick path: the file needs the full reader (an error to locate, or a construct it refuses). */
class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

// The scalars of YAML 1.2's core schema exactly as the `yaml` package resolves them (its
// schema/core), so a plain scalar reads the same value; numbers the full reader refuses (hex, octal,
// exponent, "+", a leading zero, .inf, .nan) leave the quick path. Tags are our own, so an explicit
// "!!int" in a file can never pass for one of them.
const NUMBER_REFUSED = /^(?:\+|[-+]?(?:0[xob]|0\d|\.inf|\.nan|\d*\.?\d+e))/i;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const NUMBERS = [/^0o[0-7]+$/, INT, /^0x[0-9a-fA-F]+$/, /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
const TAG = 'tag:vanban.quick,2026:';
const scalar = (name: string, resolve: (s: string) => boolean, construct: (s: string) => unknown) => new Type(TAG + name, { kind: 'scalar', resolve: (s: string | null) => resolve(s ?? ''), construct: (s: string | null) => construct(s ?? '') });
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', (s) => NULL.test(s), () => null),
    scalar('bool', (s) => BOOL.test(s), (s) => s[0] === 't' || s[0] === 'T'),
    scalar('number', (s) => NUMBERS.some((r) => r.test(s)), (s) => (NUMBER_REFUSED.test(s) ? notPlain() : INT.test(s) ? parseInt(s, 10) : parseFloat(s))),
  ],
});
const OWN_TAGS = new Set([null, '?', TAG + 'null', TAG + 'bool', TAG + 'number']);

// What `yaml` treats apart from js-yaml, or refuses, found in the text: tabs (indentation errors), a lone CR,
// an empty list item, directives ("%YAML 1.1" changes the schema), explicit keys ("? "), flow collections
// used as keys ("] :", "}:"). Searched character by character from each "%", "?", "]", "}" (a regular expression
// for the same took 0.1 ms on a campaign file, once per plan).
const SPACE = /\s/;
const LINE_START = ['\n%', '\r%', '\u2028%', '\u2029%'];
/** What may follow an indicator for it to count: the end, a space or a flow delimiter. */
const ends = (after: string | undefined): boolean => after === undefined || SPACE.test(after) || after === ']' || after === '}' || after === ',';
const explicitKey = (s: string): boolean => {
  for (let i = s.indexOf('?'); i !== -1; i = s.indexOf('?', i + 1)) {
    const before = s[i - 1];
    if ((before === undefined || SPACE.test(before) || before === '[' || before === '{' || before === ',') && ends(s[i + 1])) return true;
  }
  return false;
};
const flowKey = (s: string, close: string): boolean => {
  for (let i = s.indexOf(close); i !== -1; i = s.indexOf(close, i + 1)) {
    let j = i + 1;
    while (s[j] === ' ') j++;
    if (s[j] === ':' && ends(s[j + 1])) return true;
  }
  return false;
};
/** A carriage return not ending a line: `yaml` keeps it in a value, js-yaml takes it for a line break. */
const loneReturn = (s: string): boolean => {
  for (let i = s.indexOf('\r'); i !== -1; i = s.indexOf('\r', i + 1)) if (s[i + 1] !== '\n') return true;
  return false;
};
/** An empty list item ("-" alone on its line): js-yaml joins it with a "- x" less indented after it, `yaml` refuses that. */
const EMPTY_ITEM = /^[ ]*-[ ]*(?:\r?\n|$)/m;
export const needsFullReader = (s: string): boolean =>
  s.includes('\t') || loneReturn(s) || EMPTY_ITEM.test(s) || s.startsWith('%') || LINE_START.some((p) => s.includes(p)) || explicitKey(s) || flowKey(s, ']') || flowKey(s, '}');

// A key that a plain scalar other than a string would give (js-yaml names a null key "null", `yaml` ""),
// one longer than the 1024 characters `yaml` allows an implicit key,
// or one the full reader treats specially ("<<", "__proto__") or stringifies from a collection.
const ODD_KEY = /^(?:$|[-+.\d~]|(?:null|true|false)$|<<$|__proto__$)|,|\[object /i;

// The characters forbiddenCharacter refuses (any surrogate sends the file to the slow check), and "\\".
const UNCHECKED = new RegExp(`\\\\|${SUSPECT.source}`);

/**
 * The data of `source` when it is plain YAML the full reader accepts and reads the same; undefined
 * when the full reader must decide (anything that could be an error, an alias or a tag). `checked`:
 * the source has passed checkCharacters, so only an escape can put a refused character in a value.
 */
export function quickYaml(source: string, limits: { fieldChars: number; listItems: number; checked?: boolean }): unknown {
  if (needsFullReader(source)) return undefined;
  let data: unknown;
  const starts: number[] = [];
  try {
    data = load(source, {
      schema: SCHEMA,
      listener(event: string, state: State) {
        if (event === 'open') return void starts.push(state.position);
        const node = state as State & { anchor: string | null; tag: string | null; kind: string | null };
        const start = starts.pop()!;
        // Anchors and explicit tags are refused by the full reader, at their line.
        if (node.anchor !== null || !OWN_TAGS.has(node.tag)) notPlain();
        if (node.kind === 'scalar' || source[firstContent(source, start)] === '[' || source[firstContent(source, start)] === '{') underIndented(source, start, state.position);
      },
    });
  } catch {
    return undefined; // a syntax error, a duplicated key, several documents, or not plain: the full reader says which
  }
  if (data === undefined) return undefined; // an empty file: `yaml` reads null
  // The source passed the character check unless it has one of the characters refused in values
  // (when parseYaml is called alone), or an escape that can make one.
  return plain(data, limits, limits.checked ? source.includes('\\') : UNCHECKED.test(source)) ? data : undefined;
}

const firstContent = (source: string, from: number): number => {
  while (from < source.length && (source[from] === ' ' || source[from] === '\n' || source[from] === '\r')) from++;
  return from;
};

/**
 * A value over several lines (a plain, quoted or flow one: not a block scalar): `yaml` wants each
 * further line indented under its key, js-yaml takes less. Stricter than `yaml`: each further line
 * must be indented past the column where the line of the value's start has its content (after any "- ").
 */
function underIndented(source: string, start: number, end: number): void {
  const first = firstContent(source, start);
  if (source[first] === '|' || source[first] === '>') return;
  while (end > first && /\s/.test(source[end - 1]!)) end--;
  let nl = source.indexOf('\n', first);
  if (nl === -1 || nl >= end) return;
  let line = source.lastIndexOf('\n', first - 1) + 1;
  while (source[line] === ' ' || (source[line] === '-' && source[line + 1] === ' ')) line++;
  const column = line - (source.lastIndexOf('\n', first - 1) + 1);
  for (; nl !== -1 && nl < end; nl = source.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (source[i] === ' ') i++;
    if (i - nl - 1 <= column && i < end && source[i] !== '\n' && source[i] !== '\r') notPlain();
  }
}

/** The checks the full reader makes on each value and key (lengths, characters an escape can produce). */
function plain(value: unknown, limits: { fieldChars: number; listItems: number }, escapes: boolean): boolean {
  if (typeof value === 'string') return value.length <= limits.fieldChars && !(escapes && forbiddenIn(value));
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.length <= limits.listItems && value.every((v) => plain(v, limits, escapes));
  for (const key of Object.keys(value)) if (ODD_KEY.test(key) || key.length > 1024 || !plain(key, limits, escapes) || !plain((value as Record<string, unknown>)[key], limits, escapes)) return false;
  return true;
}
