// The page of `vanban serve`: the project's documents, and one document open with its form, its YAML
// and Markdown in an editor, and the PDF as it will be issued, updated as the user types. The YAML
// text is the one state: the form reads it and edits it in place (yaml-edit.ts), so switching loses nothing.

import { parse as parseYaml, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { EditorView } from '@codemirror/view';
import { renderForm, kinds, fieldId, errorId, type Edit, type SchemaNode } from './form.ts';
import { addItem, parse, removeItem, setValue, swapItems } from './yaml-edit.ts';
import { createEditor, goToLine, setText, showProblems, type LineProblem } from './editor.ts';
import { setMarks, showPdf, type Mark } from './preview.ts';
import { locate, wordsOfLine, type PageText, type Spot } from './locate.ts';
import { el } from './dom.ts';
import type { DeriveChoices, DeriveResult, DocumentSummary, Problem } from '../project.ts';
import type { ManifestEntry } from '../../archive/manifest.ts';

interface OpenFile {
  path: string;
  text: string;
  saved: string;
  version: string;
  ignored?: string | null; // a version on disk the clerk chose to keep editing over
}

/** A kind's name as the schema's "loai" describes it ("Loại văn bản: Công văn"). */
const kindName = (loai: string): string => {
  const described = kinds(schema).find((k) => k.properties!.loai!.const === loai)?.properties!.loai!.description;
  return described?.replace(/^Loại văn bản: /, '') ?? loai;
};
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

const BUILT_TEXT: Record<DocumentSummary['built'], string> = { mới: 'đúng bản đã lưu', cũ: 'cũ hơn bản đã lưu', chưa: 'chưa dựng' };
const when = (iso: string) => (iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : '');

async function showProject(nav: number): Promise<void> {
  document.title = 'vanban — các văn bản của dự án';
  const table = await docsTable();
  const derive = await deriveForm();
  if (nav !== navigation) return; // the clerk went elsewhere while the list loaded
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
  app.replaceChildren(
    el('header', { class: 'bar' }, el('h1', {}, 'vanban — soạn văn bản')),
    el('main', { id: 'main', class: 'project' }, table, el('div', { class: 'side' }, create, derive), manifestView()),
  );
}

/** The list again, after derive wrote a new document. */
async function refreshDocs(): Promise<void> {
  const old = document.querySelector('table.docs:not(.manifest)');
  if (old) old.replaceWith(await docsTable());
}

async function docsTable(): Promise<HTMLTableElement> {
  const { root, documents } = await api<{ root: string; documents: DocumentSummary[] }>('/api/documents');
  const table = el('table', { class: 'docs' });
  table.append(el('caption', {}, `Các văn bản trong ${root}`));
  table.append(el('thead', {}, el('tr', {}, ...['Tệp', 'Loại', 'Số', 'Ngày', 'Trích yếu', 'Trạng thái', 'Bản dựng gần nhất (out/)', 'Tải về'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const d of documents) {
    const open = el('a', { href: `#/sua/${encodeURIComponent(d.path)}` }, d.path);
    const b = d.lastBuild;
    const get = (kind: string) => el('a', { href: `/api/download?path=${encodeURIComponent(d.path)}&kind=${kind}`, class: 'button small', download: '', 'aria-label': `Tải ${kind.toUpperCase()} của ${d.path}` }, kind.toUpperCase());
    body.append(
      el('tr', { 'data-path': d.path },
        el('td', {}, open, d.attachedTo ? el('div', { class: 'hint' }, `ban hành kèm theo ${d.attachedTo}`) : ''),
        el('td', {}, kindName(d.loai)),
        el('td', {}, d.so ?? '—'),
        el('td', {}, d.ngay ?? '—'),
        el('td', {}, d.error ? el('span', { class: 'bad' }, d.error) : d.trichYeu),
        el('td', {}, d.state),
        // A plan issued with a decision is printed within the decision's files, not on its own.
        el('td', { class: 'built' }, d.attachedTo && !b ? `dựng cùng ${d.attachedTo}` : BUILT_TEXT[d.built], b ? el('div', { class: 'hint' }, `${when(b.at)} · ${b.pages} trang · ${b.files.join(', ')}`) : ''),
        el('td', { class: 'get' }, ...(d.error ? [] : [get('docx'), ' ', get('pdf')]))),
    );
  }
  table.append(body);
  return table;
}

/** out/manifest.json shown on demand: each document's files with size and SHA-256, and the inputs read. */
function manifestView(): HTMLElement {
  const region = el('div', { id: 'manifest', hidden: '' });
  const toggle = el('button', { type: 'button', id: 'show-manifest', 'aria-expanded': 'false', 'aria-controls': 'manifest' }, 'Xem bản kê (out/manifest.json)');
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    if (!open) return;
    const m = await api<{ file: string; documents: ManifestEntry[]; damaged: number } | null>('/api/manifest');
    if (!m) return region.replaceChildren(el('p', {}, 'Chưa có bản kê: dự án chưa được dựng (npx vanban build …).'));
    const t = el('table', { class: 'docs manifest' }, el('caption', {}, `${m.file}: ${m.documents.length} văn bản${m.damaged ? `, ${m.damaged} mục hỏng bị bỏ qua` : ''}`));
    t.append(el('thead', {}, el('tr', {}, ...['Văn bản nguồn', 'Số, ký hiệu', 'Tệp dựng ra', 'Kích thước', 'SHA-256', 'Tệp đầu vào (SHA-256)'].map((h) => el('th', { scope: 'col' }, h)))));
    const tb = el('tbody');
    for (const d of m.documents)
      d.outputs.forEach((o, i) => {
        const row = el('tr', {});
        if (i === 0) {
          const span = String(d.outputs.length);
          row.append(el('td', { rowspan: span }, d.source, el('div', { class: 'hint' }, `${d.docType} · ${d.pages} trang · ${d.tool}`)), el('td', { rowspan: span }, d.soKyHieu ?? '—'));
        }
        row.append(el('td', {}, o.file), el('td', {}, `${o.bytes.toLocaleString('vi-VN')} byte`), el('td', { class: 'hash' }, o.sha256));
        if (i === 0) row.append(el('td', { rowspan: String(d.outputs.length), class: 'hash' }, ...d.inputs.map((x) => el('div', {}, `${x.file}: ${x.sha256}`))));
        tb.append(row);
      });
    t.append(tb);
    region.replaceChildren(t);
  });
  return el('section', { class: 'manifest-box', 'aria-label': 'Bản kê' }, toggle, region);
}

/** Derive from a form: a ministry campaign and one province of the project, into derived/. */
async function deriveForm(): Promise<HTMLElement> {
  const choices = await api<DeriveChoices>('/api/derive');
  const box = el('form', { class: 'new derive', 'aria-labelledby': 'derive-title' }, el('h2', { id: 'derive-title' }, 'Sinh Kế hoạch của tỉnh từ Kế hoạch của Bộ'));
  if (!choices.sources.length || !choices.profiles.length) {
    box.append(el('p', { class: 'hint' }, !choices.sources.length ? 'Dự án chưa có dữ liệu phong trào của Bộ (tệp chien-dich.yaml).' : 'Dự án chưa có hồ sơ tỉnh (thư mục profiles/, mỗi tỉnh một tệp .yaml).'));
    return box;
  }
  const from = el('select', { id: 'derive-from' });
  for (const c of choices.sources) from.append(el('option', { value: c.path }, `${c.path} (năm ${c.year})`));
  const province = el('select', { id: 'derive-profile' });
  // Only the profiles valid in the campaign's year: the other set of units would be refused anyway.
  const fill = () => {
    const year = choices.sources.find((c) => c.path === from.value)?.year ?? 0;
    const groups = new Map<string, HTMLOptGroupElement>();
    province.replaceChildren();
    for (const p of choices.profiles) {
      if (p.from > `${year}-12-31` || (p.to && p.to < `${year}-01-01`)) continue;
      let g = groups.get(p.set);
      if (!g) groups.set(p.set, (g = el('optgroup', { label: p.set })));
      g.append(el('option', { value: p.path }, p.name));
      province.append(g);
    }
  };
  fill();
  from.addEventListener('change', fill);
  const result = el('div', { id: 'derive-result', role: 'status', 'aria-live': 'polite' });
  const run = async (force: boolean, expected: Record<string, string | null> | null) => {
    result.replaceChildren(el('p', {}, 'Đang sinh…'));
    try {
      const r = await api<DeriveResult>('/api/derive', { method: 'POST', body: { from: from.value, profile: province.value, force, expected } });
      void refreshDocs();
      showDerived(result, r, () => void run(true, Object.fromEntries(r.files.filter((f) => f.action === 'kept').map((f) => [f.name, f.version]))));
    } catch (err) {
      const again = el('button', { type: 'button', id: 'derive-again' }, 'Sinh lại để xem bản trên đĩa');
      again.addEventListener('click', () => void run(false, null));
      result.replaceChildren(el('p', { class: 'bad', role: 'alert' }, (err as Error).message), again);
      again.focus();
    }
  };
  box.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(false, null);
  });
  box.append(
    el('label', { for: 'derive-from' }, 'Kế hoạch của Bộ (dữ liệu phong trào)'), from,
    el('label', { for: 'derive-profile' }, 'Tỉnh, thành phố'), province,
    el('p', { class: 'hint full' }, `Dữ liệu sinh ra ghi vào ${choices.out}/<tỉnh>/<phong trào>/; tệp đã sửa tay sau lần sinh trước được giữ nguyên.`),
    el('button', { type: 'submit', id: 'derive-run' }, 'Sinh Kế hoạch'), result);
  return box;
}

function showDerived(host: HTMLElement, r: DeriveResult, force: () => void): void {
  const parts: (Node | string)[] = [];
  if (r.errors.length) parts.push(el('div', { class: 'bad', role: 'alert' }, ...r.errors.map((e) => el('p', {}, e))));
  if (r.dir) {
    parts.push(el('h3', {}, `Đã sinh vào ${r.dir}/`));
    parts.push(el('ul', { class: 'files' }, ...r.files.map((f) => el('li', { class: f.action === 'kept' ? 'sev-warning' : '' }, `${f.name}: ${f.text}`)), el('li', {}, `${r.report.split('/').pop()}: báo cáo thay đổi`)));
    if (r.warnings.length) parts.push(el('p', {}, 'Cảnh báo:'), el('ul', { class: 'sev-warning' }, ...r.warnings.map((w) => el('li', {}, w))));
    parts.push(el('p', {}, r.placeholders.length ? `Còn ${r.placeholders.length} chỗ cần điền:` : 'Không còn chỗ nào cần điền.'));
    if (r.placeholders.length) parts.push(el('ul', {}, ...r.placeholders.map((p) => el('li', {}, `${p.file}:${p.line}: ${p.text}`))));
    const open = el('a', { href: `#/sua/${encodeURIComponent(r.plan)}`, class: 'button', id: 'derive-open' }, 'Mở Kế hoạch đã sinh trong trình soạn thảo');
    const report = el('details', {}, el('summary', {}, `Báo cáo thay đổi (${r.report})`));
    report.addEventListener('toggle', () => {
      if (report.open && report.childElementCount === 1)
        void api<{ text: string }>(`/api/file?path=${encodeURIComponent(r.report)}`).then((f) => report.append(el('pre', { class: 'report' }, f.text)));
    });
    parts.push(el('p', {}, open), report);
    if (r.files.some((f) => f.action === 'kept')) {
      const b = el('button', { type: 'button', id: 'derive-force' }, 'Ghi đè các tệp đã sửa tay (như --force)');
      b.addEventListener('click', () => {
        if (confirm(`Ghi đè ${r.files.filter((f) => f.action === 'kept').map((f) => f.name).join(', ')}? Những chỗ đã sửa tay trong đó sẽ mất.`)) force();
      });
      parts.push(el('p', { class: 'sev-warning' }, 'Tệp đã sửa tay sau lần sinh trước nên chưa ghi đè. ', b));
    }
  }
  host.replaceChildren(...parts);
  document.getElementById('derive-open')?.focus();
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
  texts: PageText[]; // the text of the pages shown, with positions
  rendered: Record<string, string>; // the files' text those pages were made from
  marksTimer: number | undefined;
  spots: Map<Problem, Spot | null>; // where each problem shows on them
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

async function showDocument(path: string, nav: number): Promise<void> {
  const yaml = await openFile(path);
  const data = dataOf(yaml.text);
  const bp = bodyPath(yaml.path, data);
  const body = bp ? await openFile(bp).catch(() => null) : null;
  if (nav !== navigation) return;
  const variant = kinds(schema).find((k) => k.properties!.loai!.const === data.loai) ?? null;
  session = { yaml, body, variant, edits: 0, shown: -1, inFlight: false, timer: undefined, problems: [], texts: [], rendered: {}, marksTimer: undefined, spots: new Map(), yamlView: null, bodyView: null, tab: 'form' };
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
  clearInterval(watchTimer);
  watchTimer = window.setInterval(() => void checkDisk(session!), WATCH_MS);
}

// ---------------------------------------------------------------------------------------------------------------
// Files changed on disk by another program (git, another editor) while open: noticed, offered to reload.

const WATCH_MS = 1500;
let watchTimer: number | undefined;
let saving = false;

async function checkDisk(s: Session | null): Promise<void> {
  if (!s || session !== s || saving) return;
  const files = [s.yaml, s.body].filter((f): f is OpenFile => !!f);
  let now: Record<string, string | null>;
  try {
    now = await api<Record<string, string | null>>(`/api/versions?${files.map((f) => `path=${encodeURIComponent(f.path)}`).join('&')}`);
  } catch {
    return; // the server stopped: the next save will say so
  }
  if (session !== s || saving) return;
  const changed = files.filter((f) => f.path in now && now[f.path] !== f.version && now[f.path] !== f.ignored);
  if (changed.length) offerReload(s, changed, now);
}

function offerReload(s: Session, files: OpenFile[], now: Record<string, string | null>): void {
  const names = files.map((f) => `"${f.path}"`).join(', ');
  const gone = files.some((f) => now[f.path] === null);
  const text = `${gone ? `Tệp ${names} đã bị xóa hoặc đổi tên trên đĩa` : `Tệp ${names} vừa được sửa trên đĩa bởi chương trình khác (git, trình soạn thảo khác)`} từ khi mở ở đây. ` +
    (dirty() ? 'Ở đây còn thay đổi chưa lưu: tải lại sẽ bỏ chúng; giữ bản đang sửa thì khi lưu vanban sẽ hỏi lại, không ghi đè.' : 'Ở đây không có thay đổi nào chưa lưu.');
  const reload = el('button', { type: 'button', id: 'disk-reload' }, 'Tải lại bản trên đĩa');
  const keep = el('button', { type: 'button', id: 'disk-keep' }, 'Giữ bản đang sửa');
  const bar = el('div', { id: 'disk-changed', role: 'alert' }, el('p', {}, text), ...(gone && files.includes(s.yaml) ? [] : [reload]), keep);
  reload.addEventListener('click', () => {
    bar.remove();
    void showDocument(s.yaml.path, ++navigation);
  });
  keep.addEventListener('click', () => {
    for (const f of files) f.ignored = now[f.path];
    bar.remove();
    document.getElementById('main')?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus();
  });
  const old = document.getElementById('disk-changed');
  if (old) old.replaceWith(bar);
  else document.querySelector('#app > header')?.after(bar);
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
      // The markers follow as the pages' text is read, off the keystroke-to-page path.
      const pages = await showPdf(preview, Uint8Array.from(atob(r.pdf), (c) => c.charCodeAt(0)), (texts) => {
        if (session !== s) return;
        s.texts = texts;
        s.rendered = files;
        clearTimeout(s.marksTimer);
        s.marksTimer = window.setTimeout(() => session === s && showProblemsEverywhere(), 30);
      });
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

/** The field whose lines hold `line`, as a dotted path into maps and lists ("can_cu.1"); check findings are located by line only. */
function fieldAtLine(text: string, line: number): string {
  const doc = parse(text);
  const offset = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  const holds = (from: number | undefined, to: number | undefined) => from !== undefined && to !== undefined && offset >= text.lastIndexOf('\n', from - 1) + 1 && offset < to;
  const path: (string | number)[] = [];
  let node = doc.contents as YamlNode | null;
  descend: while (node) {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        if (holds(k?.range?.[0], v?.range?.[2] ?? k?.range?.[2])) {
          path.push(String((k as { value?: unknown })?.value ?? ''));
          node = v;
          continue descend;
        }
      }
    } else if (isSeq(node)) {
      for (const [i, item] of (node.items as (YamlNode | null)[]).entries()) {
        if (holds(item?.range?.[0], item?.range?.[2])) {
          path.push(i);
          node = item;
          continue descend;
        }
      }
    }
    break;
  }
  return path.join('.');
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
  // On the pages: where the words of the field or line (narrowed to the quoted words) are printed.
  s.spots = new Map(s.problems.map((p) => [p, spotOf(s, p)]));
  const marks: Mark[] = [];
  for (const [p, spot] of s.spots) if (spot) marks.push({ spot, severity: SEVERITY[p.severity], label: `${p.severity}: ${text(p)} (${where(p)})`, go: () => goTo(p) });
  const preview = document.getElementById('preview');
  if (preview) {
    setMarks(preview, marks);
    preview.dataset.marks = String(marks.length);
  }
  if (list) {
    const errors = s.problems.filter((p) => p.severity === 'lỗi').length;
    list.replaceChildren(
      el('h2', {}, s.problems.length ? `Lỗi và góp ý (${errors} lỗi, ${s.problems.length - errors} góp ý)` : 'Không có lỗi nào'),
      el('ul', {}, ...s.problems.map((p) => {
        const spot = s.spots.get(p);
        const go = el('button', { type: 'button', class: 'go', 'aria-label': `Tới ${where(p)}` }, 'Tới chỗ sửa');
        go.addEventListener('click', () => goTo(p));
        return el('li', { class: `sev-${SEVERITY[p.severity]}` }, `${p.file}:${p.line}:${p.col} ${p.field ? `trường "${p.field}": ` : ''}${text(p)}`, spot ? el('span', { class: 'hint' }, ` (trang ${spot.page})`) : '', ' ', go);
      })),
    );
  }
}

const where = (p: Problem) => (p.field ? `trường ${p.field}` : `dòng ${p.line} của ${p.file.split('/').pop()}`);

/** Where problem `p` shows on the pages last drawn, or null (not printed, or not found). */
function spotOf(s: Session, p: Problem): Spot | null {
  if (!s.texts.length) return null;
  const file = p.file === s.yaml.path ? s.yaml : s.body && p.file === s.body.path ? s.body : null;
  if (!file || p.line < 1) return null;
  const kind = file === s.yaml ? 'yaml' : 'markdown';
  const lines = file.text.split('\n');
  const spot = locate(s.texts, wordsOfLine(lines, p.line, kind), p.excerpt ?? '');
  if (spot) return spot;
  // An error stops the preview, so the pages are the last good ones: the same line as it was then
  // (when no line was added or removed since) shows where the wrong value will go.
  const before = s.rendered[file.path]?.split('\n');
  return before && before.length === lines.length ? locate(s.texts, wordsOfLine(before, p.line, kind)) : null;
}

/** Takes the clerk to what problem `p` concerns: its field in the form, or its line in the editor. */
function goTo(p: Problem): void {
  const s = session;
  if (!s) return;
  if (p.file === s.yaml.path) {
    const field = p.field || fieldAtLine(s.yaml.text, p.line);
    // The clerk stays in the way of writing in use: the form's field, or the YAML's line.
    if (field && s.tab !== 'yaml' && s.variant && !parse(s.yaml.text).errors.length) {
      if (s.tab !== 'form') selectTab('form');
      let path = field.split('.');
      let input = document.getElementById(fieldId(path));
      while ((!input || !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(input.tagName)) && path.length > 1) input = document.getElementById(fieldId((path = path.slice(0, -1))));
      // A group (nguoi_ky, co_quan): its first input.
      input ??= document.querySelector<HTMLElement>(`[data-path="${field.split('.')[0]}"] :is(input, select, textarea)`);
      if (input) {
        input.scrollIntoView({ block: 'center' });
        input.focus();
        return;
      }
    }
    selectTab('yaml');
    if (s.yamlView) goToLine(s.yamlView, p.line, p.col);
  } else if (s.body && p.file === s.body.path) {
    selectTab('body');
    if (s.bodyView) goToLine(s.bodyView, p.line, p.col);
  }
}

async function saveAll(): Promise<void> {
  saving = true;
  try {
    await saveFiles();
  } finally {
    saving = false;
  }
}

async function saveFiles(): Promise<void> {
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
    void showDocument(session!.yaml.path, ++navigation);
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

/** Counts navigations, so that a view still loading when the clerk moves on never replaces the newer one. */
let navigation = 0;

async function route(): Promise<void> {
  const nav = ++navigation;
  const m = /^#\/sua\/(.+)$/.exec(location.hash);
  if (session && dirty() && !m?.[1]?.includes(encodeURIComponent(session.yaml.path)) && !confirm('Có thay đổi chưa lưu. Bỏ các thay đổi đó?')) return;
  session = null;
  clearInterval(watchTimer);
  document.getElementById('disk-changed')?.remove();
  try {
    if (m) await showDocument(decodeURIComponent(m[1]!), nav);
    else await showProject(nav);
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
// Back to this window (after a git checkout in a terminal): look at once, not at the next tick.
window.addEventListener('focus', () => void checkDisk(session));

document.body.append(el('div', { id: 'announce', class: 'sr-only', 'aria-live': 'polite' }));
schema = await api<SchemaNode>('/api/schema');
await route();
