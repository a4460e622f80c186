import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/finding.ts';
import { formatJson, formatReport, summaryLine } from '../../src/check/report.ts';
import { RULES, checkLines, checkText, fixText } from '../../src/check/text.ts';
import { TODAY } from './helpers.ts';

const DOC = `BỘ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/QĐ-BTP

Hà Nội, ngày 5 tháng 3 năm 2024

QUYẾT ĐỊNH

Căn cứ Nghị định 98/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;

Điều 1. Công tác hoà giải và hòa giải ở cơ sở.

Điều 2. Hiệu lực kể từ ngày ký./.

Nơi nhận:
- Như Điều 2,
- Lưu: VT, TCCB

BỘ TRƯỞNG`;

describe('checkText', () => {
  it('runs every rule and sorts findings by line', () => {
    const fs = checkText(DOC, 'qd.txt', { today: TODAY });
    expect(fs.map((f) => `${f.line} ${f.rule}`)).toEqual([
      '5 date-line-zero',
      '9 citation-year',
      '11 tone-mixed',
      '16 recipients-punct',
      '17 recipients-punct',
    ]);
  });

  it('gives every rule an id, a one-line source and a title', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
      expect(r.source).not.toContain('\n');
      expect(r.source.length).toBeGreaterThan(10);
      expect(r.title.length).toBeGreaterThan(5);
    }
  });

  it('uses the clock only when no day is given', () => {
    const line = ['Hà Nội, ngày 01 tháng 01 năm 2999'];
    expect(checkLines(line, 'x').map((f) => f.rule)).toEqual(['date-line-future']);
    expect(checkLines(line, 'x', { today: new Date(2999, 0, 1) })).toEqual([]);
  });
});

describe('fixText', () => {
  it('applies the safe fixes only, to a copy, and lists them', () => {
    const input = DOC.replace('Bộ', 'Bộ').replace('BỘ TƯ PHÁP', 'BỘ TƯ PHÁP'.normalize('NFD'));
    const fs = checkText(input, 'qd.txt', { today: TODAY });
    const { text, changes } = fixText(input, fs);
    expect(changes).toEqual([
      'dòng 1 [nfc]: chuyển sang Unicode dựng sẵn (NFC)',
      'dòng 5 [date-line-zero]: "5 tháng 3 năm 2024" → "05 tháng 3 năm 2024"',
      'dòng 11 [tone-mixed]: "hoà" → "hòa"',
      'dòng 16 [recipients-punct]: "- Như Điều 2," → "- Như Điều 2;"',
      'dòng 17 [recipients-punct]: "- Lưu: VT, TCCB" → "- Lưu: VT, TCCB."',
    ]);
    expect(text).toContain('BỘ TƯ PHÁP\n');
    expect(text).toContain('Hà Nội, ngày 05 tháng 3 năm 2024');
    expect(text).toContain('Công tác hòa giải và hòa giải');
    expect(text).toContain('Nghị định 98/NĐ-CP'); // not a safe fix: left for a person
    expect(text).toMatch(/- Như Điều 2;\n- Lưu: VT, TCCB\.\n/u);
    expect(checkText(text, 'qd.txt', { today: TODAY }).map((f) => f.rule)).toEqual(['citation-year']);
  });

  it('composes a decomposed line before fixing the tone marks in it', () => {
    const input = `CỘNG HÒA\n${'Sở Tư pháp: công tác hoà giải'.normalize('NFD')}`;
    const { text, changes } = fixText(input, checkText(input, 'x.txt', { today: TODAY }));
    expect(text).toBe('CỘNG HÒA\nSở Tư pháp: công tác hòa giải');
    expect(changes).toEqual(['dòng 2 [nfc]: chuyển sang Unicode dựng sẵn (NFC)', 'dòng 2 [tone-mixed]: "hoà" → "hòa"']);
  });

  it('keeps CRLF line ends and Markdown markup around a fixed line', () => {
    const input = '### **Nơi nhận:**\r\n- Bộ trưởng\r\n- Lưu: VT, VP. TN\r\n';
    const { text } = fixText(input, checkText(input, 'k.md', { today: TODAY }));
    expect(text).toBe('### **Nơi nhận:**\r\n- Bộ trưởng;\r\n- Lưu: VT, VP. TN.\r\n');
  });

  it('says when a fix cannot be placed', () => {
    const f: Finding = { rule: 'tone-mixed', severity: 'cảnh báo', line: 1, excerpt: 'hoà', message: '', replacement: { from: 'hoà', to: 'hòa' } };
    expect(fixText('không có', [f]).changes).toEqual(['dòng 1 [tone-mixed]: không sửa được, không tìm thấy "hoà"']);
  });
});

describe('report', () => {
  const fs = checkText(DOC, 'qd.txt', { today: TODAY });

  it('writes one block per finding and a summary line', () => {
    const report = formatReport('qd.txt', fs);
    expect(report.split('\n')[0]).toBe('qd.txt:');
    expect(report).toContain('dòng 9 [lỗi] citation-year: "Nghị định 98/NĐ-CP" — Nghị định là văn bản quy phạm pháp luật');
    expect(report).toContain('  Sửa: ghi "Nghị định số 98/2023/NĐ-CP"');
    expect(report).toContain('  Nguồn: Luật Ban hành VBQPPL 2015, Điều 8');
    expect(report.trimEnd().split('\n').at(-1)).toBe('4 lỗi, 1 cảnh báo, 0 gợi ý');
    expect(summaryLine([])).toBe('0 lỗi, 0 cảnh báo, 0 gợi ý');
    expect(formatReport('x.txt', [])).toBe('x.txt:\nkhông phát hiện vấn đề nào\n0 lỗi, 0 cảnh báo, 0 gợi ý\n');
    expect(formatReport('x.docx', fs, { unit: 'đoạn' })).toContain('đoạn 9 [lỗi]');
  });

  it('writes JSON with the summary and each finding’s source', () => {
    const json = JSON.parse(formatJson('qd.txt', fs)) as { file: string; summary: Record<string, number>; findings: (Finding & { source: string })[] };
    expect(json.file).toBe('qd.txt');
    expect(json.summary).toEqual({ lỗi: 4, 'cảnh báo': 1, 'gợi ý': 0 });
    expect(json.findings[0]).toMatchObject({ rule: 'date-line-zero', line: 5, severity: 'lỗi' });
    expect(json.findings[0]!.source).toContain('II.4');
  });
});
