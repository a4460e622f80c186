// Province profiles: what a Sở Tư pháp's own plan needs to know about its province (name, issuer,
// signer, units, usual Nơi nhận, how early its deadlines fall, numbering style, validity dates).
// One YAML file per province under profiles/<set>/; the file name is the province's slug.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { InputError } from '../model/errors.ts';
import { NUMBERING_PROFILES, isoDate, issuerSchema, signerSchema } from '../model/schema.ts';
import { fail, readYaml, type YamlFile } from '../read/yaml.ts';
import { validateWithPictures } from '../read/pictures.ts';

const text = z.string().trim().min(1, { error: 'không được để trống' });

export const PROVINCE_KINDS = ['tinh', 'thanh-pho'] as const;

export const profileSchema = z.strictObject({
  ten: text.describe('Tên tỉnh, thành phố, không kèm chữ "tỉnh": "Ninh Thuận", "Hà Nội"'),
  loai: z.enum(PROVINCE_KINDS, { error: 'loại đơn vị hành chính chỉ nhận "tinh" hoặc "thanh-pho"' }).describe('tinh hoặc thanh-pho (trực thuộc Trung ương)'),
  ten_day_du: text.optional().describe('Tên đầy đủ khi không chỉ là "tỉnh <ten>" / "thành phố <ten>": "Thành phố Hồ Chí Minh"'),
  hieu_luc: z
    .strictObject({
      tu: isoDate.describe('Ngày hồ sơ bắt đầu đúng (yyyy-mm-dd)'),
      den: isoDate.nullable().optional().describe('Ngày cuối cùng hồ sơ còn đúng; bỏ trống hoặc null khi chưa có'),
    })
    .describe('Thời gian hồ sơ đúng với thực tế (tên, địa giới, cấp huyện)'),
  co_quan: issuerSchema.describe('Cơ quan ban hành: Sở Tư pháp, viết tắt STP, chủ quản "UBND tỉnh …"'),
  dia_danh: text.describe('Địa danh ghi trước ngày tháng: "Ninh Thuận", "Hà Nội", "Thành phố Hồ Chí Minh"'),
  nguoi_ky: signerSchema.describe('Giám đốc Sở, hoặc Phó Giám đốc ký thay (tham_quyen: KT, thay_mat: Giám đốc)'),
  cap_huyen: z.boolean({ error: 'cần true (còn cấp huyện, có Phòng Tư pháp) hoặc false' }).describe('Tỉnh còn cấp huyện (có Phòng Tư pháp cấp huyện) hay không'),
  don_vi: z
    .strictObject({
      truc_thuoc: text.default('các phòng, đơn vị trực thuộc Sở').describe('Tên gọi chung các đơn vị của Sở, viết thường'),
      thuong_truc: text.default('Văn phòng Sở').describe('Đơn vị thường trực Hội đồng Thi đua - Khen thưởng Sở'),
      hoi_dong: text.default('Hội đồng Thi đua - Khen thưởng Sở Tư pháp').describe('Tên Hội đồng Thi đua - Khen thưởng của Sở'),
      cap_huyen: text.optional().describe('Tên gọi chung Phòng Tư pháp cấp huyện: "Phòng Tư pháp các huyện, thành phố"; chỉ khi cap_huyen: true'),
      cap_xa: text.describe('Công chức tư pháp cấp xã: "công chức Tư pháp - Hộ tịch các xã, phường, thị trấn"'),
    })
    .describe('Các đơn vị tham gia thi đua của tỉnh'),
  noi_nhan: z.array(text).min(1, { error: 'cần ít nhất một nơi nhận' }).describe('Nơi nhận thường dùng của Sở, sau "Bộ Tư pháp" và đơn vị thi đua của Bộ (vanban tự thêm hai dòng đó)'),
  luu: z.array(text).min(1, { error: 'cần ít nhất "VT"' }).describe('Nơi lưu: [VT, VP]'),
  truoc_han_ngay: z
    .number({ error: 'cần một số ngày (số nguyên)' })
    .int({ error: 'cần một số ngày nguyên' })
    .min(0, { error: 'số ngày không được âm' })
    .max(366, { error: 'quá một năm' })
    .describe('Hạn của Sở sớm hơn hạn của Bộ bao nhiêu ngày (rơi vào thứ Bảy, Chủ nhật, ngày lễ, Tết thì lùi về ngày làm việc trước đó)'),
  danh_so: z.enum(NUMBERING_PROFILES, { error: 'kiểu đánh số chỉ nhận "1.1." (kiểu Bộ) hoặc "a)" (kiểu địa phương)' }).describe('Kiểu đánh số cấp thứ ba của Kế hoạch'),
  ghi_chu: text.optional().describe('Ghi chú cho người soạn (nguồn số liệu, thay đổi địa giới)'),
});

export type ProfileInput = z.infer<typeof profileSchema>;

/** JSON Schema of a profile file, for editors (as `vanban schema` does for documents). */
export function profileJsonSchema(): object {
  return { ...z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' }), title: 'vanban: hồ sơ tỉnh cho `vanban derive`' };
}

/** A loaded, checked profile with where it came from (for located errors later on). */
export interface Profile {
  slug: string; // file name without .yaml: "ninh-thuan"
  file: string; // as shown to the user
  yaml: YamlFile;
  data: ProfileInput;
  /** "tỉnh Ninh Thuận", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
  fullName: string;
}

const DIRECTOR = 'Giám đốc';
const DEPUTY = 'Phó Giám đốc';

/** Reads and checks one profile; every problem is a located Vietnamese InputError. */
export function loadProfile(path: string, root = process.cwd()): Profile {
  const shown = relative(root, path) || path;
  const yaml = readYaml(path, shown);
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data))
    throw new InputError({ file: shown, line: 1, col: 1 }, '', 'tệp không chứa các trường của một hồ sơ tỉnh', 'xem mẫu trong profiles/2023-2024/ninh-thuan.yaml');
  const { data } = validateWithPictures(profileSchema, yaml, root);

  const { tu, den } = data.hieu_luc;
  if (den && den < tu) fail(yaml, ['hieu_luc', 'den'], `ngày hết hiệu lực ${den} trước ngày bắt đầu ${tu}`);

  if (data.cap_huyen && !data.don_vi.cap_huyen)
    fail(yaml, ['don_vi'], 'tỉnh còn cấp huyện (cap_huyen: true) nhưng thiếu trường "cap_huyen" trong "don_vi"', 'thêm "cap_huyen: Phòng Tư pháp các huyện, thành phố" (hoặc "Phòng Tư pháp cấp huyện")');
  if (!data.cap_huyen && data.don_vi.cap_huyen)
    fail(yaml, ['don_vi', 'cap_huyen'], 'tỉnh không còn cấp huyện (cap_huyen: false) nên không có Phòng Tư pháp cấp huyện', 'xóa dòng này, hoặc đặt cap_huyen: true');
  if (!data.cap_huyen) {
    const i = data.noi_nhan.findIndex((r) => /Phòng Tư pháp/u.test(r));
    if (i >= 0) fail(yaml, ['noi_nhan', i], `tỉnh không còn cấp huyện (cap_huyen: false) nên không có nơi nhận "${data.noi_nhan[i]}"`, 'xóa nơi nhận này');
  }

  const s = data.nguoi_ky;
  const director = !s.tham_quyen || s.tham_quyen === 'Q' ? s.chuc_vu === DIRECTOR : false;
  const deputy = s.tham_quyen === 'KT' && s.thay_mat === DIRECTOR && s.chuc_vu === DEPUTY;
  if (!director && !deputy)
    fail(yaml, ['nguoi_ky', 'chuc_vu'], 'Kế hoạch của Sở do Giám đốc ký, hoặc Phó Giám đốc ký thay (KT. Giám đốc)', 'ghi "chuc_vu: Giám đốc", hoặc "tham_quyen: KT, thay_mat: Giám đốc, chuc_vu: Phó Giám đốc"');

  if (data.luu[0] !== 'VT') fail(yaml, ['luu', 0], 'dòng Lưu bắt đầu bằng Văn thư: "Lưu: VT, …" (Phụ lục I, II.9)', 'đặt "VT" đầu danh sách: [VT, VP]');
  const i = data.noi_nhan.findIndex((r) => /^(-\s*)?Lưu\b/u.test(r));
  if (i >= 0) fail(yaml, ['noi_nhan', i], 'dòng Lưu không ghi trong nơi nhận', 'ghi vào trường "luu"');

  const kind = data.loai === 'tinh' ? 'tỉnh' : 'thành phố';
  // The slug names the output folder: a plain lower-case name, so "...yaml" cannot write outside --out.
  const slug = basename(path).replace(/\.ya?ml$/u, '');
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug))
    throw new InputError({ file: shown, line: 1, col: 1 }, '', `tên tệp hồ sơ "${basename(path)}" không dùng được làm tên thư mục kết quả`, 'đặt tên tệp bằng chữ thường không dấu, số và dấu "-", ví dụ ninh-thuan.yaml');
  return { slug, file: shown, yaml, data, fullName: data.ten_day_du ?? `${kind} ${data.ten}` };
}

/** Whether the profile describes the province during (some of) the given year. */
export function validInYear(p: ProfileInput, year: number): boolean {
  return p.hieu_luc.tu <= `${year}-12-31` && (!p.hieu_luc.den || p.hieu_luc.den >= `${year}-01-01`);
}

/** Whether the profile describes the province on an ISO date. */
export function validOn(p: ProfileInput, iso: string): boolean {
  return p.hieu_luc.tu <= iso && (!p.hieu_luc.den || p.hieu_luc.den >= iso);
}

/** The located error for a profile used outside its validity. */
export function outOfValidity(p: Profile, year: number): InputError {
  const { tu, den } = p.data.hieu_luc;
  const field = den && den < `${year}-01-01` ? 'den' : 'tu';
  return new InputError(
    p.yaml.locate(['hieu_luc', field]),
    `hieu_luc.${field}`,
    `hồ sơ ${p.fullName} có hiệu lực ${tu} – ${den ?? 'nay'}, không dùng được cho phong trào năm ${year}`,
    'chọn hồ sơ của bộ đơn vị hành chính đúng năm đó (profiles/2023-2024 hoặc profiles/2025)',
  );
}

/** A profile path named on the command line, and whether it came from a pattern or a folder. */
export interface ProfileArg {
  path: string; // absolute
  matched: boolean; // true when found by a glob or a folder listing (not named one by one)
}

/**
 * Expands the --profile arguments: files as given, folders to their .yaml files, and patterns with
 * "*", "?" or "**" (for shells that pass them through quoted). Sorted, without duplicates.
 */
export function expandProfileArgs(args: string[], root = process.cwd()): ProfileArg[] {
  const out = new Map<string, ProfileArg>();
  for (const arg of args) {
    const abs = isAbsolute(arg) ? arg : resolve(root, arg);
    if (/[*?]/u.test(arg)) {
      const found = globFiles(abs).filter((f) => /\.ya?ml$/u.test(f));
      if (!found.length) throw new InputError({ file: arg, line: 1, col: 1 }, '', 'không có hồ sơ tỉnh nào khớp mẫu này', 'kiểm tra đường dẫn, ví dụ "profiles/2023-2024/*.yaml"');
      for (const f of found) if (!out.has(f)) out.set(f, { path: f, matched: true });
    } else if (existsSync(abs) && statSync(abs).isDirectory()) {
      const found = readdirSync(abs)
        .filter((n) => ['.yaml', '.yml'].includes(extname(n)))
        .sort()
        .map((n) => join(abs, n));
      if (!found.length) throw new InputError({ file: arg, line: 1, col: 1 }, '', 'thư mục không có hồ sơ tỉnh (.yaml) nào');
      for (const f of found) if (!out.has(f)) out.set(f, { path: f, matched: true });
    } else out.set(abs, { path: abs, matched: false });
  }
  return [...out.values()];
}

/** Files matching an absolute pattern whose segments may hold "*", "?" or be "**". */
function globFiles(pattern: string): string[] {
  const parts = pattern.split(sep === '\\' ? /[\\/]/u : /\//u);
  let i = 0;
  while (i < parts.length && !/[*?]/u.test(parts[i]!)) i++;
  const base = parts.slice(0, i).join(sep) || sep;
  const results: string[] = [];
  const walk = (dir: string, rest: string[]): void => {
    if (!rest.length) return;
    const [seg, ...tail] = rest as [string, ...string[]];
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    if (seg === '**') {
      walk(dir, tail);
      for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name), rest);
      return;
    }
    const re = new RegExp(`^${seg.replace(/[.+^${}()|[\]\\]/gu, '\\$&').replace(/\*/gu, '[^/]*').replace(/\?/gu, '.')}$`, 'u');
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      const p = join(dir, e.name);
      if (!tail.length) {
        if (e.isFile()) results.push(p);
      } else if (e.isDirectory()) walk(p, tail);
    }
  };
  walk(base, parts.slice(i));
  return [...new Set(results)].sort();
}
