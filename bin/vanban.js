#!/usr/bin/env node
// The `vanban` command: the compiled CLI in dist/ (built by `npm install` / `npm run compile`).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  console.error('✗ chưa có bản dịch JavaScript của vanban (thư mục dist/). Chạy "npm install" hoặc "npm run compile" trong thư mục vanban');
  process.exit(2);
}
cli.quietOnBrokenPipe();
process.exitCode = await cli.main(process.argv.slice(2));
