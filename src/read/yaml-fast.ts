// A quick reading of plain YAML data with js-yaml, for the files the `yaml` reader would accept
// anyway. `yaml` builds a full document tree with positions (2–4 times slower on the 31 KB campaign
// files a derived build reads per plan); that tree is only needed to name an error's line, so any
// file this path cannot prove plain goes to `yaml` instead: the same data, or the same errors.

import { FAILSAFE_SCHEMA, Type, load, type State } from 'js-yaml';
import { detach } from '../text/detach.ts';
import { TextCache } from '../text/text-cache.ts';
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
export function quickYaml(source: string, limits: Limits): unknown {
  return quickByEntries(source, limits) ?? quickWhole(source, limits);
}

interface Limits {
  fieldChars: number;
  listItems: number;
  checked?: boolean;
}

// The entries of a top-level mapping, each read once per process. The 63 campaign files of a batch
// share 92 % of their text entry for entry (218 distinct entries of 945; 118 of 1,528 thousand
// characters). Read whole, they took 52–58 ms of the 255–294 ms of composing the 63 plans; entry by
// entry, 27–34 ms. A line starting a key at column 0 ends the entry before it, so each entry is read
// alone as js-yaml reads it in the file, and a file whose every entry reads plainly, as a mapping of
// one new key, is that mapping. Anything else (a column-0 line starting with another character, an
// entry that does not read alone, a key twice) goes to the reading of the whole file, which decides.
const KEY_START = /[A-Za-z_]/;
/** Per limits: an entry's text → its value, or null when it does not read plainly on its own. */
const entryCaches = new Map<string, TextCache<{ key: string; value: unknown } | null>>();

export function quickByEntries(source: string, limits: Limits): unknown {
  const starts: number[] = [];
  for (let i = 0; i !== -1 && i < source.length; ) {
    const c = source[i]!;
    if (KEY_START.test(c)) starts.push(i);
    else if (c !== ' ' && c !== '#' && c !== '\n' && c !== '\r') return undefined;
    const nl = source.indexOf('\n', i);
    i = nl === -1 ? -1 : nl + 1;
  }
  if (starts.length < 2) return undefined; // nothing to share: the whole file is one reading
  const id = `${limits.fieldChars},${limits.listItems},${limits.checked ? 1 : 0}`;
  let cache = entryCaches.get(id);
  if (!cache) entryCaches.set(id, (cache = new TextCache()));
  const data: Record<string, unknown> = {};
  for (let n = 0; n < starts.length; n++) {
    // The first entry keeps the comments and blank lines before it.
    const text = source.slice(n === 0 ? 0 : starts[n]!, starts[n + 1] ?? source.length);
    let entry = cache.get(text);
    if (entry === undefined) entry = cache.set(text, readEntry(detach(text), limits), text.length);
    if (entry === null || Object.hasOwn(data, entry.key)) return undefined;
    data[entry.key] = copy(entry.value);
  }
  return data;
}

/** One entry read alone: a mapping of exactly one key, read plainly, or null. */
function readEntry(text: string, limits: Limits): { key: string; value: unknown } | null {
  const data = quickWhole(text, limits);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const keys = Object.keys(data);
  return keys.length === 1 ? { key: keys[0]!, value: (data as Record<string, unknown>)[keys[0]!] } : null;
}

/** A fresh copy of the mappings and lists of a value (kept in the cache, so no reader can change it for the next file). */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k]);
  return out;
}

function quickWhole(source: string, limits: Limits): unknown {
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
