import { describe, expect, it } from 'vitest';
import { citationDate, citationParty, citationSo, citationYear, citationsIn } from '../../src/check/rules/citations.ts';
import { brief, run } from './helpers.ts';

describe('citation-year', () => {
  it('finds a Nghị định, Thông tư or Luật cited without its year, and proposes the year of the date after it', () => {
    const fs = run(citationYear, 'Căn cứ Nghị định 98/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;\nThông tư số 02/TT-BTP ngày 08/02/2022;\nLuật số 59/QH14;');
    expect(brief(fs)).toEqual(['1 citation-year Nghị định 98/NĐ-CP', '2 citation-year Thông tư số 02/TT-BTP', '3 citation-year Luật số 59/QH14']);
    expect(fs[0]!.replacement).toEqual({ from: '98/NĐ-CP', to: '98/2023/NĐ-CP' });
    expect(fs[0]!.fix).toContain('"Nghị định số 98/2023/NĐ-CP"');
    expect(fs[1]!.replacement!.to).toBe('02/2022/TT-BTP');
    expect(fs[2]!.replacement).toBeUndefined();
    expect(fs[0]!.message).toContain('thiếu cả chữ "số"');
    expect(fs[1]!.message).not.toContain('thiếu cả chữ "số"');
  });

  it('judges by the ký hiệu as well as by the word before it', () => {
    const fs = run(citationYear, 'theo văn bản 05/TTLT-BTP-BNV');
    expect(brief(fs)).toEqual(['1 citation-year văn bản 05/TTLT-BTP-BNV']);
    expect(fs[0]!.message).toMatch(/^Thông tư liên tịch là văn bản quy phạm pháp luật/u);
  });

  it('does not flag individual decisions, Government resolutions or documents that carry their year', () => {
    const text =
      'Quyết định số 68/QĐ-BTP, Quyết định số 1521/QĐ-TTg, Nghị quyết số 01/NQ-CP, Nghị định số 98/2023/NĐ-CP, ' +
      'Thông tư số 03/2019/TT-BTP, Quyết định số 25/2021/QĐ-TTg, Nghị quyết số 24/2021/QH15, Công văn số 236/BTP-TGPL, Kết luận số 80-KL/TW';
    expect(run(citationYear, text)).toEqual([]);
  });

  it('counts the type word only when it is a document’s name, with its capital', () => {
    expect(run(citationYear, 'văn bản quy phạm pháp luật 12/QĐ-UBND')).toEqual([]);
    expect(brief(run(citationYear, 'Pháp lệnh số 02/UBTVQH15'))).toEqual(['1 citation-year Pháp lệnh số 02/UBTVQH15']);
  });

  it('reads numbers with stray spaces', () => {
    expect(brief(run(citationYear, 'Nghị định số 59/2012/NĐ- CP và Nghị định số 12/NĐ- CP'))).toEqual(['1 citation-year Nghị định số 12/NĐ- CP']);
  });
});

describe('citation-party', () => {
  it('finds Party numbers written with state separators or dashes only', () => {
    const fs = run(citationParty, 'Nghị quyết số 27-NQ-TW; Chỉ thị số 35/CT-TW; Nghị quyết số 27/NQ/TW; Hướng dẫn số 12-HD-BTGTW');
    expect(brief(fs)).toEqual([
      '1 citation-party Nghị quyết số 27-NQ-TW',
      '1 citation-party Chỉ thị số 35/CT-TW',
      '1 citation-party Nghị quyết số 27/NQ/TW',
      '1 citation-party Hướng dẫn số 12-HD-BTGTW',
    ]);
    expect(fs.map((f) => f.replacement!.to)).toEqual(['27-NQ/TW', '35-CT/TW', '27-NQ/TW', '12-HD/BTGTW']);
  });

  it('accepts Party numbers in the right form and state numbers of other issuers', () => {
    expect(run(citationParty, 'Nghị quyết số 27-NQ/TW, Chỉ thị số 05-CT/TW, Quy định số 11-QĐ/TW, Chỉ thị số 14/CT-TTg, Quyết định số 12/QĐ-UBND')).toEqual([]);
  });
});

describe('citation-so', () => {
  it('suggests "số" when it is missing and warns when it is doubled', () => {
    const fs = run(citationSo, 'Căn cứ Nghị định 98/2023/NĐ-CP và Quyết định số số 12/QĐ-UBND; Kết luận 80-KL/TW');
    expect(fs.map((f) => [f.severity, f.excerpt, f.replacement!.to])).toEqual([
      ['gợi ý', 'Nghị định 98/2023/NĐ-CP', 'Nghị định số 98/2023/NĐ-CP'],
      ['cảnh báo', 'Quyết định số số 12/QĐ-UBND', 'Quyết định số 12/QĐ-UBND'],
      ['gợi ý', 'Kết luận 80-KL/TW', 'Kết luận số 80-KL/TW'],
    ]);
  });

  it('leaves a citation without its year to citation-year, whose fix puts "số" in', () => {
    expect(run(citationSo, 'Căn cứ Nghị định 98/NĐ-CP ngày 31/12/2023')).toEqual([]);
  });

  it('accepts "số" once, and numbers listed without a type word', () => {
    expect(run(citationSo, 'Quyết định số 318/QĐ-TTg, 320/QĐ-TTg; Số: 244/QĐ-BTP; các Nghị quyết số 01/NQ-CP')).toEqual([]);
  });
});

describe('citation-date', () => {
  it('finds one document cited with two dates', () => {
    const fs = run(citationDate, 'Quyết định số 68/QĐ-BTP ngày 18/01/2024 của Bộ.\n\ntheo Quyết định số 68/QĐ-BTP ngày 19 tháng 01 năm 2024.');
    expect(brief(fs)).toEqual(['3 citation-date Quyết định số 68/QĐ-BTP ngày 19 tháng 01 năm 2024']);
    expect(fs[0]!.message).toContain('18/1/2024 (dòng 1)');
  });

  it('compares the document’s own number with its date line, and Party numbers in either form', () => {
    const own = 'Số: 244/QĐ-BTP\nHà Nội, ngày 29 tháng 02 năm 2024\n(Ban hành kèm theo Quyết định số 244/QĐ-BTP ngày 28 tháng 02 năm 2024)';
    expect(brief(run(citationDate, own))).toEqual(['3 citation-date Quyết định số 244/QĐ-BTP ngày 28 tháng 02 năm 2024']);
    expect(run(citationDate, 'Nghị quyết số 27-NQ-TW ngày 09/11/2022; Nghị quyết số 27-NQ/TW ngày 09/11/2021')).toHaveLength(1);
  });

  it('keeps apart one generic number issued by two bodies', () => {
    const text = 'Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh An Giang; Quyết định số 12/QĐ-UBND ngày 10/3/2024 của Ủy ban nhân dân huyện Chợ Mới';
    expect(run(citationDate, text)).toEqual([]);
    expect(run(citationDate, text.replace('huyện Chợ Mới', 'tỉnh An Giang'))).toHaveLength(1);
  });

  it('finds a year in the number that is not the year of the date', () => {
    expect(brief(run(citationDate, 'Nghị định số 98/2023/NĐ-CP ngày 31/12/2022'))).toEqual(['1 citation-date 98/2023/NĐ-CP ngày 31/12/2022']);
  });

  it('accepts the same date written two ways and "của ngày"', () => {
    const text = 'Nghị quyết số 01/NQ-CP ngày 05/01/2024; Nghị quyết số 01/NQ-CP của ngày 05 tháng 01 năm 2024; Nghị quyết số 02/NQ- CP ngày 05/01/2024; Nghị quyết số 02/NQ-CP ngày 05/01/2024';
    expect(run(citationDate, text)).toEqual([]);
  });
});

describe('citationsIn', () => {
  it('reads the type word, the "số", the number and the date', () => {
    const [c] = citationsIn('Căn cứ Thông tư số 11/2023/TT-BTP ngày 29 tháng 12 năm 2023 của Bộ', 0);
    expect(c).toMatchObject({ typeWord: 'Thông tư', so: 1, canonical: '11/2023/TT-BTP', year: '2023', groups: ['TT', 'BTP'], date: { y: 2023, m: 12, d: 29 } });
  });
});

describe('citation-so in the body (set 4 of the real corpus)', () => {
  it('asks for "số" in the căn cứ, as the samples write it, and leaves a body citation without it alone', async () => {
    const { runReal } = await import('./helpers.ts');
    expect(runReal(citationSo, 'web-quyet-dinh-16-2010-qd-ubnd-boi-thuong-ho-tro-tai-dinh-cu.md')).toEqual([]);
    expect(brief(run(citationSo, 'Căn cứ Nghị định 197/2004/NĐ-CP ngày 03/12/2004 của Chính phủ;\ntheo quy định tại Nghị định 197/2004/NĐ-CP ngày 03/12/2004 như sau:'))).toEqual(['1 citation-so Nghị định 197/2004/NĐ-CP']);
  });
});
