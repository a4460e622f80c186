// The nesting a YAML line sits in, from indentation (src/serve/client/yaml-path.ts): what the editor's
// completion offers inside nguoi_ky, co_quan, with the real schema.

import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/model/json-schema.ts';
import { kinds } from '../../src/serve/client/kinds.ts';
import { blockPath, nodeAt, siblings } from '../../src/serve/client/yaml-path.ts';

const decision = kinds(jsonSchema()).find((k) => k.properties?.loai?.const === 'quyet-dinh')!;
const text = ['loai: quyet-dinh', 'co_quan:', '  ten: Bộ Tư pháp', '', '  # ghi chú', '  ', 'nguoi_ky:', '  tham_quyen: KT', '  ', 'noi_nhan:', '  - Như Điều 3', '  '];

describe('blockPath and nodeAt', () => {
  it('finds the block a line is in by its indentation, skipping blank lines and comments', () => {
    expect(blockPath(text, 5, 2)).toEqual(['co_quan']);
    expect(blockPath(text, 8, 2)).toEqual(['nguoi_ky']);
    expect(blockPath(text, 3, 0)).toEqual([]);
  });
  it('says nothing inside a list', () => {
    expect(blockPath(text, 11, 2)).toBeNull();
  });
  it("leads to the nested object's fields in the schema", () => {
    expect(Object.keys(nodeAt(decision, ['nguoi_ky'])!.properties!)).toEqual(expect.arrayContaining(['tham_quyen', 'chuc_vu', 'ho_ten']));
    expect(Object.keys(nodeAt(decision, ['co_quan'])!.properties!)).toEqual(expect.arrayContaining(['ten', 'viet_tat']));
    expect(nodeAt(decision, ['nguoi_ky'])!.properties!.trich_yeu).toBeUndefined();
    expect(nodeAt(decision, ['khong_co'])).toBeNull();
  });
  it('lists the keys already written in the same block', () => {
    expect([...siblings(text, 8, 2)]).toEqual(['tham_quyen']);
    expect(siblings(text, 5, 2).has('ten')).toBe(true);
  });
});
