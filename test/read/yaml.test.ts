// readYaml loads the `yaml` package only when a file needs it: a plain data file is read without it, and a file
// with a mistake still gets its line and column from it.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('readYaml', () => {
  it('reads a plain file without loading the yaml package, and loads it to place an error', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { parseYaml } = await import('./dist/read/yaml.js');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/'));
      const plain = parseYaml('loai: ke-hoach\\nnam: 2024\\nnoi_nhan:\\n  - Bộ Tư pháp\\n', 'a.yaml', false);
      const before = loaded();
      let message = '';
      try { parseYaml('loai: ke-hoach\\nnam: 2024\\nnam: 2025\\n', 'b.yaml', false); } catch (e) { message = String(e.message ?? e); }
      process.stdout.write(JSON.stringify({ data: plain.data, before, after: loaded(), message }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { data: unknown; before: boolean; after: boolean; message: string };
    expect(out.data).toEqual({ loai: 'ke-hoach', nam: 2024, noi_nhan: ['Bộ Tư pháp'] });
    expect(out.before).toBe(false);
    expect(out.after).toBe(true);
    expect(out.message).toMatch(/b\.yaml:3:1/);
  });
});
