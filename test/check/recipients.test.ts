import { describe, expect, it } from 'vitest';
import { recipientBlocks, recipientsArchive, recipientsDash, recipientsPunctuation } from '../../src/check/rules/recipients.ts';
import { brief, run } from './helpers.ts';

const GOOD = `Nơi nhận:
- Như Điều 3;
- Bộ trưởng (để báo cáo);
- Lưu: VT, Vụ TCCB.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG`;

describe('Nơi nhận', () => {
  it('accepts the decree’s form, with or without a blank line after the label', () => {
    for (const rule of [recipientsDash, recipientsPunctuation, recipientsArchive]) {
      expect(run(rule, GOOD)).toEqual([]);
      expect(run(rule, GOOD.replace('Nơi nhận:\n', '### **Nơi nhận:**\n\n'))).toEqual([]);
    }
  });

  it('finds items that do not start with "- "', () => {
    const fs = run(recipientsDash, 'Nơi nhận:\n+ Bộ trưởng;\nCác Thứ trưởng;\n-UBND tỉnh;\n- Lưu: VT.');
    expect(brief(fs)).toEqual(['2 recipients-dash + Bộ trưởng;', '3 recipients-dash Các Thứ trưởng;', '4 recipients-dash -UBND tỉnh;']);
    expect(fs.map((f) => f.replacement!.to)).toEqual(['- Bộ trưởng;', '- Các Thứ trưởng;', '- UBND tỉnh;']);
  });

  it('finds items not ending with ";" and a last line not ending with "."', () => {
    const fs = run(recipientsPunctuation, 'Nơi nhận:\n- Bộ trưởng,\n- Các Thứ trưởng\n- Lưu: VT, VP. TN\n\nGIÁM ĐỐC');
    expect(fs.map((f) => [f.line, f.replacement!.to])).toEqual([
      [2, '- Bộ trưởng;'],
      [3, '- Các Thứ trưởng;'],
      [4, '- Lưu: VT, VP. TN.'],
    ]);
    expect(fs[2]!.message).toContain('dòng cuối');
  });

  it('wants the last line to be "- Lưu: …" with its colon', () => {
    expect(run(recipientsArchive, 'Nơi nhận:\n- Bộ trưởng;\n- Các Thứ trưởng.').map((f) => f.message)).toEqual(['dòng cuối của Nơi nhận phải là "- Lưu: VT, …" (nơi lưu văn bản)']);
    const fs = run(recipientsArchive, 'Nơi nhận:\n- Bộ trưởng;\n- Lưu VT, VP.');
    expect(fs.map((f) => f.replacement)).toEqual([{ from: '- Lưu VT, VP.', to: '- Lưu: VT, VP.' }]);
  });

  it('ends the list at a blank line, a signature line or a title in capitals', () => {
    const blocks = recipientBlocks(['Nơi nhận:', '', '- A;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Trần Văn B']);
    expect(blocks).toEqual([{ label: 0, items: [{ index: 2, text: '- A;' }, { index: 3, text: '- Lưu: VT.' }] }]);
    expect(recipientBlocks(['Nơi nhận:', '- A;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN'])[0]!.items).toHaveLength(2);
  });
});
