import { describe, expect, it } from 'vitest';
import { lawDates } from '../../src/check/rules/law-dates.ts';
import { run, runReal } from './helpers.ts';

// Two real căn cứ of two documents of the same province (Hòa Bình): Quy chế 06/QC-TT.HĐND-UBND of 2019 dates the
// Luật Ban hành văn bản quy phạm pháp luật 22/6/2015, Quyết định 35/2022/QĐ-UBND dates it 22/6/2016.
const QUY_CHE = 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;';
const QUYET_DINH = 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2016; Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;';

describe('law-dates: one law cited with two dates', () => {
  it('finds the law cited 22/6/2015 and then 22/6/2016, at the second mention', () => {
    const fs = run(lawDates, `${QUY_CHE}\n${QUYET_DINH}`);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.line).toBe(2);
    expect(fs[0]!.col).toBe(8);
    expect(fs[0]!.message).toBe('Luật Ban hành văn bản quy phạm pháp luật đã được dẫn với ngày 22/6/2015 (dòng 1), ở đây là ngày 22/6/2016');
  });

  it('leaves the law inside an amending law\'s title alone (its date is the amending law\'s), in real decisions', () => {
    expect(run(lawDates, QUYET_DINH)).toEqual([]);
    for (const name of ['page-quyet-dinh-35-2022-qd-ubnd-hoa-binh.txt', 'page-quyet-dinh-15-2023-qd-ubnd-tien-giang.txt', 'web-quyet-dinh-1766-qd-ubnd-2020-cong-bo-thu-tuc-hanh-chinh-tu-phap.md', 'page-quyet-dinh-06-2024-qd-ubnd-kon-tum.txt']) {
      expect(runReal(lawDates, name), name).toEqual([]);
    }
  });

  it('takes the same date written two ways as one', () => {
    expect(run(lawDates, 'Căn cứ Luật Đất đai ngày 26/11/2003;\nthi hành Luật Đất đai ngày 26 tháng 11 năm 2003')).toEqual([]);
  });
});
