import { describe, expect, it } from 'vitest';
import { decisionColon, partsConflict } from '../../src/check/rules/parts.ts';
import { brief, run, runReal } from './helpers.ts';

describe('parts-conflict', () => {
  it('finds a Quyết định with a V/v trích yếu and a Kính gửi, and two tên loại in one header', () => {
    const text = 'QUYẾT ĐỊNH\nV/v phê duyệt kế hoạch\nKính gửi: Sở Tư pháp\nCăn cứ Luật Tổ chức chính quyền địa phương;';
    expect(run(partsConflict, text).map((f) => `${f.line} ${f.severity}`)).toEqual(['2 lỗi', '3 cảnh báo']);
    expect(brief(run(partsConflict, 'QUYẾT ĐỊNH\nKẾ HOẠCH\nVề việc tổ chức hội nghị'))).toEqual(['2 parts-conflict KẾ HOẠCH']);
  });
  it('accepts real documents whose parts agree: a công văn with V/v and Kính gửi, a decision with its plan attached', () => {
    expect(runReal(partsConflict, 'web-cong-van-3354-vpcp-kgvx-xac-nhan-nan-nhan-chat-doc-hoa-hoc.md')).toEqual([]);
    expect(runReal(partsConflict, 'web-quyet-dinh-254-qd-ubnd-2023-ke-hoach-thuc-hien-cong-tac-bao.md')).toEqual([]);
  });
});

describe('quyet-dinh-colon', () => {
  it('finds "QUYẾT ĐỊNH" before Điều 1 without its colon in a real decision', () => {
    expect(runReal(decisionColon, 'web-quyet-dinh-170-2008-qd-ttg-che-do-bao-hiem-y-te-va-tro-cap-m.md')).toEqual(['17 QUYẾT ĐỊNH']);
  });
  it('leaves the tên loại line and a decision written right', () => {
    expect(runReal(decisionColon, 'web-quyet-dinh-6154-qd-ubnd-che-do-dieu-duong-luan-phien.md')).toEqual([]);
  });
});
