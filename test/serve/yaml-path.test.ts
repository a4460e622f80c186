// The nesting a YAML line sits in, from indentation and list dashes (src/serve/client/yaml-path.ts):
// what the editor's completion offers inside nguoi_ky and co_quan, inside the items of a list of
// objects (phu_luc, to_chuc_thuc_hien[].viec), for a list of choices, and in campaign data, with the
// real schema.

import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/model/json-schema.ts';
import { kinds, schemaOf, type SchemaNode } from '../../src/serve/kinds.ts';
import { ITEM, nodeAt, placeAt, schemaAt, valuesOf } from '../../src/serve/client/yaml-path.ts';

const schema = jsonSchema() as SchemaNode;
const kind = (loai: string) => kinds(schema).find((k) => k.properties?.loai?.const === loai)!;
const decision = kind('quyet-dinh');
const text = ['loai: quyet-dinh', 'co_quan:', '  ten: Bộ Tư pháp', '', '  # ghi chú', '  ', 'nguoi_ky:', '  tham_quyen: KT', '  ', 'noi_nhan:', '  - Như Điều 3', '  - '];

/** The place of a key typed at the end of `lines`' line `line` (its spaces and dashes). */
const at = (lines: string[], line: number) => placeAt(lines, line, lines[line]!.length);

describe('placeAt', () => {
  it('finds the object a line is in by its indentation, skipping blank lines and comments', () => {
    expect(at(text, 5)).toEqual({ path: ['co_quan'], taken: new Set(['ten']) });
    expect(at(text, 8)).toEqual({ path: ['nguoi_ky'], taken: new Set(['tham_quyen']) });
    expect(at(['loai: quyet-dinh', '', 'so: 1'], 1)!.taken).toEqual(new Set(['loai', 'so']));
    expect(at(text, 11)!.path).toEqual(['noi_nhan', ITEM]);
  });

  it('finds the item of a list of objects, on the dash line and below it, with the keys the item already has', () => {
    const plan = ['nam: 2024', 'to_chuc_thuc_hien:', '  - don_vi: Văn phòng', '    viec:', '      - noi_dung: Tổng hợp', '        ', '      - ', '  - '];
    expect(at(plan, 5)).toEqual({ path: ['to_chuc_thuc_hien', ITEM, 'viec', ITEM], taken: new Set(['noi_dung']) });
    expect(at(plan, 6)).toEqual({ path: ['to_chuc_thuc_hien', ITEM, 'viec', ITEM], taken: new Set() });
    expect(at(plan, 7)).toEqual({ path: ['to_chuc_thuc_hien', ITEM], taken: new Set() });
    // A list at its key's own column is the same list.
    expect(at(['phu_luc:', '- tieu_de: A', '  '], 2)).toEqual({ path: ['phu_luc', ITEM], taken: new Set(['tieu_de']) });
  });

  it('says nothing inside a block text', () => {
    expect(at(['thi_hanh: >-', '  Văn phòng', '  '], 2)).toBeNull();
    expect(at(['thi_hanh: |', '  Văn phòng', 'so: 1', ''], 3)).toEqual({ path: [], taken: new Set(['thi_hanh', 'so']) });
  });
});

describe('the schema at a place', () => {
  it("leads to a nested object's fields, an item's fields, and the choices of a field or a list item", () => {
    expect(Object.keys(nodeAt(decision, ['nguoi_ky'])!.properties!)).toEqual(expect.arrayContaining(['tham_quyen', 'chuc_vu', 'ho_ten']));
    expect(nodeAt(decision, ['nguoi_ky'])!.properties!.trich_yeu).toBeUndefined();
    expect(nodeAt(decision, ['khong_co'])).toBeNull();
    expect(Object.keys(nodeAt(decision, ['phu_luc', ITEM])!.properties!)).toEqual(expect.arrayContaining(['tieu_de', 'noi_dung']));
    const campaign = schemaOf(schema, { chu_de: 'x' })!;
    // A job is a sentence or an object with its deadline: the object's fields.
    expect(Object.keys(nodeAt(campaign, ['to_chuc_thuc_hien', ITEM, 'viec', ITEM])!.properties!)).toEqual(['noi_dung', 'han', 'han_bo']);
    expect(Object.keys(nodeAt(campaign, ['to_chuc_thuc_hien', ITEM])!.properties!)).toEqual(['don_vi', 'viec']);
    expect(valuesOf(schemaAt(decision, ['nguoi_ky', 'tham_quyen']))).toEqual(['TM', 'KT', 'Q', 'TL', 'TUQ']);
    expect(valuesOf(schemaAt(decision, ['nguoi_ky', 'tham_quyen', ITEM]))).toEqual(['TM', 'KT', 'Q', 'TL', 'TUQ']);
    expect(valuesOf(schemaAt(decision, ['loai']))).toEqual(['quyet-dinh']);
  });

  it('knows campaign data by its fields, and a document by its loai', () => {
    const campaign = schemaOf(schema, { ten: 'Phong trào', chu_de: 'x', nam: 2024 })!;
    expect(campaign.properties!.loai).toBeUndefined();
    expect(Object.keys(nodeAt(campaign, ['thoi_gian', 'dot', ITEM])!.properties!)).toEqual(expect.arrayContaining(['tu', 'den']));
    expect(schemaOf(schema, { loai: 'quyet-dinh' })).toBe(decision);
    expect(schemaOf(schema, { khong_co: 1 })).toBeNull();
  });
});
