// The live progress line: drawn on a terminal (the command run in a pseudo-terminal by `script`
// from util-linux), absent when the output is piped or with --quiet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, vanban } from './support/cli.ts';
import { ROOT } from './support/invalid-fixtures.ts';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
if (!hasScript && !required) console.warn('Bỏ qua kiểm thử dòng tiến độ: thiếu lệnh "script" (util-linux); đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi');

const out = mkdtempSync(join(tmpdir(), 'vanban-progress-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The command's output as a terminal receives it (stdout and stderr together). */
function inTerminal(args: string[]): { status: number | null; screen: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
  if (r.error) throw r.error;
  return { status: r.status, screen: r.stdout };
}

const LIVE = /\r\x1b\[2K\[\d+\/\d+\] \d+ trang · \d+,\d s/;

describe.runIf(hasScript || required)('dòng tiến độ', () => {
  it('on a terminal: a live line with done/total, pages and time, and one ✓ line per document', () => {
    const { status, screen } = inTerminal(['build', 'data', '--out', out, '--force']);
    expect(status).toBe(0);
    expect(screen).toMatch(LIVE);
    const n = Number(/Đã dựng (\d+) văn bản/.exec(screen)![1]);
    expect(n).toBeGreaterThan(2);
    expect(screen).toContain(`[${n}/${n}] `);
    expect(screen).toMatch(new RegExp(`\\[\\d+/${n}\\] \\d+ trang · \\d+,\\d s · còn khoảng \\d+,\\d s`));
    expect(screen.match(/(?:^|\x1b\[2K)✓ /gmu) ?? []).toHaveLength(n);
    // the live line is wiped before the summary, which stands on a clean line
    expect(screen).toMatch(/\r\x1b\[2KĐã dựng \d+ văn bản/);
  });

  it('on a terminal with --quiet: nothing live, nothing on stdout', () => {
    const { status, screen } = inTerminal(['build', 'data', '--out', out, '--force', '--quiet']);
    expect(status).toBe(0);
    expect(screen).not.toMatch(/\[\d+\/\d+\]/);
    expect(screen).not.toContain('✓');
  });

  it('derive on a terminal: a live line of provinces done, wiped before the summary; none with --quiet', () => {
    const args = ['derive', '--from', 'data/bo-tu-phap/thi-dua-2024', '--profile', 'profiles/2023-2024/an-giang.yaml', 'profiles/2023-2024/ninh-thuan.yaml', 'profiles/2023-2024/ha-noi.yaml', '--out', join(out, 'derived'), '--force'];
    const live = inTerminal(args);
    expect(live.status, live.screen).toBe(0);
    expect(live.screen).toMatch(/\r\x1b\[2K\[3\/3\] \d+,\d s/);
    expect(live.screen).toMatch(/Đã sinh dữ liệu 3 Kế hoạch/);
    const quiet = inTerminal([...args, '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.screen).not.toMatch(/\[\d+\/\d+\]/);
    const piped = vanban(args);
    expect(piped.stdout + piped.stderr).not.toMatch(/\x1b|\r|\[\d+\/\d+\]/);
  });

  it('piped: the ✓ lines and the summary only, no control characters', () => {
    const r = vanban(['build', 'data', '--out', out, '--force']);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^✓ /gmu) ?? []).toHaveLength(Number(/Đã dựng (\d+) văn bản/.exec(r.stdout)![1]));
    expect(r.stdout + r.stderr).not.toMatch(/\x1b|\r|\[\d+\/\d+\]/);
  });
});
