// The package as a user gets it: `npm pack`, installed into an empty project (dependencies from the
// npm cache when there), then the command and the library from there, far from this checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/invalid-fixtures.ts';
import { BODY, DECISION } from './support/project.ts';

let dir: string;
let project: string;
let files: string[];

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
const run = (args: string[], cwd = project) => spawnSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vanban-pack-'));
  const out = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
  files = out[0]!.files.map((f) => f.path);
  project = join(dir, 'du-an');
  mkdirSync(join(project, 'data'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'du-an', version: '1.0.0', type: 'module', private: true }));
  writeFileSync(join(project, 'data/van-ban.yaml'), DECISION);
  writeFileSync(join(project, 'data/noi-dung.md'), BODY);
  npm(['install', '--prefer-offline', join(dir, out[0]!.filename)], project);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gói npm cài vào một dự án trống', () => {
  it('holds the compiled code, its types and the resources, not the sources or tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/write/render-worker.js');
    expect(files).toContain('fonts/LiberationSerif-Regular.ttf');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.tsbuildinfo'))).toBe(false);
    expect(files).toContain('dist/serve/app.js'); // the browser client, prebuilt: the package has no bundler
    // only what runs or is read at run time: 597 files before "files", among them the sources and tests
    expect(files.filter((f) => !/^(?:bin|dist|fonts|templates|schema)\/|^(?:package\.json|README\.md|LICENSE(?:\.\w+)?)$/u.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/') && f.endsWith('.map'))).toEqual([]);
  });

  it('installs no TypeScript loader at run time', () => {
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).toContain('vanban');
    expect(installed).not.toContain('tsx');
    expect(installed).not.toContain('esbuild');
    expect(installed).not.toContain('typescript');
  });

  it('npx vanban --help', () => {
    const r = run(['npx', 'vanban', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cách dùng: vanban');
    expect(r.stdout).toContain('Mã thoát:');
  });

  it('import("vanban") gives the library API', () => {
    const r = run(['node', '-e', "import('vanban').then(m => console.log([typeof m.build, typeof m.check, typeof m.derive, typeof m.verify, typeof m.archive, typeof m.jsonSchema].join(' ')))"]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('function function function function function function');
  });

  it('builds a document through the API, with the fonts of the installed package', () => {
    const script = `import { build, verify } from 'vanban';
const r = await build(['data'], { outDir: 'out-api', root: process.cwd() });
const v = await verify('out-api');
console.log(JSON.stringify({ built: r.built.map((b) => [b.stem, b.pages]), failed: r.failed.length, checked: v.checked, problems: v.problems.length }));`;
    writeFileSync(join(project, 'api.mjs'), script);
    const r = run(['node', 'api.mjs']);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { built: [string, number][]; failed: number; checked: number; problems: number };
    expect(got.failed).toBe(0);
    expect(got.built).toHaveLength(1);
    expect(got.built[0]![1]).toBeGreaterThan(0);
    expect(got.checked).toBe(2);
    expect(got.problems).toBe(0);
    expect(existsSync(join(project, 'out-api', `${got.built[0]![0]}.pdf`))).toBe(true);
  });

  it('builds the same document through the installed command, byte for byte', () => {
    const r = run(['npx', 'vanban', 'build', 'data', '--out', 'out-cli', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; built: { pdf: string; pages: number }[] };
    expect(report.ok).toBe(true);
    expect(report.built).toHaveLength(1);
    const api = readdirSync(join(project, 'out-api')).filter((f) => f.endsWith('.pdf'));
    const cli = readdirSync(join(project, 'out-cli')).filter((f) => f.endsWith('.pdf'));
    expect(cli).toEqual(api);
    const same = run(['cmp', join('out-api', api[0]!), join('out-cli', cli[0]!)]);
    expect(same.status).toBe(0);
  });
});
