// The form of one document, generated from the JSON Schema at run time: a field per property, in the
// schema's order, its description as the label; enums as choices, yyyy-mm-dd dates as text with a
// picker, lists of strings as rows that can be moved, objects as groups. Nothing here names a field.

import type { Path } from './yaml-edit.ts';
import { el } from './dom.ts';
import type { SchemaNode } from '../kinds.ts';

export { kinds, type SchemaNode } from '../kinds.ts';

export type Edit =
  | { op: 'set'; path: Path; value: string | number | boolean | null | undefined }
  | { op: 'add'; path: Path }
  | { op: 'remove'; path: Path; index: number }
  | { op: 'swap'; path: Path; index: number; with: number };

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** A document's date: also yyyy-mm, a draft with its day left blank (src/model/schema.ts). */
const DRAFT_DATE_PATTERN = '^\\d{4}-\\d{2}(-\\d{2})?$';
/** The alternatives of a node; {"type": ["string", "null"]} is the short form of anyOf string | null. */
const anyOf = (node: SchemaNode): SchemaNode[] =>
  node.anyOf ?? (Array.isArray(node.type) ? node.type.map((type) => ({ ...node, type })) : [node]);

export const fieldId = (path: Path) => `f-${path.join('.')}`;
export const errorId = (path: Path) => `e-${path.join('.')}`;

/** The parts of a schema node that matter for an input. */
function shape(node: SchemaNode, value?: unknown): { kind: 'date' | 'enum' | 'integer' | 'number-or-text' | 'boolean' | 'text' | 'list' | 'object' | 'other'; nullable: boolean; enum?: unknown[] } {
  const options = anyOf(node);
  const nullable = options.some((o) => o.type === 'null');
  const real = options.filter((o) => o.type !== 'null');
  if (real.some((o) => o.pattern === DATE_PATTERN || o.pattern === DRAFT_DATE_PATTERN)) return { kind: 'date', nullable };
  // "one or several" (a signature's levels: KT or [TM, KT]): the single form unless the file holds a list.
  const single = real.length === 2 && !Array.isArray(value) ? real.find((o) => o.type !== 'array') : undefined;
  if (single && real.some((o) => o.type === 'array' && o.items?.type === single.type)) return shape(single);
  if (real.length === 1) {
    const o = real[0]!;
    if (o.enum) return { kind: 'enum', nullable, enum: o.enum };
    if (o.type === 'integer' || o.type === 'number') return { kind: 'integer', nullable };
    if (o.type === 'boolean') return { kind: 'boolean', nullable };
    if (o.type === 'string') return { kind: 'text', nullable };
    if (o.type === 'array' && o.items?.type === 'string') return { kind: 'list', nullable };
    if (o.type === 'object' && o.properties) return { kind: 'object', nullable };
  }
  if (real.every((o) => o.type === 'integer' || o.type === 'string')) return { kind: 'number-or-text', nullable };
  return { kind: 'other', nullable };
}

/** The value an input's text stands for under `node`: a number where the schema takes one, null for empty. */
function valueOf(text: string, node: SchemaNode, required: boolean): string | number | null | undefined {
  const options = anyOf(node);
  if (text.trim() === '') return options.some((o) => o.type === 'null') ? null : required ? '' : undefined;
  if (/^\d+$/.test(text.trim()) && options.some((o) => o.type === 'integer')) return Number(text.trim());
  return text;
}

function label(key: string, node: SchemaNode, required: boolean, forId: string): HTMLLabelElement {
  const l = el('label', { for: forId, class: 'label' });
  l.append(el('span', { class: 'key' }, key), ' ', node.description ?? '');
  if (required) l.append(el('span', { class: 'req', title: 'bắt buộc', 'aria-label': 'bắt buộc' }, ' *'));
  return l;
}

export function renderForm(variant: SchemaNode, data: Record<string, unknown>, edit: (e: Edit) => void): HTMLElement {
  const form = el('form', { class: 'docform', 'aria-label': 'Biểu mẫu văn bản', novalidate: '' });
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const part of fields(variant, data, [], edit)) form.append(part);
  return form;
}

function fields(node: SchemaNode, data: Record<string, unknown>, at: Path, edit: (e: Edit) => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const [key, prop] of Object.entries(node.properties ?? {})) {
    if (prop.const !== undefined) continue; // the kind itself: fixed for this form
    out.push(field(key, prop, (node.required ?? []).includes(key), data?.[key], [...at, key], edit));
  }
  return out;
}

function field(key: string, node: SchemaNode, required: boolean, value: unknown, path: Path, edit: (e: Edit) => void): HTMLElement {
  const id = fieldId(path);
  const s = shape(node, value);
  const box = el('div', { class: `field field-${s.kind}`, 'data-path': path.join('.') });
  const err = el('div', { class: 'err', id: errorId(path), role: 'status', 'aria-live': 'polite' });
  const described = { 'aria-describedby': errorId(path) };
  const setText = (input: HTMLInputElement | HTMLTextAreaElement) =>
    input.addEventListener('input', () => edit({ op: 'set', path, value: valueOf(input.value, node, required) }));

  switch (s.kind) {
    case 'object': {
      const set = el('fieldset', { class: 'group', 'data-path': path.join('.') });
      set.append(el('legend', {}, el('span', { class: 'key' }, key), ' ', node.description ?? ''), err);
      const inner = (node.anyOf ?? [node]).find((o) => o.type === 'object')!;
      for (const f of fields(inner, (value ?? {}) as Record<string, unknown>, path, edit)) set.append(f);
      return set;
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      const set = el('fieldset', { class: 'list', 'data-path': path.join('.') });
      set.append(el('legend', {}, el('span', { class: 'key' }, key), ' ', node.description ?? ''), err);
      const ol = el('ol', {});
      items.forEach((item, i) => {
        const input = el('input', { type: 'text', id: `${id}.${i}`, 'data-path': [...path, i].join('.'), 'aria-label': `${key}, mục ${i + 1}`, ...described });
        input.value = item === null || item === undefined ? '' : String(item);
        input.addEventListener('input', () => edit({ op: 'set', path: [...path, i], value: input.value }));
        // Alt+↑ / Alt+↓ move the item, as the buttons do.
        input.addEventListener('keydown', (e) => {
          if (!e.altKey) return;
          if (e.key === 'ArrowUp' && i > 0) edit({ op: 'swap', path, index: i, with: i - 1 });
          else if (e.key === 'ArrowDown' && i < items.length - 1) edit({ op: 'swap', path, index: i, with: i + 1 });
          else return;
          e.preventDefault();
        });
        const btn = (text: string, title: string, e: Edit | null) => {
          const b = el('button', { type: 'button', title, 'aria-label': `${title} mục ${i + 1}` }, text);
          if (e) b.addEventListener('click', () => edit(e));
          else b.disabled = true;
          return b;
        };
        ol.append(
          el('li', {}, input,
            btn('↑', 'Chuyển lên', i > 0 ? { op: 'swap', path, index: i, with: i - 1 } : null),
            btn('↓', 'Chuyển xuống', i < items.length - 1 ? { op: 'swap', path, index: i, with: i + 1 } : null),
            btn('✕', 'Xóa', { op: 'remove', path, index: i })),
        );
      });
      const add = el('button', { type: 'button', class: 'add', id }, `+ Thêm mục vào ${key}`);
      add.addEventListener('click', () => edit({ op: 'add', path }));
      set.append(ol, add);
      return set;
    }
    case 'enum': {
      const select = el('select', { id, ...described });
      select.append(el('option', { value: '' }, required ? '— chọn —' : '(không ghi)'));
      for (const v of s.enum!) select.append(el('option', { value: String(v) }, String(v)));
      select.value = value === undefined || value === null ? '' : String(value);
      select.addEventListener('change', () => edit({ op: 'set', path, value: select.value === '' ? (required ? '' : undefined) : select.value }));
      box.append(label(key, node, required, id), select, err);
      return box;
    }
    case 'boolean': {
      const input = el('input', { type: 'checkbox', id, ...described });
      const def = node.default ?? (node.anyOf ?? []).find((o) => o.default !== undefined)?.default;
      input.checked = value === undefined ? def === true : value === true;
      input.addEventListener('change', () => edit({ op: 'set', path, value: input.checked }));
      box.append(input, label(key, node, required, id), err);
      return box;
    }
    case 'date': {
      const input = el('input', { type: 'text', id, inputmode: 'numeric', placeholder: 'yyyy-mm-dd', autocomplete: 'off', spellcheck: 'false', ...described });
      input.value = typeof value === 'string' ? value : '';
      setText(input);
      // The picker writes yyyy-mm-dd with its leading zeros; typing stays possible (and is checked).
      const picker = el('input', { type: 'date', 'aria-label': `Chọn ngày cho ${key}`, tabindex: '0' });
      if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) picker.value = input.value;
      picker.addEventListener('change', () => {
        if (!picker.value) return;
        input.value = picker.value;
        edit({ op: 'set', path, value: picker.value });
      });
      input.addEventListener('input', () => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) picker.value = input.value;
      });
      box.append(label(key, node, required, id), el('div', { class: 'row' }, input, picker), err);
      if (s.nullable) box.append(el('div', { class: 'hint' }, 'Để trống: dự thảo chưa có ngày.'));
      return box;
    }
    case 'integer':
    case 'number-or-text':
    case 'text': {
      const long = typeof value === 'string' && (value.length > 70 || value.includes('\n'));
      const input = long ? el('textarea', { id, rows: String(Math.min(6, Math.ceil(String(value).length / 70) + 1)), ...described }) : el('input', { type: 'text', id, ...described });
      input.value = value === undefined || value === null ? '' : String(value);
      if (s.kind === 'integer') input.setAttribute('inputmode', 'numeric');
      setText(input);
      box.append(label(key, node, required, id), input, err);
      if (s.nullable && s.kind !== 'text') box.append(el('div', { class: 'hint' }, 'Để trống: chưa có (dự thảo).'));
      return box;
    }
    default:
      box.append(el('div', { class: 'label' }, el('span', { class: 'key' }, key), ' ', node.description ?? ''), el('div', { class: 'hint' }, 'Trường này sửa trong thẻ YAML.'), err);
      return box;
  }
}
