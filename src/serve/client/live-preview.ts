// The live preview: each change of either text asks the server for the PDF of the unsaved files
// (at once when none is running; one request at a time, the newest edit next, so fast typing coalesces
// without a debounce delay), draws it, and shows its problems.

import { api, announce } from './api.ts';
import { showPdf } from './preview.ts';
import { showProblemsEverywhere } from './problems.ts';
import { state } from './state.ts';
import type { Problem } from '../project.ts';

export function schedulePreview(): void {
  const s = state.session;
  if (!s) return; // the clerk left the document (a file changed on disk after that)
  clearTimeout(s.timer);
  s.timer = window.setTimeout(() => void runPreview(), 0);
}

async function runPreview(): Promise<void> {
  const s = state.session;
  if (!s || s.inFlight) return; // left the document; or the running one schedules the next
  s.inFlight = true;
  const edit = s.edits;
  const files: Record<string, string> = { [s.yaml.path]: s.yaml.text };
  if (s.body) files[s.body.path] = s.body.text;
  const preview = document.getElementById('preview')!;
  try {
    const t0 = performance.now();
    const r = await api<{ pdf: string | null; pages: string[]; problems: Problem[]; ms: number; of: string | null }>('/api/preview', { method: 'POST', body: { path: s.yaml.path, files } });
    const t1 = performance.now();
    if (state.session !== s) return;
    s.problems = r.problems;
    showProblemsEverywhere();
    // Previewed within the document that prints it (campaign data, a plan with its decision): say which.
    const of = document.getElementById('preview-of');
    if (of) of.textContent = r.of ? `Bản xem trước: ${r.of} (in cả tệp này)` : '';
    preview.setAttribute('aria-label', r.of ? `Bản xem trước PDF của ${r.of}` : 'Bản xem trước PDF');
    if (r.pdf) {
      // The markers follow as the pages' text is read, off the keystroke-to-page path.
      const pages = await showPdf(preview, fromBase64(r.pdf), r.pages, (texts) => {
        if (state.session !== s) return;
        s.texts = texts;
        s.rendered = files;
        clearTimeout(s.marksTimer);
        s.marksTimer = window.setTimeout(() => state.session === s && showProblemsEverywhere(), 30);
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
    if (state.session === s && s.edits !== edit) schedulePreview();
  }
}

/** The bytes of base64 text; a plain loop, many times faster than Uint8Array.from with a mapping function. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
