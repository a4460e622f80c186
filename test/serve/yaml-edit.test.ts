// Editing a value from the form changes only that value's characters; comments and styles stay.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addItem, removeItem, setValue, swapItems } from '../../src/serve/client/yaml-edit.ts';

const DECISION = readFileSync('data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml', 'utf8');
const lines = (s: string) => s.split('\n');
/** The lines of `after` that differ from `before` (same line count assumed). */
const changed = (before: string, after: string) => lines(after).filter((l, i) => l !== lines(before)[i]);

describe('setValue', () => {
  it('replaces a plain scalar in place, keeping every comment and the rest byte for byte', () => {
    const out = setValue(DECISION, ['trich_yeu'], 'Ban hành Kế hoạch mới');
    expect(changed(DECISION, out)).toEqual(['trich_yeu: Ban hành Kế hoạch mới']);
    expect(out).toContain('# As in the original');
    expect(parseYaml(out).trich_yeu).toBe('Ban hành Kế hoạch mới');
  });

  it('edits inside a flow map and quotes what would not read back plain', () => {
    const out = setValue(DECISION, ['nguoi_ky', 'ho_ten'], 'Trần A, B');
    expect(out).toContain('nguoi_ky: { tham_quyen: KT, thay_mat: Bộ trưởng, chuc_vu: Thứ trưởng, ho_ten: "Trần A, B" }');
    expect(parseYaml(out).nguoi_ky.ho_ten).toBe('Trần A, B');
    const colon = setValue(DECISION, ['dia_danh'], 'Hà Nội: # không phải chú thích');
    expect(parseYaml(colon).dia_danh).toBe('Hà Nội: # không phải chú thích');
  });

  it('keeps a folded block scalar folded', () => {
    const out = setValue(DECISION, ['thi_hanh'], 'Chánh Văn phòng');
    expect(out).toContain('thi_hanh: >-\n  Chánh Văn phòng\nnoi_nhan:');
    expect(parseYaml(out).thi_hanh).toBe('Chánh Văn phòng');
  });

  it('writes a date as typed, even an impossible one, and a number as a number', () => {
    expect(setValue(DECISION, ['ngay'], '2024-02-30')).toContain('\nngay: 2024-02-30\n');
    expect(parseYaml(setValue(DECISION, ['so'], 12)).so).toBe(12);
    expect(parseYaml(setValue(DECISION, ['ngay'], null)).ngay).toBe(null);
  });

  it('writes plainly what reads back the same, quoting only what needs it (a trailing space while typing)', () => {
    const typed = setValue(setValue(DECISION, ['dia_danh'], 'Hà '), ['dia_danh'], 'Hà Nội');
    expect(typed).toBe(DECISION);
  });

  it('fills an empty quoted value plainly and adds a new field at the end', () => {
    const out = setValue('loai: quyet-dinh\ntrich_yeu: ""\n', ['trich_yeu'], 'Về việc A');
    expect(out).toBe('loai: quyet-dinh\ntrich_yeu: Về việc A\n');
    expect(setValue('# c\nloai: quyet-dinh\n', ['theo_de_nghi'], 'Vụ trưởng')).toBe('# c\nloai: quyet-dinh\ntheo_de_nghi: Vụ trưởng\n');
  });
});

describe('lists', () => {
  it('adds, removes and swaps items of a block list without touching its comments', () => {
    const added = addItem(DECISION, ['can_cu'], 'Luật mới');
    expect(parseYaml(added).can_cu.at(-1)).toBe('Luật mới');
    expect(added).toContain('# As in the original');
    const swapped = swapItems(DECISION, ['noi_nhan'], 0, 1);
    expect(parseYaml(swapped).noi_nhan.slice(0, 2)).toEqual(['Bộ trưởng (để báo cáo)', 'Như Điều 3 (để thực hiện)']);
    expect(changed(DECISION, swapped)).toHaveLength(2);
    const removed = removeItem(DECISION, ['noi_nhan'], 2);
    expect(parseYaml(removed).noi_nhan).not.toContain('Bộ Nội Vụ (để theo dõi)');
    expect(lines(removed)).toHaveLength(lines(DECISION).length - 1);
  });

  it('adds to a flow list and to an empty one', () => {
    expect(addItem(DECISION, ['luu'], 'Vụ TĐKT')).toContain('luu: [VT, Vụ TCCB, Vụ TĐKT]');
    expect(addItem('noi_nhan: []\n', ['noi_nhan'], 'Như trên')).toBe('noi_nhan:\n  - Như trên\n');
    expect(addItem('a: { b: [] }\n', ['a', 'b'], 'x')).toBe('a: { b: [x] }\n');
  });
});
