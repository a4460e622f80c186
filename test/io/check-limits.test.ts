// `vanban check` against hostile files: zip bombs, damaged zips, FIFOs, and --fix onto a planted
// symlink. Each gets a Vietnamese message and nothing outside the checked file's folder changes.

import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { vanban } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanban-check-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanban check: giới hạn khi giải nén', () => {
  it('một phần giải nén ra 65 MB (bom nén): từ chối trước khi giải nén', () => {
    writeFileSync(join(dir, 'bom.docx'), zipSync({ 'word/document.xml': new Uint8Array(65 * 1024 * 1024) }, { level: 9 }));
    const run = vanban(['check', 'bom.docx'], dir);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('không đọc được tệp DOCX: phần "word/document.xml" giải nén ra 65 MB, quá giới hạn 64 MB (có thể là "bom nén")');
    expect(run.stdout + run.stderr).not.toContain('không phát hiện vấn đề');
  });

  it('tệp không phải ZIP: thông báo tiếng Việt thay cho "invalid zip data"', () => {
    writeFileSync(join(dir, 'hong.docx'), Buffer.from('đây không phải một tệp zip'.repeat(10)));
    const run = vanban(['check', 'hong.docx'], dir);
    expect(run.stdout + run.stderr).toContain('không đọc được tệp DOCX: tệp hỏng hoặc không phải DOCX (gói ZIP không hợp lệ)');
    expect(run.stdout + run.stderr).not.toMatch(/invalid zip/i);
  });

  it('một phần XML 40 MB (dưới giới hạn một phần, trên giới hạn XML): từ chối trước khi phân tích', () => {
    const xml = new TextEncoder().encode(`<w:document>${' '.repeat(40 * 1024 * 1024)}</w:document>`);
    writeFileSync(join(dir, 'xml-lon.docx'), zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': xml }, { level: 9 }));
    const run = vanban(['check', 'xml-lon.docx'], dir);
    expect(run.stdout + run.stderr).toContain('dài 40 MB, quá giới hạn 32 MB của một phần XML');
  });

  it('PDF hỏng: thông báo tiếng Việt', () => {
    writeFileSync(join(dir, 'hong.pdf'), '%PDF-1.7\nrác rưởi không phải PDF\n');
    const run = vanban(['check', 'hong.pdf'], dir);
    expect(run.stdout + run.stderr).toContain('không đọc được tệp PDF: tệp hỏng hoặc không phải PDF');
  });

  it('một FIFO tên .md: từ chối ngay, không treo', () => {
    execFileSync('mkfifo', [join(dir, 'ong.md')]);
    const run = vanban(['check', 'ong.md'], dir);
    expect(run.stdout + run.stderr).toContain('không đọc được tệp: tệp "ong.md" không phải một tệp thường');
  });
});

describe('vanban check --fix không ghi qua liên kết tượng trưng', () => {
  it('x.sua.md đã là liên kết tới tệp khác: liên kết bị thay bằng bản sửa, tệp kia giữ nguyên', () => {
    const victim = join(dir, 'nan-nhan.txt');
    writeFileSync(victim, 'giữ nguyên');
    writeFileSync(join(dir, 'x.md'), '# KẾ HOẠCH\n\nCông tác hoà giải và hòa giải ở cơ sở./.\n');
    symlinkSync(victim, join(dir, 'x.sua.md'));
    vanban(['check', '--fix', 'x.md'], dir);
    expect(readFileSync(victim, 'utf8')).toBe('giữ nguyên');
    expect(lstatSync(join(dir, 'x.sua.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'x.sua.md'), 'utf8')).toContain('hòa giải và hòa giải');
  });
});
