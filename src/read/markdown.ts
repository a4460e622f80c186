// Markdown bodies → blocks. Headings and lists carry the structure; numbers are never typed:
// the numbering transform computes them from the levels read here.

import MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, Inline } from '../model/ast.ts';
import { InputError, combineErrors } from '../model/errors.ts';
import { forbiddenIn } from './characters.ts';
import { cacheInlineParse } from './markdown-inline-cache.ts';
import { firstUnread, sectionParser } from './markdown-sections.ts';

// HTML is recognized only to be refused with a clear message (not kept as literal text).
// The nesting limit is far above what the numbering allows, so a too-deep list is refused at its
// line by the depth checks below instead of being cut off silently by markdown-it.
// Footnotes: "[^1]" with its "[^1]: text" definition, or an inline "^[text]".
/** The reader's markdown-it, its inline parse cached by text (markdown-inline-cache.ts) unless told otherwise. */
export function markdownParser({ cacheInline = true } = {}): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table').use(footnotes as unknown as Parameters<MarkdownIt['use']>[0]);
  (md.options as { maxNesting: number }).maxNesting = 200;
  // markdown-it's "normalize" rewrites the whole source with two regular expressions even when it has
  // nothing to replace (most bodies have no CR and no NUL): the same replacements, made only when needed.
  md.core.ruler.at('normalize', (state) => {
    if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
    if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
  });
  if (cacheInline) cacheInlineParse(md);
  return md;
}
const md = markdownParser();
const sectionTokens = sectionParser(md);

/** Heading and numbered-list depth the numbering can label: I., 1., 1.1. or a), then a) under 1.1. */
export const MAX_NUMBERED_LEVEL = { '1.1.': 4, 'a)': 3, dieu: 3, 'quy-che': 5 } as const;
/** Bullet lists nest two deep: "-" then "+". */
export const MAX_BULLET_DEPTH = 2;
/** One paragraph, heading or item: about ten pages of text. */
export const MAX_PARAGRAPH_CHARS = 20_000;
/** Items under one parent: more than any decree has articles (Bộ luật Dân sự 2015: 689 Điều). */
export const MAX_SIBLINGS = 1000;

const BLOCK_NAMES: Record<string, string> = {
  fence: 'khối mã',
  code_block: 'khối mã',
  html_block: 'mã HTML',
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
  maxLevel?: number; // deepest numbered level (MAX_NUMBERED_LEVEL of the document's numbering)
  known?: ReadonlySet<string>; // labels defined outside this text that it may refer to (the document's phụ lục)
  sections?: boolean; // false: parse the text whole, not from the tokens of its sections (markdown-sections.ts)
}

const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/u;
const FOOTNOTE_MARK = /\[\^([^\]\s]+)\]/gu;
// a link definition (a footnote's "[^1]:" is not one)
const DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:/u;

interface FootnoteEnv {
  footnotes?: { refs?: Record<string, number>; list?: Array<{ label?: string; tokens?: Token[] }> };
}

export function readMarkdown(source: MarkdownSource): Block[] {
  const { text, file, lineOffset = 0 } = source;
  // Link definitions would vanish from the document without a trace: refuse them. A footnote mark with
  // no "[^x]: …" text would be printed as typed: refuse it too.
  const lines = text.split('\n');
  // Definitions and marks all start with "[": most lines have none.
  const defined = new Set(lines.flatMap((l) => (l.includes('[') && FOOTNOTE_DEFINITION.exec(l)?.[1]) || []));
  // The line-level refusals are independent of one another: all of them are reported in one run.
  const problems: InputError[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.includes('[')) continue;
    const loc = { file, line: n + 1 + lineOffset, col: 1 };
    if (DEFINITION.test(line)) problems.push(new InputError(loc, '', 'định nghĩa liên kết "[…]: …" không dùng trong văn bản hành chính (dòng này sẽ mất)', 'xóa dòng này, ghi địa chỉ thẳng trong câu'));
    for (const m of line.matchAll(FOOTNOTE_MARK))
      if (!defined.has(m[1]!) && !(m.index === 0 && line[m[0].length] === ':'))
        problems.push(new InputError({ ...loc, col: m.index + 1 }, '', `chú thích [^${m[1]}] chưa có nội dung`, `thêm dòng "[^${m[1]}]: nội dung chú thích", hoặc viết liền ^[nội dung]`));
  }
  if (problems.length) throw combineErrors(problems);
  // The tokens of its sections, as parsed for an earlier document: their line numbers are each
  // section's own, so a text they refuse is read again whole, which names the right lines.
  const shared = source.sections === false ? null : sectionTokens(text);
  if (shared) {
    try {
      return blocksOf(source, lines, shared, {}, false);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  const env: FootnoteEnv = {};
  return blocksOf(source, lines, md.parse(text, env), env, true);
}

/** The blocks of a text's tokens; `exact`: their line numbers are the text's (else only a success counts). */
function blocksOf(source: MarkdownSource, lines: string[], tokens: Token[], env: FootnoteEnv, exact: boolean): Block[] {
  const { file, lineOffset = 0, maxLevel = MAX_NUMBERED_LEVEL['1.1.'], known = new Set() } = source;
  const problems: InputError[] = [];
  // A note defined and never referred to is dropped by markdown-it: say so (before the truncation
  // check, which would take its lost lines for a too-deep nesting).
  for (const [label, id] of Object.entries(env.footnotes?.refs ?? {}))
    if (id < 0) {
      const at = lines.findIndex((l) => l.startsWith(`[^${label.slice(1)}]:`));
      problems.push(new InputError({ file, line: at + 1 + lineOffset, col: 1 }, '', `chú thích [^${label.slice(1)}] không được dẫn ở đâu trong văn bản`, `đặt [^${label.slice(1)}] vào chỗ cần chú thích, hoặc xóa chú thích`));
    }
  if (problems.length) throw combineErrors(problems);
  if (exact) refuseTruncation(tokens, lines, file, lineOffset); // each shared section was read to its end
  const notes = footnoteTexts(tokens, env, (t) => ({ file, line: (t.map?.[0] ?? 0) + 1 + lineOffset, col: 1 }));
  const siblings = new Map<string, number>(); // "level:parent index" → count
  const blocks: Block[] = [];
  let headingLevel = 0; // depth of the current heading; list items sit below it
  const lists: boolean[] = []; // open lists, true when ordered
  let pendingItem: { ordered: boolean; level: number; at: Token } | null = null;

  const where = (t: Token) => ({ file, line: (t.map?.[0] ?? 0) + 1 + lineOffset, col: 1 });
  let parentIndex = 0; // index of the last heading, to count siblings per parent
  const count = (level: number, at: Token) => {
    const key = `${level}:${parentIndex}`;
    const n = (siblings.get(key) ?? 0) + 1;
    siblings.set(key, n);
    if (n === MAX_SIBLINGS + 1) throw new InputError(where(at), '', `quá ${MAX_SIBLINGS} mục cùng cấp trong một phần`, 'chia văn bản thành nhiều phần hoặc nhiều văn bản');
  };
  const ids = new Map<string, number>(); // label → line where it is defined
  const refs: { target: string; line: number }[] = [];
  const read = (inline: Token, at: Token) => {
    if (inline.content.length > MAX_PARAGRAPH_CHARS) throw new InputError(where(at), '', `đoạn dài ${inline.content.length} ký tự, quá giới hạn ${MAX_PARAGRAPH_CHARS} của một đoạn`, 'chia thành nhiều đoạn');
    const content = readInline(inline.children ?? [], where(at), notes);
    if (!content.length && pendingItem) throw new InputError(where(at), '', 'mục danh sách trống', 'viết nội dung sau dấu "-" hoặc "1.", hoặc xóa dòng này');
    for (const c of content) if (c.type === 'ref') refs.push({ target: c.target, line: where(at).line });
    return content;
  };
  const label = (id: string | undefined, at: Token) => {
    if (!id) return;
    const first = ids.get(id);
    if (first !== undefined) throw new InputError(where(at), '', `nhãn {#${id}} đã được dùng ở dòng ${first}`, 'đặt cho mỗi mục một nhãn khác nhau');
    if (known.has(id)) throw new InputError(where(at), '', `nhãn {#${id}} trùng nhãn của một phụ lục`, 'đặt cho mục này một nhãn khác');
    ids.set(id, where(at).line);
  };

  let tooDeep = false; // a nesting error was reported in the list being read: its deeper items say the same
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Every refusal of the file is reported in one run: a refused block is skipped, reading goes on.
    try {
      switch (t.type) {
        case 'heading_open': {
          const inline = tokens[i + 1]!;
          const level = Number(t.tag.slice(1));
          const { content, id } = splitId(read(inline, t));
          rejectTypedLabel(content, where(t));
          if (level > maxLevel) throw new InputError(where(t), '', `tiêu đề cấp ${level} ("${'#'.repeat(level)}") sâu hơn ${maxLevel} cấp đánh số của văn bản này`, `dùng tối đa ${'#'.repeat(maxLevel)}; nội dung sâu hơn viết thành danh sách "-" và "+"`);
          if (!content.some((c) => c.type === 'text' && c.text.trim())) throw new InputError(where(t), '', 'tiêu đề trống', 'viết tên mục sau dấu #, hoặc xóa dòng này');
          label(id, t);
          count(level, t);
          blocks.push({ type: 'heading', level, content, ...(id ? { id } : {}) });
          headingLevel = level;
          parentIndex = blocks.length;
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
          if (!lists.length) tooDeep = false;
          break;
        case 'list_item_open': {
          const ordered = lists.at(-1) ?? false;
          const level = headingLevel + lists.length;
          const bullets = lists.length - lists.lastIndexOf(true) - 1; // bullet lists nested under the last numbered one
          const deep = (ordered && level > maxLevel) || (!ordered && bullets > MAX_BULLET_DEPTH);
          if (deep && tooDeep) break;
          tooDeep ||= deep;
          if (ordered && level > maxLevel) throw new InputError(where(t), '', `danh sách đánh số lồng tới cấp ${level}, sâu hơn ${maxLevel} cấp đánh số của văn bản này`, 'bớt một cấp thụt lề, hoặc dùng danh sách "-" cho cấp sâu hơn');
          if (!ordered && bullets > MAX_BULLET_DEPTH) throw new InputError(where(t), '', `danh sách "-" lồng ${bullets} cấp, quá ${MAX_BULLET_DEPTH} cấp ("-" rồi "+")`, 'bớt thụt lề để mục này thành "-" hoặc "+"');
          count(level, t);
          pendingItem = { ordered, level, at: t };
          break;
        }
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
          if (pendingItem) throw new InputError(where(pendingItem.at), '', 'mục danh sách trống', 'viết nội dung sau dấu "-" hoặc "1.", hoặc xóa dòng này');
          break;
        case 'table_open': {
          // | a | b | with a header row: cells are inline text; alignment from the delimiter row (:--, :-:, --:)
          const header: Inline[][] = [];
          const rows: Inline[][][] = [];
          const align: Array<'left' | 'center' | 'right'> = [];
          let inHead = false;
          let row: Inline[][] | null = null;
          for (i++; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
            const c = tokens[i]!;
            if (c.type === 'thead_open') inHead = true;
            else if (c.type === 'thead_close') inHead = false;
            else if (c.type === 'tr_open') row = [];
            else if (c.type === 'tr_close') {
              if (row && !inHead) rows.push(row);
              row = null;
            } else if (c.type === 'th_open') {
              const a = /text-align:(left|center|right)/.exec(c.attrGet('style') ?? '')?.[1] as 'left' | 'center' | 'right' | undefined;
              align.push(a ?? 'left');
            } else if (c.type === 'inline' && row) {
              const cell = read(c, c.map ? c : t);
              (inHead ? header : row).push(cell);
            }
          }
          if (!rows.length) throw new InputError(where(t), '', 'bảng chỉ có dòng tiêu đề', 'thêm ít nhất một dòng dữ liệu dưới dòng | --- |');
          blocks.push({ type: 'table', header, rows: rows.map((r) => header.map((_, k) => r[k] ?? [])), align });
          break;
        }
        case 'footnote_block_open':
          while (i < tokens.length && tokens[i]!.type !== 'footnote_block_close') i++;
          break;
        case 'fence':
        case 'code_block':
        case 'html_block':
        case 'blockquote_open':
        case 'hr':
          throw new InputError(where(t), '', `cấu trúc Markdown "${BLOCK_NAMES[t.type] ?? t.type}" không dùng trong văn bản hành chính`, MD_FIX);
        default:
          break;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error);
      pendingItem = null; // the refused item's text is not then reported again as an empty item
    }
  }
  for (const r of refs)
    if (!ids.has(r.target) && !known.has(r.target)) {
      // the line and column of the "[" that opens the reference (a paragraph may run over several lines)
      let n = r.line - 1 - lineOffset;
      for (let k = n; k < lines.length && k >= 0; k++) if (lines[k]!.includes(`](#${r.target})`)) { n = k; break; }
      const source = lines[n] ?? '';
      const close = source.indexOf(`](#${r.target})`);
      const open = close < 0 ? 0 : Math.max(0, source.lastIndexOf('[', close));
      const labels = [...ids.keys(), ...known];
      problems.push(new InputError({ file, line: n + 1 + lineOffset, col: [...source.slice(0, open)].length + 1 }, '', `tham chiếu tới "#${r.target}" nhưng không có mục hay phụ lục nào mang nhãn này`, labels.length ? `sửa nhãn cho đúng một trong: ${labels.join(', ')}; hoặc thêm {#${r.target}} vào cuối tiêu đề hoặc mục được tham chiếu` : `thêm {#${r.target}} vào cuối tiêu đề hoặc mục được tham chiếu`));
    }
  if (problems.length) throw combineErrors(problems);
  if (!blocks.length) throw new InputError({ file, line: 1 + lineOffset, col: 1 }, '', 'tệp nội dung không có đoạn nào', MD_FIX);
  return blocks;
}

/** The text of each footnote, by its id, read from the footnote block markdown-it-footnote appends. */
function footnoteTexts(tokens: Token[], env: FootnoteEnv, where: (t: Token) => { file: string; line: number; col: number }): Map<number, Inline[]> {
  const notes = new Map<number, Inline[]>();
  let id: number | null = null;
  for (const t of tokens) {
    if (t.type === 'footnote_open') {
      id = (t.meta as { id: number }).id;
      notes.set(id, []);
    } else if (t.type === 'footnote_close') id = null;
    else if (id !== null && t.type === 'inline') {
      const content = notes.get(id)!;
      if (content.length) content.push({ type: 'text', text: ' ' }); // a note's paragraphs run on
      content.push(...readInline(t.children ?? [], where(t), new Map()));
    } else if (id !== null && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'fence' || t.type === 'table_open'))
      throw new InputError(where(t), '', 'chú thích chỉ chứa đoạn văn', 'viết chú thích thành một hoặc vài đoạn văn, không có danh sách, bảng hay mã');
  }
  // Inline footnotes ("^[…]") carry their text in the environment, not in the block.
  (env.footnotes?.list ?? []).forEach((n, i) => {
    if (!notes.has(i) && n.tokens) notes.set(i, readInline(n.tokens, { file: '', line: 1, col: 1 }, new Map()));
  });
  return notes;
}

function readInline(children: Token[], start: { file: string; line: number; col: number }, notes: Map<number, Inline[]>): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | null = null;
  let external: { href: string; text: string } | null = null;
  let breaks = 0; // line breaks so far: the error's line inside a paragraph
  const loc = () => ({ ...start, line: start.line + breaks });
  for (const c of children) {
    if (c.content && (c.type === 'text' || c.type === 'code_inline')) {
      const bad = forbiddenIn(c.content);
      if (bad) throw new InputError(loc(), '', `có ${bad.what} (viết bằng mã thực thể HTML)`, 'xóa ký tự này');
    }
    switch (c.type) {
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italic++; break;
      case 'em_close': italic--; break;
      case 'link_open': {
        const href = c.attrGet('href') ?? '';
        link = href.startsWith('#') ? href.slice(1) : null;
        if (link) out.push({ type: 'ref', target: link });
        else external = { href, text: '' };
        break;
      }
      case 'link_close':
        // A link to elsewhere prints its text only: allowed when the text is the address itself.
        if (external && external.text !== external.href && `mailto:${external.text}` !== external.href)
          throw new InputError(loc(), '', `liên kết "${external.text}" tới "${external.href}": địa chỉ sẽ không in ra`, 'ghi địa chỉ thẳng trong câu, ví dụ <https://…>');
        link = null;
        external = null;
        break;
      case 'image':
        throw new InputError(loc(), '', `hình ảnh "${c.content}" chưa được hỗ trợ (sẽ mất khỏi văn bản)`, 'bỏ hình ảnh, hoặc gửi kèm thành phụ lục riêng');
      case 'softbreak':
      case 'hardbreak':
        breaks++;
        push(out, ' ', bold > 0, italic > 0);
        break;
      case 'footnote_ref': {
        const content = notes.get((c.meta as { id: number }).id);
        if (!content || !content.length) throw new InputError(loc(), '', 'chú thích không có nội dung', 'viết nội dung chú thích sau "[^…]:"');
        out.push({ type: 'note', content: structuredClone(content) });
        break;
      }
      case 'footnote_anchor':
        break;
      case 'html_inline':
        throw new InputError(loc(), '', 'cấu trúc Markdown "mã HTML" không dùng trong văn bản hành chính', MD_FIX);
      case 'text':
      case 'code_inline':
        if (external) external.text += c.content;
        if (link === null) push(out, c.content, bold > 0, italic > 0);
        break;
      default:
        break;
    }
  }
  return out;
}

/** markdown-it drops what lies past its nesting limit without a word: refuse instead of losing text. */
function refuseTruncation(tokens: Token[], lines: string[], file: string, lineOffset: number): void {
  const n = firstUnread(tokens, lines);
  if (n !== -1) throw new InputError({ file, line: n + 1 + lineOffset, col: 1 }, '', 'nội dung lồng nhau quá sâu, từ dòng này trở đi không đọc được', 'bớt thụt lề hoặc bớt dấu ">"');
}

function push(out: Inline[], text: string, bold: boolean, italic: boolean): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.type === 'text' && !!last.bold === bold && !!last.italic === italic) {
    last.text += text;
    return;
  }
  out.push({ type: 'text', text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
}

function splitId(content: Inline[]): { content: Inline[]; id?: string } {
  const last = content.at(-1);
  // the unanchored regular expression tries every position of a long paragraph: most have no "{#"
  if (last?.type !== 'text' || !last.text.includes('{#')) return { content };
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
