// Markdown bodies → blocks. Headings and lists carry the structure; numbers are never typed:
// the numbering transform computes them from the levels read here.

import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, Inline } from '../model/ast.ts';
import { InputError } from '../model/errors.ts';

// Tables and HTML are recognized only to be refused with a clear message (not kept as literal text).
const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table');

const BLOCK_NAMES: Record<string, string> = {
  fence: 'khối mã',
  code_block: 'khối mã',
  html_block: 'mã HTML',
  table_open: 'bảng',
  blockquote_open: 'trích dẫn',
  hr: 'đường kẻ ngang',
};
const MD_FIX = 'chỉ dùng tiêu đề (#), đoạn văn và danh sách (-, 1.)';

// A label typed by hand at the start of a heading or paragraph: "I.", "2.", "1.1.", "a)", "Điều 3."
const TYPED_LABEL = /^(?:[IVXL]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều \d+\.)\s/u;
const ID_SUFFIX = /\s*\{#([\w-]+)\}\s*$/u;

export interface MarkdownSource {
  text: string;
  file: string; // shown in errors
  lineOffset?: number; // when the Markdown is embedded in a larger file
}

export function readMarkdown({ text, file, lineOffset = 0 }: MarkdownSource): Block[] {
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  let headingLevel = 0; // depth of the current heading; list items sit below it
  const lists: boolean[] = []; // open lists, true when ordered
  let pendingItem: { ordered: boolean; level: number } | null = null;

  const where = (t: Token) => ({ file, line: (t.map?.[0] ?? 0) + 1 + lineOffset, col: 1 });
  const ids = new Map<string, number>(); // label → line where it is defined
  const refs: { target: string; line: number }[] = [];
  const read = (inline: Token, at: Token) => {
    const content = readInline(inline.children ?? [], where(at));
    for (const c of content) if (c.type === 'ref') refs.push({ target: c.target, line: where(at).line });
    return content;
  };
  const label = (id: string | undefined, at: Token) => {
    if (!id) return;
    const first = ids.get(id);
    if (first !== undefined) throw new InputError(where(at), '', `nhãn {#${id}} đã được dùng ở dòng ${first}`, 'đặt cho mỗi mục một nhãn khác nhau');
    ids.set(id, where(at).line);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const level = Number(t.tag.slice(1));
        const { content, id } = splitId(read(inline, t));
        rejectTypedLabel(content, where(t));
        label(id, t);
        blocks.push({ type: 'heading', level, content, ...(id ? { id } : {}) });
        headingLevel = level;
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        pendingItem = { ordered: lists.at(-1) ?? false, level: headingLevel + lists.length };
        break;
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        const raw = read(inline, t);
        if (pendingItem) {
          const { content, id } = splitId(raw);
          rejectTypedLabel(content, where(t));
          label(id, t);
          blocks.push({ type: 'item', level: pendingItem.level, ordered: pendingItem.ordered, content, ...(id ? { id } : {}) });
          pendingItem = null;
        } else {
          rejectTypedLabel(raw, where(t));
          blocks.push({ type: 'paragraph', content: raw });
        }
        i += 2;
        break;
      }
      case 'list_item_close':
        pendingItem = null;
        break;
      case 'fence':
      case 'code_block':
      case 'html_block':
      case 'table_open':
      case 'blockquote_open':
      case 'hr':
        throw new InputError(where(t), '', `cấu trúc Markdown "${BLOCK_NAMES[t.type] ?? t.type}" không dùng trong văn bản hành chính`, MD_FIX);
      default:
        break;
    }
  }
  for (const r of refs)
    if (!ids.has(r.target))
      throw new InputError({ file, line: r.line, col: 1 }, '', `tham chiếu tới "#${r.target}" nhưng không có mục nào mang nhãn {#${r.target}}`, `thêm {#${r.target}} vào cuối tiêu đề hoặc mục được tham chiếu`);
  if (!blocks.length) throw new InputError({ file, line: 1 + lineOffset, col: 1 }, '', 'tệp nội dung không có đoạn nào', MD_FIX);
  return blocks;
}

function readInline(children: Token[], loc: { file: string; line: number; col: number }): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | null = null;
  for (const c of children) {
    switch (c.type) {
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italic++; break;
      case 'em_close': italic--; break;
      case 'link_open': {
        const href = c.attrGet('href') ?? '';
        link = href.startsWith('#') ? href.slice(1) : null;
        if (link) out.push({ type: 'ref', target: link });
        break;
      }
      case 'link_close': link = null; break;
      case 'softbreak':
      case 'hardbreak':
        push(out, ' ', bold > 0, italic > 0);
        break;
      case 'html_inline':
        throw new InputError(loc, '', 'cấu trúc Markdown "mã HTML" không dùng trong văn bản hành chính', MD_FIX);
      case 'text':
      case 'code_inline':
        if (link === null) push(out, c.content, bold > 0, italic > 0);
        break;
      default:
        break;
    }
  }
  return out;
}

function push(out: Inline[], text: string, bold: boolean, italic: boolean): void {
  const last = out.at(-1);
  if (last && last.type === 'text' && !!last.bold === bold && !!last.italic === italic) {
    last.text += text;
    return;
  }
  out.push({ type: 'text', text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
}

function splitId(content: Inline[]): { content: Inline[]; id?: string } {
  const last = content.at(-1);
  if (last?.type !== 'text') return { content };
  const m = ID_SUFFIX.exec(last.text);
  if (!m) return { content };
  const text = last.text.slice(0, m.index);
  const rest = text ? [...content.slice(0, -1), { ...last, text }] : content.slice(0, -1);
  return { content: rest, id: m[1]! };
}

function rejectTypedLabel(content: Inline[], loc: { file: string; line: number; col: number }): void {
  const first = content[0];
  if (first?.type !== 'text') return;
  const m = TYPED_LABEL.exec(first.text);
  if (m)
    throw new InputError(
      loc,
      '',
      `số thứ tự "${m[0].trim()}" được gõ tay`,
      'bỏ số đi: số được tính từ cấp tiêu đề (#, ##, ###) và danh sách (1. hoặc -)',
    );
}
