// Files changed on disk by another program (git, another editor) while open: noticed, offered to reload.

import { api } from './api.ts';
import { el } from './dom.ts';
import { showDocument } from './document-view.ts';
import { dirty, state, type OpenFile, type Session } from './state.ts';

const WATCH_MS = 1500;
let watchTimer: number | undefined;

/** Looks at the disk every WATCH_MS while `s` is open. */
export function watchDisk(s: Session | null): void {
  stopWatching();
  watchTimer = window.setInterval(() => void checkDisk(s), WATCH_MS);
}

export function stopWatching(): void {
  clearInterval(watchTimer);
  document.getElementById('disk-changed')?.remove();
}

export async function checkDisk(s: Session | null): Promise<void> {
  if (!s || state.session !== s || state.saving) return;
  const files = [s.yaml, s.body].filter((f): f is OpenFile => !!f);
  let now: Record<string, string | null>;
  try {
    now = await api<Record<string, string | null>>(`/api/versions?${files.map((f) => `path=${encodeURIComponent(f.path)}`).join('&')}`);
  } catch {
    return; // the server stopped: the next save will say so
  }
  if (state.session !== s || state.saving) return;
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
    void showDocument(s.yaml.path, ++state.navigation);
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

