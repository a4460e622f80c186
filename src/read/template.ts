// Mustache templates over Markdown. A template in the user's project (templates/<name>.md.mustache)
// wins over the one shipped with the tool, so an office can reword its boilerplate.
// Rendering is strict: a field the template names and the data lacks is an error at the template's
// line (an empty "I." heading is worse than no document), and so is a malformed tag.

import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { InputError, type Location } from '../model/errors.ts';
import { confinedPath, readRegularFile } from '../io/project-files.ts';
import { checkCharacters, decodeUtf8 } from './characters.ts';

export const TOOL_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');
export const TEMPLATE_EXT = '.md.mustache';
/** A template name is a plain file name: no folder, no "..", nothing to escape templates/ with. */
export const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface Template {
  name: string;
  path: string;
  text: string;
  absent: string[]; // places looked at first and found empty: creating one there changes the document
}

/**
 * Finds a template: the project's own first, then the tool's. Null when neither has it.
 * The project's copy is read only when it is a regular file inside the project (FileRefused otherwise).
 */
export function findTemplate(name: string, projectRoot: string): Template | null {
  if (!TEMPLATE_NAME.test(name)) return null;
  const absent: string[] = [];
  for (const dir of [...new Set([join(projectRoot, 'templates'), TOOL_TEMPLATES])]) {
    const path = join(dir, name + TEMPLATE_EXT);
    if (existsSync(path) || isLink(path)) {
      const real = dir === TOOL_TEMPLATES ? path : confinedPath(projectRoot, dir, name + TEMPLATE_EXT);
      const text = decodeUtf8(readRegularFile(real), path);
      return { name, path, text, absent };
    }
    absent.push(path);
  }
  return null;
}

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Where a template's text sits, for errors: its file as shown, and the line it starts at there. */
export interface TemplateSource {
  file: string;
  line?: number; // 1-based line of the template's first character (an inline template in YAML)
  col?: number;
}

type Token = [string, string, number, number, Token[]?, number?];

/** Renders without HTML escaping: the output is Markdown, and the data is the users' own text. */
export function renderTemplate(text: string, view: object, source: TemplateSource = { file: 'mẫu' }): string {
  // `line` may be a getter that reads the YAML file's positions: only asked for when there is an error.
  try {
    checkCharacters(text, source.file);
  } catch {
    checkCharacters(text, source.file, (source.line ?? 1) - 1);
  }
  const at = (offset: number): Location => {
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const col = [...before.at(-1)!].length + 1;
    return { file: source.file, line: line + (source.line ?? 1) - 1, col: line === 1 ? col + (source.col ?? 1) - 1 : col };
  };
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as Token[];
  } catch (error) {
    const m = /^(Unclosed tag|Unopened section|Unclosed section)(?: "(.*)")? at (\d+)$/.exec((error as Error).message);
    const what = m?.[1] === 'Unclosed tag' ? 'thẻ "{{" chưa được đóng bằng "}}"' : m?.[1] === 'Unopened section' ? `thẻ đóng "{{/${m[2]}}}" không có thẻ mở "{{#${m[2]}}}"` : `mục "{{#${m?.[2] ?? ''}}}" chưa được đóng`;
    throw new InputError(at(Number(m?.[3] ?? 0)), '', `mẫu sai cú pháp Mustache: ${what}`, 'kiểm tra các cặp thẻ {{#…}} … {{/…}} và dấu ngoặc nhọn');
  }
  return renderTokens(tokens, [view], at);
}

/**
 * Mustache's name lookup (first segment up the context stack, the rest downwards) over own
 * properties only: "constructor" or "toString" are not fields of the data.
 */
function lookup(stack: unknown[], name: string): unknown {
  if (name === '.') return stack.at(-1);
  const parts = name.split('.');
  const has = (o: unknown, k: string): o is Record<string, unknown> => o !== null && typeof o === 'object' && Object.hasOwn(o, k);
  for (let i = stack.length - 1; i >= 0; i--) {
    if (!has(stack[i], parts[0]!)) continue;
    let v: unknown = stack[i];
    for (const p of parts) {
      if (!has(v, p)) return undefined;
      v = v[p];
    }
    return v;
  }
  return undefined;
}

function renderTokens(tokens: Token[], ctx: unknown[], at: (offset: number) => Location): string {
  let out = '';
  for (const t of tokens) {
    const [type, name, start] = t;
    switch (type) {
      case 'text':
        out += name;
        break;
      case 'name':
      case '&': {
        const v = lookup(ctx, name);
        if (v === undefined)
          throw new InputError(at(start), '', `mẫu dùng trường "${name}" nhưng dữ liệu không có trường này`, 'thêm trường vào tệp dữ liệu, hoặc sửa tên trường trong mẫu');
        if (v !== null && typeof v === 'object') throw new InputError(at(start), '', `trường "${name}" là một nhóm hay danh sách, không in thẳng được`, `dùng {{#${name}}} … {{/${name}}} để lặp qua các mục`);
        out += v === null ? '' : String(v);
        break;
      }
      case '#': {
        const v = lookup(ctx, name);
        if (Array.isArray(v)) for (const item of v) out += renderTokens(t[4] ?? [], [...ctx, item], at);
        else if (v) out += renderTokens(t[4] ?? [], [...ctx, v], at);
        break;
      }
      case '^': {
        const v = lookup(ctx, name);
        if (!v || (Array.isArray(v) && v.length === 0)) out += renderTokens(t[4] ?? [], ctx, at);
        break;
      }
      case '>':
        throw new InputError(at(start), '', `mẫu dùng mẫu con "{{>${name}}}", chưa hỗ trợ`, 'chép nội dung mẫu con vào mẫu này');
      default:
        break; // comments "!" and delimiter changes "="
    }
  }
  return out;
}
