// Province profiles: the two shipped sets match the reference list of provinces, every one loads,
// and a bad profile is refused with a Vietnamese error naming its file, line and field.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandProfileArgs, loadProfile, outOfValidity, validInYear, type Profile } from '../../src/derive/profile.ts';
import { InputError } from '../../src/model/errors.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/derive');
const PROVINCES_MD = readFileSync(join(ROOT, 'test/fixtures/reference/provinces.md'), 'utf8');

const load = (set: string): Profile[] =>
  readdirSync(join(ROOT, 'profiles', set))
    .sort()
    .map((f) => loadProfile(join(ROOT, 'profiles', set, f), ROOT));

/** Names listed after "<label> (<n>):" in the reference list, up to the blank line; "(merged in)" dropped. */
function listed(section: string, label: string): string[] {
  const part = PROVINCES_MD.split(/^## /mu).find((s) => s.startsWith(section))!;
  const at = part.indexOf(`${label} (`);
  const text = part.slice(part.indexOf(':', at) + 1).split(/\n\n/u)[0]!;
  return text
    .replace(/\([^)]*\)/gu, '')
    .replace(/\s+/gu, ' ')
    .split(',')
    .map((s) => s.trim().replace(/\.$/u, '').trim())
    .filter(Boolean)
    .map((s) => (s === 'Thành phố Hồ Chí Minh' ? 'Hồ Chí Minh' : s));
}

const norm = (s: string) => s.normalize('NFC').replace(/oà/gu, 'òa').replace(/Hoà/gu, 'Hòa');

describe('the 63 profiles of 2023–2024', () => {
  const profiles = load('2023-2024');

  it('are the 58 provinces and 5 cities of the reference list, one file each', () => {
    expect(profiles).toHaveLength(63);
    const provinces = profiles.filter((p) => p.data.loai === 'tinh').map((p) => norm(p.data.ten)).sort();
    const cities = profiles.filter((p) => p.data.loai === 'thanh-pho').map((p) => norm(p.data.ten)).sort();
    expect(provinces).toEqual(listed('Before', 'Provinces').map(norm).sort());
    expect(cities).toEqual(listed('Before', 'Centrally-governed cities').map(norm).sort());
  });

  it('have a district level, the Sở as issuer under the UBND, and are valid in 2023 and 2024', () => {
    for (const p of profiles) {
      expect(p.data.cap_huyen, p.file).toBe(true);
      expect(p.data.co_quan).toMatchObject({ ten: 'Sở Tư pháp', viet_tat: 'STP' });
      expect(p.data.co_quan.chu_quan, p.file).toBe(`UBND ${p.fullName}`);
      expect(validInYear(p.data, 2023) && validInYear(p.data, 2024), p.file).toBe(true);
      expect(p.data.hieu_luc.den! <= '2025-06-30', p.file).toBe(true);
    }
  });

  it('end Thừa Thiên Huế on 31/12/2024, when Huế became a city', () => {
    const tth = profiles.find((p) => p.slug === 'thua-thien-hue')!;
    expect(tth.data.hieu_luc.den).toBe('2024-12-31');
    expect(validInYear(tth.data, 2025)).toBe(false);
  });

  it('name the signers known from the reference documents and leave a placeholder for the others', () => {
    const signer = (slug: string) => profiles.find((p) => p.slug === slug)!.data.nguoi_ky;
    expect(signer('ninh-thuan')).toEqual({ chuc_vu: 'Giám đốc', ho_ten: 'Trần Văn Hiếu' });
    expect(signer('an-giang')).toEqual({ chuc_vu: 'Giám đốc', ho_ten: 'Cao Thanh Sơn' });
    const others = profiles.filter((p) => !['ninh-thuan', 'an-giang'].includes(p.slug));
    expect(others.every((p) => p.data.nguoi_ky.ho_ten === '[cần điền: họ tên Giám đốc Sở]')).toBe(true);
  });

  it('write the full names the documents use', () => {
    const name = (slug: string) => profiles.find((p) => p.slug === slug)!;
    expect(name('ninh-thuan').fullName).toBe('tỉnh Ninh Thuận');
    expect(name('ha-noi').fullName).toBe('thành phố Hà Nội');
    expect(name('ho-chi-minh')).toMatchObject({ fullName: 'Thành phố Hồ Chí Minh', data: { dia_danh: 'Thành phố Hồ Chí Minh' } });
  });
});

describe('the 34 profiles from 1 July 2025', () => {
  const profiles = load('2025');

  it('are the 6 cities and 28 provinces of the reference list', () => {
    expect(profiles).toHaveLength(34);
    const cities = profiles.filter((p) => p.data.loai === 'thanh-pho').map((p) => norm(p.data.ten)).sort();
    const provinces = profiles.filter((p) => p.data.loai === 'tinh').map((p) => norm(p.data.ten)).sort();
    expect(cities).toEqual(listed('Since', 'Centrally-governed cities').map(norm).sort());
    expect(provinces).toEqual([...listed('Since', 'Provinces unchanged'), ...listed('Since', 'Provinces formed by merger')].map(norm).sort());
  });

  it('have no district level and no Phòng Tư pháp, and start on 01/7/2025 (Huế, a city since 01/01/2025)', () => {
    for (const p of profiles) {
      expect(p.data.cap_huyen, p.file).toBe(false);
      expect(p.data.don_vi.cap_huyen, p.file).toBeUndefined();
      expect(p.data.noi_nhan.join(' '), p.file).not.toMatch(/Phòng Tư pháp/u);
      expect(p.data.hieu_luc.tu, p.file).toBe(p.slug === 'hue' ? '2025-01-01' : '2025-07-01');
      expect(validInYear(p.data, 2024), p.file).toBe(false);
    }
  });

  it('say why they cannot serve a 2024 campaign, at the validity line', () => {
    const p = profiles.find((x) => x.slug === 'khanh-hoa')!;
    const e = outOfValidity(p, 2024);
    expect(e.message).toMatch(/^profiles\/2025\/khanh-hoa\.yaml:\d+:\d+: trường "hieu_luc.tu": hồ sơ tỉnh Khánh Hòa có hiệu lực 2025-07-01 – nay, không dùng được cho phong trào năm 2024/u);
    expect(e.loc.line).toBe(lineOf(join(ROOT, 'profiles/2025/khanh-hoa.yaml'), 'hieu_luc:'));
  });
});

describe('bad profiles', () => {
  const CASES: { file: string; field: string; line: string; problem: RegExp }[] = [
    { file: 'thieu-dia-danh.yaml', field: 'dia_danh', line: '', problem: /thiếu trường bắt buộc/u },
    { file: 'danh-so-la.yaml', field: 'danh_so', line: 'danh_so:', problem: /kiểu đánh số chỉ nhận "1\.1\." \(kiểu Bộ\) hoặc "a\)" \(kiểu địa phương\)/u },
    { file: 'khong-cap-huyen-co-phong.yaml', field: 'noi_nhan.1', line: '  - Phòng Tư pháp cấp huyện', problem: /tỉnh không còn cấp huyện/u },
    { file: 'nguoi-ky-sai.yaml', field: 'nguoi_ky.chuc_vu', line: 'nguoi_ky:', problem: /Kế hoạch của Sở do Giám đốc ký, hoặc Phó Giám đốc ký thay/u },
  ];

  it.each(CASES)('$file: Vietnamese error with file, line and field $field', ({ file, field, line, problem }) => {
    const path = join(FIXTURES, 'ho-so-loi', file);
    let error: unknown;
    try {
      loadProfile(path, ROOT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.loc.file).toBe(relative(ROOT, path));
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
    expect(e.message).toMatch(new RegExp(`^test/fixtures/derive/ho-so-loi/${file.replace('.', '\\.')}:\\d+:\\d+: trường "${field.replace('.', '\\.')}": `, 'u'));
    if (line) expect(e.loc.line).toBe(lineOf(path, line));
    else expect(e.loc.line).toBeGreaterThanOrEqual(1);
  });

  it('a profile valid when read but out of date for the campaign is refused only when deriving (see derive tests)', () => {
    const p = loadProfile(join(FIXTURES, 'ho-so-loi/het-hieu-luc.yaml'), ROOT);
    expect(validInYear(p.data, 2024)).toBe(false);
    expect(validInYear(p.data, 2023)).toBe(true);
  });
});

describe('--profile arguments', () => {
  it('expand a quoted glob, a folder and a file, in order and without duplicates', () => {
    const glob = expandProfileArgs(['profiles/2023-2024/*.yaml'], ROOT);
    expect(glob).toHaveLength(63);
    expect(glob.every((a) => a.matched)).toBe(true);
    expect(basename(glob[0]!.path)).toBe('an-giang.yaml');
    expect(expandProfileArgs(['profiles/2025'], ROOT)).toHaveLength(34);
    const mixed = expandProfileArgs(['profiles/2023-2024/ninh-thuan.yaml', 'profiles/2023-2024/n*.yaml', 'profiles/**/hue.yaml'], ROOT);
    expect(mixed.map((a) => [relative(ROOT, a.path), a.matched])).toEqual([
      ['profiles/2023-2024/ninh-thuan.yaml', false],
      ['profiles/2023-2024/nam-dinh.yaml', true],
      ['profiles/2023-2024/nghe-an.yaml', true],
      ['profiles/2023-2024/ninh-binh.yaml', true],
      ['profiles/2025/hue.yaml', true],
    ]);
  });

  it('say when a pattern matches nothing', () => {
    expect(() => expandProfileArgs(['profiles/2023-2024/khong-co-*.yaml'], ROOT)).toThrow(/không có hồ sơ tỉnh nào khớp mẫu này/u);
  });
});

function lineOf(file: string, start: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(start)) + 1;
}
