// The document view: one document open with its form, its YAML and its Markdown body in the text
// editor, and the preview beside them. The YAML text is the one state: the form reads it and edits it
// in place (yaml-edit.ts), so switching between the ways of writing loses nothing.

import { parse as parseYaml } from 'yaml';
import { api, announce } from './api.ts';
import { el } from './dom.ts';
import { createEditor, setText } from './editor.ts';
import { renderForm, kinds, fieldId, type Edit } from './form.ts';
import { schemaOf } from '../kinds.ts';
import { schedulePreview } from './live-preview.ts';
import { showProblemsEverywhere } from './problems.ts';
import { saveAll } from './saving.ts';
import { app, dirty, kindName, markState, state, type OpenFile, type Session } from './state.ts';
import { addItem, parse, removeItem, setValue, swapItems } from './yaml-edit.ts';

async function openFile(path: string): Promise<OpenFile> {
  const r = await api<{ path: string; text: string; version: string }>(`/api/file?path=${encodeURIComponent(path)}`);
  return { path: r.path, text: r.text, saved: r.text, version: r.version };
}

function dataOf(text: string): Record<string, unknown> {
  try {
    const v: unknown = parseYaml(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The Markdown file the YAML names, relative to the project root. */
function bodyPath(yamlPath: string, data: Record<string, unknown>): string | null {
  if (typeof data.noi_dung !== 'string') return null;
  const parts = yamlPath.split('/').slice(0, -1);
  for (const seg of data.noi_dung.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export async function showDocument(path: string, nav: number): Promise<void> {
  const yaml = await openFile(path);
  const data = dataOf(yaml.text);
  const bp = bodyPath(yaml.path, data);
  const body = bp ? await openFile(bp).catch(() => null) : null;
  if (nav !== state.navigation) return;
  const variant = kinds(state.schema).find((k) => k.properties!.loai!.const === data.loai) ?? null;
  state.session = { yaml, body, variant, edits: 0, shown: -1, inFlight: false, timer: undefined, problems: [], texts: [], rendered: {}, marksTimer: undefined, spots: new Map(), yamlView: null, bodyView: null, tab: 'form' };
  document.title = `vanban — ${yaml.path}`;

  const tabs = el('div', { role: 'tablist', 'aria-label': 'Cách soạn', class: 'tabs' });
  const panels = el('div', { class: 'panels' });
  const tabDefs: [Session['tab'], string][] = [['form', 'Biểu mẫu'], ['yaml', 'YAML'], ...(body ? [['body', `Nội dung (${body.path.split('/').pop()})`] as [Session['tab'], string]] : [])];
  for (const [id, text] of tabDefs) {
    const t = el('button', { role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, type: 'button' }, text);
    t.addEventListener('click', () => selectTab(id));
    t.addEventListener('keydown', (e) => {
      const i = tabDefs.findIndex(([x]) => x === id);
      const j = e.key === 'ArrowRight' ? (i + 1) % tabDefs.length : e.key === 'ArrowLeft' ? (i - 1 + tabDefs.length) % tabDefs.length : -1;
      if (j >= 0) {
        selectTab(tabDefs[j]![0]);
        document.getElementById(`tab-${tabDefs[j]![0]}`)!.focus();
      }
    });
    tabs.append(t);
    panels.append(el('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'panel' }));
  }

  const save = el('button', { type: 'button', id: 'save', title: 'Ctrl+S' }, 'Lưu');
  save.addEventListener('click', () => void saveAll());
  const download = (kind: string, text: string) => {
    const a = el('a', { href: `/api/download?path=${encodeURIComponent(yaml.path)}&kind=${kind}`, class: 'button', id: `download-${kind}`, download: '' }, text);
    a.addEventListener('click', (e) => {
      if (dirty() && !confirm('Có thay đổi chưa lưu. Tệp tải về được dựng từ bản đã lưu. Vẫn tải?')) e.preventDefault();
    });
    return a;
  };
  const header = el('header', { class: 'bar' },
    el('a', { href: '#/', class: 'button' }, '← Danh sách'),
    el('h1', {}, `${variant ? kindName(String(variant.properties!.loai!.const)) : schemaOf(state.schema, data) ? 'Dữ liệu phong trào' : 'Tệp'}: ${yaml.path}`),
    el('span', { id: 'state', role: 'status' }, ''),
    el('span', { id: 'preview-of' }, ''),
    save, download('docx', 'Tải DOCX'), download('pdf', 'Tải PDF'));
  const problems = el('section', { id: 'problems', 'aria-label': 'Lỗi và góp ý' });
  const preview = el('section', { id: 'preview', 'aria-label': 'Bản xem trước PDF', tabindex: '0' });
  app().replaceChildren(header, el('main', { id: 'main', class: 'doc' }, el('div', { class: 'left' }, tabs, panels, problems), preview));
  // Campaign data has no form of its own: its YAML, with completion from its schema.
  selectTab(variant ? 'form' : 'yaml');
  schedulePreview();
}

export function selectTab(tab: Session['tab']): void {
  const s = state.session!;
  s.tab = tab;
  for (const t of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    const on = t.id === `tab-${tab}`;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
  }
  for (const p of document.querySelectorAll<HTMLElement>('[role=tabpanel]')) p.hidden = p.id !== `panel-${tab}`;
  const panel = document.getElementById(`panel-${tab}`)!;
  if (tab === 'form') drawForm();
  if (tab === 'yaml') {
    if (!s.yamlView) s.yamlView = createEditor(panel, s.yaml.text, 'yaml', `YAML của ${s.yaml.path}`, s.variant ?? schemaOf(state.schema, dataOf(s.yaml.text)), (t) => changed('yaml', t));
    else setText(s.yamlView, s.yaml.text);
  }
  if (tab === 'body' && s.body) {
    if (!s.bodyView) {
      const bar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Định dạng Markdown' });
      const insert = (label: string, prefix: string, suffix = '') => {
        const b = el('button', { type: 'button' }, label);
        b.addEventListener('click', () => {
          const v = s.bodyView!;
          const r = v.state.selection.main;
          const line = v.state.doc.lineAt(r.from);
          if (suffix === '') v.dispatch({ changes: { from: line.from, insert: prefix } });
          else {
            // A footnote: its mark at the cursor, its text at the end of the body, where the cursor goes.
            const n = (v.state.doc.toString().match(/^\[\^\d+\]:/gm)?.length ?? 0) + 1;
            const end = v.state.doc.length;
            const note = `${v.state.doc.toString().endsWith('\n') ? '' : '\n'}\n[^${n}]: `;
            v.dispatch({ changes: [{ from: r.to, insert: `[^${n}]` }, { from: end, insert: note }], selection: { anchor: end + `[^${n}]`.length + note.length } });
          }
          v.focus();
        });
        bar.append(b);
      };
      insert('Đề mục (#)', '# ');
      insert('Mục con (##)', '## ');
      insert('Điểm (-)', '- ');
      insert('Chú thích', '[^', ']');
      panel.append(bar);
      s.bodyView = createEditor(panel, s.body.text, 'markdown', `Nội dung ${s.body.path}`, null, (t) => changed('body', t));
    } else setText(s.bodyView, s.body.text);
  }
  showProblemsEverywhere();
}

export function drawForm(): void {
  const s = state.session!;
  const panel = document.getElementById('panel-form')!;
  const doc = parse(s.yaml.text);
  if (doc.errors.length || !s.variant) {
    panel.replaceChildren(el('p', { class: 'bad', role: 'alert' }, s.variant ? 'YAML đang có lỗi cú pháp: sửa trong thẻ YAML, biểu mẫu sẽ hiện lại.' : schemaOf(state.schema, dataOf(s.yaml.text)) ? 'Dữ liệu phong trào thi đua không có biểu mẫu: soạn trong thẻ YAML, có gợi ý các trường (Ctrl+Space).' : 'Tệp không có trường "loai" của một loại văn bản: sửa trong thẻ YAML.'));
    return;
  }
  const focused = document.activeElement?.id;
  panel.replaceChildren(renderForm(s.variant, dataOf(s.yaml.text), applyEdit));
  if (focused) document.getElementById(focused)?.focus();
}

function applyEdit(e: Edit): void {
  const s = state.session!;
  let text: string;
  try {
    if (e.op === 'set') text = setValue(s.yaml.text, e.path, e.value);
    else if (e.op === 'add') text = addItem(s.yaml.text, e.path, '');
    else if (e.op === 'remove') text = removeItem(s.yaml.text, e.path, e.index);
    else text = swapItems(s.yaml.text, e.path, e.index, e.with);
  } catch (err) {
    announce((err as Error).message);
    return;
  }
  changed('yaml', text);
  if (e.op !== 'set') {
    drawForm();
    const focus = e.op === 'swap' ? `${fieldId(e.path)}.${e.with}` : e.op === 'add' ? `${fieldId(e.path)}.${(dataOf(text)[String(e.path[0])] as unknown[] | undefined)?.length ?? 1 - 1}` : fieldId(e.path);
    const target = e.op === 'add' ? document.querySelector<HTMLInputElement>(`[data-path="${e.path.join('.')}"] li:last-child input`) : document.getElementById(focus);
    target?.focus();
  }
}

export function changed(which: 'yaml' | 'body', text: string): void {
  const s = state.session!;
  const file = which === 'yaml' ? s.yaml : s.body!;
  if (file.text === text) return;
  file.text = text;
  s.edits++;
  markState();
  schedulePreview();
}
