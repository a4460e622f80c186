// The real `vanban` command, run as a child process: invalid input stops that document with its
// Vietnamese error line, exits 1, and leaves the output folder without any new or half-written
// file for it; valid documents of the same run are still written; help and errors are Vietnamese.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, expected, FIXTURES, ROOT } from './support/invalid-fixtures.ts';

const BIN = join(ROOT, 'bin/vanban.js');

const TMP = mkdtempSync(join(tmpdir(), 'vanban-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function vanban(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` (relative paths, sorted); [] when `dir` does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('✗ '));
const STACK = /^\s+at\s|node:internal|Error:|EISDIR|ENOENT/m;

describe('vanban build với dữ liệu lỗi', () => {
  it('mọi tệp lỗi mẫu trong một lần chạy: mã thoát 1, đúng từng dòng lỗi, không ghi tệp nào', () => {
    const out = join(TMP, 'tat-ca', 'out');
    const run = vanban(['build', ...CASES.map((c) => `test/fixtures/invalid/${c}`), '--out', out]);
    expect(run.stderr, 'không được văng lỗi kèm stack trace').not.toMatch(STACK);
    expect(run.status).toBe(1);
    const lines = errorLines(run.stderr);
    const missing = CASES.filter((c) => !lines.includes(`✗ ${expected(c)}`)).map((c) => `${c}: ${expected(c)}`);
    expect(missing, `dòng lỗi đã in:\n${lines.join('\n')}`).toEqual([]);
    expect(lines, 'mỗi văn bản lỗi được báo đúng một lần').toHaveLength(CASES.length);
    expect(filesUnder(join(TMP, 'tat-ca')), 'không có tệp kết quả hay tệp tạm nào').toEqual([]);
    expect(run.stdout).toMatch(new RegExp(`Đã dựng 0 văn bản .*${CASES.length} văn bản lỗi, không ghi tệp nào cho chúng\\.`));
  });

  it('một thư mục lỗi: dòng lỗi đầu tiên đúng như expected.txt, thư mục kết quả trống', () => {
    const name = 'ngay-khong-co-that';
    const out = join(TMP, 'mot', 'out');
    const run = vanban(['build', `test/fixtures/invalid/${name}`, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr.split('\n')[0]).toBe(`✗ ${expected(name)}`);
    expect(filesUnder(join(TMP, 'mot'))).toEqual([]);
  });
});

describe('vanban build: văn bản đúng vẫn được ghi, văn bản lỗi không để lại gì', () => {
  // cwd is a project folder of its own: data/ holds one valid document (the sample decision and
  // its plan) and one invalid document.
  const project = join(TMP, 'du-an');
  const out = join(project, 'out');
  const GOOD = ['2024-02-29_244-QD-BTP_bo-tu-phap.docx', '2024-02-29_244-QD-BTP_bo-tu-phap.pdf'];
  const MANIFEST = ['manifest.csv', 'manifest.json'];
  const bad = 'ngay-khong-co-that';
  const badLine = () => `✗ ${expected(bad).replace(`test/fixtures/invalid/${bad}/`, 'data/loi/')}`;

  it('một văn bản đúng và một văn bản lỗi: mã thoát 1, chỉ có DOCX và PDF của văn bản đúng', () => {
    cpSync(join(ROOT, 'data/bo-tu-phap/thi-dua-2024'), join(project, 'data/thi-dua-2024'), { recursive: true });
    cpSync(join(FIXTURES, bad), join(project, 'data/loi'), { recursive: true });
    rmSync(join(project, 'data/loi/expected.txt'));

    const run = vanban(['build', 'data', '--out', 'out'], project);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr)).toEqual([badLine()]);
    expect(run.stdout).toContain('✓ data/thi-dua-2024/quyet-dinh.yaml');
    expect(run.stdout).toMatch(/Đã dựng 1 văn bản vào out\/ .*; 1 văn bản lỗi, không ghi tệp nào cho chúng\./);
    // The good document's pair, and the manifest that lists it (and nothing for the bad one).
    expect(filesUnder(out)).toEqual([...GOOD, ...MANIFEST].sort());
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toContain('data/loi');
    const docx = readFileSync(join(out, GOOD[0]!));
    const pdf = readFileSync(join(out, GOOD[1]!));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
  });

  it('kết quả cũ còn đó, dữ liệu sau đó bị sửa hỏng: kết quả cũ giữ nguyên từng byte', () => {
    const before = new Map([...GOOD, ...MANIFEST].map((f) => [f, { bytes: readFileSync(join(out, f)), mtime: statSync(join(out, f)).mtimeMs }]));
    expect(before.size, 'cần kết quả của lần chạy trước').toBe(4);
    const yamlPath = join(project, 'data/thi-dua-2024/quyet-dinh.yaml');
    const source = readFileSync(yamlPath, 'utf8');
    expect(source).toContain('ngay: 2024-02-29\n');
    writeFileSync(yamlPath, source.replace('ngay: 2024-02-29\n', 'ngay: 2024-02-30\n'));

    const run = vanban(['build', 'data/thi-dua-2024', '--out', 'out'], project);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(1);
    const line = source.split('\n').findIndex((l) => l.startsWith('ngay:')) + 1;
    expect(errorLines(run.stderr)).toEqual([`✗ data/thi-dua-2024/quyet-dinh.yaml:${line}:1: trường "ngay": ngày không có thật trên lịch: 2024-02-30`]);
    expect(filesUnder(out), 'không thêm tệp, không sót tệp tạm').toEqual([...GOOD, ...MANIFEST].sort());
    for (const [f, { bytes, mtime }] of before) {
      expect(readFileSync(join(out, f)).equals(bytes), `${f} giữ nguyên từng byte`).toBe(true);
      expect(statSync(join(out, f)).mtimeMs, `${f} không bị ghi lại`).toBe(mtime);
    }
  });
});

describe('vanban: trợ giúp và lỗi dòng lệnh bằng tiếng Việt', () => {
  // Commander's own English must not reach the user.
  const ENGLISH = /\b(Usage|Options|Commands|Arguments|options|command|default|error|unknown|argument|display help)\b/;

  it('--help in trợ giúp tiếng Việt, mã thoát 0', () => {
    const run = vanban(['--help'], TMP);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Cách dùng:');
    expect(run.stdout).toContain('Tùy chọn:');
    expect(run.stdout).toContain('Lệnh:');
    expect(run.stdout).toContain('build');
    expect(run.stdout).not.toMatch(ENGLISH);
    expect(run.stderr).toBe('');
  });

  it('build --help in trợ giúp của lệnh bằng tiếng Việt, kể cả giá trị mặc định', () => {
    const run = vanban(['build', '--help'], TMP);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Cách dùng:');
    expect(run.stdout).toContain('Tùy chọn:');
    expect(run.stdout).toContain('--out');
    expect(run.stdout).toMatch(/mặc định/);
    expect(run.stdout).not.toMatch(ENGLISH);
  });

  // Bad usage exits 2 (bad input is 1), so a script can tell the two apart.
  it('tùy chọn không có: báo lỗi tiếng Việt, mã thoát 2, không dựng gì', () => {
    const cwd = join(TMP, 'tuy-chon');
    cpSync(join(FIXTURES, 'ngay-khong-co-that'), join(cwd, 'data'), { recursive: true });
    const run = vanban(['build', '--khong-co'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('lỗi: không có tùy chọn "--khong-co"');
    expect(run.stdout).toBe('');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
