// `npm run bench`, second part: keystroke-to-preview time of `vanban serve` for the bundled 11-page
// decision, in the system's Chromium (skipped, saying so, when there is none).

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/server.ts';
import { chromiumPath, launchChromium } from '../support/chromium.ts';
import { ROOT } from '../support/invalid-fixtures.ts';
import { timeTyping } from '../support/serve-typing.ts';

const CAMPAIGN = 'data/bo-tu-phap/thi-dua-2024';
if (!chromiumPath()) {
  console.log('vanban serve: bỏ qua đo thời gian gõ → xem trước (không có Chromium; apt-get install chromium)');
} else {
  const root = mkdtempSync(join(tmpdir(), 'vanban-serve-bench-'));
  cpSync(join(ROOT, CAMPAIGN), join(root, CAMPAIGN), { recursive: true });
  const server = await startServer({ root });
  const chromium = await launchChromium({ viewport: { width: 1366, height: 768 } });
  try {
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    const t = await timeTyping(page, server, `${CAMPAIGN}/quyet-dinh.yaml`, 11);
    console.log(`vanban serve: phím gõ → bản xem trước (${t.pages} trang, 1366×768): trung vị ${t.medianMs} ms; các lần ${t.timesMs.join(', ')} ms; lần cuối ${t.last}`);
  } finally {
    await chromium.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}
