// out/ under attack: SIGKILL at random points of a build, two builds at once, a document of another
// source with the same output name, planted symlinks, an --out that is a file, a damaged manifest.
// After each, `vanban verify` finds out/ consistent with its manifest.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY, DECISION, makeProject, treeHash } from '../support/project.ts';
import { vanban, vanbanAsync } from '../support/cli.ts';
import { docxToPdf, hasLibreOffice } from '../support/libreoffice.ts';
import { STAGING_PREFIX } from '../../src/io/staging.ts';
import { LOCK_FILE } from '../../src/io/lock.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const project = (files?: Record<string, string>) => {
  const d = makeProject(files);
  made.push(d);
  return d;
};
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;
const STACK = /^\s+at\s|node:internal|Error:|\bE[A-Z]{3,}\b/m;

describe('SIGKILL giữa lúc dựng', () => {
  it('20 lần giết ở các thời điểm ngẫu nhiên: verify luôn thấy out/ khớp bản kê, lần dựng sau dọn sạch', async () => {
    const dir = project({
      'data/a.yaml': DECISION,
      'data/b.yaml': DECISION.replace('so: 47', 'so: 48'),
      'data/noi-dung.md': BODY,
    });
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    let killedDuringWrite = 0;
    for (let i = 0; i < 20; i++) {
      // Every run writes new bytes, so a half-done replacement would show as a mismatch.
      writeFileSync(join(dir, 'data/noi-dung.md'), BODY.replace('Quy chế làm việc', `Quy chế làm việc lần ${i}`));
      const { child, done } = vanbanAsync(['build', 'data', '--force'], dir);
      if (i % 2 === 0) {
        // Aim at the write phase: kill as soon as the staging folder shows up.
        const out = join(dir, 'out');
        const started = Date.now();
        await new Promise<void>((resolve) => {
          const poll = () => {
            const staging = existsSync(out) && readdirSync(out).some((e) => e.startsWith(STAGING_PREFIX));
            if (staging || Date.now() - started > 20_000) {
              if (staging) killedDuringWrite++;
              setTimeout(() => (child.kill('SIGKILL'), resolve()), Math.random() * 3);
            } else setImmediate(poll);
          };
          poll();
        });
      } else setTimeout(() => child.kill('SIGKILL'), Math.random() * 2500);
      await done;
      const verify = vanban(['verify'], dir);
      expect(verify.stderr, `lần ${i}`).toBe('');
      expect(verify.status, `lần ${i}: ${verify.stdout}`).toBe(0);
      expect(verify.stdout).toMatch(/Đã kiểm 4 tệp: 4 khớp bản kê\./);
      // Only the killed build's lock may stay (stale: the next build takes it over at once).
      expect(readdirSync(join(dir, 'out')).filter((e) => e.startsWith('.') && e !== LOCK_FILE), 'verify dọn phần còn lại').toEqual([]);
    }
    expect(killedDuringWrite, 'một nửa số lần giết rơi vào lúc ghi').toBeGreaterThanOrEqual(5);
    const last = vanban(['build', 'data'], dir);
    expect(last.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2024-03-05_47-QD-BTP_bo-tu-phap.docx', '2024-03-05_47-QD-BTP_bo-tu-phap.pdf', '2024-03-05_48-QD-BTP_bo-tu-phap.docx', '2024-03-05_48-QD-BTP_bo-tu-phap.pdf', 'manifest.csv', 'manifest.json']);
  }, 240_000);
});

describe('hai lần dựng cùng lúc vào một out/', () => {
  it('lần sau chờ lần trước; bản kê có đủ văn bản của cả hai; mọi PDF qua qpdf --check, mọi DOCX mở được bằng LibreOffice', async () => {
    const dir = project({
      'mot/van-ban.yaml': DECISION,
      'mot/noi-dung.md': BODY,
      'hai/van-ban.yaml': DECISION.replace('so: 47', 'so: 52'),
      'hai/noi-dung.md': BODY,
    });
    const a = vanbanAsync(['build', 'mot', '--out', 'out'], dir);
    const b = vanbanAsync(['build', 'hai', '--out', 'out'], dir);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.status, rb.status]).toEqual([0, 0]);
    expect(ra.stderr + rb.stderr).not.toMatch(STACK);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { documents: { source: string }[] };
    expect(manifest.documents.map((d) => d.source).sort()).toEqual(['hai/van-ban.yaml', 'mot/van-ban.yaml']);
    expect(vanban(['verify'], dir).status).toBe(0);
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toEqual(['2024-03-05_47-QD-BTP_bo-tu-phap.docx', '2024-03-05_47-QD-BTP_bo-tu-phap.pdf', '2024-03-05_52-QD-BTP_bo-tu-phap.docx', '2024-03-05_52-QD-BTP_bo-tu-phap.pdf', 'manifest.csv', 'manifest.json']);
    if (hasQpdf || process.env.VANBAN_REQUIRE_TOOLS === '1')
      for (const pdf of files.filter((f) => f.endsWith('.pdf'))) execFileSync('qpdf', ['--check', join(dir, 'out', pdf)], { stdio: 'pipe' });
    else console.warn('Bỏ qua phần qpdf: không có qpdf (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');
    if (hasLibreOffice() || process.env.VANBAN_REQUIRE_TOOLS === '1')
      for (const docx of files.filter((f) => f.endsWith('.docx'))) expect(existsSync(await docxToPdf(join(dir, 'out', docx), join(dir, 'lo')))).toBe(true);
    else console.warn('Bỏ qua phần LibreOffice: không có soffice (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');
  }, 240_000);
});

describe('không văn bản nào ghi đè văn bản khác', () => {
  it('văn bản thứ hai cùng số, ký hiệu, ngày, dựng ở lần sau: lỗi, out/ giữ nguyên', () => {
    const dir = project({ 'mot/van-ban.yaml': DECISION, 'mot/noi-dung.md': BODY, 'hai/van-ban.yaml': DECISION, 'hai/noi-dung.md': BODY.replace('Quy chế', 'Điều lệ') });
    expect(vanban(['build', 'mot'], dir).status).toBe(0);
    const before = treeHash(join(dir, 'out'));
    const run = vanban(['build', 'hai'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('✗ hai/van-ban.yaml:1:1: trường "so": trùng tên tệp kết quả "2024-03-05_47-QD-BTP_bo-tu-phap" với mot/van-ban.yaml (cùng số, ký hiệu, ngày và cơ quan ban hành). Cách sửa: kiểm tra số văn bản');
    expect(treeHash(join(dir, 'out'))).toEqual(before);
  });

  it('tệp nguồn cũ đã xóa: văn bản mới được lấy tên đó, mục cũ bỏ khỏi bản kê', () => {
    const dir = project({ 'mot/van-ban.yaml': DECISION, 'mot/noi-dung.md': BODY, 'hai/van-ban.yaml': DECISION, 'hai/noi-dung.md': BODY });
    expect(vanban(['build', 'mot'], dir).status).toBe(0);
    rmSync(join(dir, 'mot'), { recursive: true });
    expect(vanban(['build', 'hai'], dir).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { documents: { source: string }[] };
    expect(manifest.documents.map((d) => d.source)).toEqual(['hai/van-ban.yaml']);
  });
});

describe('không ghi qua liên kết tượng trưng, không để tệp tạm đoán được', () => {
  it('out/<tên>.docx là liên kết tới tệp ngoài: liên kết bị thay, tệp ngoài không đổi', () => {
    const dir = project();
    const victim = join(dir, 'nan-nhan.txt');
    writeFileSync(victim, 'giữ nguyên');
    mkdirSync(join(dir, 'out'));
    symlinkSync(victim, join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.docx'));
    // Where the old writer put its temporary file: a planted link there must not be followed either.
    symlinkSync(victim, join(dir, `out/.2024-03-05_47-QD-BTP_bo-tu-phap.pdf.${process.pid}.tmp`));
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('giữ nguyên');
    expect(lstatSync(join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.docx')).isSymbolicLink()).toBe(false);
    expect(vanban(['verify'], dir).status).toBe(0);
  });
});

describe('lỗi môi trường ghi: tiếng Việt, mã thoát 2, không stack trace', () => {
  it('--out là một tệp', () => {
    const dir = project();
    writeFileSync(join(dir, 'out'), 'tệp');
    const run = vanban(['build', 'data', '--out', 'out'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr.trim()).toBe(`✗ không ghi được ${join(dir, 'out')}: đã có một tệp trùng tên; không có tệp nào được ghi`);
  });

  it('--root không có: lỗi dùng lệnh, mã thoát 2', () => {
    const dir = project();
    const run = vanban(['build', 'data', '--root', 'khong-co'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('lỗi: thư mục dự án --root "khong-co" không tồn tại hoặc không phải thư mục');
  });

  it('dữ liệu nằm ngoài --root: từ chối từng tệp', () => {
    const dir = project({ 'du-an/.giu': '', 'data/van-ban.yaml': DECISION, 'data/noi-dung.md': BODY });
    const run = vanban(['build', 'data', '--root', 'du-an'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('✗ ../data/van-ban.yaml:1:1: tệp dữ liệu nằm ngoài thư mục dự án, không được đọc. Cách sửa: chép tệp vào thư mục dự án, hoặc chỉ thư mục dự án bằng --root');
  });

  it('tên tệp kết quả đã là một thư mục: báo lỗi, tệp cũ và bản kê giữ nguyên', () => {
    const dir = project();
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    rmSync(join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.pdf'));
    mkdirSync(join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.pdf'));
    const before = treeHash(join(dir, 'out'));
    const run = vanban(['build', 'data', '--force'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr.trim()).toBe(`✗ không ghi được ${join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.pdf')}: đã có một thư mục trùng tên; các tệp kết quả và bản kê cũ được giữ nguyên`);
    expect(treeHash(join(dir, 'out'))).toEqual(before);
  });
});

describe('bản kê hỏng không làm vanban đổ vỡ', () => {
  for (const [name, text] of [
    ['mục null', '{"documents":[null]}'],
    ['mục thiếu inputs', '{"documents":[{"source":"data/van-ban.yaml","outputs":[]}]}'],
    ['không phải JSON', '{"documents":'],
    ['cơ quan là số', '{"documents":[{"source":"x","tool":"t","soKyHieu":null,"date":null,"kind":"quyet-dinh","docType":"d","subject":"s","issuer":42,"pages":1,"inputs":[],"outputs":[]}]}'],
    ['tên tệp có ".."', '{"documents":[{"source":"x","tool":"t","soKyHieu":null,"date":null,"kind":"quyet-dinh","docType":"d","subject":"s","issuer":"i","pages":1,"inputs":[],"outputs":[{"file":"../../etc/passwd","bytes":1,"sha256":"absent"}]}]}'],
  ] as const)
    it(`${name}: build, verify, archive báo bằng tiếng Việt`, () => {
      const dir = project();
      mkdirSync(join(dir, 'out'));
      writeFileSync(join(dir, 'out/manifest.json'), text);
      const verify = vanban(['verify'], dir);
      expect(verify.stderr).not.toMatch(STACK);
      expect([1]).toContain(verify.status);
      const archive = vanban(['archive', 'out', 'kho'], dir);
      expect(archive.stderr).not.toMatch(STACK);
      expect(archive.status).toBe(1);
      const build = vanban(['build', 'data'], dir);
      expect(build.stderr).not.toMatch(STACK);
      expect(build.status).toBe(0);
      if (name !== 'không phải JSON') expect(build.stderr).toBe('! bản kê manifest.json có 1 mục hỏng (thiếu trường hoặc sai kiểu); đã bỏ các mục đó khỏi bản kê\n');
      expect(vanban(['verify'], dir).status).toBe(0);
    });
});

describe('lưu trữ', () => {
  it('thiếu PDF, kho là một tệp, cơ quan ".."', () => {
    const dir = project();
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    writeFileSync(join(dir, 'kho-tep'), 'x');
    const file = vanban(['archive', 'out', 'kho-tep'], dir);
    expect(file.status).toBe(2);
    expect(file.stderr.trim()).toBe('✗ không ghi được vào kho kho-tep: đây là một tệp, không phải thư mục; không có gì được ghi');
    const m = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { documents: { issuer: string; issuerSlug?: string }[] };
    m.documents[0]!.issuer = '..';
    delete m.documents[0]!.issuerSlug; // as in a manifest of an older vanban: the folder comes from the issuer's name
    writeFileSync(join(dir, 'out/manifest.json'), JSON.stringify(m));
    const climb = vanban(['archive', 'out', 'kho'], dir);
    expect(climb.status).toBe(0);
    expect(climb.stdout).toContain('+ 2024/khong-ro/2024-03-05_47-QD-BTP_bo-tu-phap.pdf');
    rmSync(join(dir, 'out/2024-03-05_47-QD-BTP_bo-tu-phap.pdf'));
    const missing = vanban(['archive', 'out', 'kho2'], dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('✗ 2024-03-05_47-QD-BTP_bo-tu-phap.pdf: thiếu tệp trong out (bản kê có ghi); chạy lại "vanban build"');
  });
});

describe('lưu trữ không ghi qua liên kết', () => {
  it('kho/<năm> là liên kết chỉ ra ngoài kho: báo lỗi, không ghi gì ra ngoài', () => {
    const dir = project();
    expect(vanban(['build', 'data'], dir).status).toBe(0);
    mkdirSync(join(dir, 'kho'));
    mkdirSync(join(dir, 'ngoai'));
    symlinkSync(join(dir, 'ngoai'), join(dir, 'kho/2024'));
    const run = vanban(['archive', 'out', 'kho'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('✗ 2024/bo-tu-phap: thư mục trong kho là liên kết tượng trưng, không ghi qua nó');
    expect(readdirSync(join(dir, 'ngoai'))).toEqual([]);
  });
});

describe('ống dẫn bị đóng (| head)', () => {
  it('vanban build | head -c 5: thoát êm với mã 0, không in lỗi', () => {
    const dir = project();
    const bin = JSON.stringify(join(process.cwd(), 'bin/vanban.js'));
    const r = spawnSync('bash', ['-c', `node ${bin} build data | head -c 5; echo " \${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✓ d 0\n');
  });
});
