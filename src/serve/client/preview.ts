// The PDF preview: pdfjs renders each page to a canvas with its text layer (selectable, readable by
// a screen reader). The pages in view are drawn first, off screen, then swapped in at the same scroll
// position; the others follow in the background (the earlier drawing stays until then). A page whose
// key (what it draws, from the server) is the one it already shows is not drawn again.

import { GlobalWorkerOptions, PDFWorker, TextLayer, getDocument, type PDFPageProxy } from 'pdfjs-dist';
type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
import type { PageText, Spot } from './locate.ts';

GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
let worker: PDFWorker | null = null;
let generation = 0;
const GAP = 12; // px between pages, as in app.css
const IDLE_MS = 400;

/** The text each drawn page box read, for a page kept as it is by a later PDF. */
const textOf = new WeakMap<HTMLElement, Promise<PageText>>();

function pageBox(page: PDFPageProxy, width: number, n: number, key: string | undefined) {
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
    // The text layer (for selection, search and screen readers) follows the picture, off the critical path;
    // the same text content gives the markers their positions, so the worker reads each page once.
    const text = page.getTextContent().then(async (content) => {
      await new TextLayer({ textContentSource: content, container: layer, viewport }).render();
      return pageText(content, page.getViewport({ scale: 1 }).height, n);
    });
    textOf.set(box, text);
    if (key) box.dataset.key = key;
    return { text };
  };
  return { box, height: Math.floor(viewport.height), draw };
}

/** A marker over the place on a page where a problem shows; activating it goes to its field or line. */
export interface Mark {
  spot: Spot;
  severity: 'error' | 'warning' | 'info';
  label: string;
  go: () => void;
}

let marks: Mark[] = [];

/** Draws the markers of `page` (a page box) at its scale: over the text, one button each. */
function paintMarks(box: HTMLElement): void {
  // A marker the clerk reached with Tab keeps the focus when the markers are redrawn (same page, same label).
  let focused = document.activeElement instanceof HTMLElement && document.activeElement.parentElement === box && document.activeElement.classList.contains('mark') ? document.activeElement.getAttribute('aria-label') : null;
  for (const m of box.querySelectorAll(':scope > .mark')) m.remove();
  const n = Number(box.dataset.page);
  const scale = Number(box.style.getPropertyValue('--scale-factor')) || 1;
  for (const m of marks) {
    if (m.spot.page !== n) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `mark sev-${m.severity}`;
    b.title = m.label;
    b.setAttribute('aria-label', `Trang ${n}: ${m.label}`);
    const pad = 2;
    Object.assign(b.style, { left: `${m.spot.x * scale - pad}px`, top: `${m.spot.y * scale - pad}px`, width: `${m.spot.w * scale + 2 * pad}px`, height: `${m.spot.h * scale + 2 * pad}px` });
    b.addEventListener('click', m.go);
    box.append(b);
    if (focused !== null && b.getAttribute('aria-label') === focused) {
      b.focus({ preventScroll: true });
      focused = null;
    }
  }
}

/** Replaces the markers on the pages shown in `host`. */
export function setMarks(host: HTMLElement, next: Mark[]): void {
  marks = next;
  for (const box of host.querySelectorAll<HTMLElement>(':scope > .page')) paintMarks(box);
}

/** The text of a page with its position, in points from the top-left corner (for locate.ts). */
function pageText(content: TextContent, height: number, n: number): PageText {
  const runs: PageText['runs'] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    const h = item.height || Math.hypot(item.transform[2], item.transform[3]);
    // The transform's origin is the baseline; the glyphs rise about 0.8 of the height above it.
    runs.push({ str: item.str, x: item.transform[4], y: height - item.transform[5] - h * 0.8, w: item.width, h });
  }
  return { page: n, runs };
}

/** The text of each page as last drawn (a page not yet redrawn keeps its earlier text). */
let known: PageText[] = [];
let knownHost: HTMLElement | null = null; // another document's preview knows nothing of these pages

/**
 * Shows `pdf` in `host`; resolves once the pages in view are drawn, with the page count. `keys` says what
 * each page draws (none: draw them all). `onTexts` gets the pages' text positions each time a page's text
 * is read (the pages in view, then the others).
 */
export async function showPdf(host: HTMLElement, pdf: Uint8Array, keys: readonly string[] = [], onTexts: (texts: PageText[]) => void = () => undefined): Promise<number> {
  const gen = ++generation;
  worker ??= new PDFWorker();
  // Glyphs drawn as paths from the embedded fonts: loading each new PDF's fonts into the page (FontFace) took
  // about 80 ms of every update; the text layer, selection and markers are unchanged.
  const doc = await getDocument({ data: pdf, worker, isEvalSupported: false, disableFontFace: true }).promise;
  const width = Math.max(300, host.clientWidth - 2 * GAP - 12);
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
  const boxes = pages.map((p, i) => pageBox(p, width, i + 1, keys[i]));
  const top = host.scrollTop;
  const bottom = top + host.clientHeight;
  let y = GAP;
  const inView = new Set<number>();
  boxes.forEach((b, i) => {
    if (y < bottom && y + b.height > top) inView.add(i);
    y += b.height + GAP;
  });
  const old = [...host.querySelectorAll<HTMLElement>(':scope > .page')];
  const sameSize = (i: number) => !!old[i] && old[i].style.height === boxes[i]!.box.style.height && old[i].style.width === boxes[i]!.box.style.width;
  // Already showing this very page: kept, not drawn again.
  const current = (i: number) => sameSize(i) && !!keys[i] && old[i]!.dataset.key === keys[i] && textOf.has(old[i]!);
  // Out of view and the same size: the earlier drawing stays until this one is drawn.
  const keep = (i: number) => current(i) || (!inView.has(i) && sameSize(i));
  const drawn = await Promise.all([...inView].filter((i) => !current(i)).map((i) => boxes[i]!.draw()));
  if (gen !== generation) {
    void doc.destroy();
    return boxes.length;
  }
  host.replaceChildren(...boxes.map((b, i) => (keep(i) ? old[i]! : b.box)));
  host.scrollTop = top;
  for (const [i, b] of boxes.entries()) if (!keep(i)) paintMarks(b.box);
  const kept = boxes.map((_, i) => i).filter(current);
  known = knownHost === host ? known.slice(0, boxes.length) : [];
  knownHost = host;
  const learn = (t: PageText) => {
    if (gen !== generation) return;
    known[t.page - 1] = t;
    onTexts(known.filter(Boolean));
  };
  // The pages out of view are drawn once typing pauses, so they never slow the next update.
  void (async () => {
    for (const t of await Promise.all([...drawn.map((d) => d.text), ...kept.map((i) => textOf.get(old[i]!)!)])) learn(t);
    await new Promise((ok) => setTimeout(ok, IDLE_MS));
    for (const [i, b] of boxes.entries()) {
      if (gen !== generation) break;
      if (inView.has(i) || current(i)) continue;
      learn(await (await b.draw()).text);
      if (gen === generation && keep(i)) {
        old[i]!.replaceWith(b.box);
        paintMarks(b.box);
      }
    }
    await doc.destroy();
  })().catch(() => undefined);
  return boxes.length;
}
