// `vanban serve` in a real browser (Debian's Chromium through playwright-core): create a Quyết định from
// the form, see its trích yếu on page 1 of the preview, see an impossible date at its field, switch to
// the YAML and back without losing a comment, save, download DOCX and PDF and find them identical to
// `vanban build` of the saved files; a file changed on disk is not overwritten; and the keystroke-to-
// preview time for the bundled 11-page decision. Screenshots go to out/ for a person to look at.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Running } from '../../src/serve/server.ts';
import { CAMPAIGN, SHOTS, browserTests, openServe, requireChromium } from '../support/serve-browser.ts';
import { ROOT } from '../support/invalid-fixtures.ts';
import { vanban } from '../support/cli.ts';
import { TYPING_SCROLL, timeTyping } from '../support/serve-typing.ts';


let root: string;
let server: Running;
let page: Page;
let close: () => Promise<void>;

const byId = (id: string) => page.locator(`[id="${id}"]`);
const pageText = (n: number) => page.locator(`#preview .page[data-page="${n}"] .textLayer`).textContent();

describe.runIf(browserTests)('vanban serve in Chromium', () => {
  beforeAll(async () => {
    requireChromium();
    root = mkdtempSync(join(tmpdir(), 'vanban-serve-'));
    cpSync(join(ROOT, CAMPAIGN), join(root, CAMPAIGN), { recursive: true });
    ({ server, page, close } = await openServe(root));
  });

  afterAll(() => close?.());

  it('creates a Quyết định from the form, previews it, shows an impossible date at its field, and downloads what `vanban build` makes', async () => {
    await page.goto(server.url);
    await page.locator('table.docs').waitFor();
    expect(await page.locator('table.docs').textContent()).toContain('bo-tu-phap/thi-dua-2024/quyet-dinh.yaml');
    await page.screenshot({ path: join(SHOTS, 'serve-project.png') });
    await byId('new-loai').selectOption('quyet-dinh');
    await byId('new-path').fill('data/moi/quyet-dinh.yaml');
    await page.getByRole('button', { name: 'Tạo và mở' }).click();
    await byId('f-trich_yeu').waitFor();

    // Every field comes from the schema: labels are its Vietnamese descriptions.
    expect(await page.locator('label[for="f-trich_yeu"]').textContent()).toContain('Trích yếu nội dung');
    expect(await byId('f-nguoi_ky.tham_quyen').locator('option').allTextContents()).toEqual(expect.arrayContaining(['TM', 'KT', 'Q', 'TL', 'TUQ']));
    await byId('f-co_quan.ten').fill('Bộ Tư pháp');
    await byId('f-co_quan.viet_tat').fill('BTP');
    await byId('f-so').fill('12');
    await byId('f-ngay').fill('2024-03-05');
    await byId('f-dia_danh').fill('Hà Nội');
    await byId('f-tham_quyen_ban_hanh').fill('Bộ trưởng Bộ Tư pháp');
    await byId('f-noi_nhan').click(); // "+ Thêm mục"
    await page.keyboard.type('Như Điều 3');
    await byId('f-noi_nhan').click();
    await page.keyboard.type('Văn phòng Bộ');
    // Reorder with the keyboard: Alt+↑ on the second item.
    await page.keyboard.press('Alt+ArrowUp');
    await byId('f-luu').click();
    await page.keyboard.type('VT');
    await byId('f-nguoi_ky.tham_quyen').selectOption('KT');
    await byId('f-nguoi_ky.thay_mat').fill('Bộ trưởng');
    await byId('f-nguoi_ky.chuc_vu').fill('Thứ trưởng');
    await byId('f-nguoi_ky.ho_ten').fill('Nguyễn Văn An');
    await byId('f-trich_yeu').click();
    await page.keyboard.type('Ban hành Quy chế soạn thảo thử nghiệm', { delay: 5 });

    await page.waitForFunction(() => document.querySelector('#preview .page[data-page="1"] .textLayer')?.textContent?.includes('thử nghiệm'), undefined, { timeout: 15_000 });
    const first = (await pageText(1))!;
    expect(first).toContain('QUYẾT ĐỊNH');
    expect(first).toContain('Ban hành Quy chế soạn thảo thử nghiệm');
    expect(first).toContain('Nguyễn Văn An');
    expect(await page.locator('[data-path="noi_nhan.0"]').inputValue()).toBe('Văn phòng Bộ');
    await page.screenshot({ path: join(SHOTS, 'serve-form-preview.png') });

    // An impossible date: the error at the field, and no page drawn from it.
    await byId('f-ngay').fill('2024-02-30');
    await expect.poll(() => byId('e-ngay').textContent(), { timeout: 10_000 }).toContain('ngày không có thật trên lịch: 2024-02-30');
    expect(await byId('f-ngay').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'serve-date-error.png') });
    await byId('f-ngay').fill('2024-03-05');
    await expect.poll(() => byId('e-ngay').textContent(), { timeout: 10_000 }).toBe('');
    expect(await byId('f-ngay').getAttribute('aria-invalid')).toBeNull();

    // The same file in the text editor: a comment typed there survives a form edit.
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('#panel-yaml .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# ghi chú của văn thư\n');
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
    await byId('f-dia_danh').fill('Hà Nội ');
    await byId('f-dia_danh').fill('Hà Nội');
    await page.getByRole('tab', { name: 'YAML' }).click();
    const yamlText = await page.locator('#panel-yaml .cm-content').innerText();
    expect(yamlText).toContain('# ghi chú của văn thư');
    expect(yamlText).toContain('# Tạo bằng vanban serve');
    expect(yamlText).toContain('trich_yeu: Ban hành Quy chế soạn thảo thử nghiệm');
    await page.screenshot({ path: join(SHOTS, 'serve-yaml.png') });

    // The body in its own editor, with the toolbar's footnote.
    await page.getByRole('tab', { name: /Nội dung/ }).click();
    await page.locator('#panel-body .cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('# Quyết định này có hiệu lực kể từ ngày ký.');
    await page.getByRole('button', { name: 'Chú thích' }).click();
    await page.keyboard.type('Chú thích thử.');
    await page.waitForFunction(() => document.querySelector('#preview .page[data-page="1"] .textLayer')?.textContent?.includes('Chú thích thử.'), undefined, { timeout: 15_000 });
    expect(await pageText(1)).toContain('hiệu lực kể từ ngày ký');
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();

    await byId('save').click();
    await expect.poll(() => byId('state').textContent()).toBe('Đã lưu');
    const saved = readFileSync(join(root, 'data/moi/quyet-dinh.yaml'), 'utf8');
    expect(saved).toContain('# ghi chú của văn thư');
    expect(readFileSync(join(root, 'data/moi/quyet-dinh.md'), 'utf8')).toBe('# Quyết định này có hiệu lực kể từ ngày ký.[^1]\n\n[^1]: Chú thích thử.');
    expect(saved).toMatch(/noi_nhan:\n {2}- Văn phòng Bộ\n {2}- Như Điều 3\n/);

    const got: Record<string, { name: string; bytes: Buffer }> = {};
    for (const kind of ['docx', 'pdf']) {
      const [download] = await Promise.all([page.waitForEvent('download'), byId(`download-${kind}`).click()]);
      got[kind] = { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    }
    const out = join(root, 'out-build');
    const run = vanban(['build', 'data/moi', '--root', root, '-o', out], root);
    expect(run.status, run.stderr).toBe(0);
    for (const kind of ['docx', 'pdf']) {
      expect(got[kind]!.name).toBe(`2024-03-05_12-QD-BTP_bo-tu-phap.${kind}`);
      expect(got[kind]!.bytes.equals(readFileSync(join(out, got[kind]!.name))), `${kind} giống hệt bản vanban build`).toBe(true);
    }
  });

  it('refuses to overwrite a file changed on disk since it was loaded, and offers to reload', async () => {
    const file = join(root, 'data/moi/quyet-dinh.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dia_danh: Hà Nội', 'dia_danh: Hải Phòng'));
    await byId('f-theo_de_nghi').fill('Vụ trưởng Vụ Tổ chức cán bộ');
    await byId('save').click();
    await page.locator('#conflict').waitFor();
    expect(await page.locator('#conflict').textContent()).toContain('đã được sửa trên đĩa');
    expect(readFileSync(file, 'utf8')).not.toContain('theo_de_nghi');
    await byId('reload').click();
    await expect.poll(() => byId('f-dia_danh').inputValue()).toBe('Hải Phòng');
  });

  it('updates the preview of the 11-page decision within a second of a keystroke, keeping the scroll position', async () => {
    // A canvas of a page the typing does not change (page 6) is marked: it must still be there afterwards.
    const mark = () => page.locator('#preview .page[data-page="6"] canvas').evaluate((c) => ((c as HTMLCanvasElement & { marked?: boolean }).marked = true));
    const marked = () => page.locator('#preview .page[data-page="6"] canvas').evaluate((c) => (c as HTMLCanvasElement & { marked?: boolean }).marked === true);
    const t = await timeTyping(page, server, `${CAMPAIGN}/quyet-dinh.yaml`, 7, mark);
    console.log(`vanban serve: phím gõ → bản xem trước ${t.pages} trang, trung vị ${t.medianMs} ms (${t.timesMs.join(', ')} ms; lần cuối: ${t.last})`);
    writeFileSync(join(SHOTS, 'serve-typing.json'), JSON.stringify(t) + '\n');
    expect(t.pages).toBe(11);
    expect(await page.locator('#preview').evaluate((p) => p.scrollTop)).toBe(TYPING_SCROLL);
    // What was timed is on the page: page 1 shows the trích yếu with every letter typed.
    expect((await pageText(1))!.replace(/\s+/g, ' ')).toContain(t.typed);
    // Pages the edit leaves as they were are not drawn again, even once typing pauses.
    await page.waitForTimeout(1500);
    expect(await marked()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'serve-11-pages.png') });
    expect(t.medianMs).toBeLessThan(1000);
  });
});
