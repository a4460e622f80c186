import { describe, expect, it } from 'vitest';
import { basisLines, issuedWithLine, numberLine, numberText, recipientLines, signatureLines, stripListPunctuation } from '../../src/text/wording.ts';

describe('computed wording', () => {
  it('writes the authority lines of every signing form (Phụ lục I, II.7)', () => {
    expect(signatureLines({ chuc_vu: 'Giám đốc', ho_ten: 'A' })).toEqual(['GIÁM ĐỐC']);
    expect(signatureLines({ tham_quyen: 'KT', thay_mat: 'Bộ trưởng', chuc_vu: 'Thứ trưởng', ho_ten: 'A' })).toEqual(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(signatureLines({ tham_quyen: 'TM', thay_mat: 'Ủy ban nhân dân', chuc_vu: 'Chủ tịch', ho_ten: 'A' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signatureLines({ tham_quyen: 'Q', chuc_vu: 'Giám đốc', ho_ten: 'A' })).toEqual(['Q. GIÁM ĐỐC']);
    expect(signatureLines({ tham_quyen: 'TL', thay_mat: 'Bộ trưởng', chuc_vu: 'Vụ trưởng Vụ Tổ chức cán bộ', ho_ten: 'A' })).toEqual(['TL. BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ']);
    // several levels, outermost first (Phụ lục I, II.7): a collective's TM., then KT. of its head
    expect(signatureLines({ tham_quyen: ['TM', 'KT'], thay_mat: ['Ủy ban nhân dân', 'Chủ tịch'], chuc_vu: 'Phó Chủ tịch', ho_ten: 'A' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureLines({ tham_quyen: ['TM', 'Q'], thay_mat: ['Ủy ban nhân dân'], chuc_vu: 'Chủ tịch', ho_ten: 'A' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH']);
    expect(signatureLines({ tham_quyen: ['TL', 'KT'], thay_mat: ['Bộ trưởng', 'Vụ trưởng Vụ Tổ chức cán bộ'], chuc_vu: 'Phó Vụ trưởng', ho_ten: 'A' })).toEqual(['TL. BỘ TRƯỞNG', 'KT. VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ', 'PHÓ VỤ TRƯỞNG']);
    expect(signatureLines({ tham_quyen: 'TUQ', thay_mat: 'Chủ tịch', chuc_vu: 'Giám đốc Sở Tư pháp', ho_ten: 'A' })).toEqual(['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ TƯ PHÁP']);
  });

  it('writes "Số:" with the leading zero, or room for a draft’s number', () => {
    expect(numberText(5)).toBe('05');
    expect(numberText('244')).toBe('244');
    expect(numberLine('05', 'QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(numberLine(null, 'KH-STP')).toMatch(/^Số: +\/KH-STP$/);
  });

  it('punctuates Nơi nhận and căn cứ (Phụ lục I, II.6 and II.9)', () => {
    expect(recipientLines(['Như Điều 3', 'Bộ trưởng (để báo cáo)'], ['VT', 'Vụ TCCB'])).toEqual(['- Như Điều 3;', '- Bộ trưởng (để báo cáo);', '- Lưu: VT, Vụ TCCB.']);
    expect(basisLines(['Luật A', 'Nghị định B'], 'Vụ trưởng Vụ C')).toEqual(['Căn cứ Luật A;', 'Căn cứ Nghị định B;', 'Theo đề nghị của Vụ trưởng Vụ C.']);
    expect(basisLines(['Luật A'])).toEqual(['Căn cứ Luật A.']);
    expect(stripListPunctuation('- Bộ Tư pháp;')).toEqual({ text: 'Bộ Tư pháp', removed: '-;' });
  });

  it('writes the line under an attached text’s title', () => {
    expect(issuedWithLine('Quyết định', '244', 'QĐ-BTP', 'ngày 29 tháng 02 năm 2024', 'Bộ trưởng Bộ Tư pháp')).toBe(
      '(Ban hành kèm theo Quyết định số 244/QĐ-BTP ngày 29 tháng 02 năm 2024 của Bộ trưởng Bộ Tư pháp)',
    );
  });
});
