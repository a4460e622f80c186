// The page of `vanban serve`: the project's documents (project-view.ts), and one document open with its
// form, its YAML and Markdown in an editor, and the PDF as it will be issued, updated as the user types
// (document-view.ts). This module routes between them and holds the page-wide keys and events.

import { api } from './api.ts';
import { checkDisk, clearDiskNotice, listenToDisk } from './disk-watch.ts';
import { showDocument } from './document-view.ts';
import { el } from './dom.ts';
import type { SchemaNode } from '../kinds.ts';
import { showProject } from './project-view.ts';
import { saveAll } from './saving.ts';
import { app, dirty, state } from './state.ts';

async function route(): Promise<void> {
  const nav = ++state.navigation;
  const m = /^#\/sua\/(.+)$/.exec(location.hash);
  const session = state.session;
  if (session && dirty() && !m?.[1]?.includes(encodeURIComponent(session.yaml.path)) && !confirm('Có thay đổi chưa lưu. Bỏ các thay đổi đó?')) return;
  state.session = null;
  clearDiskNotice();
  try {
    if (m) await showDocument(decodeURIComponent(m[1]!), nav);
    else await showProject(nav);
  } catch (err) {
    app().replaceChildren(el('main', { id: 'main' }, el('p', { class: 'bad', role: 'alert' }, (err as Error).message), el('a', { href: '#/' }, 'Về danh sách')));
  }
}

window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 's' && state.session) {
    e.preventDefault();
    void saveAll();
  }
});
window.addEventListener('beforeunload', (e) => {
  if (dirty()) e.preventDefault();
});
window.addEventListener('hashchange', () => void route());
// Back to this window (after a git checkout in a terminal): look at once, not at the next tick.
window.addEventListener('focus', () => void checkDisk(state.session));

document.body.append(el('div', { id: 'announce', class: 'sr-only', 'aria-live': 'polite' }));
state.schema = await api<SchemaNode>('/api/schema');
listenToDisk();
await route();
