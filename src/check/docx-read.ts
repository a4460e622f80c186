// Reads a DOCX for `vanban check` (and for the tests): its paragraphs' text in reading order, the effective
// formatting of each paragraph and run (document defaults → paragraph style chain → character style → direct
// formatting, theme fonts resolved), every section with the headers and footers in effect for it, and whether
// the package carries a digital signature.
// Self-contained: a small XML parser, no DOM library. Works on any WordprocessingML file (ours, a clerk's, a
// reference), not only on what our writer produces.

import { strFromU8, unzipSync } from 'fflate';

// ---------------------------------------------------------------------------------------------
// XML

export interface XmlElement {
  name: string; // qualified name as written, e.g. "w:p"
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/gu, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** Parses an XML document into elements and text nodes. Comments, processing instructions and DOCTYPE are dropped. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const top = (): XmlElement => stack[stack.length - 1] as XmlElement;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      const tail = xml.slice(i);
      if (tail.trim() !== '') top().children.push(decodeEntities(tail));
      break;
    }
    if (lt > i) top().children.push(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      top().children.push(xml.slice(lt + 9, end < 0 ? xml.length : end));
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? xml.length : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? xml.length : end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      const name = xml.slice(lt + 2, end).trim();
      // pop to the matching element (tolerates stray end tags)
      for (let k = stack.length - 1; k > 0; k--) {
        if ((stack[k] as XmlElement).name === name) {
          stack.length = k;
          break;
        }
      }
      i = end + 1;
    } else {
      // start tag: find its end, skipping quoted attribute values
      let j = lt + 1;
      let quote = '';
      while (j < xml.length) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        j++;
      }
      let body = xml.slice(lt + 1, j);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/u.exec(body);
      const name = nameMatch ? nameMatch[0] : '';
      const attrs: Record<string, string> = {};
      const attrRe = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gu;
      let m: RegExpExecArray | null;
      const rest = body.slice(name.length);
      while ((m = attrRe.exec(rest)) !== null) attrs[m[1] as string] = decodeEntities(m[3] ?? m[4] ?? '');
      const el: XmlElement = { name, attrs, children: [] };
      top().children.push(el);
      if (!selfClosing) stack.push(el);
      i = j + 1;
    }
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new Error('parseXml: no root element');
  return first;
}

export const isElement = (n: XmlNode | undefined): n is XmlElement => typeof n === 'object' && n !== null;
export const elements = (el: XmlElement | undefined): XmlElement[] => (el ? el.children.filter(isElement) : []);
/** First child element with this name. */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => elements(el).find((c) => c.name === name);
/** Child elements with this name. */
export const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] => elements(el).filter((c) => c.name === name);
/** All descendant elements with this name, in document order. */
export function descendants(el: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return out;
}
/** Concatenated text nodes under an element. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

// ---------------------------------------------------------------------------------------------
// Package

export interface DocxPackage {
  files: Record<string, Uint8Array>;
  /** An XML part, parsed; undefined when the package has no such part. */
  xml(path: string): XmlElement | undefined;
  /** An XML part as text. */
  text(path: string): string | undefined;
}

/** Caps against zip bombs: one entry, all entries together, and an XML part handed to the parser. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_XML_BYTES = 32 * 1024 * 1024;

/** A package refused before it is unpacked; the message is the clerk's. */
export class PackageRefused extends Error {
  override name = 'PackageRefused';
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function openDocx(buf: Uint8Array): DocxPackage {
  let total = 0;
  // Sizes come from the zip's directory; fflate inflates each entry into a buffer of exactly that
  // size, so an entry that lies about its size cannot grow past it.
  const files = unzipSync(buf, {
    filter(f) {
      if (f.originalSize > MAX_ENTRY_BYTES) throw new PackageRefused(`phần "${f.name}" giải nén ra ${mb(f.originalSize)}, quá giới hạn ${mb(MAX_ENTRY_BYTES)} (có thể là "bom nén")`);
      total += f.originalSize;
      if (total > MAX_TOTAL_BYTES) throw new PackageRefused(`gói giải nén ra hơn ${mb(MAX_TOTAL_BYTES)}, quá giới hạn (có thể là "bom nén")`);
      return true;
    },
  });
  const cache = new Map<string, XmlElement>();
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? strFromU8(f) : undefined;
  };
  return {
    files,
    text,
    xml(path) {
      const hit = cache.get(path);
      if (hit) return hit;
      if ((files[path]?.byteLength ?? 0) > MAX_XML_BYTES) throw new PackageRefused(`phần "${path}" dài ${mb(files[path]!.byteLength)}, quá giới hạn ${mb(MAX_XML_BYTES)} của một phần XML`);
      const t = text(path);
      if (t === undefined) return undefined;
      const parsed = parseXml(t);
      cache.set(path, parsed);
      return parsed;
    },
  };
}

/** Targets of a part's relationships, by id, resolved to package paths. */
function relationships(pkg: DocxPackage, partPath: string): Map<string, { type: string; target: string }> {
  const slash = partPath.lastIndexOf('/');
  const dir = partPath.slice(0, slash + 1);
  const rels = pkg.xml(`${dir}_rels/${partPath.slice(slash + 1)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  for (const r of childrenNamed(rels, 'Relationship')) {
    const target = r.attrs['Target'] ?? '';
    const resolved = target.startsWith('/') ? target.slice(1) : normalizePath(dir + target);
    out.set(r.attrs['Id'] ?? '', { type: r.attrs['Type'] ?? '', target: resolved });
  }
  return out;
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The main document part's path, from the package relationships (usually word/document.xml). */
function mainPartPath(pkg: DocxPackage): string {
  for (const r of childrenNamed(pkg.xml('_rels/.rels'), 'Relationship')) {
    if ((r.attrs['Type'] ?? '').endsWith('/officeDocument')) return normalizePath(r.attrs['Target'] ?? '');
  }
  return 'word/document.xml';
}

// ---------------------------------------------------------------------------------------------
// Styles and effective formatting

export interface StyleDef {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  pPr?: XmlElement;
  rPr?: XmlElement;
  isDefault: boolean;
}

export interface StyleSheet {
  styles: Map<string, StyleDef>;
  /** The theme's Latin fonts (word/theme/theme1.xml), for runs that name "minorHAnsi" and the like. */
  themeFonts?: { major?: string; minor?: string };
  pPrDefault?: XmlElement;
  rPrDefault?: XmlElement;
  defaultParagraphStyle?: string;
  defaultCharacterStyle?: string;
}

export function readStyles(stylesXml: XmlElement | undefined): StyleSheet {
  const styles = new Map<string, StyleDef>();
  let defaultParagraphStyle: string | undefined;
  let defaultCharacterStyle: string | undefined;
  for (const s of childrenNamed(stylesXml, 'w:style')) {
    const id = s.attrs['w:styleId'] ?? '';
    const type = s.attrs['w:type'] ?? 'paragraph';
    const isDefault = onOff(s.attrs['w:default']) === true;
    const def: StyleDef = { id, type, isDefault };
    const name = child(s, 'w:name')?.attrs['w:val'];
    if (name !== undefined) def.name = name;
    const basedOn = child(s, 'w:basedOn')?.attrs['w:val'];
    if (basedOn !== undefined) def.basedOn = basedOn;
    const pPr = child(s, 'w:pPr');
    if (pPr) def.pPr = pPr;
    const rPr = child(s, 'w:rPr');
    if (rPr) def.rPr = rPr;
    styles.set(id, def);
    if (isDefault && type === 'paragraph') defaultParagraphStyle = id;
    if (isDefault && type === 'character') defaultCharacterStyle = id;
  }
  const docDefaults = child(stylesXml, 'w:docDefaults');
  const sheet: StyleSheet = { styles };
  const pPrDefault = child(child(docDefaults, 'w:pPrDefault'), 'w:pPr');
  if (pPrDefault) sheet.pPrDefault = pPrDefault;
  const rPrDefault = child(child(docDefaults, 'w:rPrDefault'), 'w:rPr');
  if (rPrDefault) sheet.rPrDefault = rPrDefault;
  if (defaultParagraphStyle !== undefined) sheet.defaultParagraphStyle = defaultParagraphStyle;
  if (defaultCharacterStyle !== undefined) sheet.defaultCharacterStyle = defaultCharacterStyle;
  return sheet;
}

/** The chain of a style and the styles it is based on, root first. */
function styleChain(sheet: StyleSheet, id: string | undefined): StyleDef[] {
  const chain: StyleDef[] = [];
  const seen = new Set<string>();
  let cur = id;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    const s = sheet.styles.get(cur);
    if (!s) break;
    chain.unshift(s);
    cur = s.basedOn;
  }
  return chain;
}

/** An ST_OnOff value: absent attribute means on. */
function onOff(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  return !(v === '0' || v === 'false' || v === 'off');
}
const flag = (el: XmlElement): boolean => onOff(el.attrs['w:val']) ?? true;
const num = (v: string | undefined): number | undefined => (v === undefined || v === '' ? undefined : Number(v));

export interface BorderProps {
  val: string; // "single", "nil", "none", …
  sz?: number; // eighths of a point
  space?: number; // points
  color?: string;
}

/** Effective paragraph properties. Lengths in twips. */
export interface ParagraphProps {
  styleId?: string;
  styleName?: string;
  align?: string; // w:jc value: "left"/"start", "center", "right"/"end", "both", …
  indentLeft?: number;
  indentRight?: number;
  indentFirstLine?: number; // negative for a hanging indent
  spacingBefore?: number;
  spacingAfter?: number;
  line?: number;
  lineRule?: string;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  contextualSpacing: boolean;
  borders: Partial<Record<'top' | 'bottom' | 'left' | 'right' | 'between', BorderProps>>;
}

/** Effective run properties. Sizes in half-points. */
export interface RunProps {
  bold: boolean;
  italic: boolean;
  caps: boolean;
  smallCaps: boolean;
  underline?: string;
  size?: number;
  sizeCs?: number;
  color?: string;
  fonts: { ascii?: string; hAnsi?: string; cs?: string; eastAsia?: string };
  lang?: string;
  vanish: boolean;
  /** w:vertAlign: "superscript" or "subscript" (footnote marks, ordinals); undefined for the baseline. */
  vertAlign?: string;
  characterStyle?: string;
}

function applyPPr(p: ParagraphProps, pPr: XmlElement | undefined): void {
  for (const e of elements(pPr)) {
    switch (e.name) {
      case 'w:jc':
        if (e.attrs['w:val'] !== undefined) p.align = e.attrs['w:val'];
        break;
      case 'w:ind': {
        const left = num(e.attrs['w:left'] ?? e.attrs['w:start']);
        const right = num(e.attrs['w:right'] ?? e.attrs['w:end']);
        const first = num(e.attrs['w:firstLine']);
        const hanging = num(e.attrs['w:hanging']);
        if (left !== undefined) p.indentLeft = left;
        if (right !== undefined) p.indentRight = right;
        if (hanging !== undefined) p.indentFirstLine = -hanging;
        else if (first !== undefined) p.indentFirstLine = first;
        break;
      }
      case 'w:spacing': {
        const before = num(e.attrs['w:before']);
        const after = num(e.attrs['w:after']);
        const line = num(e.attrs['w:line']);
        if (before !== undefined) p.spacingBefore = before;
        if (after !== undefined) p.spacingAfter = after;
        if (line !== undefined) p.line = line;
        if (e.attrs['w:lineRule'] !== undefined) p.lineRule = e.attrs['w:lineRule'];
        break;
      }
      case 'w:keepNext': p.keepNext = flag(e); break;
      case 'w:keepLines': p.keepLines = flag(e); break;
      case 'w:pageBreakBefore': p.pageBreakBefore = flag(e); break;
      case 'w:contextualSpacing': p.contextualSpacing = flag(e); break;
      case 'w:pBdr':
        for (const b of elements(e)) {
          const side = b.name.slice(2) as keyof ParagraphProps['borders'];
          const border: BorderProps = { val: b.attrs['w:val'] ?? 'none' };
          const sz = num(b.attrs['w:sz']);
          if (sz !== undefined) border.sz = sz;
          const space = num(b.attrs['w:space']);
          if (space !== undefined) border.space = space;
          if (b.attrs['w:color'] !== undefined) border.color = b.attrs['w:color'];
          p.borders[side] = border;
        }
        break;
      default:
        break;
    }
  }
}

/** The font a theme reference ("minorHAnsi", "majorAscii", …) stands for, when the theme names it. */
function themeFont(sheet: StyleSheet | undefined, ref: string | undefined): string | undefined {
  if (ref === undefined || !sheet?.themeFonts) return undefined;
  return ref.startsWith('major') ? sheet.themeFonts.major : ref.startsWith('minor') ? sheet.themeFonts.minor : undefined;
}

function applyRPr(r: RunProps, rPr: XmlElement | undefined, sheet?: StyleSheet): void {
  for (const e of elements(rPr)) {
    switch (e.name) {
      case 'w:b': r.bold = flag(e); break;
      case 'w:i': r.italic = flag(e); break;
      case 'w:caps': r.caps = flag(e); break;
      case 'w:smallCaps': r.smallCaps = flag(e); break;
      case 'w:vanish': r.vanish = flag(e); break;
      case 'w:u': if (e.attrs['w:val'] !== undefined) r.underline = e.attrs['w:val']; break;
      case 'w:sz': { const v = num(e.attrs['w:val']); if (v !== undefined) r.size = v; break; }
      case 'w:szCs': { const v = num(e.attrs['w:val']); if (v !== undefined) r.sizeCs = v; break; }
      case 'w:color': if (e.attrs['w:val'] !== undefined) r.color = e.attrs['w:val']; break;
      case 'w:lang': if (e.attrs['w:val'] !== undefined) r.lang = e.attrs['w:val']; break;
      case 'w:vertAlign': {
        const v = e.attrs['w:val'];
        if (v === undefined || v === 'baseline') delete r.vertAlign;
        else r.vertAlign = v;
        break;
      }
      case 'w:rStyle': if (e.attrs['w:val'] !== undefined) r.characterStyle = e.attrs['w:val']; break;
      case 'w:rFonts':
        for (const k of ['ascii', 'hAnsi', 'cs', 'eastAsia'] as const) {
          // a theme reference wins over the explicit name beside it (ECMA-376, 17.3.2.26)
          const theme = e.attrs[`w:${k}Theme`];
          const v = theme !== undefined ? (themeFont(sheet, theme) ?? e.attrs[`w:${k}`]) : e.attrs[`w:${k}`];
          if (v !== undefined) r.fonts[k] = v;
          else if (theme !== undefined) r.fonts[k] = `(${theme})`;
        }
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs in reading order

export interface DocxRun {
  text: string;
  rPr?: XmlElement;
  props: RunProps;
  /** The run's text piece by piece: the text of each w:t element (with the element), tabs and breaks as " ". */
  pieces: { text: string; t?: XmlElement }[];
}

export interface CellPosition {
  table: number; // index of the outermost table in its part, from 0
  row: number;
  col: number;
  depth: number; // 1 for a cell of an outermost table
}

export interface DocxParagraph {
  text: string;
  element: XmlElement;
  pPr?: XmlElement;
  props: ParagraphProps;
  /** Properties of the paragraph mark (pPr/rPr over the style chain). */
  markProps: RunProps;
  runs: DocxRun[];
  cell?: CellPosition;
  /** Index of the section the paragraph is in (body paragraphs only), from 0. */
  section?: number;
  /** Whether a field instruction in the paragraph names this field (e.g. "PAGE"). */
  hasField(name: string): boolean;
}

export interface ReadOptions {
  /** Keep paragraphs whose text is empty or only spaces (dropped by default). */
  keepEmpty?: boolean;
}

interface WalkContext {
  sheet: StyleSheet;
  out: DocxParagraph[];
  cell?: CellPosition;
  tableCounter: { n: number };
}

const CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo']);

function walkBlocks(parent: XmlElement, ctx: WalkContext): void {
  for (const e of elements(parent)) {
    if (e.name === 'w:p') readParagraph(e, ctx);
    else if (e.name === 'w:tbl') readTable(e, ctx);
    else if (e.name === 'w:sdt' || e.name === 'w:sdtContent' || e.name === 'w:customXml' || e.name === 'w:ins') walkBlocks(e, ctx);
    else if (e.name === 'mc:AlternateContent') {
      const branch = child(e, 'mc:Choice') ?? child(e, 'mc:Fallback');
      if (branch) walkBlocks(branch, ctx);
    }
  }
}

/** Children with a given name, looking through content controls and custom XML that wrap them. */
function unwrapped(parent: XmlElement, name: string): XmlElement[] {
  return elements(parent).flatMap((e) => {
    if (e.name === name) return [e];
    if (e.name === 'w:sdt') return unwrapped(child(e, 'w:sdtContent') ?? e, name);
    if (e.name === 'w:customXml') return unwrapped(e, name);
    return [];
  });
}

function readTable(tbl: XmlElement, ctx: WalkContext): void {
  const depth = (ctx.cell?.depth ?? 0) + 1;
  const table = ctx.cell ? ctx.cell.table : ctx.tableCounter.n++;
  unwrapped(tbl, 'w:tr').forEach((tr, row) => {
    unwrapped(tr, 'w:tc').forEach((tc, col) => walkBlocks(tc, { ...ctx, cell: { table, row, col, depth } }));
  });
}

function readParagraph(p: XmlElement, ctx: WalkContext): void {
  const { sheet } = ctx;
  const pPr = child(p, 'w:pPr');
  const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'] ?? sheet.defaultParagraphStyle;
  const chain = styleChain(sheet, styleId);

  const props: ParagraphProps = { keepNext: false, keepLines: false, pageBreakBefore: false, contextualSpacing: false, borders: {} };
  if (styleId !== undefined) props.styleId = styleId;
  const styleName = sheet.styles.get(styleId ?? '')?.name;
  if (styleName !== undefined) props.styleName = styleName;
  applyPPr(props, sheet.pPrDefault);
  for (const s of chain) applyPPr(props, s.pPr);
  applyPPr(props, pPr);

  const baseRun = (): RunProps => {
    const r: RunProps = { bold: false, italic: false, caps: false, smallCaps: false, vanish: false, fonts: {} };
    applyRPr(r, sheet.rPrDefault, sheet);
    for (const s of chain) applyRPr(r, s.rPr, sheet);
    return r;
  };
  const markProps = baseRun();
  applyRPr(markProps, child(pPr, 'w:rPr'), sheet);

  const runs: DocxRun[] = [];
  const instructions: string[] = [];
  // a complex field's instruction may be split over several runs: collected from "begin" to "separate"
  const field = { open: false, instruction: '' };
  const floating: XmlElement[] = []; // text boxes, read after the paragraph

  const readRun = (r: XmlElement): void => {
    const rPr = child(r, 'w:rPr');
    const props = baseRun();
    const rStyle = child(rPr, 'w:rStyle')?.attrs['w:val'];
    for (const s of styleChain(sheet, rStyle)) applyRPr(props, s.rPr, sheet);
    applyRPr(props, rPr, sheet);
    const pieces: DocxRun['pieces'] = [];
    const readContent = (parent: XmlElement): void => {
      for (const e of elements(parent)) {
        switch (e.name) {
          // A word joiner and a no-break space only forbid a line break (vanban writes them inside
          // "244/QĐ-BTP", "Điều 5"): the text reads as without them.
          case 'w:t': pieces.push({ text: textContent(e).replace(/\u2060/g, '').replace(/\u00a0/g, ' '), t: e }); break;
          case 'w:tab': case 'w:br': case 'w:cr': case 'w:ptab': pieces.push({ text: ' ' }); break;
          case 'w:noBreakHyphen': pieces.push({ text: '-' }); break;
          case 'w:instrText':
            if (field.open) field.instruction += textContent(e);
            else instructions.push(textContent(e));
            break;
          case 'w:fldChar': {
            const type = e.attrs['w:fldCharType'];
            if (type === 'begin') {
              field.open = true;
              field.instruction = '';
            } else if (field.open && (type === 'separate' || type === 'end')) {
              instructions.push(field.instruction);
              field.open = false;
            }
            break;
          }
          case 'mc:AlternateContent': { const b = child(e, 'mc:Choice') ?? child(e, 'mc:Fallback'); if (b) readContent(b); break; }
          case 'w:drawing': case 'w:pict': case 'w:object':
            floating.push(...descendants(e, 'w:txbxContent'));
            break;
          default: break;
        }
      }
    };
    readContent(r);
    const text = pieces.map((p) => p.text).join('');
    runs.push(rPr ? { text, rPr, props, pieces } : { text, props, pieces });
  };

  const walkInline = (parent: XmlElement): void => {
    for (const e of elements(parent)) {
      if (e.name === 'w:r') readRun(e);
      else if (e.name === 'w:fldSimple') {
        instructions.push(e.attrs['w:instr'] ?? '');
        walkInline(e);
      } else if (e.name === 'mc:AlternateContent') {
        const b = child(e, 'mc:Choice') ?? child(e, 'mc:Fallback');
        if (b) walkInline(b);
      } else if (CONTAINERS.has(e.name)) walkInline(e);
      // anything else (w:del, w:moveFrom, bookmarks, proofing marks, math) carries no text we read
    }
  };
  walkInline(p);
  if (field.open) instructions.push(field.instruction);

  const text = runs.map((r) => r.text).join('');
  const para: DocxParagraph = {
    text,
    element: p,
    props,
    markProps,
    runs,
    hasField: (name) => instructions.some((i) => i.trim().split(/\s+/u)[0]?.toUpperCase() === name.toUpperCase()),
  };
  if (pPr) para.pPr = pPr;
  if (ctx.cell) para.cell = ctx.cell;
  ctx.out.push(para);
  for (const box of floating) walkBlocks(box, ctx);
}

/** Paragraphs of one part (the body, a header, a footer) in reading order. */
function partParagraphs(root: XmlElement | undefined, sheet: StyleSheet): DocxParagraph[] {
  const ctx: WalkContext = { sheet, out: [], tableCounter: { n: 0 } };
  if (root) walkBlocks(child(root, 'w:body') ?? root, ctx);
  return ctx.out;
}

export interface DocxHeaderPart {
  type: string; // "default", "first", "even"
  path: string;
  paragraphs: DocxParagraph[];
}

type HeaderType = 'default' | 'first' | 'even';

/** One section: its page setup and the headers and footers in effect for it (inherited ones included). */
export interface DocxSection {
  index: number; // from 0
  sectPr?: XmlElement;
  /** Page size in twips, as written (w:pgSz); undefined when the file does not say. */
  pageWidth?: number;
  pageHeight?: number;
  orient?: string;
  /** Margins in twips (absolute values), as written (w:pgMar). */
  margins?: { top?: number; bottom?: number; left?: number; right?: number; header?: number; footer?: number; gutter?: number };
  /** w:titlePg: page 1 of the section takes the "first" header. */
  titlePage: boolean;
  pageNumberStart?: number;
  pageNumberFormat?: string;
  /** Headers in effect, by type: the section's own, or those of the section before it (ECMA-376, 17.10.5). */
  headers: Partial<Record<HeaderType, DocxHeaderPart>>;
  footers: Partial<Record<HeaderType, DocxHeaderPart>>;
  /** Index in `paragraphs` of the section's first body paragraph. */
  firstParagraph: number;
}

export interface DocxDocument {
  pkg: DocxPackage;
  document: XmlElement;
  styles: StyleSheet;
  /** Body paragraphs in reading order, empty ones included. */
  paragraphs: DocxParagraph[];
  /** The body's outermost tables, in order. */
  tables: XmlElement[];
  /** The last section's properties (w:body/w:sectPr). */
  sectPr?: XmlElement;
  /** Every section's properties in order: those ending earlier sections (w:p/w:pPr/w:sectPr), then the last. */
  sections: XmlElement[];
  /** Every section with its page setup and its headers and footers in effect. */
  sectionInfo: DocxSection[];
  /** Headers referenced by the last section. */
  headers: DocxHeaderPart[];
  /** Footers referenced by the last section. */
  footers: DocxHeaderPart[];
  /** Core properties (docProps/core.xml), by local element name: "title", "created", … */
  core: Record<string, string>;
  /** The page count the editing application recorded (docProps/app.xml), when it did. */
  appPages?: number;
  /** Package parts that make a digital signature (_xmlsignatures/…); empty when the file is not signed. */
  signatureParts: string[];
  /** The main document part's path (usually word/document.xml). */
  mainPath: string;
}

const SIGNATURE_ORIGIN = /\/digital-signature\/origin$/u;

/** The parts of a package's digital signature: its _xmlsignatures/ folder and its signature origin. */
export function signatureParts(pkg: DocxPackage): string[] {
  const parts = Object.keys(pkg.files).filter((f) => /^_xmlsignatures\//iu.test(f));
  for (const r of childrenNamed(pkg.xml('_rels/.rels'), 'Relationship')) {
    if (SIGNATURE_ORIGIN.test(r.attrs['Type'] ?? '')) {
      const target = normalizePath(r.attrs['Target'] ?? '');
      if (!parts.includes(target)) parts.push(target);
    }
  }
  return parts.sort();
}

function readThemeFonts(pkg: DocxPackage, rels: Map<string, { type: string; target: string }>): StyleSheet['themeFonts'] {
  let path = 'word/theme/theme1.xml';
  for (const r of rels.values()) if (r.type.endsWith('/theme')) path = r.target;
  const theme = pkg.xml(path);
  if (!theme) return undefined;
  const latin = (kind: string): string | undefined => {
    const font = descendants(theme, `a:${kind}Font`)[0];
    const face = child(font, 'a:latin')?.attrs['typeface'];
    return face === undefined || face === '' ? undefined : face;
  };
  const out: NonNullable<StyleSheet['themeFonts']> = {};
  const major = latin('major');
  const minor = latin('minor');
  if (major !== undefined) out.major = major;
  if (minor !== undefined) out.minor = minor;
  return out;
}

const twips = (el: XmlElement | undefined, attr: string): number | undefined => {
  const v = num(el?.attrs[attr]);
  return v === undefined || Number.isNaN(v) ? undefined : Math.abs(v);
};

export function readDocx(buf: Uint8Array): DocxDocument {
  const pkg = openDocx(buf);
  const mainPath = mainPartPath(pkg);
  const document = pkg.xml(mainPath);
  if (!document) throw new Error(`docx: no main document part (${mainPath})`);
  const rels = relationships(pkg, mainPath);
  let stylesPath = 'word/styles.xml';
  for (const r of rels.values()) if (r.type.endsWith('/styles')) stylesPath = r.target;
  const styles = readStyles(pkg.xml(stylesPath));
  const themeFonts = readThemeFonts(pkg, rels);
  if (themeFonts) styles.themeFonts = themeFonts;
  const body = child(document, 'w:body');
  const sectPr = child(body, 'w:sectPr');

  const partCache = new Map<string, DocxParagraph[]>();
  const partAt = (target: string): DocxParagraph[] => {
    let hit = partCache.get(target);
    if (!hit) partCache.set(target, (hit = partParagraphs(pkg.xml(target), styles)));
    return hit;
  };
  const refs = (sp: XmlElement | undefined, kind: 'header' | 'footer'): DocxHeaderPart[] =>
    childrenNamed(sp, `w:${kind}Reference`).flatMap((ref) => {
      const target = rels.get(ref.attrs['r:id'] ?? '')?.target;
      if (target === undefined) return [];
      return [{ type: ref.attrs['w:type'] ?? 'default', path: target, paragraphs: partAt(target) }];
    });

  const core: Record<string, string> = {};
  for (const e of elements(pkg.xml('docProps/core.xml'))) core[e.name.replace(/^.*:/u, '')] = textContent(e);

  const paragraphs = partParagraphs(document, styles);
  const sections = descendants(body, 'w:sectPr').filter((x) => !descendants(x, 'w:sectPr').length);

  // Section of each paragraph: a paragraph whose properties hold a w:sectPr ends its section.
  const firsts: number[] = [0];
  paragraphs.forEach((p, i) => {
    if (child(p.pPr, 'w:sectPr') && i + 1 < paragraphs.length) firsts.push(i + 1);
  });
  const sectionInfo: DocxSection[] = [];
  let inheritedHeaders: DocxSection['headers'] = {};
  let inheritedFooters: DocxSection['footers'] = {};
  sections.forEach((sp, index) => {
    const pgSz = child(sp, 'w:pgSz');
    const pgMar = child(sp, 'w:pgMar');
    const pgNum = child(sp, 'w:pgNumType');
    const titlePg = child(sp, 'w:titlePg');
    const own = (kind: 'header' | 'footer'): DocxSection['headers'] => {
      const out: DocxSection['headers'] = {};
      for (const part of refs(sp, kind)) out[part.type as HeaderType] = part;
      return out;
    };
    const headers = { ...inheritedHeaders, ...own('header') };
    const footers = { ...inheritedFooters, ...own('footer') };
    const info: DocxSection = { index, sectPr: sp, titlePage: titlePg ? flag(titlePg) : false, headers, footers, firstParagraph: firsts[index] ?? paragraphs.length };
    const w = twips(pgSz, 'w:w');
    const h = twips(pgSz, 'w:h');
    if (w !== undefined) info.pageWidth = w;
    if (h !== undefined) info.pageHeight = h;
    if (pgSz?.attrs['w:orient'] !== undefined) info.orient = pgSz.attrs['w:orient'];
    if (pgMar) {
      const m: NonNullable<DocxSection['margins']> = {};
      for (const k of ['top', 'bottom', 'left', 'right', 'header', 'footer', 'gutter'] as const) {
        const v = twips(pgMar, `w:${k}`);
        if (v !== undefined) m[k] = v;
      }
      info.margins = m;
    }
    const start = num(pgNum?.attrs['w:start']);
    if (start !== undefined) info.pageNumberStart = start;
    if (pgNum?.attrs['w:fmt'] !== undefined) info.pageNumberFormat = pgNum.attrs['w:fmt'];
    sectionInfo.push(info);
    inheritedHeaders = headers;
    inheritedFooters = footers;
  });
  paragraphs.forEach((p, i) => {
    let s = 0;
    while (s + 1 < firsts.length && (firsts[s + 1] ?? Infinity) <= i) s++;
    p.section = s;
  });

  const pagesText = pkg.xml('docProps/app.xml') ? descendants(pkg.xml('docProps/app.xml'), 'Pages')[0] : undefined;
  const appPages = pagesText ? Number(textContent(pagesText)) : undefined;

  const result: DocxDocument = {
    pkg,
    document,
    styles,
    paragraphs,
    tables: childrenNamed(body, 'w:tbl'),
    sections,
    sectionInfo,
    headers: refs(sectPr, 'header'),
    footers: refs(sectPr, 'footer'),
    core,
    signatureParts: signatureParts(pkg),
    mainPath,
  };
  if (sectPr) result.sectPr = sectPr;
  if (appPages !== undefined && Number.isFinite(appPages) && appPages > 0) result.appPages = appPages;
  return result;
}

/** The body paragraphs with their formatting; empty paragraphs dropped unless `keepEmpty`. */
export async function docxParagraphs(buf: Uint8Array, opts: ReadOptions = {}): Promise<DocxParagraph[]> {
  const all = readDocx(buf).paragraphs;
  return opts.keepEmpty ? all : all.filter((p) => p.text.trim() !== '');
}

/**
 * The body paragraphs' text in reading order: table cells row by row, left to right; the runs of a
 * paragraph joined; tabs and line breaks as a space; deleted text and field instructions left out.
 * Empty paragraphs are dropped unless `keepEmpty`.
 */
export async function docxText(buf: Buffer | Uint8Array, opts: ReadOptions = {}): Promise<string[]> {
  return (await docxParagraphs(buf, opts)).map((p) => p.text);
}

/** The first body paragraph whose text equals (string) or matches (RegExp) the given one. */
export function findParagraph(paragraphs: DocxParagraph[], text: string | RegExp): DocxParagraph {
  const hit = paragraphs.find((p) => (typeof text === 'string' ? p.text === text : text.test(p.text)));
  if (!hit) throw new Error(`no paragraph ${String(text)} in: ${paragraphs.map((p) => JSON.stringify(p.text)).join(', ')}`);
  return hit;
}
