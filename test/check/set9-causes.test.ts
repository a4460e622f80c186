// The general causes behind set 9's false layout findings (Lào Cai 2026, held-out real DOCX, judged by reading each
// file's XML): each shown on a real document of the set, with the finding still made where the defect is real.

import { describe, expect, it } from 'vitest';
import { checkPath, type FileReport } from '../../src/check/command.ts';
import { realPath, TODAY } from './helpers.ts';

const report = async (name: string): Promise<FileReport> => (await checkPath(realPath(name), { format: 'json', fix: false, today: TODAY }, process.cwd()))[0]!;
const of = (r: FileReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.where} ${f.message}`);

describe('set 9 causes', () => {
  it('reads the issuer over the rows of a header typed one row a line (UBND TỈNH | Quốc hiệu, then SỞ | Tiêu ngữ)', async () => {
    // "UBND TỈNH LÀO CAI" (the parent body, not bold) in row 1; "SỞ CÔNG THƯƠNG" (bold) in row 2
    for (const name of ['docx-cong-van-3155-sct-cn-2026-lao-cai.docx', 'docx-quyet-dinh-3770-qd-sct-2026-lao-cai.docx']) expect(of(await report(name), 'issuer').filter((x) => x.includes('chưa in đậm'))).toEqual([]);
    // the issuer's 14 pt is still told (Phụ lục I asks 12–13)
    expect(of(await report('docx-cong-van-khong-so-sct-2026-lao-cai-cuc-hoa-chat.docx'), 'issuer').some((x) => x.includes('14'))).toBe(true);
  });

  it('judges only the footers and headers the pages show (an "even" footer without w:evenAndOddHeaders shows on none)', async () => {
    const file = 'docx-cong-van-khong-so-sct-2026-lao-cai-phuc-loc.docx';
    const r = await report(file);
    expect(of(r, 'page-number-style').filter((x) => x.includes('chân trang'))).toEqual([]);
    // its default header does carry the page number, in .VnTime: that is still said
    expect(r.findings.some((f) => f.rule === 'font-family' && f.excerpt === '.VnTime')).toBe(true);
  });

  it('does not judge the slant of punctuation alone: the ":" after "Nơi nhận", the "-" of an item, the ";" between căn cứ', async () => {
    const bao = await report('docx-bao-cao-khong-so-dkt-sct-2026-lao-cai.docx');
    expect(of(bao, 'recipients-label').filter((x) => x.includes('nghiêng'))).toEqual([]);
    expect(of(bao, 'recipients-items').filter((x) => x.includes('nghiêng'))).toEqual([]);
    expect(of(await report('docx-quyet-dinh-khong-so-ubnd-2026-lao-cai-hom-duoi.docx'), 'can-cu-italic')).toEqual([]);
    // the label's size is still told (14 pt where Phụ lục I asks 12)
    expect(of(await report('docx-cong-van-khong-so-sct-2026-lao-cai-cuc-hoa-chat.docx'), 'recipients-label').some((x) => x.includes('14 pt'))).toBe(true);
  });

  it('takes a negative indent as deep as a table cell\'s margin for a dash at the cell\'s edge', async () => {
    for (const name of ['docx-quyet-dinh-khong-so-ubnd-2025-lao-cai-uy-quyen.docx', 'docx-quyet-dinh-khong-so-ubnd-2026-lao-cai-hom-duoi.docx']) expect(of(await report(name), 'recipients-items').filter((x) => x.includes('lùi vào'))).toEqual([]);
  });
});
