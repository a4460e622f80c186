// What the browser tests of `vanban serve` share: whether they run (Chromium installed, or required by
// VANBAN_REQUIRE_TOOLS=1, then missing it is a failure), where screenshots go, the bundled campaign.

import { join } from 'node:path';
import { chromiumPath } from './chromium.ts';
import { ROOT } from './invalid-fixtures.ts';

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
