// Vitest global set-up: tests that run bin/vanban.js run the compiled dist/, so it is compiled
// (incrementally, a few seconds when nothing changed) before any test starts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
