import { describe, expect, it } from 'vitest';
import { kinhGui, vvForm } from '../../src/check/rules/cong-van.ts';
import { run, runReal } from './helpers.ts';

describe('vv-form', () => {
  it('finds "V/v:" and a trích yếu ending with a full stop in real công văn', () => {
    expect(runReal(vvForm, 'web-cong-van-2428-bxd-qln-2013-ho-tro-nguoi-co-cong-cach-mang-nh.md')).toEqual(['7 V/v: Hỗ trợ người có công với cách mạng về nhà ở theo QĐ số 22/2013/QĐ-TTg']);
    const [f] = run(vvForm, 'V/v: Hỗ trợ người có công với cách mạng về nhà ở.');
    expect(f!.message).toBe('không có dấu hai chấm sau "V/v"; trích yếu không kết thúc bằng dấu chấm');
    expect(f!.replacement!.to).toBe('V/v Hỗ trợ người có công với cách mạng về nhà ở');
  });
  it('accepts a trích yếu written as the sample', () => {
    expect(runReal(vvForm, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
  });
});

describe('kinh-gui', () => {
  it('finds "Kính gửi" without its colon, and accepts the real công văn that has it', () => {
    expect(run(kinhGui, 'Kính gửi Sở Tư pháp các tỉnh').map((f) => f.replacement!.to)).toEqual(['Kính gửi: Sở Tư pháp các tỉnh']);
    expect(runReal(kinhGui, 'web-cong-van-1040-ldtbxh-ncc-giai-quyet-che-do-nguoi-hoat-dong-k.md')).toEqual([]);
  });

  it('reads "V/v:" and "Về:" under the number as the trích yếu, on real công văn', () => {
    expect(runReal(vvForm, 'page-cong-van-2776-vpcp-qhqt-2011.txt')).toEqual(['4 V/v: UBND tỉnh Khánh Hòa mời lãnh đạo một số địa phương bạn ở nước ngoài tham dự Festival biển 2011']);
    const [f] = run(vvForm, 'Số: 2865/GDĐT-KT&KĐCL\nVề: tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT.');
    expect(f!.message).toBe('trích yếu công văn ghi sau chữ "V/v", không ghi "Về:"; trích yếu không kết thúc bằng dấu chấm');
    expect(f!.replacement!.to).toBe('V/v tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT');
    expect(runReal(vvForm, 'page-cong-van-2865-gddt-2007-ho-chi-minh.txt')).toEqual(['11 Về: tham gia ý kiến về dự thảo Quy chế thi tốt nghiệp THPT.']);
    // "Về: …" in the body is a heading, no trích yếu
    expect(run(vvForm, 'Nội dung như sau:\nVề: công tác tổ chức.')).toEqual([]);
  });
});
