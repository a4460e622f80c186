// Saving the open files: atomically on the server, refused when a file changed on disk since it was
// loaded; then the clerk is told so and offered to reload.

import { api, announce } from './api.ts';
import { el } from './dom.ts';
import { showDocument } from './document-view.ts';
import { markState, state, type OpenFile } from './state.ts';

export async function saveAll(): Promise<void> {
  state.saving = true;
  try {
    await saveFiles();
  } finally {
    state.saving = false;
  }
}

async function saveFiles(): Promise<void> {
  const s = state.session!;
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
    void showDocument(state.session!.yaml.path, ++state.navigation);
  });
  later.addEventListener('click', () => dialog.close());
  dialog.append(reload, later);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  reload.focus();
  void file;
}
