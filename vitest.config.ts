import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/compile.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // LibreOffice conversions are heavy; keep the two cores for them.
    maxWorkers: 2,
  },
});
