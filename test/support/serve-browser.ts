// What the browser tests of `vanban serve` share: whether they run (Chromium installed, or required by
// VANBAN_REQUIRE_TOOLS=1, then missing it is a failure), where screenshots go, the bundled campaign.

import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type Running } from '../../src/serve/server.ts';
import { chromiumPath, launchChromium } from './chromium.ts';
import { ROOT } from './invalid-fixtures.ts';
import { BODY, DECISION, writeFiles } from './project.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const available = chromiumPath() !== null;
if (!available && !required) console.warn('Bỏ qua kiểm thử vanban serve trong trình duyệt: không có Chromium (apt-get install chromium; đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');

/** True when the browser tests are to run. */
export const browserTests = available || required;

/** Throws, in a beforeAll, when the tests must run but there is no Chromium. */
export function requireChromium(): void {
  if (!available) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng Chromium chưa được cài (apt-get install chromium)');
}

/** Screenshots for a person to look at (out/serve-*.png), kept as CI artifacts. */
export const SHOTS = join(ROOT, 'out');
export const CAMPAIGN = 'data/bo-tu-phap/thi-dua-2024';
export const PROFILE = 'profiles/2023-2024/ninh-thuan.yaml';

/**
 * A throw-away project to serve from a subfolder: the bundled campaign, one province profile, and a
 * decision in another folder (data/khac) the campaign's folder must not list; `marker` puts a
 * package.json at the top, as a project's top has.
 */
export function subfolderProject(marker: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'vanban-serve-sub-'));
  cpSync(join(ROOT, CAMPAIGN), join(root, CAMPAIGN), { recursive: true });
  mkdirSync(join(root, 'profiles/2023-2024'), { recursive: true });
  cpSync(join(ROOT, PROFILE), join(root, PROFILE));
  writeFiles(root, { 'data/khac/van-ban.yaml': DECISION, 'data/khac/noi-dung.md': BODY });
  if (marker) writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
  return realpathSync(root);
}

/**
 * The served project and the page of one Chromium at 1366×768, as every browser test opens them (serve
 * started in `at`, the project's top unless a subfolder is given); close() ends both and removes the
 * project folder (a throw-away copy).
 */
export async function openServe(root: string, at = root): Promise<{ server: Running; page: Page; close: () => Promise<void> }> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startServer({ root: at });
  const chromium = await launchChromium({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  page.on('pageerror', (e) => console.error('lỗi trong trang:', e.message));
  const close = async () => {
    await chromium.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
  return { server, page, close };
}
