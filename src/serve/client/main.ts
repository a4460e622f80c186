// The page of `vanban serve`: the project's documents, and one document open with its form, its YAML
// and Markdown in an editor, and the PDF as it will be issued, updated as the user types. The YAML
// text is the one state: the form reads it and edits it in place (yaml-edit.ts), so switching loses nothing.

import { parse as parseYaml, isMap, type Node as YamlNode } from 'yaml';
import type { EditorView } from '@codemirror/view';
import { renderForm, kinds, fieldId, errorId, type Edit, type SchemaNode } from './form.ts';
import { addItem, parse, removeItem, setValue, swapItems } from './yaml-edit.ts';
import { createEditor, setText, showProblems, type LineProblem } from './editor.ts';
import { showPdf } from './preview.ts';
import { el } from './dom.ts';
import type { DocumentSummary, Problem } from '../project.ts';

interface OpenFile {
  path: string;
  text: string;
  saved: string;
  version: string;
}

const KIND_NAMES: Record<string, string> = { 'quyet-dinh': 'Quyết định', 'ke-hoach': 'Kế hoạch' };
const kindName = (loai: string) => KIND_NAMES[loai] ?? loai;
const DEBOUNCE_MS = 40;

let schema: SchemaNode;
const app = document.getElementById('app')!;

async function api<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(path, init ? { method: init.method, body: JSON.stringify(init.body), headers: { 'Content-Type': 'application/json' } } : undefined);
  const body = (await res.json()) as T & { message?: string };
  if (!res.ok) throw Object.assign(new Error(body.message ?? `lỗi ${res.status}`), { status: res.status });
  return body;
}

function announce(text: string): void {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
}

// ---------------------------------------------------------------------------------------------------------------
// Project view

async function showProject(): Promise<void> {
  document.title = 'vanban — các văn bản của dự án';
  const { root, documents } = await api<{ root: string; documents: DocumentSummary[] }>('/api/documents');
  const table = el('table', { class: 'docs' });
  table.append(el('caption', {}, `Các văn bản trong ${root}`));
  table.append(el('thead', {}, el('tr', {}, ...['Tệp', 'Loại', 'Số', 'Ngày', 'Trích yếu', 'Trạng thái', 'Bản dựng trong out/'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const d of documents) {
    const open = el('a', { href: `#/sua/${encodeURIComponent(d.path)}` }, d.path);
    body.append(
      el('tr', {},
        el('td', {}, open, d.attachedTo ? el('div', { class: 'hint' }, `ban hành kèm theo ${d.attachedTo}`) : ''),
        el('td', {}, kindName(d.loai)),
        el('td', {}, d.so ?? '—'),
        el('td', {}, d.ngay ?? '—'),
        el('td', {}, d.error ? el('span', { class: 'bad' }, d.error) : d.trichYeu),
        el('td', {}, d.state),
        el('td', {}, { mới: 'đúng bản đã lưu', cũ: 'cũ hơn bản đã lưu', chưa: 'chưa dựng' }[d.built])),
    );
  }
  table.append(body);

  const loai = el('select', { id: 'new-loai' });
  for (const k of kinds(schema)) {
    const c = String(k.properties!.loai!.const);
    loai.append(el('option', { value: c }, kindName(c)));
  }
  const name = el('input', { id: 'new-path', type: 'text', value: 'van-ban-moi/quyet-dinh.yaml', spellcheck: 'false' });
  const msg = el('div', { class: 'err', role: 'alert' });
  const create = el('form', { class: 'new', 'aria-labelledby': 'new-title' },
    el('h2', { id: 'new-title' }, 'Tạo văn bản mới'),
    el('label', { for: 'new-loai' }, 'Loại văn bản'), loai,
    el('label', { for: 'new-path' }, 'Tệp (đường dẫn trong thư mục dự án; thư mục chưa có sẽ được tạo)'), name,
    el('button', { type: 'submit' }, 'Tạo và mở'), msg);
  create.addEventListener('submit', (e) => {
    e.preventDefault();
    api<{ path: string }>('/api/new', { method: 'POST', body: { path: name.value, loai: loai.value } })
      .then((r) => (location.hash = `#/sua/${encodeURIComponent(r.path)}`))
      .catch((err: Error) => (msg.textContent = err.message));
  });
  app.replaceChildren(el('header', { class: 'bar' }, el('h1', {}, 'vanban — soạn văn bản')), el('main', { id: 'main', class: 'project' }, table, create));
}

// ---------------------------------------------------------------------------------------------------------------
// Document view

interface Session {
  yaml: OpenFile;
  body: OpenFile | null; // the Markdown named by noi_dung
  variant: SchemaNode | null;
  edits: number; // bumped on every change of either text
  shown: number; // the edit the preview shows
  inFlight: boolean;
  timer: number | undefined;
  problems: Problem[];
  yamlView: EditorView | null;
  bodyView: EditorView | null;
  tab: 'form' | 'yaml' | 'body';
}

let session: Session | null = null;

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

async function showDocument(path: string): Promise<void> {
  const yaml = await openFile(path);
  const data = dataOf(yaml.text);
  const bp = bodyPath(yaml.path, data);
  const body = bp ? await openFile(bp).catch(() => null) : null;
  const variant = kinds(schema).find((k) => k.properties!.loai!.const === data.loai) ?? null;
  session = { yaml, body, variant, edits: 0, shown: -1, inFlight: false, timer: undefined, problems: [], yamlView: null, bodyView: null, tab: 'form' };
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
    el('h1', {}, `${variant ? kindName(String(variant.properties!.loai!.const)) : 'Tệp'}: ${yaml.path}`),
    el('span', { id: 'state', role: 'status' }, ''),
    save, download('docx', 'Tải DOCX'), download('pdf', 'Tải PDF'));
  const problems = el('section', { id: 'problems', 'aria-label': 'Lỗi và góp ý' });
  const preview = el('section', { id: 'preview', 'aria-label': 'Bản xem trước PDF', tabindex: '0' });
  app.replaceChildren(header, el('main', { id: 'main', class: 'doc' }, el('div', { class: 'left' }, tabs, panels, problems), preview));
  selectTab('form');
  schedulePreview(0);
}

function dirty(): boolean {
  return !!session && (session.yaml.text !== session.yaml.saved || (!!session.body && session.body.text !== session.body.saved));
}

function markState(): void {
  const s = document.getElementById('state');
  if (s) s.textContent = dirty() ? 'Có thay đổi chưa lưu' : 'Đã lưu';
}

function selectTab(tab: Session['tab']): void {
  const s = session!;
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
    if (!s.yamlView) s.yamlView = createEditor(panel, s.yaml.text, 'yaml', `YAML của ${s.yaml.path}`, s.variant, (t) => changed('yaml', t));
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

function drawForm(): void {
  const s = session!;
  const panel = document.getElementById('panel-form')!;
  const doc = parse(s.yaml.text);
  if (doc.errors.length || !s.variant) {
    panel.replaceChildren(el('p', { class: 'bad', role: 'alert' }, s.variant ? 'YAML đang có lỗi cú pháp: sửa trong thẻ YAML, biểu mẫu sẽ hiện lại.' : 'Tệp không có trường "loai" của một loại văn bản: sửa trong thẻ YAML.'));
    return;
  }
  const focused = document.activeElement?.id;
  panel.replaceChildren(renderForm(s.variant, dataOf(s.yaml.text), applyEdit));
  if (focused) document.getElementById(focused)?.focus();
}

function applyEdit(e: Edit): void {
  const s = session!;
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

function changed(which: 'yaml' | 'body', text: string): void {
  const s = session!;
  const file = which === 'yaml' ? s.yaml : s.body!;
  if (file.text === text) return;
  file.text = text;
  s.edits++;
  markState();
  schedulePreview(DEBOUNCE_MS);
}

function schedulePreview(delay: number): void {
  const s = session!;
  clearTimeout(s.timer);
  s.timer = window.setTimeout(() => void runPreview(), delay);
}

async function runPreview(): Promise<void> {
  const s = session!;
  if (s.inFlight) return; // the running one schedules the next
  s.inFlight = true;
  const edit = s.edits;
  const files: Record<string, string> = { [s.yaml.path]: s.yaml.text };
  if (s.body) files[s.body.path] = s.body.text;
  const preview = document.getElementById('preview')!;
  try {
    const t0 = performance.now();
    const r = await api<{ pdf: string | null; problems: Problem[]; ms: number }>('/api/preview', { method: 'POST', body: { path: s.yaml.path, files } });
    const t1 = performance.now();
    if (session !== s) return;
    s.problems = r.problems;
    showProblemsEverywhere();
    if (r.pdf) {
      const pages = await showPdf(preview, Uint8Array.from(atob(r.pdf), (c) => c.charCodeAt(0)));
      preview.dataset.pages = String(pages);
      preview.classList.remove('stale');
    } else preview.classList.add('stale');
    s.shown = edit;
    preview.dataset.edit = String(edit);
    preview.dataset.serverMs = String(r.ms);
    // Where the time of one update went: the request (of which the server's part), then pdfjs.
    preview.dataset.timing = `${Math.round(t1 - t0)} ms yêu cầu (máy chủ ${r.ms} ms), ${Math.round(performance.now() - t1)} ms vẽ`;
  } catch (err) {
    announce(`Không dựng được bản xem trước: ${(err as Error).message}`);
  } finally {
    s.inFlight = false;
    if (session === s && s.edits !== edit) schedulePreview(0);
  }
}

const SEVERITY: Record<Problem['severity'], LineProblem['severity']> = { lỗi: 'error', 'cảnh báo': 'warning', 'gợi ý': 'info' };

/** The top-level field whose lines hold `line` (check findings are located by line only). */
function fieldAtLine(text: string, line: number): string {
  const doc = parse(text);
  if (!isMap(doc.contents)) return '';
  const offset = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  for (const pair of doc.contents.items) {
    const k = pair.key as YamlNode | null;
    const v = pair.value as YamlNode | null;
    const from = k?.range?.[0] ?? 0;
    const to = v?.range?.[2] ?? k?.range?.[2] ?? 0;
    if (offset >= text.lastIndexOf('\n', from) + 1 && offset < to) return String((k as { value?: unknown })?.value ?? '');
  }
  return '';
}

function showProblemsEverywhere(): void {
  const s = session;
  if (!s) return;
  const list = document.getElementById('problems');
  for (const e of document.querySelectorAll('.err[id^="e-"]')) e.textContent = '';
  for (const e of document.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  const text = (p: Problem) => `${p.message}${p.fix ? `. Cách sửa: ${p.fix}` : ''}`;
  const ofYaml = s.problems.filter((p) => p.file === s.yaml.path);
  const ofBody = s.problems.filter((p) => s.body && p.file === s.body.path);
  // Beside the field: the reader's error names its field; a check finding is placed by its line.
  for (const p of ofYaml) {
    const field = p.field || fieldAtLine(s.yaml.text, p.line);
    if (!field) continue;
    let path = field.split('.');
    let box = document.getElementById(errorId(path));
    while (!box && path.length > 1) box = document.getElementById(errorId((path = path.slice(0, -1))));
    if (box) {
      box.append(el('div', { class: `sev-${SEVERITY[p.severity]}` }, `${p.severity}: ${text(p)}`));
      for (const id of [fieldId(path), `${fieldId(path)}.${field.split('.')[path.length] ?? ''}`]) {
        const input = document.getElementById(id);
        if (input && /^(INPUT|SELECT|TEXTAREA)$/.test(input.tagName)) input.setAttribute('aria-invalid', 'true');
      }
    }
  }
  const toLine = (ps: Problem[]): LineProblem[] => ps.map((p) => ({ line: p.line, col: p.col, message: text(p), severity: SEVERITY[p.severity] }));
  if (s.yamlView) showProblems(s.yamlView, toLine(ofYaml));
  if (s.bodyView) showProblems(s.bodyView, toLine(ofBody));
  if (list) {
    const errors = s.problems.filter((p) => p.severity === 'lỗi').length;
    list.replaceChildren(
      el('h2', {}, s.problems.length ? `Lỗi và góp ý (${errors} lỗi, ${s.problems.length - errors} góp ý)` : 'Không có lỗi nào'),
      el('ul', {}, ...s.problems.map((p) => el('li', { class: `sev-${SEVERITY[p.severity]}` }, `${p.file}:${p.line}:${p.col} ${p.field ? `trường "${p.field}": ` : ''}${text(p)}`))),
    );
  }
}

async function saveAll(): Promise<void> {
  const s = session!;
  for (const file of [s.yaml, s.body]) {
    if (!file || file.text === file.saved) continue;
    try {
      const text = file.text;
      const r = await api<{ version: string }>('/api/file', { method: 'PUT', body: { path: file.path, text, version: file.version } });
      file.version = r.version;
      file.saved = text;
    } catch (err) {
      if ((err as { status?: number }).status === 409) return conflict(file, (err as Error).message);
      announce(`Không lưu được ${file.path}: ${(err as Error).message}`);
      return;
    }
  }
  markState();
  announce('Đã lưu');
}

function conflict(file: OpenFile, message: string): void {
  const dialog = el('dialog', { id: 'conflict', 'aria-labelledby': 'conflict-title' },
    el('h2', { id: 'conflict-title' }, 'Chưa lưu: tệp đã thay đổi trên đĩa'), el('p', {}, message));
  const reload = el('button', { type: 'button', id: 'reload' }, 'Tải lại bản trên đĩa');
  const later = el('button', { type: 'button' }, 'Để sau, giữ bản đang sửa');
  reload.addEventListener('click', () => {
    dialog.close();
    void showDocument(session!.yaml.path);
  });
  later.addEventListener('click', () => dialog.close());
  dialog.append(reload, later);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  reload.focus();
  void file;
}

// ---------------------------------------------------------------------------------------------------------------

async function route(): Promise<void> {
  const m = /^#\/sua\/(.+)$/.exec(location.hash);
  if (session && dirty() && !m?.[1]?.includes(encodeURIComponent(session.yaml.path)) && !confirm('Có thay đổi chưa lưu. Bỏ các thay đổi đó?')) return;
  session = null;
  try {
    if (m) await showDocument(decodeURIComponent(m[1]!));
    else await showProject();
  } catch (err) {
    app.replaceChildren(el('main', { id: 'main' }, el('p', { class: 'bad', role: 'alert' }, (err as Error).message), el('a', { href: '#/' }, 'Về danh sách')));
  }
}

window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's' && session) {
    e.preventDefault();
    void saveAll();
  }
});
window.addEventListener('beforeunload', (e) => {
  if (dirty()) e.preventDefault();
});
window.addEventListener('hashchange', () => void route());

document.body.append(el('div', { id: 'announce', class: 'sr-only', 'aria-live': 'polite' }));
schema = await api<SchemaNode>('/api/schema');
await route();
