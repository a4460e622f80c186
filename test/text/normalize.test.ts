import { describe, expect, it } from 'vitest';
import { toNfc, toOldToneStyle, upperVi } from '../../src/text/normalize.ts';

describe('Vietnamese text normalization', () => {
  it('moves tone marks of open oa/oe/uy syllables to the "hòa" style and reports each change', () => {
    const r = toOldToneStyle('hoà giải, Khánh Hoà, thuỷ lợi, khoẻ, tuỳ');
    expect(r.text).toBe('hòa giải, Khánh Hòa, thủy lợi, khỏe, tùy');
    expect(r.changes.map((c) => c.from)).toEqual(['hoà', 'Hoà', 'thuỷ', 'khoẻ', 'tuỳ']);
  });

  it('leaves closed syllables and qu- alone', () => {
    const text = 'hoàn thành, quý, khoảng, toán, quyết, khuyên';
    expect(toOldToneStyle(text)).toEqual({ text, changes: [] });
  });

  it('composes decomposed text to NFC and says so', () => {
    const nfd = 'Tư pháp'.normalize('NFD');
    const r = toNfc(nfd);
    expect(r.text).toBe('Tư pháp');
    expect(r.changes).toHaveLength(1);
    expect(toNfc('Tư pháp').changes).toHaveLength(0);
  });

  it('upper-cases đ', () => {
    expect(upperVi('điều đ')).toBe('ĐIỀU Đ');
  });
});
