import { describe, expect, it } from 'vitest';
import { dateLineForm, nationalHeader } from '../../src/check/rules/header-form.ts';
import { run, runReal } from './helpers.ts';

describe('national-header', () => {
  it('finds the motto written with dashes and the title written "HOÀ" in real documents', () => {
    expect(runReal(nationalHeader, 'web-cong-van-2403-ttg-kgvx-muc-tro-cap-hang-thang-doi-tuong-huon.md')).toEqual(['5 Độc lập – Tự do – Hạnh phúc']);
    expect(runReal(nationalHeader, 'web-thong-tu-04-2001-tt-bxd-ho-tro-nguoi-tham-gia-hoat-dong-cach.md')).toEqual(['5 CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  });
  it('accepts the header as the decree writes it', () => {
    expect(runReal(nationalHeader, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
  });
});

describe('date-line-form', () => {
  it('wants the place named after a person written in full (Quyết định 3600/QĐ-UBND, TP Hồ Chí Minh, set 6)', () => {
    expect(runReal(dateLineForm, 'page-quyet-dinh-3600-qd-ubnd-2007-ho-chi-minh.txt')).toEqual(['15 TP. Hồ Chí Minh']);
    expect(run(dateLineForm, 'Tp.Hồ Chí Minh, ngày 09 tháng 8 năm 2007').map((f) => f.replacement)).toEqual([{ from: 'Tp.', to: 'Thành phố ' }]);
    expect(run(dateLineForm, 'Thành phố Hồ Chí Minh, ngày 09 tháng 8 năm 2007\nTP. Cần Thơ, ngày 09 tháng 8 năm 2007')).toEqual([]);
  });

  it('finds a space before the comma after the place (real công văn)', () => {
    expect(runReal(dateLineForm, 'web-cong-van-2864-ldtbxh-ncc-2015-che-do-chinh-sach-khi-tu-tran.md')).toEqual(['7 Hà Nội ,']);
    expect(runReal(dateLineForm, 'web-cong-van-8424-vpcp-ktth-nam-2014-tro-cap-mot-lan-nguoi-co-th.md')).toEqual(['7 Hà Nội ,']);
  });
  it('finds a missing comma and a five-digit year in a text date line', () => {
    expect(run(dateLineForm, 'Hà Nội ngày 05 tháng 3 năm 2024').map((f) => f.message)).toEqual(['thiếu dấu phẩy sau địa danh']);
    expect(run(dateLineForm, 'Hà Nội, ngày 05 tháng 3 năm 20245').map((f) => f.message)).toEqual(['năm "20245" không phải năm bốn chữ số']);
  });
  it('accepts a right date line, a wrapped one joined, and a sentence that only names a date', () => {
    expect(runReal(dateLineForm, 'page-quyet-dinh-06-2024-qd-ubnd-kon-tum.txt')).toEqual([]);
    expect(run(dateLineForm, 'Tại cuộc họp ngày 27 tháng 3 năm 2012')).toEqual([]);
  });

  it('finds a header block without the national header (Thư ngỏ of UBND huyện Mai Châu), not a copy whose site dropped it', () => {
    expect(runReal(nationalHeader, 'page-thu-ngo-ubnd-mai-chau-2019.txt')).toEqual(['1 UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU']);
    // no place-and-date line at the top: the header block is not there to judge
    expect(runReal(nationalHeader, 'page-giay-moi-tet-trong-cay-hai-duong-2018.txt')).toEqual([]);
  });
});
