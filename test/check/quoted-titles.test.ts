import { describe, expect, it } from 'vitest';
import { quotedTitle, titleDifference } from '../../src/check/rules/quoted-titles.ts';
import { brief, run, runReal } from './helpers.ts';

const words = (s: string) => s.toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

describe('quoted-title', () => {
  it('finds a campaign name written two ways and names the difference', () => {
    const text = [
      'phong trào thi đua “Ngành Tư pháp chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2023 - 2025',
      'phong trào “*Ngành Tư pháp chung tay vì người nghèo – Không ai bị bỏ lại phía sau*”',
      'Phong trào thi đua “Ngành Tư pháp chung tay vì người nghèo - Không ai bị bỏ lại phía sau”',
    ].join('\n');
    const fs = run(quotedTitle, text);
    expect(brief(fs)).toEqual(['2 quoted-title Ngành Tư pháp chung tay vì người nghèo – Không ai bị bỏ lại phía sau']);
    expect(fs[0]!.message).toContain('ở dòng 2, 3 thiếu "để"');
    expect(fs[0]!.message).toContain('(dòng 1)');
    expect(fs[0]!.replacement!.to).toBe('Ngành Tư pháp chung tay vì người nghèo – Không để ai bị bỏ lại phía sau');
  });

  it('treats tone style, dashes and spacing as the same writing', () => {
    expect(run(quotedTitle, '“Ngày hội hoà giải ở cơ sở toàn quốc” và “Ngày hội hòa  giải ở cơ sở toàn quốc.” và “Tư pháp – Hộ tịch vì dân nay mai” và "Tư pháp - Hộ tịch vì dân nay mai"')).toEqual([]);
  });

  it('takes a title in the capitals of a heading and the same title in a sentence for one writing', () => {
    // Kế hoạch 2137/KH-UBND, Phú Thọ: “NÂNG CAO … GIAI ĐOẠN 2024 – 2030” (heading) and “Nâng cao … giai đoạn 2024-2030”;
    // the two ways of writing the range are range-style's finding, one defect and one finding
    expect(runReal(quotedTitle, 'page-ke-hoach-2137-kh-ubnd-2024-phu-tho.txt')).toEqual([]);
    expect(brief(run(quotedTitle, 'ĐỀ ÁN “NÂNG CAO NĂNG LỰC HÒA GIẢI VIÊN Ở CƠ SỞ”\nĐề án “Nâng cao năng lực hòa giải viên cơ sở”'))).toEqual(['2 quoted-title Nâng cao năng lực hòa giải viên cơ sở']);
    expect(run(quotedTitle, 'Đề án “Nâng cao năng lực hòa giải viên ở cơ sở”\nĐề án “Nâng cao Năng lực Hòa giải viên ở cơ sở”')).toHaveLength(1);
  });

  it('does not pair different titles, titles that differ in a year, or short quotes', () => {
    const text =
      '“Cờ thi đua ngành Tư pháp” và “Bằng khen của Bộ trưởng Bộ Tư pháp”; “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2019-2022” và ' +
      '“Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024-2030”; “để biết” và “để báo cáo”';
    expect(run(quotedTitle, text)).toEqual([]);
  });

  it('measures how close two titles are', () => {
    expect(titleDifference(words('Kỷ cương, trách nhiệm, sáng tạo, bứt phá, thi đua hoàn thành xuất sắc nhiệm vụ'), words('Kỷ cương, trách nhiệm, sáng tạo, bứt phá, hoàn thành xuất sắc nhiệm vụ'))).toEqual({
      missing: ['thi', 'đua'],
      extra: [],
    });
    expect(titleDifference(words('Tổ chức truyền thông dự thảo chính sách'), words('Tăng cường năng lực tiếp cận pháp luật'))).toBeNull();
  });
});
