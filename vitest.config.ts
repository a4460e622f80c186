import { defineConfig } from 'vitest/config';

// The browser tests time a keystroke to the preview (the serve issue asks for a test that fails above
// 1 s): they run after the rest, one file at a time, so LibreOffice conversions do not share the cores.
const BROWSER = 'test/serve/browser*.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/support/compile.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // LibreOffice conversions are heavy; keep the two cores for them.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'vanban', include: ['test/**/*.test.ts'], exclude: [BROWSER], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: [BROWSER], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
