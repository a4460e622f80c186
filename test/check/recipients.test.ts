import { describe, expect, it } from 'vitest';
import { recipientBlocks, recipientsArchive, recipientsDash, recipientsPunctuation } from '../../src/check/rules/recipients.ts';
import { brief, run, runReal } from './helpers.ts';

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

  it('tells a last "Lưu" line without its "." to end with "." (never ";"), in a real công văn read from its table', () => {
    const fs = runReal(recipientsPunctuation, 'web-cong-van-2428-bxd-qln-2013-ho-tro-nguoi-co-cong-cach-mang-nh.md');
    expect(fs).toEqual(['21 - Lưu: VT, QLN (2b)']);
    const [f] = run(recipientsPunctuation, 'Nơi nhận:\n- Như trên;\n- Lưu: VT, QLN (2b)\n\nKT. BỘ TRƯỞNG');
    expect(f!.message).toBe('dòng cuối của Nơi nhận phải kết thúc bằng dấu "."');
    expect(f!.replacement!.to).toBe('- Lưu: VT, QLN (2b).');
  });

  it('takes "- Bộ Y tế; (để phối hợp)" for an entry ended right (a brace of the original, flattened by the site)', () => {
    expect(runReal(recipientsPunctuation, 'web-cong-van-1040-ldtbxh-ncc-giai-quyet-che-do-nguoi-hoat-dong-k.md')).toEqual([]);
  });

  it('says the Lưu line names the Văn thư "VT", in real decisions that spell it out or leave it out', () => {
    expect(runReal(recipientsArchive, 'web-chi-thi-31-ct-ttg-nam-2012-thuc-hien-cong-tac-dao-tao-nghe-g.md')).toEqual(['31 - Lưu: Văn thư, KGVX (3b).']);
    expect(runReal(recipientsArchive, 'web-nghi-quyet-494-nq-ubtvqh13-giam-sat-thuc-hien-chinh-sach-pha.md')).toEqual(['55 - Lưu: HC, TH, CVĐXH.']);
    expect(runReal(recipientsArchive, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
  });

  it('finds units of the Lưu line parted by "." or without the space after the comma', () => {
    expect(brief(run(recipientsArchive, 'Nơi nhận:\n- Như trên;\n- Lưu: VT,KHTC.'))).toEqual(['3 recipients-luu - Lưu: VT,KHTC.']);
    expect(run(recipientsArchive, 'Nơi nhận:\n- Như trên;\n- Lưu: VT. KHTC.')[0]!.fix).toBe('ghi "- Lưu: VT, KHTC."');
    expect(runReal(recipientsArchive, 'web-cong-van-5115-ldtbxh-khtc-2018-chi-tra-tro-cap-uu-dai-nguoi.md')).toEqual([]);
  });

  it('does not judge a Nơi nhận list a page cut off after its first entry ("- Thư")', () => {
    expect(runReal(recipientsPunctuation, 'page-quyet-dinh-2862-qd-ubnd-2018-son-la.txt')).toEqual([]);
    expect(runReal(recipientsArchive, 'page-quyet-dinh-2862-qd-ubnd-2018-son-la.txt')).toEqual([]);
    // a list that ends on its Lưu line is whole, even at the end of the file
    expect(brief(run(recipientsPunctuation, 'Nơi nhận:\n- Như trên;\n- Lưu: VT'))).toEqual(['3 recipients-punct - Lưu: VT']);
  });

  it('reads a list with a blank line between its entries as one list (Công văn 73/UBND-TH, Hậu Giang)', () => {
    const name = 'page-cong-van-73-ubnd-th-2018-hau-giang.txt';
    // before: the list ended at the first blank line, and "- Như trên;" was told to be the Lưu line ending with "."
    expect(runReal(recipientsPunctuation, name)).toEqual([]);
    expect(runReal(recipientsArchive, name)).toEqual(['44 - Lưu: VT,TH. TT.']);
    expect(recipientBlocks(['Nơi nhận:', '', '- Như trên;', '', '- TT. UBND tỉnh;', '', '- Lưu: VT, TH.', '', 'D\\2017\\CVUB'])[0]!.items.map((it) => it.index)).toEqual([2, 4, 6]);
  });

  it('does not judge the end of a list the page cut short (Quyết định 1209/QĐ-UBND, Hà Giang: "- CVP, c")', () => {
    const name = 'page-quyet-dinh-1209-qd-ubnd-2013-ha-giang.txt';
    expect(runReal(recipientsArchive, name)).toEqual([]);
    expect(runReal(recipientsPunctuation, name)).toEqual([]);
    // a cut list still has its entries judged
    expect(brief(run(recipientsPunctuation, 'Nơi nhận:\n- Bộ Y tế,\n- Chủ tịch;\n- CVP, c'))).toEqual(['2 recipients-punct - Bộ Y tế,']);
  });

  it('takes the wrapped rest of a unit\'s own list and the copies after the Lưu line (Công văn 2776/VPCP-QHQT)', () => {
    const name = 'page-cong-van-2776-vpcp-qhqt-2011.txt';
    expect(runReal(recipientsDash, name)).toEqual([]); // "- VPCP: BTCN;" | "Vụ TH; Cổng TTĐT;"
    expect(runReal(recipientsPunctuation, name)).toEqual([]); // "- Lưu: VT, QHQT (3b).12"
    // a line without its dash after an entry of one unit is still one
    expect(brief(run(recipientsDash, 'Nơi nhận:\n- Bộ Y tế;\nVụ TH;\n- Lưu: VT.'))).toEqual(['3 recipients-dash Vụ TH;']);
  });
});
