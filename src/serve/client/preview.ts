// The PDF preview: pdfjs renders each page to a canvas with its text layer (selectable, readable by
// a screen reader). The pages in view are drawn first, off screen, then swapped in at the same scroll
// position; the others follow in the background (the earlier drawing stays until then).

import { GlobalWorkerOptions, PDFWorker, TextLayer, getDocument, type PDFPageProxy } from 'pdfjs-dist';

GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
let worker: PDFWorker | null = null;
let generation = 0;
const GAP = 12; // px between pages, as in app.css
const IDLE_MS = 400;

function pageBox(page: PDFPageProxy, width: number, n: number) {
  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const box = document.createElement('div');
  box.className = 'page';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', `Trang ${n}`);
  box.dataset.page = String(n);
  box.style.width = `${Math.floor(viewport.width)}px`;
  box.style.height = `${Math.floor(viewport.height)}px`;
  box.style.setProperty('--total-scale-factor', String(scale));
  box.style.setProperty('--scale-factor', String(scale));
  const draw = async () => {
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    box.append(canvas, layer);
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) }).promise;
    // The text layer (for selection, search and screen readers) follows the picture, off the critical path.
    return { text: page.getTextContent().then((content) => new TextLayer({ textContentSource: content, container: layer, viewport }).render()) };
  };
  return { box, height: Math.floor(viewport.height), draw };
}

/** Shows `pdf` in `host`; resolves once the pages in view are drawn. Returns the page count. */
export async function showPdf(host: HTMLElement, pdf: Uint8Array): Promise<number> {
  const gen = ++generation;
  worker ??= new PDFWorker();
  const doc = await getDocument({ data: pdf, worker, isEvalSupported: false }).promise;
  const width = Math.max(300, host.clientWidth - 2 * GAP - 12);
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
  const boxes = pages.map((p, i) => pageBox(p, width, i + 1));
  const top = host.scrollTop;
  const bottom = top + host.clientHeight;
  let y = GAP;
  const inView = new Set<number>();
  boxes.forEach((b, i) => {
    if (y < bottom && y + b.height > top) inView.add(i);
    y += b.height + GAP;
  });
  const texts = await Promise.all([...inView].map((i) => boxes[i]!.draw()));
  if (gen !== generation) {
    void doc.destroy();
    return boxes.length;
  }
  const old = [...host.querySelectorAll<HTMLElement>(':scope > .page')];
  const keep = (i: number) => !inView.has(i) && old[i] && old[i].style.height === boxes[i]!.box.style.height;
  host.replaceChildren(...boxes.map((b, i) => (keep(i) ? old[i]! : b.box)));
  host.scrollTop = top;
  // The pages out of view are drawn once typing pauses, so they never slow the next update.
  void (async () => {
    await Promise.all(texts.map((t) => t.text));
    await new Promise((ok) => setTimeout(ok, IDLE_MS));
    for (const [i, b] of boxes.entries()) {
      if (gen !== generation) break;
      if (inView.has(i)) continue;
      await (await b.draw()).text;
      if (gen === generation && keep(i)) old[i]!.replaceWith(b.box);
    }
    await doc.destroy();
  })();
  return boxes.length;
}
