// A file of sample forms (the decree's Phụ lục III) checked sample by sample.

import { describe, expect, it } from 'vitest';
import { checkPath, formatFileReport } from '../../src/check/command.ts';
import { sampleLines, sampleRanges } from '../../src/check/samples.ts';
import { recipientsArchive } from '../../src/check/rules/recipients.ts';
import { vvForm } from '../../src/check/rules/cong-van.ts';
import { realPath, run, TODAY } from './helpers.ts';

const HEADER = ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe('samples', () => {
  it('cuts the lines at each "Mẫu …" heading, keeps the forms with a national header, and the first heading the recognizer blanked', () => {
    const lines = ['', ...HEADER, 'Nội dung;', 'Mẫu 1.2 - Quyết định', ...HEADER, 'Mẫu 2.1 - Phụ lục', 'Bảng', 'Mẫu 1.3 - Công văn', ...HEADER];
    const ranges = sampleRanges(lines, ['Mẫu 1.1 - Nghị quyết', ...lines]);
    expect(ranges.map((r) => [r.title, r.start, r.end])).toEqual([
      ['Mẫu 1.1 - Nghị quyết', -1, 5],
      ['Mẫu 1.2 - Quyết định', 5, 9],
      ['Mẫu 1.3 - Công văn', 11, 15],
    ]);
    // line numbers stay the file's: the other samples' lines are blanked
    expect(sampleLines(lines, ranges[1]!).map((l, i) => (l ? i : -1)).filter((i) => i >= 0)).toEqual([6, 7, 8]);
    expect(sampleRanges(HEADER)).toEqual([]);
  });

  it('checks each form of Phụ lục III on its own and finds the decree\'s own "CỘNG HOÀ" in Mẫu 1.6', async () => {
    const [r] = await checkPath(realPath('docx-phu-luc-iii-mau-nd30.docx'), { format: 'text', fix: false, today: TODAY }, '/');
    expect(r!.structure!.status).toBe('samples');
    expect(r!.findings).toEqual([]);
    const samples = r!.samples!;
    expect(samples.map((s) => s.title.replace(/ - .*$/u, ''))).toEqual(['Mẫu 1.1', 'Mẫu 1.2', 'Mẫu 1.3', 'Mẫu 1.4', 'Mẫu 1.5', 'Mẫu 1.6', 'Mẫu 1.7', 'Mẫu 1.8', 'Mẫu 1.9', 'Mẫu 1.10', 'Mẫu 3.1', 'Mẫu 3.2']);
    const cd = samples.find((s) => s.title.startsWith('Mẫu 1.6'))!;
    expect(cd.findings.map((f) => [f.rule, f.excerpt])).toEqual([['national-header', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']]);
    const text = formatFileReport(r!);
    expect(text).toContain('kiểm tra riêng từng mẫu có Quốc hiệu (12 mẫu)');
    expect(text).toMatch(/Mẫu 1\.6 - Công điện \(đoạn \d+\):\n {2}đoạn \d+ \[lỗi\] national-header/u);
  });

  it('takes the blanks of a form ("…6……….", "…9.") for blanks, not for punctuation (Phụ lục III, Mẫu 1.5 and 1.10)', () => {
    expect(run(vvForm, 'Số: …/…-…\nV/v …...…6………..')).toEqual([]);
    expect(run(recipientsArchive, 'Nơi nhận:\n- ………;\n- Lưu: VT,…9….')).toEqual([]);
    // the signature cell read between the label and the list (a DOCX table, Mẫu 1.6–1.8)
    expect(run(recipientsArchive, 'Nơi nhận:\n\nQUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ\n\n- ………;\n- Lưu: VT, …9. …10.')).toEqual([]);
  });
});
