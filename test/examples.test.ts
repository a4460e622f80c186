// The samples of data/examples, built and read back: the PDF with pdfjs (and qpdf), the DOCX through
// LibreOffice (its PDF, its ODT) and its XML. What must show: the task table's header row on every page
// it spans, each phụ lục numbered from page 1, the cross-references in the decree's words in both
// files, the headings' outline in LibreOffice, and `vanban check` finding nothing wrong.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltDocument } from '../src/build.ts';
import { PAGE, mmToPt } from '../src/style/nd30.ts';
import { TASK_COLUMNS } from '../src/transform/campaign-plan.ts';
import { vanban } from './support/cli.ts';
import { docxConvert, docxToPdf, hasLibreOffice } from './support/libreoffice.ts';
import { bodyText, pdfPages, type PageText } from './support/pdf-text.ts';

const required = process.env.VANBAN_REQUIRE_TOOLS === '1';
const lo = hasLibreOffice();
const qpdf = spawnSync('qpdf', ['--version']).status === 0;

const TOP = mmToPt(PAGE.margin.topMm);
/** The number printed in the top margin of each page, or null. */
const printed = (pages: PageText[]) => pages.map((p) => p.items.find((i) => i.y < TOP && /^\d+$/.test(i.str.trim()))?.str.trim() ?? null);
const pageText = (p: PageText) => p.items.map((i) => i.str).join(' ').replace(/\s+/gu, ' ');

describe('the samples of data/examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-examples-'));
  let built: BuiltDocument[] = [];
  const byStem = (stem: string) => {
    const b = built.find((x) => x.stem.includes(stem));
    if (!b) throw new Error(`no ${stem} in ${built.map((x) => x.stem).join(', ')}`);
    return b;
  };

  beforeAll(async () => {
    const r = await build(['data/examples/phu-luc', 'data/examples/tham-chieu', 'data/examples/thi-dua-theo-dot'], { outDir: dir });
    expect(r.failed).toEqual([]);
    built = r.built;
  }, 120_000);

  it('builds the four samples', () => {
    expect(built.map((b) => b.stem).sort()).toEqual(['2024-03-20_15-KH-STP_so-tu-phap-ninh-thuan', '2024-03-25_18-KH-STP_so-tu-phap-ninh-thuan', '2024-03-25_19-KH-STP_so-tu-phap-ninh-thuan', '2024-04-02_36-QD-STP_so-tu-phap-ninh-thuan']);
  });

  /** Pages of the two phụ lục of the plan, and the task table's header on each page of Phụ lục II. */
  const expectAppendixPages = (pages: PageText[]) => {
    const starts = pages.flatMap((p, i) => (/^Phụ lục I{1,2}$/u.test(p.items.find((x) => x.str.trim().startsWith('Phụ lục'))?.str.trim() ?? '') && pageText(p).includes('(Kèm theo Kế hoạch số 15/KH-STP') ? [i] : []));
    expect(starts).toHaveLength(2);
    const [first, second] = starts as [number, number];
    const numbers = printed(pages);
    expect(numbers.slice(0, first)).toEqual([null, ...Array.from({ length: first - 1 }, (_, k) => String(k + 2))]);
    expect(numbers.slice(first, second)).toEqual([null, ...Array.from({ length: second - first - 1 }, (_, k) => String(k + 2))]);
    const tail = numbers.slice(second);
    expect(tail.length).toBeGreaterThanOrEqual(2);
    expect(tail).toEqual([null, ...Array.from({ length: tail.length - 1 }, (_, k) => String(k + 2))]);
    for (const p of pages.slice(second)) {
      expect(p.width).toBeGreaterThan(p.height); // landscape
      for (const column of TASK_COLUMNS.slice(0, 2)) expect(pageText(p), `trang ${p.pageNumber}`).toContain(column);
    }
    for (const p of pages.slice(first, second)) expect(p.width).toBeLessThan(p.height);
  };

  it('our PDF: phụ lục numbered from 1, Phụ lục II landscape with its header row on every page', async () => {
    const b = byStem('15-KH-STP');
    expectAppendixPages(await pdfPages(b.bytes.pdf));
  });

  it.runIf(qpdf || required)('our PDFs pass qpdf --check', () => {
    for (const b of built) execFileSync('qpdf', ['--check', b.pdf], { stdio: 'pipe' });
  });

  it.runIf(lo || required)('LibreOffice\'s rendering of the DOCX: the same pages, numbers and repeated header', async () => {
    const b = byStem('15-KH-STP');
    const theirs = await pdfPages(readFileSync(await docxToPdf(b.docx, join(dir, 'lo'))));
    expectAppendixPages(theirs);
    expect(theirs.length).toBe((await pdfPages(b.bytes.pdf)).length);
  }, 120_000);

  it('the DOCX marks the header row to repeat and rows not to split', () => {
    const xml = strFromU8(unzipSync(readFileSync(byStem('15-KH-STP').docx))['word/document.xml']!);
    expect(xml.match(/<w:tblHeader\/>/gu)?.length).toBeGreaterThanOrEqual(2);
    expect(xml.match(/<w:cantSplit\/>/gu)?.length).toBeGreaterThan(20);
  });

  it.runIf(lo || required)('cross-references in the decree\'s words, in the PDF and in the DOCX', async () => {
    const b = byStem('36-QD-STP');
    const words = ['theo điểm b khoản 2 Điều 2, kinh phí theo khoản 1 Điều 3', 'tại khoản 1 Điều 2', 'theo Phụ lục kèm theo Quyết định này'];
    const ours = bodyText(await pdfPages(b.bytes.pdf)).replace(/\s+/gu, ' ');
    const theirs = bodyText(await pdfPages(readFileSync(await docxToPdf(b.docx, join(dir, 'lo'))))).replace(/\s+/gu, ' ');
    for (const w of words) {
      expect(ours).toContain(w);
      expect(theirs).toContain(w);
    }
  }, 120_000);

  it('styles.xml: outline levels on the titled divisions, body text after them, no unused built-in styles', () => {
    const files = unzipSync(readFileSync(byStem('15-KH-STP').docx));
    const styles = strFromU8(files['word/styles.xml']!);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`, 'u').exec(styles)?.[1] ?? '';
    expect(style('VbPart')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('VbSection')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('VbSubsection')).toContain('<w:outlineLvl w:val="2"/>');
    expect(style('VbArticle')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('VbBody')).not.toContain('outlineLvl');
    for (const id of ['VbPart', 'VbSection', 'VbSubsection', 'VbArticle']) expect(style(id)).toContain('<w:next w:val="VbBody"/>');
    expect(style('VbBody')).toContain('<w:next w:val="VbBody"/>');
    const ids = [...styles.matchAll(/w:styleId="([^"]+)"/gu)].map((m) => m[1]!);
    for (const unused of ['Title', 'Heading1', 'Heading6', 'TOC1', 'Caption', 'Bibliography', 'ListParagraph', 'Hyperlink', 'Strong', 'LineNumber']) expect(ids).not.toContain(unused);
    expect(ids).toEqual(expect.arrayContaining(['Normal', 'TableNormal', 'VbBody']));
    // every style a part names is still there
    for (const [path, data] of Object.entries(files))
      if (path.endsWith('.xml')) for (const m of strFromU8(data).matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/gu)) expect(ids, `${path}: ${m[1]}`).toContain(m[1]);
  });

  it.runIf(lo || required)('LibreOffice reads the outline: parts at level 1, sections at level 2', async () => {
    const odt = unzipSync(readFileSync(await docxConvert(byStem('15-KH-STP').docx, join(dir, 'odt'), 'odt')));
    const content = strFromU8(odt['content.xml']!);
    const headings = [...content.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/gu)].map((m) => [Number(m[1]), m[2]!.replace(/<[^>]+>/gu, '').trim()]);
    expect(headings).toEqual([
      [1, 'I. MỤC ĐÍCH, YÊU CẦU'],
      [2, '1. Mục đích'],
      [2, '2. Yêu cầu'],
      [1, 'II. NỘI DUNG THỰC HIỆN'],
      [2, '1. Nhiệm vụ của các phòng, đơn vị'],
      [2, '2. Sơ kết, tổng kết'],
      [1, 'III. TỔ CHỨC THỰC HIỆN'],
    ]);
  }, 120_000);

  it('vanban check finds no error, warning or hint in any sample, its DOCX or its PDF', () => {
    const outputs = vanban(['check', ...built.flatMap((b) => [b.docx, b.pdf])]);
    expect(outputs.stdout).toContain(`Tổng cộng: ${built.length * 2} tệp; 0 lỗi, 0 cảnh báo, 0 gợi ý.`);
    expect(outputs.status).toBe(0);
    // the data: each YAML with its Markdown bodies (a body or a phụ lục's table alone is no document, exit 3 says so)
    const data = vanban(['check', 'data/examples']);
    expect(data.stdout).toMatch(/Tổng cộng: \d+ tệp; 0 lỗi, 0 cảnh báo, 0 gợi ý; \d+ tệp không có văn bản để kiểm tra\./u);
    expect(data.status).toBe(3);
  }, 120_000);
});
