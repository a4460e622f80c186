// Keystroke-to-preview time in `vanban serve`: open a document, scroll its page 1 (where the trích yếu is)
// into view, type letters into the trích yếu, and time each key until the preview shows that edit (the
// pages in view that it changed redrawn). Letters only: a trailing space changes no page, and would time
// nothing but the request. Used by the test and `npm run bench`.

import type { Page } from 'playwright-core';
import type { Running } from '../../src/serve/server.ts';

export interface Typing {
  pages: number;
  timesMs: number[];
  medianMs: number;
  last: string; // how the last update's time was spent, as the page reports it
  typed: string; // the letters typed, in order
}

/** Where the preview is scrolled to while typing: page 1, which shows the trích yếu, stays in view. */
export const TYPING_SCROLL = 200;

export async function timeTyping(page: Page, server: Running, file: string, keys = 7, beforeTyping: () => Promise<unknown> = async () => undefined): Promise<Typing> {
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/sua/${encodeURIComponent(file)}`);
  await page.waitForFunction((f) => document.title.includes(f) && document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', file, { timeout: 30_000 });
  const pages = Number(await page.locator('#preview').getAttribute('data-pages'));
  await page.locator('#preview').evaluate((p, top) => (p.scrollTop = top), TYPING_SCROLL);
  await beforeTyping();
  await page.locator('[id="f-trich_yeu"]').click();
  await page.keyboard.press('End');
  const timesMs: number[] = [];
  let typed = '';
  for (let i = 1; i <= keys; i++) {
    const key = 'abcdefghijklmnopqrstuvwxyz'[(i - 1) % 26]!;
    typed += key;
    const t0 = performance.now();
    await page.keyboard.type(key);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#preview')?.dataset.edit) >= n, i, { polling: 'raf', timeout: 10_000 });
    timesMs.push(Math.round(performance.now() - t0));
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return { pages, timesMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, last: (await page.locator('#preview').getAttribute('data-timing')) ?? '', typed };
}
