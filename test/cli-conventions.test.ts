// Command-line conventions: suggestions for typos, one meaning per short flag, validated numbers,
// stdin for `check -`, stderr for complaints, documented exit codes, JSON with English keys, --quiet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, vanban } from './support/cli.ts';
import { ROOT } from './support/invalid-fixtures.ts';

const COMMANDS = ['build', 'derive', 'check', 'verify', 'archive', 'schema', 'bench'];

describe('quy ước dòng lệnh', () => {
  it('a mistyped command gets a suggestion, in Vietnamese, exit 2', () => {
    const r = vanban(['biuld']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lỗi: không có lệnh "biuld"');
    expect(r.stderr).toContain('(có phải ý bạn là build?)');
    expect(r.stdout).toBe('');
  });

  it('a mistyped option gets a suggestion', () => {
    const r = vanban(['build', '--froce']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('không có tùy chọn "--froce"');
    expect(r.stderr).toContain('(có phải ý bạn là --force?)');
  });

  it('each short flag means one thing across all commands', () => {
    const meaning = new Map<string, Set<string>>();
    for (const c of COMMANDS) {
      const help = vanban([c, '--help']).stdout;
      for (const m of help.matchAll(/^\s+(-\w), (--[\w-]+)/gmu)) (meaning.get(m[1]!) ?? meaning.set(m[1]!, new Set()).get(m[1]!)!).add(m[2]!);
    }
    expect(meaning.get('-o')).toEqual(new Set(['--out']));
    expect(meaning.get('-f')).toEqual(new Set(['--force']));
    for (const [, longs] of meaning) expect(longs.size).toBe(1);
  });

  it('a numeric option refuses what is not a whole number ≥ 1', () => {
    for (const bad of ['abc', '0', '-3', '2.5']) {
      const r = vanban(['bench', '-n', bad]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toContain(`không nhận giá trị "${bad}"`);
      expect(r.stdout).not.toContain('NaN');
    }
  });

  it('exit codes are listed under --help and in the README', () => {
    const help = vanban(['--help']).stdout;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of ['0', '1', '2', '3']) {
      expect(help).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'mu'));
      expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'mu'));
    }
  });

  it('check - reads stdin; "no file matched" goes to stderr', () => {
    const text = 'QUYẾT ĐỊNH\nVề việc ban hành quy chế\nĐiều 1. Ban hành kèm theo ngày 5/1/2024.\n';
    const r = spawnSync(process.execPath, [BIN, 'check', '-', 'khong-co-*.docx', '--json'], { cwd: ROOT, input: text, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toContain('không có tệp nào khớp "khong-co-*.docx"');
    const report = JSON.parse(r.stdout) as { files: { file: string; kind: string; findings: { rule: string; severity: string; line: number }[] }[]; unmatched: string[]; summary: Record<string, number> };
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([['-', 'txt']]);
    expect(report.unmatched).toEqual(['khong-co-*.docx']);
    expect(report.files[0]!.findings).toContainEqual(expect.objectContaining({ rule: 'date-zero', severity: 'suggestion', line: 3 }));
    expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'suggestions', 'notEvaluated', 'unreadable']);
    expect(r.status).toBe(1);
  });

  it('check --format json keeps its older Vietnamese keys', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '-', '--format', 'json'], { cwd: ROOT, input: 'Xin chào.\n', encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as { summary: Record<string, number> };
    expect(Object.keys(report.summary)).toContain('lỗi');
  });
});

describe('--json và --quiet', () => {
  it('build --json: English keys, every error of a bad file, nothing else on stdout', () => {
    const out = mkdtempSync(join(tmpdir(), 'vanban-json-'));
    try {
      const r = vanban(['build', 'test/fixtures/invalid/ngay-sai-dinh-dang/van-ban.yaml', '--out', out, '--json']);
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { ok: boolean; built: unknown[]; failed: { source: string; errors: { file: string; line: number; column: number; field: string | null; message: string }[] }[] };
      expect(Object.keys(report)).toEqual(['ok', 'outDir', 'built', 'skipped', 'failed', 'notes', 'ms']);
      expect(report.ok).toBe(false);
      expect(report.failed[0]!.errors[0]).toMatchObject({ line: 7, column: 1, field: 'ngay' });
      expect(r.stderr).toContain('✗ test/fixtures/invalid/ngay-sai-dinh-dang/van-ban.yaml:7:1');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('build --quiet prints nothing on stdout; verify --json reports the files it checked', () => {
    const out = mkdtempSync(join(tmpdir(), 'vanban-quiet-'));
    try {
      const r = vanban(['build', 'data/an-giang', '--out', out, '--quiet']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      const v = vanban(['verify', out, '--json']);
      expect(JSON.parse(v.stdout)).toEqual({ ok: true, checked: 2, problems: [] });
      const q = vanban(['verify', out, '-q']);
      expect([q.status, q.stdout]).toEqual([0, '']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
