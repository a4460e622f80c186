import { describe, expect, it } from 'vitest';
import { closing } from '../../src/check/rules/closing.ts';
import { brief, run, runReal } from './helpers.ts';

describe('closing', () => {
  it('finds a decision whose body does not end with "./."', () => {
    const fs = run(closing, 'QUYẾT ĐỊNH\nĐiều 1. Ban hành.\nĐiều 2. Hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn A');
    expect(brief(fs)).toEqual(['3 closing Điều 2. Hiệu lực kể từ ngày ký.']);
    expect(fs[0]!.replacement!.to).toBe('Điều 2. Hiệu lực kể từ ngày ký./.');
  });

  it('finds a plan issued with a decision that ends without "./.", past the signature block', () => {
    const text = 'QUYẾT ĐỊNH\nĐiều 1. Ban hành Kế hoạch./.\n\nNơi nhận:\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Thanh Tịnh\n\nKẾ HOẠCH\nI. MỤC ĐÍCH\nNội dung kế hoạch.\n\nBỘ TRƯỞNG\n(Đã ký)\nTrần Văn B';
    expect(brief(run(closing, text))).toEqual(['14 closing Nội dung kế hoạch.']);
  });

  it('does not judge a phụ lục, but ends the document before it', () => {
    const text = 'KẾ HOẠCH\nNội dung kế hoạch\n\nPhụ lục I\nDANH SÁCH\n1. Sở Tư pháp';
    expect(brief(run(closing, text))).toEqual(['2 closing Nội dung kế hoạch']);
  });

  it('accepts bodies ending with "./." and a công văn without Nơi nhận is not judged', () => {
    expect(run(closing, 'KẾ HOẠCH\nNội dung./.\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\nTrần Văn Hiếu')).toEqual([]);
    expect(run(closing, 'Kính gửi: Bộ Tư pháp\nĐề nghị Bộ xem xét.')).toEqual([]);
    expect(brief(run(closing, 'Kính gửi: Bộ Tư pháp\nTrân trọng.\nNơi nhận:\n- Như trên;\n- Lưu: VT.'))).toEqual(['2 closing Trân trọng.']);
  });

  it('judges the body of a real Nghị định whose only tên loại after the header is its phụ lục', () => {
    expect(runReal(closing, 'web-nghi-dinh-55-2023-nd-cp-sua-doi-nghi-dinh-75-2021-nd-cp-che.md').map((f) => f.split(' ')[0])).toEqual(['179']);
    expect(runReal(closing, 'web-thong-tu-98-2013-tt-btc-quan-ly-cap-phat-ho-tro-nguoi-cong-c.md')).toEqual([]);
  });
});


describe('closing on a page cut short (set 4 of the real corpus)', () => {
  it('does not judge the attached Quy định of a page that stops mid-sentence, and still judges a whole one', () => {
    // the Lai Châu decision is closed with "./." and signed; the page then stops inside its Quy định ("Điều 1. Phạm vi điều")
    expect(runReal(closing, 'page-quyet-dinh-20-2015-qd-ubnd-lai-chau.txt')).toEqual([]);
    // the Lai Châu decision of 2010 ends its body "… thi hành Quyết định này." before Nơi nhận: a true finding
    expect(runReal(closing, 'web-quyet-dinh-16-2010-qd-ubnd-boi-thuong-ho-tro-tai-dinh-cu.md')).toEqual(['318 …quan chịu trách nhiệm thi hành Quyết định này.']);
  });

  it('does not judge an attachment of which the page holds only the title and its "(Ban hành kèm theo …)" caption', () => {
    // Quyết định 346/2017/QĐ-UBND, Thanh Hóa: the signed decision, then "QUY CHẾ", its title and the caption (dòng 67),
    // "Chương I", and the page ends; the decision itself ends "./." before its Nơi nhận
    expect(runReal(closing, 'page-quyet-dinh-346-2017-qd-ubnd-thanh-hoa.txt')).toEqual([]);
    const cut = 'QUYẾT ĐỊNH\nĐiều 1. Ban hành Quy chế.\nĐiều 2. Hiệu lực./.\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn A\nQUY CHẾ\nPHỐI HỢP\n(Ban hành kèm theo Quyết định số 5/2017/QĐ-UBND)\nChương I';
    expect(run(closing, cut)).toEqual([]);
    // a whole attachment after its caption is judged all the same
    expect(brief(run(closing, cut + '\nQuy chế này quy định việc phối hợp.'))).toEqual(['14 closing Quy chế này quy định việc phối hợp.']);
  });
});

describe('closing written "./" (Phụ lục III: the body ends with "./.")', () => {
  it('finds the attached Quy định of a real decision ending "… kịp thời./" (Quyết định 12/2012/QĐ-UBND, Tuyên Quang)', () => {
    const fs = run(closing, 'QUYẾT ĐỊNH\nĐiều 1. Ban hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn A\nQUY ĐỊNH\nĐiều 1. Quy định này được phổ biến rộng rãi./');
    expect(fs.map((f) => f.replacement!.to)).toEqual(['Điều 1. Quy định này được phổ biến rộng rãi./.']);
    expect(runReal(closing, 'web-quyet-dinh-12-2012-qd-ubnd-quy-dinh-tang-qua-doi-voi-thuong.md').map((f) => f.split(' ')[0])).toContain('166');
  });
  it('still leaves an attachment cut mid-sentence alone (Quyết định 20/2015/QĐ-UBND, Lai Châu)', () => {
    expect(runReal(closing, 'page-quyet-dinh-20-2015-qd-ubnd-lai-chau.txt')).toEqual([]);
  });
});
