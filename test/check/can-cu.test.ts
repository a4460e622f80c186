import { describe, expect, it } from 'vitest';
import { canCuForm } from '../../src/check/rules/can-cu.ts';
import { runReal } from './helpers.ts';

describe('can-cu-form', () => {
  it('finds a căn cứ run on after another in a real decision', () => {
    expect(runReal(canCuForm, 'page-quyet-dinh-06-2024-qd-ubnd-kon-tum.txt')).toEqual(['30 Căn cứ Luật Tiếp cận thông tin ngày 06 t']);
  });
  it('says nothing of a copy that lost the line breaks of the whole căn cứ block, nor of one căn cứ a line', () => {
    expect(runReal(canCuForm, 'web-quyet-dinh-5129-qd-ubnd-nang-muc-tro-cap-nguoi-co-cong-giup.md')).toEqual([]);
    expect(runReal(canCuForm, 'web-quyet-dinh-6154-qd-ubnd-che-do-dieu-duong-luan-phien.md')).toEqual([]);
  });
});
