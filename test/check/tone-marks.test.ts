import { describe, expect, it } from 'vitest';
import { decodeTcvn3, decodeVni, isVietnameseSyllable, legacyDecode, legacyEncoding, nfc, toneMixed } from '../../src/check/rules/tone-marks.ts';
import { brief, run } from './helpers.ts';

describe('tone-mixed', () => {
  it('finds "hoà"-style words in a document that writes "hòa"', () => {
    const fs = run(toneMixed, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCông tác hoà giải, thuỷ lợi và hòa giải ở cơ sở; Khánh Hoà.');
    expect(fs.map((f) => `${f.line}:${f.col} ${f.replacement!.from}→${f.replacement!.to}`)).toEqual(['2:10 hoà→hòa', '2:20 thuỷ→thủy', '2:56 Hoà→Hòa']);
    expect(fs[0]!.severity).toBe('cảnh báo');
  });

  it('says nothing when one style is used throughout, or for closed syllables and qu-', () => {
    expect(run(toneMixed, 'hoà giải, thuỷ lợi, khoẻ mạnh')).toEqual([]);
    expect(run(toneMixed, 'CỘNG HÒA, hòa giải, thủy lợi')).toEqual([]);
    expect(run(toneMixed, 'CỘNG HÒA; hoàn thành, toàn quốc, khoảng, quý, quyết, thuyền')).toEqual([]);
  });
});

describe('nfc', () => {
  it('finds decomposed text, once per line, and counts the words', () => {
    const fs = run(nfc, `Sở ${'Tư pháp'.normalize('NFD')} tỉnh\nHà Nội`);
    expect(brief(fs)).toEqual(['1 nfc Tư'.normalize('NFD')]);
    expect(fs[0]!.message).toContain('2 từ');
    expect(fs[0]!.replacement!.to).toBe('Tư');
    expect(run(nfc, 'Sở Tư pháp tỉnh')).toEqual([]);
  });
});

describe('legacy-encoding', () => {
  it('decodes TCVN3 (ABC) mojibake', () => {
    expect(decodeTcvn3('Hµ Néi')).toBe('Hà Nội');
    expect(decodeTcvn3('Bé T\u00ad ph¸p')).toBe('Bộ Tư pháp');
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3('Ninh B×nh, M\u00adêng Kh\u00ad¬ng')).toBe('Ninh Bình, Mường Khương');
  });

  it('decodes VNI mojibake, in lower and upper case', () => {
    expect(decodeVni('Haø Noäi')).toBe('Hà Nội');
    expect(decodeVni('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni('Thöôøng tröïc UÛy ban nhaân daân tænh, naêm, quyeát ñònh')).toBe('Thường trực Ủy ban nhân dân tỉnh, năm, quyết định');
  });

  it('reports a line typed in a legacy encoding with its corrected form', () => {
    const fs = run(legacyEncoding, 'Hµ Néi, ngµy 05 th¸ng 01 n¨m 2024\nHaø Noäi, ngaøy 05 thaùng 01 naêm 2024\nHà Nội, ngày 05 tháng 01 năm 2024');
    expect(fs.map((f) => [f.line, f.replacement!.to])).toEqual([
      [1, 'Hà Nội, ngày 05 tháng 01 năm 2024'],
      [2, 'Hà Nội, ngày 05 tháng 01 năm 2024'],
    ]);
    expect(fs[0]!.message).toContain('TCVN3');
    expect(fs[1]!.message).toContain('VNI');
  });

  it('leaves Unicode Vietnamese and other Latin text alone', () => {
    for (const line of ['Tên tôi là Bà Chín, cô giáo', 'Hà Nội, ngày 05 tháng 01 năm 2024', 'café au lait, naïve', 'Nhiệt độ 30°C, ±5%', 'Số: 244/QĐ-BTP']) {
      expect(legacyDecode(line), line).toBeNull();
    }
  });

  it('knows a Vietnamese syllable', () => {
    for (const w of ['người', 'nghiệp', 'khuyến', 'quyền', 'hoạch', 'Ủy', 'gì', 'xoong', 'thuở', 'khuya']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['néi', 'hµ', 'bé\u00ad', 'fax', 'tr']) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('reads "2×1" between numbers as a multiplication sign, not a TCVN3 letter, and keeps it in a fix', () => {
    expect(run(legacyEncoding, 'Print the page 2×1 on A4 paper, 210 × 297 mm.')).toEqual([]);
    const [f] = run(legacyEncoding, 'Hµ Néi, khæ 2×1 ngµy 5 th¸ng 3');
    expect(f!.replacement!.to).toBe('Hà Nội, khổ 2×1 ngày 5 tháng 3');
  });
});
