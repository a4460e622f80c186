import { describe, expect, it } from 'vitest';
import { rangeStyle, spacingNumber, spacingRange } from '../../src/check/rules/spacing.ts';
import { brief, run, runReal } from './helpers.ts';

describe('spacing-number', () => {
  it('finds spaces inside state and Party document numbers', () => {
    const fs = run(spacingNumber, 'Nghị quyết số 02/NQ- CP, Kết luận số 80- KL/TW, Quyết định số 25/2021/QĐ- TTg, Số: 12 /UBND-VP, Chỉ thị số 32 - CT/TW');
    expect(fs.map((f) => `${f.excerpt} → ${f.replacement!.to}`)).toEqual([
      '02/NQ- CP → 02/NQ-CP',
      '80- KL/TW → 80-KL/TW',
      '25/2021/QĐ- TTg → 25/2021/QĐ-TTg',
      '12 /UBND-VP → 12/UBND-VP',
      '32 - CT/TW → 32-CT/TW',
    ]);
    expect(fs[0]!.severity).toBe('lỗi');
  });

  it('leaves well-written numbers and ordinary dashes alone', () => {
    const text = 'Nghị quyết số 02/NQ-CP, kinh tế - xã hội, Tư pháp - Hộ tịch, Luật số 59/2020/QH14 - Luật Doanh nghiệp, giai đoạn 2021 - 2025, Vụ Thi đua - Khen thưởng - BTP';
    expect(run(spacingNumber, text)).toEqual([]);
  });
});

describe('spacing-range', () => {
  it('finds a range of years with a space on one side only', () => {
    const fs = run(spacingRange, 'giai đoạn 2021- 2025 và 2020 -2025, 2023 –2025');
    expect(fs.map((f) => `${f.excerpt} → ${f.replacement!.to}`)).toEqual(['2021- 2025 → 2021-2025', '2020 -2025 → 2020-2025', '2023 –2025 → 2023–2025']);
  });

  it('accepts tight and evenly spaced ranges, and dates', () => {
    expect(run(spacingRange, 'giai đoạn 2021-2025, 2023 - 2025, 2023 – 2025, từ 03/02/1930-30/02/2024')).toEqual([]);
  });
});

describe('range-style', () => {
  it('suggests one style when ranges are written several ways', () => {
    const fs = run(rangeStyle, 'giai đoạn 2023 - 2025\ngiai đoạn 2023 – 2025\ngiai đoạn 2021-2025\ngiai đoạn 2020 - 2025');
    expect(brief(fs)).toEqual(['2 range-style 2023 – 2025']);
    expect(fs[0]!.severity).toBe('gợi ý');
    expect(fs[0]!.message).toContain('3 kiểu');
    expect(fs[0]!.fix).toContain('"2023 - 2025"');
  });

  it('says nothing when one style is used, or when a range is lopsided only', () => {
    expect(run(rangeStyle, 'giai đoạn 2021-2025 và 2019-2023')).toEqual([]);
    expect(run(rangeStyle, 'giai đoạn 2021-2025 và 2021- 2025')).toEqual([]);
  });
});

describe('spacing-number: an en dash between the groups, a group split by a space (Phụ lục I, mục II.3)', () => {
  it('finds "2865/GDĐT –KT&KĐCL" (Công văn 2865, Sở Giáo dục và Đào tạo TP Hồ Chí Minh) and gives the hyphen', () => {
    expect(runReal(spacingNumber, 'page-cong-van-2865-gddt-2007-ho-chi-minh.txt')).toContain('10 2865/GDĐT –KT&KĐCL');
    expect(run(spacingNumber, 'Số: 2865/GDĐT –KT&KĐCL')[0]!.replacement).toEqual({ from: '2865/GDĐT –KT&KĐCL', to: '2865/GDĐT-KT&KĐCL' });
  });
  it('finds "01/2016/TT-BGD ĐT ngày …" (Kế hoạch 335/KH-UBND, Phú Thọ, dòng 9), without changing it by itself', () => {
    const found = runReal(spacingNumber, 'page-ke-hoach-335-kh-ubnd-2023-phu-tho.txt');
    expect(found).toContain('9 01/2016/TT-BGD ĐT');
    expect(run(spacingNumber, 'Thông tư 01/2016/TT-BGD ĐT ngày 15/01/2016')[0]!.replacement).toBeUndefined();
  });
  it('leaves "NN&PTNT", "V/v" after a số, a title in capitals and a range after a số alone (real plans and decisions)', () => {
    // "QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG NGÀY …" in the title of Quyết định 3210/QĐ-UBND, Hồ Chí Minh
    expect(runReal(spacingNumber, 'web-quyet-dinh-3210-qd-ubnd-2014-thuc-hien-09-2013-tt-bxd-ho-tro.md')).toEqual([]);
    expect(run(spacingNumber, 'Số: 12/UBND-VX V/v báo cáo; Công văn số 45/SNN&PTNT-KH ngày 01/02/2024; Kế hoạch số 5/KH-UBND – 2025')).toEqual([]);
  });
});
