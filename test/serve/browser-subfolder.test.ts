// `vanban serve` started in a campaign's folder, in Chromium: the page lists that folder's documents
// only, offers a new document a place in that folder, derives a province's plan with the project's profiles into derived/ at the project's top, and
// opens and previews the plan it wrote.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Running } from '../../src/serve/server.ts';
import { CAMPAIGN, PROFILE, SHOTS, browserTests, openServe, requireChromium, subfolderProject } from '../support/serve-browser.ts';

let root: string;
let server: Running;
let page: Page;
let close: () => Promise<void>;

const byId = (id: string) => page.locator(`[id="${id}"]`);

describe.runIf(browserTests)('vanban serve started in a subfolder, in Chromium', () => {
  beforeAll(async () => {
    requireChromium();
    root = subfolderProject(true);
    ({ server, page, close } = await openServe(root, join(root, CAMPAIGN)));
  });

  afterAll(() => close?.());

  it("lists the folder's documents, derives with the project's profile, and previews the derived plan", async () => {
    await page.goto(server.url);
    const table = page.locator('table.docs');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe(`Các văn bản trong ${root}/${CAMPAIGN}`);
    expect((await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')))).sort()).toEqual([`${CAMPAIGN}/ke-hoach.yaml`, `${CAMPAIGN}/quyet-dinh.yaml`]);
    expect(await table.textContent()).not.toContain('data/khac');
    // A new document is offered a place in the folder shown, where the list will show it.
    expect(await byId('new-path').inputValue()).toBe(`${CAMPAIGN}/van-ban-moi/quyet-dinh.yaml`);

    await byId('derive-from').selectOption(`${CAMPAIGN}/chien-dich.yaml`);
    await byId('derive-profile').selectOption(PROFILE);
    await byId('derive-run').click();
    await byId('derive-open').waitFor({ timeout: 30_000 });
    const plan = 'derived/ninh-thuan/thi-dua-2024/ke-hoach.yaml';
    expect(existsSync(join(root, plan))).toBe(true);
    expect(readFileSync(join(root, plan), 'utf8')).toContain('Ninh Thuận');
    // What derive wrote at the top is listed with the folder's documents.
    await expect.poll(() => table.locator(`tbody tr[data-path="${plan}"]`).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'serve-subfolder.png') });

    await byId('derive-open').click();
    await page.waitForFunction((f) => document.title.includes(f) && document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', plan, { timeout: 30_000 });
    expect(Number(await page.locator('#preview').getAttribute('data-pages'))).toBeGreaterThan(1);
    await expect.poll(() => page.locator('#preview .page[data-page="1"] .textLayer').textContent(), { timeout: 10_000 }).toContain('NINH THUẬN');
  });
});
