// `vanban serve` in Chromium, the Markdown body: a `vanban check` finding in the body file shows as a
// diagnostic over the quoted words at its line in the body's text editor and as a marker over the same
// words on the rendered page; the marker takes the clerk to that line; fixing the words clears both.
// And when the page gets no events of the disk, it looks every few seconds instead and says so.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Running } from '../../src/serve/server.ts';
import { SHOTS, browserTests, openServe, requireChromium } from '../support/serve-browser.ts';
import { DECISION, makeProject } from '../support/project.ts';

const BODY = '# Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Tư pháp.\n\n# Nghị định 98/NĐ-CP của Chính phủ hết hiệu lực kể từ ngày Quyết định này có hiệu lực.\n';

let root: string;
let server: Running;
let page: Page;
let close: () => Promise<void>;

describe.runIf(browserTests)('vanban serve in Chromium: findings in the Markdown body', () => {
  beforeAll(async () => {
    requireChromium();
    root = makeProject({ 'data/van-ban.yaml': DECISION, 'data/noi-dung.md': BODY }, 'vanban-serve-body-');
    ({ server, page, close } = await openServe(root));
    await page.goto(server.url);
  });

  afterAll(() => close?.());

  it('shows a check finding of the body at its Markdown line and over its words on the page, and goes there', async () => {
    await page.goto(`${server.origin}/#/sua/${encodeURIComponent('data/van-ban.yaml')}`);
    const mark = page.locator('#preview .mark.sev-error', { has: page.locator('xpath=self::*[contains(@aria-label, "Nghị định là văn bản quy phạm pháp luật")]') });
    await expect.poll(() => mark.count(), { timeout: 20_000 }).toBe(1);
    expect(await mark.getAttribute('aria-label')).toContain('dòng 3 của noi-dung.md');
    expect(await page.locator('#problems li', { hasText: 'Nghị định là văn bản quy phạm pháp luật' }).textContent()).toMatch(/^data\/noi-dung\.md:3:\d+ /);

    // On the page: the marker lies over the printed words.
    const span = page.locator('#preview .page .textLayer span', { hasText: '98/NĐ-CP' }).first();
    const [m, t] = [(await mark.boundingBox())!, (await span.boundingBox())!];
    expect(Math.abs(m.y + m.height / 2 - (t.y + t.height / 2))).toBeLessThan(t.height);
    expect(m.x < t.x + t.width && t.x < m.x + m.width).toBe(true);
    // Narrowed to the quoted words, not the whole paragraph.
    const paragraph = (await page.locator('#preview .page .textLayer').first().boundingBox())!;
    expect(m.width).toBeLessThan(paragraph.width / 3);

    // Activating the marker opens the body at line 3, the diagnostic over the quoted words.
    await mark.click();
    expect(await page.getByRole('tab', { name: /Nội dung/ }).getAttribute('aria-selected')).toBe('true');
    const line3 = page.locator('#panel-body .cm-line').nth(2);
    expect(await page.locator('#panel-body .cm-activeLine').textContent()).toBe(await line3.textContent());
    expect(await line3.locator('.cm-lintRange-error').textContent()).toBe('Nghị định 98/NĐ-CP');
    expect(await page.locator('#panel-body .cm-line').nth(0).locator('.cm-lintRange').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'serve-body-finding.png') });

    // Fixed in the editor: the diagnostic and the marker go.
    await page.keyboard.press('Control+a');
    await page.keyboard.type(BODY.replace('Nghị định 98/NĐ-CP', 'Nghị định số 98/2023/NĐ-CP').trimEnd());
    await expect.poll(() => mark.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('#panel-body .cm-lintRange-error').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForFunction(() => [...document.querySelectorAll('#preview .textLayer')].some((l) => l.textContent?.includes('98/2023/NĐ-CP')), undefined, { timeout: 15_000 });
  });

  it('looks at the disk every few seconds, and says so, when the event stream fails', async () => {
    await page.locator('#save').click();
    await expect.poll(() => page.locator('#state').textContent()).toBe('Đã lưu');
    await page.route('**/api/events', (r) => r.fulfill({ status: 503, contentType: 'text/plain', body: 'không' }));
    await page.reload();
    const notice = page.locator('#disk-poll');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain('xem lại tệp trên đĩa mỗi 3 giây');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', undefined, { timeout: 20_000 });
    writeFileSync(join(root, 'data/noi-dung.md'), BODY);
    await page.locator('#disk-changed').waitFor({ timeout: 10_000 });
    expect(await page.locator('#disk-changed').textContent()).toContain('"data/noi-dung.md"');
    await page.unroute('**/api/events');
  });
});
