// Files changed on disk by another program (git, another editor, `vanban build`) while the page is
// open. The server pushes each change (/api/events, Server-Sent Events): an open file that changed is
// offered for reload, never overwritten; the project list is read again when it may have changed.
// Only when the server cannot watch the disk, or the stream fails, does the page look every POLL_MS
// instead, and it says so.

import { api, announce } from './api.ts';
import { el } from './dom.ts';
import { showDocument } from './document-view.ts';
import { schedulePreview } from './live-preview.ts';
import { refreshDocs } from './project-view.ts';
import { dirty, state, type OpenFile, type Session } from './state.ts';
import type { DiskEvent } from '../events.ts';

const POLL_MS = 3000;
let pollTimer: number | undefined;

/** Listens to the server's events for the life of the page. */
export function listenToDisk(): void {
  const source = new EventSource('/api/events');
  const take = (e: MessageEvent<string>) => {
    const event = JSON.parse(e.data) as DiskEvent;
    if (event.mode === 'poll') return poll(event.failure);
    const s = state.session;
    if (s) {
      if ([s.yaml, s.body].some((f) => f && event.files.includes(f.path))) void checkDisk(s);
      // Another file the document may read (its campaign data, a plan issued with it): preview again.
      else if (event.files.some((f) => /\.(ya?ml|md)$/i.test(f))) schedulePreview();
    } else if (event.list) void refreshDocs();
  };
  source.addEventListener('hello', take);
  source.addEventListener('change', take);
  source.addEventListener('error', () => {
    // CONNECTING: the browser tries again by itself; CLOSED: it gave up.
    if (source.readyState === EventSource.CLOSED) poll('mất kết nối với luồng sự kiện của máy chủ');
  });
}

/** The fallback: look at the open files (or the list) every POLL_MS. */
function poll(why: string): void {
  if (pollTimer !== undefined) return;
  pollTimer = window.setInterval(() => {
    if (state.session) void checkDisk(state.session);
    else void refreshDocs();
  }, POLL_MS);
  const text = `${why[0]!.toUpperCase()}${why.slice(1)}: vanban xem lại tệp trên đĩa mỗi ${POLL_MS / 1000} giây.`;
  document.body.append(el('p', { id: 'disk-poll', class: 'hint', role: 'status' }, text));
  announce(text);
}

/** Takes away the offer of the document left. */
export function clearDiskNotice(): void {
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

