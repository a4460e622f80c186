import { describe, expect, it } from 'vitest';
import { kyHieuAbbrev, soNumber } from '../../src/check/rules/ky-hieu.ts';
import { run, runReal } from './helpers.ts';

describe('kyhieu-abbrev', () => {
  it('finds "QĐ-TTG" for the Thủ tướng Chính phủ in a real plan', () => {
    expect(runReal(kyHieuAbbrev, 'page-ke-hoach-155-kh-ubnd-bac-ninh-2017.txt')).toEqual(['27 101/QĐ-TTG']);
  });
  it('finds a kind abbreviation Phụ lục III writes otherwise', () => {
    expect(run(kyHieuAbbrev, 'Tờ trình số 05/TTR-UBND ngày 02/02/2024').map((f) => f.replacement!.to)).toEqual(['05/TTr-UBND']);
    expect(run(kyHieuAbbrev, 'Quyết định số 12/QD-UBND').map((f) => f.replacement!.to)).toEqual(['12/QĐ-UBND']);
  });
  it('accepts the abbreviations of a real decision, and a title in capitals', () => {
    expect(runReal(kyHieuAbbrev, 'web-quyet-dinh-22-2013-qd-ttg-ho-tro-nguoi-co-cong-voi-cach-mang.md')).toEqual([]);
    expect(run(kyHieuAbbrev, 'TRIỂN KHAI QUYẾT ĐỊNH SỐ 1237/QĐ-TTG')).toEqual([]);
  });
});

describe('so-number', () => {
  it('finds a superfluous zero above 9 and a missing zero below 10 in the document’s own number', () => {
    expect(run(soNumber, 'Số: 012/QĐ-UBND').map((f) => f.replacement)).toEqual([{ from: '012/', to: '12/' }]);
    expect(run(soNumber, 'Số: 6/KH-STP').map((f) => f.message)).toEqual(['số nhỏ hơn 10 ghi thêm số 0: "06"']);
  });
  it('accepts the numbers of real documents, with and without their zero', () => {
    expect(runReal(soNumber, 'page-quyet-dinh-06-2024-qd-ubnd-kon-tum.txt')).toEqual([]);
    expect(runReal(soNumber, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
  });
});

