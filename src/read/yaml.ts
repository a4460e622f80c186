// YAML input with source positions, so every error can name its line and column.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document as YamlDocument, Node, YAMLError } from 'yaml';
import type { z } from 'zod';
import { InputError, combineErrors, describeIssue, type Location } from '../model/errors.ts';
import { FileRefused, readRegularFile } from '../io/project-files.ts';
import { checkCharacters, decodeUtf8, forbiddenIn } from './characters.ts';
import { quickYaml } from './yaml-fast.ts';

// The `yaml` package reads what the quick path leaves and finds the line of a message: loaded then, since its
// module alone costs a fresh process (and each worker of a batch) about 50 ms. Its CommonJS build is what an import gets.
const requireHere = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= requireHere('yaml') as typeof Yaml);

export interface YamlFile {
  file: string; // as shown to the user
  data: unknown;
  /** Location of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): Location;
}

export function readYaml(path: string, shown = path): YamlFile {
  let data: Buffer;
  try {
    data = readRegularFile(path);
  } catch (error) {
    const reason = error instanceof FileRefused ? error.reason : 'khong-doc-duoc';
    if (reason === 'khong-phai-tep') throw new InputError({ file: shown, line: 1, col: 1 }, '', 'không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị)', 'chỉ tới một tệp .yaml');
    if (reason === 'qua-lon') throw new InputError({ file: shown, line: 1, col: 1 }, '', 'tệp lớn quá giới hạn 8 MB của một tệp đầu vào', 'chia dữ liệu thành nhiều tệp');
    throw new InputError({ file: shown, line: 1, col: 1 }, '', 'không đọc được tệp (không tồn tại hoặc không có quyền đọc)', 'kiểm tra đường dẫn');
  }
  const source = decodeUtf8(data, shown);
  checkCharacters(source, shown);
  return parseYaml(source, shown, true);
}

/** One YAML value: a trích yếu or a căn cứ is a sentence or two; long text belongs in the Markdown body. */
export const MAX_FIELD_CHARS = 10_000;
/** Items of one YAML list (nơi nhận, căn cứ, nhiệm vụ). */
export const MAX_LIST_ITEMS = 1000;

// Numbers must be written as plain decimals: "0x1F", "0o17", "1e3", ".inf" and a leading zero are
// read by YAML as other values than a clerk expects ("0x1F" is 31).
const ODD_NUMBER = /^(?:\+|[-+]?(?:0[xob]|0\d|\.inf|\.nan|\d*\.?\d+e))/i;

/** `checked`: the source has passed checkCharacters (readYaml). */
export function parseYaml(source: string, file: string, checked = false): YamlFile {
  const data = quickYaml(source, { fieldChars: MAX_FIELD_CHARS, listItems: MAX_LIST_ITEMS, checked });
  if (data === undefined) return parseFully(source, file);
  // The positions are only needed to name a line (an invalid value, a warning): read them then.
  let full: YamlFile | undefined;
  return { file, data, locate: (path) => (full ??= parseFully(source, file)).locate(path) };
}

/** The `yaml` package's reading, with positions: every error it finds, at its line. */
export function parseFully(source: string, file: string): YamlFile {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Location => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  // Every duplicated key is its own mistake; after any other syntax error the rest mostly follow from it.
  const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const other = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (doc.errors.length) throw combineErrors([...duplicates, ...(other ? [other] : [])].map((e) => syntaxError(doc, e, source, at)));
  refuseTricks(doc, source, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    throw new InputError(at(0), '', 'tệp YAML quá phức tạp để đọc', 'viết dữ liệu thẳng, không dùng bí danh');
  }
  return {
    file,
    data,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
        if (node && node.range) return at(keyOffset(doc.contents, path.slice(0, n)) ?? node.range[0]);
      }
      return { file, line: 1, col: 1 };
    },
  };
}

/** Aliases, anchors, merge keys and odd numbers are refused at their line: data is written plainly. */
function refuseTricks(doc: YamlDocument.Parsed, source: string, at: (offset: number) => Location): void {
  const { isAlias, isNode, isPair, isScalar, isSeq, visit } = yaml();
  const fix = 'viết thẳng giá trị vào từng trường';
  // Every refusal of the file is collected, so one run shows them all.
  const errors: InputError[] = [];
  const refuse = (e: InputError): void => void errors.push(e);
  const anchors = new Set<string>();
  visit(doc, (_key, node) => {
    if (isPair(node)) {
      if (isScalar(node.key) && node.key.value === '<<') return refuse(new InputError(at(node.key.range?.[0] ?? 0), '', 'không dùng khóa gộp YAML "<<"', fix));
      if (node.key !== null && !isScalar(node.key)) return refuse(new InputError(at((node.key as Node).range?.[0] ?? 0), '', 'tên trường phải là một chữ, không phải danh sách hay nhóm', 'viết "ten_truong: giá trị"'));
      return;
    }
    // An alias is the same mistake as its anchor, already reported at the anchor's line.
    if (isAlias(node)) return anchors.has(node.source) ? undefined : refuse(new InputError(at(node.range?.[0] ?? 0), '', `không dùng bí danh YAML "*${node.source}"`, fix));
    if (!isNode(node)) return;
    const start = node.range?.[0] ?? 0;
    if (isSeq(node) && node.items.length > MAX_LIST_ITEMS) return refuse(new InputError(at(start), '', `danh sách có ${node.items.length} mục, quá giới hạn ${MAX_LIST_ITEMS}`, 'chia thành nhiều văn bản'));
    if ((node as { anchor?: string }).anchor) return anchors.add((node as { anchor: string }).anchor), refuse(new InputError(at(start), '', `không dùng neo YAML "&${(node as { anchor?: string }).anchor}"`, fix));
    if (node.tag) return refuse(new InputError(at(start), '', `không dùng thẻ kiểu YAML "${node.tag.replace('tag:yaml.org,2002:', '!!')}"`, fix));
    if (!isScalar(node)) return;
    const raw = source.slice(start, node.range?.[1] ?? start);
    if (typeof node.value === 'number' && node.type === 'PLAIN' && ODD_NUMBER.test(raw))
      return refuse(new InputError(at(start), '', `số "${raw}" viết theo kiểu YAML đặc biệt (hệ 16, hệ 8, lũy thừa, dấu + hoặc số 0 đứng đầu)`, 'viết số thập phân bình thường, không có số 0 đứng đầu, ví dụ 31'));
    if (typeof node.value === 'string') {
      if (node.value.length > MAX_FIELD_CHARS) return refuse(new InputError(at(start), '', `giá trị dài ${node.value.length} ký tự, quá giới hạn ${MAX_FIELD_CHARS} của một trường`, 'viết phần dài vào tệp nội dung Markdown'));
      const bad = forbiddenIn(node.value);
      if (bad) return refuse(new InputError(at(start), '', `giá trị có ${bad.what}`, 'xóa ký tự này khỏi giá trị'));
    }
  });
  if (errors.length) throw combineErrors(errors);
}

// For a missing or wrong value, point at its key (the line the clerk must edit).
function keyOffset(root: unknown, path: readonly PropertyKey[]): number | undefined {
  const { isMap, isSeq } = yaml();
  let node = root;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return undefined;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as Node | undefined)?.range?.[0];
    } else return undefined;
  }
  return offset;
}

const SYNTAX_FIX = 'kiểm tra thụt lề, dấu ":" và dấu ngoặc kép ở dòng này';

/** A YAML syntax error in the clerk's words, at the line to edit. */
function syntaxError(doc: YamlDocument.Parsed, e: YAMLError, source: string, at: (offset: number) => Location): InputError {
  const { isScalar, visit } = yaml();
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      // The key of the pair that starts at the error; its first declaration is the earlier pair with the same key.
      let found: { key: string; first: number } | null = null;
      visit(doc, {
        Map(_k, map) {
          const seen = new Map<unknown, number>();
          for (const pair of map.items) {
            const key = isScalar(pair.key) ? pair.key.value : undefined;
            const start = (pair.key as Node | null)?.range?.[0];
            if (start === undefined) continue;
            if (seen.has(key) && start === e.pos[0] && !found) found = { key: String(key), first: seen.get(key)! };
            if (!seen.has(key)) seen.set(key, start);
          }
        },
      });
      if (found) {
        const f = found as { key: string; first: number };
        return new InputError(at(e.pos[0]), f.key, `được khai báo hai lần (lần đầu ở dòng ${at(f.first).line})`, 'xóa một trong hai dòng');
      }
      return new InputError(at(e.pos[0]), '', 'một trường được khai báo hai lần', 'xóa một trong hai dòng');
    }
    case 'TAB_AS_INDENT':
      return new InputError(at(e.pos[0]), '', 'cú pháp YAML sai: thụt lề bằng phím Tab', 'thay Tab bằng dấu cách');
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // The yaml library reports the line above; the mis-indented line is where the implicit key ends.
      const multi = doc.errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY');
      let loc = at(e.pos[0]);
      if (e.code !== 'BAD_INDENT' && multi) {
        const end = at(multi.pos[1]);
        const lineText = source.split('\n')[end.line - 1] ?? '';
        loc = { ...end, col: lineText.length - lineText.trimStart().length + 1 };
      }
      return new InputError(loc, '', 'cú pháp YAML sai: thụt lề không khớp với các dòng cùng cấp', 'các trường cùng cấp phải thẳng cột, thụt lề bằng dấu cách');
    }
    case 'MISSING_CHAR':
      if (/quote/.test(e.message)) {
        let open: number | undefined;
        visit(doc, {
          Scalar(_k, n) {
            if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range && n.range[0] <= e.pos[0] && n.range[1] >= e.pos[0]) open ??= n.range[0];
          },
        });
        const quote = open !== undefined && source[open] === "'" ? "'" : '"';
        return new InputError(at(open ?? e.pos[0]), '', `cú pháp YAML sai: dấu ngoặc ${quote === '"' ? 'kép' : 'đơn'} mở ở đây chưa được đóng`, `thêm dấu ${quote} ở cuối giá trị`);
      }
      return new InputError(at(e.pos[0]), '', 'cú pháp YAML sai: thiếu dấu đóng ngoặc', SYNTAX_FIX);
    case 'MULTIPLE_DOCS':
      return new InputError(at(e.pos[0]), '', 'cú pháp YAML sai: tệp chứa nhiều văn bản (dòng "---")', 'mỗi tệp một văn bản; bỏ dòng "---"');
    default:
      return new InputError(at(e.pos[0]), '', 'cú pháp YAML sai', SYNTAX_FIX);
  }
}

/** Validates with a schema; every issue becomes a located Vietnamese InputError, all thrown together. */
export function validate<S extends z.ZodType>(schema: S, yaml: YamlFile): z.infer<S> {
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  // A misspelt field also makes the real one "missing": report the misspelling, where it is, and say
  // which field it should be, instead of the real one as missing.
  const explained = new Set<z.core.$ZodIssue>();
  const errors: InputError[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const missing = issues.filter((i) => i.code === 'invalid_type' && i.input === undefined && i.path.slice(0, -1).join('.') === issue.path.join('.'));
    for (const key of issue.keys) {
      const near = missing.find((m) => editDistance(String(m.path.at(-1)), key) <= 2);
      if (near) explained.add(near);
      const path = [...issue.path, key];
      errors.push(new InputError(yaml.locate(path), path.map(String).join('.'), describeKey(issue, key), near ? `đổi thành "${String(near.path.at(-1))}"` : undefined));
    }
  }
  // One error per field: a value failing its format is not also reported for its checks after that.
  const fields = new Set<string>();
  for (const issue of issues)
    if (issue.code !== 'unrecognized_keys' && !explained.has(issue) && !fields.has(issue.path.join('.')) && !!fields.add(issue.path.join('.')))
      errors.push(new InputError(yaml.locate(issue.path), issue.path.map(String).join('.'), describeIssue(issue)));
  throw combineErrors(errors);
}

/** The unrecognized-keys wording for one of its keys. */
const describeKey = (issue: z.core.$ZodIssue, key: string): string => describeIssue({ ...issue, keys: [key] } as z.core.$ZodIssue);

export function fail(yaml: YamlFile, path: readonly PropertyKey[], problem: string, fix?: string): never {
  throw new InputError(yaml.locate(path), path.map(String).join('.'), problem, fix);
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
