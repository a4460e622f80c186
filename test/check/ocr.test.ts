// `vanban check` on a scanned PDF: read by OCR (Tesseract, Vietnamese) when it is installed, the header
// as printed, the same findings as the text PDF of the same pages, each one severity lower; with
// --no-ocr, the scan is reported as unreadable with its own exit code. The scans are made from a real
// PDF (the decree itself, as LibreOffice prints its DOCX) by drawing its pages to pictures.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPath, NOT_A_DOCUMENT_EXIT, type FileReport } from '../../src/check/command.ts';
import { SEVERITIES } from '../../src/check/finding.ts';
import { listDashes, ocrEngine, ocrPdf, pointMarkers } from '../../src/check/ocr.ts';
import { vanban } from '../support/cli.ts';
import { scanOf } from '../support/scan-pdf.ts';
import { realPath, TODAY } from './helpers.ts';

const SCANS = realPath('scans/');

/** What a person read on page 1 of each real scan (scans/PROVENANCE.md): the printed header lines, by file. */
function transcriptions(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let file = '';
  for (const line of readFileSync(join(SCANS, 'PROVENANCE.md'), 'utf8').split('\n')) {
    const heading = /^## (scan-.+\.pdf)$/u.exec(line);
    if (heading) out.set((file = heading[1]!), []);
    const row = /^\| (issuing body|national header|tên loại|trích yếu) \| (.+) \|$/u.exec(line);
    if (file && row && !row[2]!.startsWith('none')) out.get(file)!.push(...row[2]!.split(' / ').map((x) => x.trim()));
  }
  return out;
}

/** 1 − edit distance / length: how close `read` is to `truth`, letter by letter. */
function likeness(truth: string, read: string): number {
  const a = [...truth];
  const b = [...read];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return Math.max(0, 1 - row[b.length]! / a.length);
}

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const engine = ocrEngine();
if (!engine && !required) console.warn('Bỏ qua kiểm thử OCR: chưa cài tesseract-ocr, tesseract-ocr-vie, poppler-utils (đặt VANBAN_REQUIRE_TOOLS=1 để coi là lỗi)');

const DECREE = realPath('pdf-nghi-dinh-30-2020-nd-cp.pdf');
const PAGES = 4;
const check = async (path: string) => (await checkPath(path, { format: 'json', fix: false, today: TODAY }, process.cwd()))[0]!;
const words = (text: string) => text.split(/\s+/u).filter((w) => /\p{L}|\d/u.test(w));

describe('point markers read by OCR', () => {
  it('reads "d)" or "đ)" as the points around it say, and leaves every other line as read', () => {
    expect(pointMarkers(['c) Một', 'đ) Hai', 'đ) Ba', 'e) Bốn'])).toEqual(['c) Một', 'd) Hai', 'đ) Ba', 'e) Bốn']);
    expect(pointMarkers(['c) Một', 'd) Hai', 'd) Ba'])).toEqual(['c) Một', 'd) Hai', 'đ) Ba']);
    expect(pointMarkers(['đ) Một', 'a) Hai', 'b) Ba'])).toEqual(['đ) Một', 'a) Hai', 'b) Ba']);
    expect(pointMarkers(['Số: 30/2020/NĐ-CP', 'd)ấu'])).toEqual(['Số: 30/2020/NĐ-CP', 'd)ấu']);
  });
});

describe('list lines read by OCR', () => {
  it('gives back the dash Tesseract reads as a tilde or a quote among list lines, and a Nơi nhận label that lost "Nơi"', () => {
    expect(listDashes(['nhận:', '-Bộ Thông tin và Truyền thông;', '~Tỉnh ủy, HĐND, UBND tỉnh;', '“Các Sở, ban, ngành;', '-Lưu VT, VP.'])).toEqual(['Nơi nhận:', '-Bộ Thông tin và Truyền thông;', '-Tỉnh ủy, HĐND, UBND tỉnh;', '-Các Sở, ban, ngành;', '-Lưu VT, VP.']);
    // a quotation that opens a paragraph is no list line
    expect(listDashes(['Căn cứ Luật Thi đua;', '“Kỷ cương, trách nhiệm” là chủ đề.'])).toEqual(['Căn cứ Luật Thi đua;', '“Kỷ cương, trách nhiệm” là chủ đề.']);
  });
});

describe.runIf(engine || required)('vanban check on a scanned PDF', () => {
  let dir: string;
  let scan: string;
  let text: FileReport;
  let scanned: FileReport;
  let o: Awaited<ReturnType<typeof ocrPdf>>;

  beforeAll(async () => {
    if (!engine) throw new Error('VANBAN_REQUIRE_TOOLS=1 nhưng chưa cài OCR (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)');
    dir = mkdtempSync(join(tmpdir(), 'vanban-ocr-test-'));
    scan = join(dir, 'nghi-dinh-30-ban-quet.pdf');
    writeFileSync(scan, scanOf(DECREE, 1, PAGES));
    expect(execFileSync('pdftotext', [scan, '-'], { encoding: 'utf8' }).trim()).toBe('');
    [text, scanned, o] = await Promise.all([check(DECREE), check(scan), ocrPdf(readFileSync(scan), PAGES)]);
  }, 180_000);

  it('reads the header as printed, left column first, and nearly every word of the text', () => {
    expect(o.pages).toBe(PAGES);
    const head = o.lines.slice(0, 12);
    for (const line of ['CHÍNH PHỦ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 30/2020/NĐ-CP', 'Hà Nội, ngày 05 tháng 3 năm 2020', 'NGHỊ ĐỊNH', 'Về công tác văn thư']) expect(head).toContain(line);
    expect(head.indexOf('Số: 30/2020/NĐ-CP')).toBeLessThan(head.indexOf('Hà Nội, ngày 05 tháng 3 năm 2020'));
    // Words of the text layer of the same pages that OCR read exactly, counted with their repeats.
    const truth = words(execFileSync('pdftotext', ['-f', '1', '-l', String(PAGES), DECREE, '-'], { encoding: 'utf8' }));
    const read = new Map<string, number>();
    for (const w of words(o.lines.join(' '))) read.set(w, (read.get(w) ?? 0) + 1);
    let hits = 0;
    for (const w of truth) if ((read.get(w) ?? 0) > 0) (hits++, read.set(w, read.get(w)! - 1));
    console.log(`OCR (${o.engine}): ${hits} of ${truth.length} words of the text layer read exactly (${((hits / truth.length) * 100).toFixed(1)} %)`);
    expect(hits / truth.length).toBeGreaterThanOrEqual(0.97);
  });

  it('checks it as a document and finds what the text PDF shows on those pages, each one severity lower', () => {
    expect(scanned.ocr).toEqual({ engine, pages: PAGES, total: PAGES });
    expect(scanned.structure!.status).toBe('document');
    const onPages = text.findings.filter((f) => Number(/^trang (\d+),/u.exec(f.where)?.[1]) <= PAGES);
    expect(onPages.length).toBeGreaterThan(0);
    const key = (f: { rule: string; excerpt: string }) => `${f.rule} ${f.excerpt}`;
    expect(scanned.findings.map(key)).toEqual(onPages.map(key));
    for (const [i, f] of scanned.findings.entries()) {
      expect(SEVERITIES.indexOf(f.severity)).toBe(Math.min(SEVERITIES.indexOf(onPages[i]!.severity) + 1, SEVERITIES.length - 1));
      expect(f.message).toContain('chữ nhận dạng bằng OCR');
    }
  });

  it('reads the printed header of five real scans close to what a person reads there', async () => {
    const read = transcriptions();
    expect([...read.keys()].length).toBe(5);
    const scores: number[] = [];
    await Promise.all(
      [...read].map(async ([file, truth]) => {
        expect(truth.length).toBeGreaterThanOrEqual(5);
        const o = await ocrPdf(readFileSync(join(SCANS, file)), 1);
        const best = truth.map((t) => Math.max(...o.lines.map((l) => likeness(t, l))));
        console.log(`OCR ${file}: ${best.map((x) => x.toFixed(2)).join(' ')}`);
        scores.push(...best);
      }),
    );
    const mean = scores.reduce((x, y) => x + y, 0) / scores.length;
    console.log(`OCR, real scans, printed header lines: mean likeness ${(mean * 100).toFixed(1)} % over ${scores.length} lines; ${scores.filter((x) => x === 1).length} read exactly`);
    expect(mean).toBeGreaterThanOrEqual(0.85);
    // The skewed one is still read as a document, with its Nơi nhận.
    const r = await check(join(SCANS, 'scan-thong-bao-666-tb-stttt-ben-tre-2011.pdf'));
    expect(r.structure!.status).toBe('document');
    expect(r.findings.some((f) => f.rule === 'recipients-dash')).toBe(true);
    // A scan published with a digital signature: the stamp's words are no text of the page; the page is read by OCR.
    const signed = join(SCANS, 'scan-quyet-dinh-01-2025-qd-ttg-ky-so.pdf');
    expect(execFileSync('pdftotext', [signed, '-'], { encoding: 'utf8' })).toContain('Thời gian ký');
    const s = await check(signed);
    expect(s.ocr?.pages).toBe(2);
    expect(s.structure!.status).toBe('document');
  }, 240_000);

  it('reads a page of the largest size a PDF allows (200 × 200 inches) by OCR, drawn at a lower resolution (at 200 dpi its picture would take 1.6 GB)', async () => {
    const huge = join(dir, 'trang-khong-lo.pdf');
    writeFileSync(huge, scanOf(DECREE, 1, 1, 150, [14_400, 14_400]));
    const r = await check(huge);
    expect(r.error).toBeUndefined();
    expect(r.ocr?.pages).toBe(1);
  }, 120_000);

  it('says so from the CLI, in text and JSON, and with --no-ocr reports the scan unreadable (exit 3)', () => {
    const one = join(dir, 'trang-1.pdf');
    writeFileSync(one, scanOf(DECREE, 1, 1));
    const plain = vanban(['check', one]);
    expect(plain.stdout).toContain('chữ được nhận dạng bằng OCR (Tesseract');
    expect(plain.status).toBe(0);
    const json = JSON.parse(vanban(['check', '--json', one]).stdout) as { files: { status: string; ocr: { pages: number } | null }[] };
    expect(json.files[0]!.status).toBe('document');
    expect(json.files[0]!.ocr!.pages).toBe(1);
    const off = vanban(['check', '--no-ocr', one]);
    expect(off.stdout).toContain('PDF không có lớp chữ (bản quét, chỉ có ảnh)');
    expect(off.status).toBe(NOT_A_DOCUMENT_EXIT);
  }, 120_000);
});
