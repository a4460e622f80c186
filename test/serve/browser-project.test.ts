// `vanban serve` in Chromium, beyond writing one document: the findings of `vanban check` and the
// reader's errors marked on the rendered pages (reached by Tab, taking the clerk to the field or the
// line), completion of nested fields in the YAML, the project view with its last build, downloads and
// manifest, the list refreshed by itself as files are added, built or removed, derive from a form, and
// files changed on disk while open offered for reload (pushed by the server, not polled), never
// overwritten, and the open document previewed again when a file it reads changes. Screenshots go to
// out/serve-*.png.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import type { Running } from '../../src/serve/server.ts';
import { CAMPAIGN, SHOTS, browserTests, openServe, requireChromium } from '../support/serve-browser.ts';
import { ROOT } from '../support/invalid-fixtures.ts';
import { vanban } from '../support/cli.ts';
import { BODY, DECISION as ADDED, writeFiles } from '../support/project.ts';

const DECISION = `${CAMPAIGN}/quyet-dinh.yaml`;
const PLAN = 'derived/ninh-thuan/thi-dua-2024/ke-hoach.yaml';

let root: string;
let server: Running;
let page: Page;
let close: () => Promise<void>;

const byId = (id: string) => page.locator(`[id="${id}"]`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

async function openDocument(path: string): Promise<void> {
  await page.goto(`${server.origin}/#/sua/${encodeURIComponent(path)}`);
  await page.waitForFunction((f) => document.title.includes(f) && document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', path, { timeout: 30_000 });
}

/**
 * Lets the completion list settle before a key acts on it: CodeMirror ignores Enter for 75 ms after the
 * list changes (its interactionDelay), so that a key meant for the text is not taken as a choice.
 */
const settled = () => page.waitForTimeout(150);
/** Types the start of a completion, waits for it to be the only choice, accepts it, and checks the line it wrote. */
async function accept(typed: string, label: string, line: string): Promise<void> {
  const options = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
  await page.keyboard.type(typed);
  await expect.poll(() => options.allTextContents()).toEqual([label]);
  await settled(); // CodeMirror ignores an Enter within its interaction delay
  await page.keyboard.press('Enter');
  expect(await page.locator('#panel-yaml .cm-activeLine').textContent()).toBe(line);
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.runIf(browserTests)('vanban serve in Chromium: the rendered page, the project, derive, the disk', () => {
  beforeAll(async () => {
    requireChromium();
    root = mkdtempSync(join(tmpdir(), 'vanban-serve-project-'));
    cpSync(join(ROOT, CAMPAIGN), join(root, CAMPAIGN), { recursive: true });
    mkdirSync(join(root, 'profiles'), { recursive: true });
    cpSync(join(ROOT, 'profiles/2023-2024'), join(root, 'profiles/2023-2024'), { recursive: true });
    cpSync(join(ROOT, 'profiles/2025'), join(root, 'profiles/2025'), { recursive: true });
    const built = vanban(['build', 'data', '--root', root, '-o', join(root, 'out')], root);
    expect(built.status, built.stderr).toBe(0);
    ({ server, page, close } = await openServe(root));
    await page.goto(server.url);
  });

  afterAll(() => close?.());

  it('marks a check finding over its words on page 1; Tab reaches the marker, Enter goes to the field, or to the line in the YAML', async () => {
    await openDocument(DECISION);
    // The sample cites "Nghị định 98/NĐ-CP" without its year: `vanban check` says so, at can_cu's second item.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#preview')?.dataset.marks) >= 1, undefined, { timeout: 15_000 });
    const mark = page.locator('#preview .page[data-page="1"] .mark').first();
    expect(await mark.getAttribute('aria-label')).toMatch(/^Trang 1: lỗi: Nghị định là văn bản quy phạm pháp luật/);
    const span = page.locator('#preview .page[data-page="1"] .textLayer span', { hasText: '98/NĐ-CP' }).first();
    const [m, t] = [(await mark.boundingBox())!, (await span.boundingBox())!];
    // The marker lies over the printed words: same line, overlapping.
    expect(Math.abs(m.y + m.height / 2 - (t.y + t.height / 2))).toBeLessThan(t.height);
    expect(m.x < t.x + t.width && t.x < m.x + m.width).toBe(true);
    expect(await page.locator('#problems li', { hasText: 'Nghị định là văn bản quy phạm pháp luật' }).textContent()).toContain('(trang 1)');

    await byId('preview').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mark'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.screenshot({ path: join(SHOTS, 'serve-marks.png') });
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('f-can_cu.1');
    expect(await byId('f-can_cu.1').inputValue()).toContain('Nghị định 98/NĐ-CP');
    expect(await byId('f-can_cu.1').getAttribute('aria-invalid')).toBe('true');

    // In the YAML editor the same marker goes to the line, with the diagnostic there.
    await page.getByRole('tab', { name: 'YAML' }).click();
    await mark.click();
    expect(await page.locator('#panel-yaml .cm-activeLine').textContent()).toContain('Nghị định 98/NĐ-CP');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);

    // Completion inside a nested block offers that object's fields from the schema, not the top level's.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nco_quan:\n  ');
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
    await options.first().waitFor();
    const labels = await options.allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['ten', 'viet_tat']));
    expect(labels).not.toContain('trich_yeu');
    await page.screenshot({ path: join(SHOTS, 'serve-completion.png') });
    await accept('viet', 'viet_tat', '  viet_tat: ');
    for (let i = 0; i < 10 && (await byId('state').textContent()) !== 'Đã lưu'; i++) await page.keyboard.press('Control+z');
    expect(await byId('state').textContent()).toBe('Đã lưu');
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
  });

  it("marks the reader's error (an impossible date) where the date is printed on the last good page", async () => {
    await byId('f-ngay').fill('2024-02-30');
    await expect.poll(() => byId('e-ngay').textContent(), { timeout: 10_000 }).toContain('không có thật');
    const mark = page.locator('#preview .mark.sev-error', { has: page.locator('xpath=self::*[contains(@aria-label, "không có thật")]') });
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(1);
    const date = page.locator('#preview .page[data-page="1"] .textLayer span', { hasText: 'tháng 02 năm 2024' }).first();
    // The page may still be redrawn once after the error shows: measure when both boxes are on screen.
    const offset = async () => {
      const [m, t] = [await mark.boundingBox(), await date.boundingBox()];
      return m && t ? Math.abs(m.y + m.height / 2 - (t.y + t.height / 2)) / t.height : Infinity;
    };
    await expect.poll(offset, { timeout: 10_000 }).toBeLessThan(1);
    await page.screenshot({ path: join(SHOTS, 'serve-date-mark.png') });
    await byId('f-so').focus();
    await mark.click();
    expect(await focusedId()).toBe('f-ngay');
    await byId('f-ngay').fill('2024-02-29');
    await expect.poll(() => byId('e-ngay').textContent(), { timeout: 10_000 }).toBe('');
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(0);
    await byId('save').click(); // nothing changed in the end: the saved file stays as it was
    expect(readFileSync(join(root, DECISION), 'utf8')).toBe(readFileSync(join(ROOT, DECISION), 'utf8'));
  });

  it('completes the fields of a list item and the choices of a field in the YAML, and the fields of campaign data', async () => {
    const saved = readFileSync(join(root, DECISION), 'utf8');
    const options = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
    const complete = async () => {
      await page.keyboard.press('Control+Space');
      await options.first().waitFor();
      return options.allTextContents();
    };
    await page.goto(`${server.origin}/#/`);
    await openDocument(DECISION);
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('#panel-yaml .cm-content').click();
    await page.keyboard.press('Control+a');
    // Pasted, not typed: the editor indents typed new lines by itself.
    await page.keyboard.insertText('loai: quyet-dinh\nnguoi_ky:\n  tham_quyen: ');
    expect(await complete()).toEqual(['TM', 'KT', 'Q', 'TL', 'TUQ']);
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('KT\n  chuc_vu: Thứ trưởng\nphu_luc:\n  - tieu_de: Phân công nhiệm vụ\n    ');
    const item = await complete();
    expect(item).toContain('noi_dung');
    expect(item).not.toContain('tieu_de'); // written already in this item
    expect(item).not.toContain('trich_yeu'); // a field of the document, not of an appendix
    await page.screenshot({ path: join(SHOTS, 'serve-completion-item.png') });
    await accept('noi', 'noi_dung', '    noi_dung: ');
    // Back to the saved text: nothing to save.
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(saved);
    await expect.poll(() => byId('state').textContent()).toBe('Đã lưu');

    // The campaign data opens from the project view, in its YAML, previewed in the document that prints
    // it: the plan made from it, issued with its decision.
    await page.goto(`${server.origin}/#/`);
    await byId('derive-edit-source').click();
    await page.waitForFunction(() => document.title.includes('chien-dich.yaml') && document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', undefined, { timeout: 30_000 });
    expect(await byId('preview-of').textContent()).toContain(DECISION);
    expect(await page.getByRole('tab', { name: 'YAML' }).getAttribute('aria-selected')).toBe('true');
    expect(Number(await byId('preview').getAttribute('data-pages'))).toBe(11);
    await page.locator('#panel-yaml .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nto_chuc_thuc_hien:\n  - don_vi: Văn phòng Bộ\n    viec:\n      - ');
    expect(await complete()).toEqual(expect.arrayContaining(['noi_dung', 'han']));
    expect(await options.allTextContents()).not.toContain('don_vi');
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('noi_dung: Tổng hợp\n  - ');
    expect(await complete()).toEqual(['don_vi', 'viec']);
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('\n');
    await page.keyboard.press('Home');
    expect(await complete()).not.toContain('to_chuc_thuc_hien'); // written already at the top
    expect(await options.allTextContents()).toContain('phan_cong');
    await page.screenshot({ path: join(SHOTS, 'serve-completion-campaign.png') });
    await page.keyboard.press('Escape');
    // Back to the saved text, then away: nothing was written.
    const campaign = readFileSync(join(ROOT, CAMPAIGN, 'chien-dich.yaml'), 'utf8');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(campaign);
    await expect.poll(() => byId('state').textContent()).toBe('Đã lưu');
    await page.goto(`${server.origin}/#/`);
    expect(readFileSync(join(root, CAMPAIGN, 'chien-dich.yaml'), 'utf8')).toBe(campaign);
  });

  it('previews the open document again when a file it reads (its campaign data) changes on disk', async () => {
    await openDocument(DECISION);
    const file = join(root, CAMPAIGN, 'chien-dich.yaml');
    const saved = readFileSync(file, 'utf8');
    const page1 = () => page.locator('#preview .page[data-page="1"] .textLayer').textContent();
    await expect.poll(page1, { timeout: 15_000 }).toContain('sáng tạo, bứt phá, thi đua');
    writeFileSync(file, saved.replace('chu_de: Kỷ cương, trách nhiệm, sáng tạo, bứt phá', 'chu_de: Kỷ cương, trách nhiệm, sáng tạo, đột phá'));
    await expect.poll(page1, { timeout: 15_000 }).toContain('sáng tạo, đột phá, thi đua');
    expect(await byId('disk-changed').count(), 'not a file open here: nothing to reload').toBe(0);
    writeFileSync(file, saved);
    await expect.poll(page1, { timeout: 15_000 }).toContain('sáng tạo, bứt phá, thi đua');
    await page.goto(`${server.origin}/#/`);
  });

  it('lists the documents with số, date, state and last build; downloads the built PDF; shows the manifest by keyboard', async () => {
    await page.goto(`${server.origin}/#/`);
    const row = page.locator(`table.docs tr[data-path="${DECISION}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['Quyết định', '244', '2024-02-29']);
    expect(cells[5]).toBe('đã ban hành');
    expect(cells[6]).toContain('đúng bản đã lưu');
    expect(cells[6]).toContain('11 trang');
    expect(await page.locator(`table.docs tr[data-path="${CAMPAIGN}/ke-hoach.yaml"] td`).nth(5).textContent()).toBe('dự thảo');
    // Province profiles ("loai: tinh") are not documents.
    expect(await page.locator('table.docs').textContent()).not.toContain('profiles/');

    const manifest = JSON.parse(readFileSync(join(root, 'out/manifest.json'), 'utf8')) as { documents: { source: string; outputs: { file: string; sha256: string }[] }[] };
    const entry = manifest.documents.find((d) => d.source === DECISION)!;
    const pdf = entry.outputs.find((o) => o.file.endsWith('.pdf'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Tải PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe(pdf.file);
    expect(sha(readFileSync((await download.path())!)), 'the download is the PDF of out/, byte for byte').toBe(pdf.sha256);

    await page.locator('body').focus();
    await tabTo('#show-manifest');
    await page.keyboard.press('Enter');
    const table = page.locator('table.manifest');
    await table.waitFor();
    expect(await byId('show-manifest').getAttribute('aria-expanded')).toBe('true');
    const text = (await table.textContent())!;
    for (const o of entry.outputs) {
      expect(text).toContain(o.file);
      expect(text).toContain(o.sha256);
    }
    expect(text).toContain(`${DECISION}:`);
    await page.locator('.side').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'serve-project-view.png') });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'serve-manifest.png') });
  });

  it('refreshes the list by itself when a document is added, built or removed', async () => {
    const row = page.locator('table.docs tr[data-path="data/them/van-ban.yaml"]');
    writeFiles(root, { 'data/them/van-ban.yaml': ADDED, 'data/them/noi-dung.md': BODY });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('td').nth(6).textContent()).toContain('chưa dựng');
    const built = vanban(['build', 'data/them', '--root', root, '-o', join(root, 'out')], root);
    expect(built.status, built.stderr).toBe(0);
    // out/manifest.json changed: the last build shows without a reload.
    await expect.poll(() => row.locator('td').nth(6).textContent(), { timeout: 10_000 }).toContain('đúng bản đã lưu');
    rmSync(join(root, 'data/them'), { recursive: true });
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('#disk-poll').count(), 'the disk is watched, not polled').toBe(0);
  });

  it('derives a province from the form, keeps a hand-edited file unless told, refuses to overwrite an edit it did not show, and opens the result', async () => {
    // Only the profiles valid in 2024 are offered: Hà Nội of profiles/2025 (from 01/7/2025) is not.
    const offered = await byId('derive-profile').locator('option').allTextContents();
    expect(offered).toContain('Ninh Thuận');
    expect(offered.length).toBe(63);
    await byId('derive-profile').focus();
    await byId('derive-profile').selectOption({ label: 'Ninh Thuận' });
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('derive-run');
    await page.keyboard.press('Enter');
    await byId('derive-open').waitFor();
    const result = (await byId('derive-result').textContent())!;
    expect(result).toContain('Đã sinh vào derived/ninh-thuan/thi-dua-2024/');
    expect(result).toContain('ke-hoach.yaml: ghi mới');
    expect(result).toContain('chien-dich.yaml: ghi mới');
    // The list shows the new document at once.
    await page.locator(`table.docs tr[data-path="${PLAN}"]`).waitFor();
    const derived = readFileSync(join(root, PLAN), 'utf8');
    expect((parse(derived) as { loai: string; dia_danh: string }).dia_danh).toBe('Ninh Thuận');
    expect(readFileSync(join(root, 'derived/ninh-thuan/thi-dua-2024/bao-cao-thay-doi.md'), 'utf8')).toContain('tỉnh Ninh Thuận');
    await page.screenshot({ path: join(SHOTS, 'serve-derive.png') });

    // Edited by hand: derive keeps it and offers the override.
    writeFileSync(join(root, PLAN), `${derived}# sửa tay\n`);
    await byId('derive-run').click();
    await byId('derive-force').waitFor();
    expect(await byId('derive-result').textContent()).toContain('ke-hoach.yaml: GIỮ NGUYÊN');
    expect(readFileSync(join(root, PLAN), 'utf8')).toContain('# sửa tay');
    // Edited again before the override: refused, said so, and offered to look again.
    writeFileSync(join(root, PLAN), `${derived}# sửa tay lần hai\n`);
    page.once('dialog', (d) => void d.accept());
    await byId('derive-force').click();
    await byId('derive-again').waitFor();
    expect(await byId('derive-result').textContent()).toContain('đã thay đổi trên đĩa từ khi báo');
    expect(readFileSync(join(root, PLAN), 'utf8')).toContain('# sửa tay lần hai');
    await page.keyboard.press('Enter'); // the focus is on "Sinh lại"
    await byId('derive-force').waitFor();
    page.once('dialog', (d) => void d.accept());
    await byId('derive-force').click();
    await expect.poll(() => byId('derive-result').textContent()).toContain('ke-hoach.yaml: ghi đè bản đã sửa tay');
    expect(readFileSync(join(root, PLAN), 'utf8')).toBe(derived);

    expect(await focusedId()).toBe('derive-open');
    await page.keyboard.press('Enter');
    await page.waitForFunction((f) => document.title.includes(f) && document.querySelector<HTMLElement>('#preview')?.dataset.edit === '0', PLAN, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#preview .page[data-page="1"] .textLayer')?.textContent?.includes('NINH THUẬN'), undefined, { timeout: 15_000 });
    expect(await byId('f-dia_danh').inputValue()).toBe('Ninh Thuận');
  });

  it('notices a file changed on disk while open, offers to reload, and never overwrites it', async () => {
    const file = join(root, PLAN);
    const disk = readFileSync(file, 'utf8');
    await byId('f-dia_danh').fill('Phan Rang');
    // Another program (git checkout, another editor) changes the file meanwhile.
    writeFileSync(file, disk.replace('dia_danh: Ninh Thuận', 'dia_danh: Ninh Thuận mới'));
    const bar = byId('disk-changed');
    await bar.waitFor({ timeout: 5_000 });
    expect(await bar.textContent()).toContain('vừa được sửa trên đĩa');
    expect(await bar.textContent()).toContain('còn thay đổi chưa lưu');
    await page.screenshot({ path: join(SHOTS, 'serve-disk-changed.png') });
    await byId('disk-keep').click();
    // Nothing changes on disk for a while: the page does not ask (no polling), and offers nothing again.
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => asked.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await page.waitForTimeout(3_500);
    page.off('request', onRequest);
    expect(asked.filter((p) => p === '/api/versions')).toEqual([]);
    expect(await bar.count()).toBe(0);
    await byId('save').click();
    await page.locator('#conflict').waitFor();
    expect(readFileSync(file, 'utf8')).toContain('dia_danh: Ninh Thuận mới');
    await byId('reload').click();
    await expect.poll(() => byId('f-dia_danh').inputValue()).toBe('Ninh Thuận mới');

    // Not dirty: changed again on disk, offered again; Enter on the offer reloads.
    writeFileSync(file, disk.replace('dia_danh: Ninh Thuận', 'dia_danh: Phan Rang - Tháp Chàm'));
    await bar.waitFor({ timeout: 5_000 });
    expect(await bar.textContent()).toContain('không có thay đổi nào chưa lưu');
    await byId('disk-reload').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => byId('f-dia_danh').inputValue()).toBe('Phan Rang - Tháp Chàm');
    expect(await bar.count()).toBe(0);
  });
});
