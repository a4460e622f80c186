// The project view: the documents of the project with their số, date, state and last build, the form
// that creates a new one, derive, and out/manifest.json on demand.

import { api } from './api.ts';
import { deriveForm } from './derive-form.ts';
import { el } from './dom.ts';
import { kinds } from '../kinds.ts';
import { app, kindName, state } from './state.ts';
import type { DocumentSummary } from '../project.ts';
import type { ManifestEntry } from '../../archive/manifest.ts';

const BUILT_TEXT: Record<DocumentSummary['built'], string> = { mới: 'đúng bản đã lưu', cũ: 'cũ hơn bản đã lưu', chưa: 'chưa dựng' };
const when = (iso: string) => (iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : '');

export async function showProject(nav: number): Promise<void> {
  document.title = 'vanban — các văn bản của dự án';
  const table = await docsTable();
  const derive = await deriveForm(() => void refreshDocs());
  if (nav !== state.navigation) return; // the clerk went elsewhere while the list loaded
  const loai = el('select', { id: 'new-loai' });
  for (const k of kinds(state.schema)) {
    const c = String(k.properties!.loai!.const);
    loai.append(el('option', { value: c }, kindName(c)));
  }
  // Served from a subfolder: a new document goes there, where the list shows it.
  const view = table.dataset.view;
  const name = el('input', { id: 'new-path', type: 'text', value: `${view ? `${view}/` : ''}van-ban-moi/quyet-dinh.yaml`, spellcheck: 'false' });
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
  app().replaceChildren(
    el('header', { class: 'bar' }, el('h1', {}, 'vanban — soạn văn bản')),
    el('main', { id: 'main', class: 'project' }, table, el('div', { class: 'side' }, create, derive), manifestView()),
  );
}

let refreshes = 0;

/** The list again, when files were added, removed or built, or derive wrote a new document; the focus stays on its link. */
export async function refreshDocs(): Promise<void> {
  if (!document.querySelector('table.docs:not(.manifest)')) return;
  const mine = ++refreshes;
  const table = await docsTable();
  const old = document.querySelector('table.docs:not(.manifest)');
  if (!old || mine !== refreshes) return; // the clerk left the list, or a newer reading is coming
  const focused = document.activeElement instanceof HTMLElement && old.contains(document.activeElement) ? document.activeElement : null;
  const row = focused?.closest('tr')?.getAttribute('data-path');
  const nth = focused ? [...(focused.closest('tr')?.querySelectorAll('a') ?? [])].indexOf(focused as HTMLAnchorElement) : -1;
  old.replaceWith(table);
  if (row != null && nth >= 0) table.querySelectorAll<HTMLElement>(`tr[data-path="${CSS.escape(row)}"] a`)[nth]?.focus();
}

async function docsTable(): Promise<HTMLTableElement> {
  const { root, view, documents } = await api<{ root: string; view: string; documents: DocumentSummary[] }>('/api/documents');
  const table = el('table', { class: 'docs', 'data-view': view });
  table.append(el('caption', {}, `Các văn bản trong ${view ? `${root}/${view}` : root}`));
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
