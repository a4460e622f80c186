import { describe, expect, it } from 'vitest';
import { plainLines, stripMarkdown } from '../../src/check/plain.ts';

describe('plainLines', () => {
  it('blanks the web page’s debris and drawn rules, keeping one line per line', () => {
    const lines = plainLines('Hệ thống pháp luật\nĐang tải nội dung, vui lòng chờ giây lát...\n\nBỘ TƯ PHÁP\n--------\n\u00a0\nSố: 244/QĐ-BTP   ');
    expect(lines).toEqual(['', '', '', 'BỘ TƯ PHÁP', '', '', 'Số: 244/QĐ-BTP']);
  });

  it('removes Markdown headings, bold and italics', () => {
    expect(stripMarkdown('### **Phát động “Đoàn kết” năm 2023**')).toBe('Phát động “Đoàn kết” năm 2023');
    expect(stripMarkdown('phong trào “*Ngành Tư pháp chung tay*” giai đoạn')).toBe('phong trào “Ngành Tư pháp chung tay” giai đoạn');
    expect(stripMarkdown('#### **I. MỤC ĐÍCH, YÊU CẦU**')).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(stripMarkdown('- Lưu: VT, VP. TN')).toBe('- Lưu: VT, VP. TN');
    expect(stripMarkdown('2 * 3 = 6')).toBe('2 * 3 = 6');
  });

  it('keeps the characters as typed', () => {
    const nfd = 'Tư pháp'.normalize('NFD');
    expect(plainLines(nfd)).toEqual([nfd]);
  });
});
