import { describe, expect, it } from 'vitest';
import { dateForm, dateZero } from '../../src/check/rules/date-zero.ts';
import { brief, run, runReal } from './helpers.ts';

describe('date-zero', () => {
  it('finds body and căn cứ dates against the leading-zero rule in real documents', () => {
    expect(runReal(dateZero, 'web-quyet-dinh-6154-qd-ubnd-che-do-dieu-duong-luan-phien.md')).toEqual(['21 9/12/2011']);
    expect(runReal(dateZero, 'web-cong-van-2864-ldtbxh-ncc-2015-che-do-chinh-sach-khi-tu-tran.md')).toEqual(['11 27/05/2015']);
    expect(runReal(dateZero, 'web-nghi-quyet-494-nq-ubtvqh13-giam-sat-thuc-hien-chinh-sach-pha.md')).toEqual(['21 ngày 29 tháng 2 năm 2012']);
  });

  it('leaves dates written right, and the date line to date-line-zero', () => {
    // a công văn citing "16/8/2018", "20/10/2018", "01/01/2019", all right
    expect(runReal(dateZero, 'web-cong-van-5115-ldtbxh-khtc-2018-chi-tra-tro-cap-uu-dai-nguoi.md')).toEqual([]);
    // its date line "ngày 26 tháng 04 năm 2013" is wrong, but is the date line's rule's to say
    expect(runReal(dateZero, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
  });

  it('writes the fix with the zeros right and nothing else', () => {
    const [f] = run(dateZero, 'Theo Công văn số 12/UBND ngày 5/02/2024 và ngày 09 tháng 04 năm 2024.');
    expect(f!.replacement).toEqual({ from: '5/02/2024', to: '05/02/2024' });
    expect(brief(run(dateZero, 'ngày 09 tháng 04 năm 2024'))).toEqual(['1 date-zero ngày 09 tháng 04 năm 2024']);
  });
});

describe('date-form', () => {
  it('finds a year split by a space in a real plan, and nothing in a plan whose dates are whole', () => {
    expect(runReal(dateForm, 'page-ke-hoach-135-kh-ubnd-2022-soc-trang.txt')).toEqual(['22 16/7/20 21']);
    expect(runReal(dateForm, 'page-ke-hoach-4544-kh-ubnd-quang-nam-2023.txt')).toEqual([]);
  });
  it('finds a space beside the "/" of a date (the Quy định of Quyết định 01/2012/QĐ-UBND, Long An), not in a số "40 /2012/TT-BTC"', () => {
    expect(runReal(dateForm, 'page-quy-dinh-01-2012-qd-ubnd-long-an.txt')).toEqual(['5 04 /01/2012']);
    // Thông tư 40/2012/TT-BTC: "Thông tư số 40 /2012/TT-BTC ngày 09/03/2012" is a số with a space, not a date
    expect(runReal(dateForm, 'web-thong-tu-40-2012-tt-btc-quan-ly-va-su-dung-kinh-phi.md')).toEqual([]);
    expect(run(dateForm, 'ngày 04/ 01/2012').map((f) => f.replacement!.to)).toEqual(['04/01/2012']);
  });
});
