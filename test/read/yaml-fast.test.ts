// The quick YAML path (js-yaml) must read exactly what the full reader (the yaml package) reads, and
// leave to the full reader every file it would refuse or read differently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, MAX_LIST_ITEMS, parseFully, parseYaml } from '../../src/read/yaml.ts';
import { needsFullReader, quickByEntries, quickYaml } from '../../src/read/yaml-fast.ts';
import { deriveAll } from '../../src/derive/command.ts';

const limits = { fieldChars: MAX_FIELD_CHARS, listItems: MAX_LIST_ITEMS };
const tmp = mkdtempSync(join(tmpdir(), 'vanban-yaml-fast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The full reader's outcome: its data, or its error message (with line and column). */
function full(source: string): { data: unknown } | { error: string } {
  try {
    return { data: parseFully(source, 'f.yaml').data };
  } catch (error) {
    return { error: String(error) };
  }
}

// Every YAML file of the repository (data, examples, profiles, templates, test fixtures, good and
// bad), and a derived province's campaign and plan, the largest inputs of a batch build.
const derived = join(tmp, 'derived');
deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/an-giang.yaml'], out: derived });
const files = [
  ...execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { encoding: 'utf8' }).trim().split('\n'),
  join(derived, 'an-giang/thi-dua-2024/chien-dich.yaml'),
  join(derived, 'an-giang/thi-dua-2024/ke-hoach.yaml'),
];
const sources = files.map((f) => [f, readFileSync(f, 'utf8')] as const);

/**
 * 3 000 files of the repository with one to three random edits each: a piece of `bits` inserted (below
 * `insert`), a few characters removed (below `remove`), or up to `copy` characters of the file copied
 * elsewhere; a file longer than `prefix` is cut to a random prefix first.
 */
function* randomEdits(o: { seed: number; bits: string[]; prefix: number; insert: number; remove: number; copy: number }): Generator<readonly [string, string]> {
  let seed = o.seed;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 3000; i++) {
    const [file, s] = sources[Math.floor(rnd() * sources.length)]!;
    let t = s.length > o.prefix ? s.slice(0, Math.floor(rnd() * o.prefix) + 200) : s;
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
      const at = Math.floor(rnd() * t.length);
      const r = rnd();
      if (r < o.insert) t = t.slice(0, at) + o.bits[Math.floor(rnd() * o.bits.length)] + t.slice(at);
      else if (r < o.remove) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
      else {
        const b = Math.floor(rnd() * t.length);
        t = t.slice(0, at) + t.slice(b, b + 1 + Math.floor(rnd() * o.copy)) + t.slice(at);
      }
    }
    yield [file, t] as const;
  }
}

describe('đọc nhanh YAML', () => {
  it('reads every file of the repository as the full reader does, or leaves it to the full reader', () => {
    let quick = 0;
    for (const [file, source] of sources) {
      const data = quickYaml(source, limits);
      if (data === undefined) continue;
      quick++;
      expect(full(source), file).toEqual({ data });
      expect(isDeepStrictEqual(data, (full(source) as { data: unknown }).data), file).toBe(true);
    }
    expect(files.length).toBeGreaterThan(300);
    // Most files are plain data: the quick path is really taken.
    expect(quick).toBeGreaterThan(files.length * 0.8);
  });

  it('sends to the full reader exactly the texts a regular expression of what it treats apart would', () => {
    // The specification: tabs, a carriage return not before a line feed, an empty list item, a "%"
    // directive at a line start, an explicit key "? ", a flow collection as a key.
    const SPEC = /\t|\r(?!\n)|^[ ]*-[ ]*(?:\r?\n|$)|^%|(?:^|[\s[{,])\?(?:[\s\]},]|$)|[\]}][ ]*:(?:[\s\]},]|$)/m;
    const alphabet = ['a', ' ', '\n', '\r', '-', '%', '?', ']', '}', '[', '{', ',', ':', '\t', '\u2028', '\u00a0', 'x'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    let sent = 0;
    for (let n = 0; n < 50_000; n++) {
      let s = '';
      for (let i = 1 + random(8); i > 0; i--) s += alphabet[random(alphabet.length)];
      expect(needsFullReader(s), JSON.stringify(s)).toBe(SPEC.test(s));
      if (SPEC.test(s)) sent++;
    }
    expect(sent).toBeGreaterThan(5_000); // both outcomes are exercised
    expect(sent).toBeLessThan(45_000);
  });

  it('takes the quick path for a derived campaign, the largest input of a batch', () => {
    const source = readFileSync(join(derived, 'an-giang/thi-dua-2024/chien-dich.yaml'), 'utf8');
    expect(quickYaml(source, limits)).toBeDefined();
  });

  it.each([
    ['an anchor and its alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 5\n'],
    ['a non-specific tag', 'a: ! 5\n'],
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['a leading zero', 'a: 007\n'],
    ['an exponent', 'a: 1e3\n'],
    ['a plus sign', 'a: +5\n'],
    ['.inf', 'a: .inf\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 2}\n'],
    ['a null key', 'null: 1\n'],
    ['an empty key', '"": 1\n'],
    ['a number as a key', '1: a\n'],
    ['a flow sequence as a key', '[a]: b\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicated key', 'a: 1\na: 2\n'],
    ['a quoted value over two lines at the key\'s indentation', 'a: "one\ntwo"\n'],
    ['an escape giving a zero-width space', 'a: "x\\u200By"\n'],
    ['a zero-width space in the text', 'a: x\u200by\n'],
    ['a value over the length limit', `a: ${'x'.repeat(MAX_FIELD_CHARS + 1)}\n`],
    ['a list over the item limit', `a: [${Array(MAX_LIST_ITEMS + 1).fill('1').join(', ')}]\n`],
    ['a syntax error', 'a: [1, 2\n'],
    ['a lone carriage return', 'a: { b: \rc }\n'],
    ['an empty item before a less indented one', 'a:\n  -\n- x\n'],
    ['an empty file', ''],
  ])('leaves %s to the full reader', (_what, source) => {
    expect(quickYaml(source, limits)).toBeUndefined();
  });

  it('gives the full reader\'s errors, at the same line and column, when it leaves a file to it', () => {
    for (const source of ['a: &x 1\nb: *x\n', 'a: 0x1F\n', 'a: 1\na: 2\n', 'a: "one\ntwo"\n', 'a:\n\tb: 1\n']) {
      let error: unknown;
      try {
        parseYaml(source, 'f.yaml');
      } catch (e) {
        error = e;
      }
      expect(String(error)).toBe((full(source) as { error: string }).error);
      expect(String(error)).toMatch(/f\.yaml:\d+:\d+/);
    }
  });

  it('locates a value of a file read quickly as the full reader does', () => {
    const source = readFileSync(join(derived, 'an-giang/thi-dua-2024/chien-dich.yaml'), 'utf8');
    const path = ['to_chuc_thuc_hien', 0, 'viec', 0];
    expect(parseYaml(source, 'c.yaml').locate(path)).toEqual(parseFully(source, 'c.yaml').locate(path));
    expect(parseYaml(source, 'c.yaml').locate(path).line).toBeGreaterThan(1);
  });

  it('agrees with the full reader on 3 000 random edits of the repository\'s files', () => {
    const bits = [' ', '  ', '\n', ':', ': ', '- ', '"', "'", '#', ' #', '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '? ', '---\n', '\\', '0x1', '1e3', '007', 'null', '~', 'true', '<<: ', '\t', '|-\n', '>+\n', '\n  ', '\n- x', '\r\n', '\r', '\n  -\n'];
    let quick = 0;
    for (const [file, t] of randomEdits({ seed: 20261202, bits, prefix: 3000, insert: 0.4, remove: 0.7, copy: 10 })) {
      const data = quickYaml(t, limits);
      if (data === undefined) continue;
      quick++;
      expect(full(t), `${file}, edited: ${JSON.stringify(t)}`).toEqual({ data });
    }
    expect(quick).toBeGreaterThan(500);
  });

  // The entries of a top-level mapping are read one by one and kept for the next file (yaml-fast.ts).
  describe('từng mục của tệp', () => {
    it('reads every file of the repository entry by entry as the full reader reads it whole', () => {
      let byEntries = 0;
      for (const [file, source] of sources) {
        const data = quickByEntries(source, limits);
        if (data === undefined) continue;
        byEntries++;
        expect(isDeepStrictEqual(data, (full(source) as { data: unknown }).data), file).toBe(true);
      }
      expect(byEntries).toBeGreaterThan(files.length * 0.5);
    });

    it('reads a second province\'s campaign from the entries it shares with the first, as the full reader does', () => {
      deriveAll({ from: 'data/bo-tu-phap/thi-dua-2024', profile: ['profiles/2023-2024/ha-noi.yaml'], out: derived });
      const first = readFileSync(join(derived, 'an-giang/thi-dua-2024/chien-dich.yaml'), 'utf8');
      const second = readFileSync(join(derived, 'ha-noi/thi-dua-2024/chien-dich.yaml'), 'utf8');
      expect(second).not.toBe(first);
      quickByEntries(first, limits);
      const data = quickByEntries(second, limits);
      expect(data).toBeDefined();
      expect(isDeepStrictEqual(data, (full(second) as { data: unknown }).data)).toBe(true);
    });

    it('gives each reading its own mappings and lists: a reader changing one does not change the next file', () => {
      const source = 'a:\n  - x\n  - y\nb: { c: 1 }\n';
      const one = quickByEntries(source, limits) as { a: string[]; b: { c: number } };
      one.a.push('z');
      one.b.c = 2;
      expect(quickByEntries(source, limits)).toEqual({ a: ['x', 'y'], b: { c: 1 } });
    });

    it.each([
      ['a key in two entries', 'a: 1\nb: 2\na: 3\n'],
      ['a flow mapping at the start of a line', 'a: 1\n{b: 2, c: 3}\n'],
      ['a quoted value running into the next key', 'a: "x\nb: y"\n'],
      ['a plain line with no key', 'a: 1\nb:c\n'],
      ['a list at the top', 'a: 1\n- b\n'],
      ['a document marker', 'a: 1\n---\nb: 2\n'],
    ])('leaves %s to the reading of the whole file', (_what, source) => {
      expect(quickByEntries(source, limits)).toBeUndefined();
    });

    it('agrees with the full reader on 3 000 random edits of the repository\'s files', () => {
      // Whole files, with new keys and lines at column 0 among the edits.
      const bits = ['\n', '\na', '\nb: ', '\n_: x', '\nA:', ':', ': ', '- ', '"', "'", '#', '\n#', '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '? ', '---\n', '\\', '\t', '\r\n', '\r', '\n  ', '\n- x', '<<: ', 'null: '];
      let byEntries = 0;
      for (const [file, t] of randomEdits({ seed: 20261204, bits, prefix: Infinity, insert: 0.5, remove: 0.75, copy: 40 })) {
        const data = quickByEntries(t, limits);
        if (data === undefined) continue;
        byEntries++;
        expect(full(t), `${file}, edited: ${JSON.stringify(t)}`).toEqual({ data });
      }
      expect(byEntries).toBeGreaterThan(500);
    });
  });
});
