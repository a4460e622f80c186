// Signature and seal images named by nguoi_ky: read inside the project, relative to the data file,
// checked as transparent PNGs and sized; every problem located at its field, in one run with the
// schema's errors; drawn only on an issued text (a draft gets a note).

import { cpSync, mkdtempSync, readFileSync as read, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachError, InputError } from '../../src/model/errors.ts';
import { deriveAll } from '../../src/derive/command.ts';
import { composeDocument } from '../../src/transform/compose.ts';
import { BODY, DECISION, makeProject, writeFiles } from '../support/project.ts';
import { makePng, transparentPng } from '../support/png.ts';

const SIGNATURE = transparentPng(200, 80);
const SEAL = transparentPng(150, 150, [220, 0, 0]);

/** The sample decision signed with the given picture fields (YAML lines under nguoi_ky). */
const signed = (fields: string, decision = DECISION) => decision.replace('  ho_ten: Nguyễn Văn An\n', `  ho_ten: Nguyễn Văn An\n${fields}`);

function project(fields: string, files: Record<string, string | Uint8Array> = {}, decision = DECISION): string {
  return makeProject({ 'data/van-ban.yaml': signed(fields, decision), 'data/noi-dung.md': BODY, 'data/anh/chu-ky.png': SIGNATURE, 'data/anh/dau.png': SEAL, ...files });
}

function errorsOf(root: string): InputError[] {
  try {
    composeDocument(join(root, 'data/van-ban.yaml'), root);
  } catch (e) {
    if (e instanceof InputError) return eachError(e);
    throw e;
  }
  throw new Error('expected input errors');
}

const BOTH = '  anh_chu_ky: { tep: anh/chu-ky.png, rong_mm: 40 }\n  anh_dau: { tep: anh/dau.png, duong_kinh_mm: 36 }\n';

describe('signature and seal images', () => {
  it('fill Signature.image and .seal: the PNG bytes, its printed size (height from the proportions), its file', () => {
    const root = project(BOTH);
    const { doc, inputs } = composeDocument(join(root, 'data/van-ban.yaml'), root);
    const sig = doc.parts[0]!.closing!.signature;
    expect(sig.image).toEqual({ png: SIGNATURE.toString('base64'), widthMm: 40, heightMm: 16, source: 'data/anh/chu-ky.png' });
    expect(sig.seal).toMatchObject({ widthMm: 36, heightMm: 36, source: 'data/anh/dau.png' });
    expect(Buffer.from(sig.seal!.png, 'base64').equals(SEAL)).toBe(true);
    // the pictures are inputs of the build: changing one rebuilds the document
    expect(inputs).toEqual(expect.arrayContaining([join(root, 'data/anh/chu-ky.png'), join(root, 'data/anh/dau.png')]));
  });

  it('a height alone gives the width; a width and height that distort the image are refused', () => {
    const root = project('  anh_chu_ky: { tep: anh/chu-ky.png, cao_mm: 20 }\n');
    expect(composeDocument(join(root, 'data/van-ban.yaml'), root).doc.parts[0]!.closing!.signature.image).toMatchObject({ widthMm: 50, heightMm: 20 });
    const [e] = errorsOf(project('  anh_chu_ky: { tep: anh/chu-ky.png, rong_mm: 40, cao_mm: 30 }\n'));
    expect(e!.field).toBe('nguoi_ky.anh_chu_ky');
    expect(e!.problem).toMatch(/200×80 điểm ảnh rộng 40 mm thì cao 16 mm; cao 30 mm sẽ làm méo ảnh/);
    expect(e!.fix).toMatch(/chỉ ghi chiều rộng/);
  });

  it('a picture not in the decree\'s ink (blue signature, red seal) is printed, with a note', () => {
    const root = project(BOTH);
    expect(composeDocument(join(root, 'data/van-ban.yaml'), root).notes.join('\n')).not.toMatch(/không phải màu/);
    const swapped = project(BOTH, { 'data/anh/chu-ky.png': transparentPng(200, 80, [20, 20, 20]), 'data/anh/dau.png': transparentPng(150, 150, [0, 0, 200]) });
    const { doc, notes } = composeDocument(join(swapped, 'data/van-ban.yaml'), swapped);
    expect(doc.parts[0]!.closing!.signature.image).toBeDefined();
    expect(notes.filter((n) => /không phải màu/.test(n))).toEqual([
      expect.stringMatching(/nguoi_ky\.anh_chu_ky: ảnh chữ ký "anh\/chu-ky.png" không phải màu xanh \(Phụ lục I, mục II\.7\.d/u),
      expect.stringMatching(/nguoi_ky\.anh_dau: ảnh dấu "anh\/dau.png" không phải màu đỏ \(Phụ lục I, mục II\.8/u),
    ]);
  });

  it('a draft is not signed: its pictures wait, with a note', () => {
    const root = project(BOTH, {}, DECISION.replace('so: 47', 'so: null'));
    const { doc, notes } = composeDocument(join(root, 'data/van-ban.yaml'), root);
    const sig = doc.parts[0]!.closing!.signature;
    expect(sig.image).toBeUndefined();
    expect(sig.seal).toBeUndefined();
    expect(notes.join('\n')).toMatch(/chưa in ảnh chữ ký, ảnh dấu/);
  });

  it('refuse a missing file, a file that is not a PNG, a file outside the project, a PNG without transparency, each at its line', () => {
    const outside = mkdtempSync(join(tmpdir(), 'vanban-outside-'));
    writeFileSync(join(outside, 'dau.png'), SEAL);
    const cases: Array<[string, Record<string, string | Uint8Array>, RegExp, RegExp]> = [
      ['  anh_chu_ky: { tep: anh/khong-co.png, rong_mm: 40 }\n', {}, /không tìm thấy ảnh chữ ký "anh\/khong-co.png"/, /kiểm tra đường dẫn/],
      ['  anh_chu_ky: { tep: anh/gia.png, rong_mm: 40 }\n', { 'data/anh/gia.png': 'không phải ảnh' }, /ảnh chữ ký "anh\/gia.png": không phải tệp ảnh PNG/, /xuất ảnh ra định dạng PNG/],
      [`  anh_dau: { tep: ${join(outside, 'dau.png')}, duong_kinh_mm: 36 }\n`, {}, /nằm ngoài thư mục dự án/, /chép tệp vào thư mục dự án/],
      ['  anh_dau: { tep: anh/nen-trang.png, duong_kinh_mm: 36 }\n', { 'data/anh/nen-trang.png': makePng({ width: 2, height: 2, type: 2, samples: Array(12).fill(255) }) }, /ảnh dấu "anh\/nen-trang.png" không có nền trong suốt/, /xóa nền trắng/],
    ];
    for (const [fields, files, problem, fix] of cases) {
      const errors = errorsOf(project(fields, files));
      expect(errors).toHaveLength(1);
      const e = errors[0]!;
      expect(e.problem).toMatch(problem);
      expect(e.fix).toMatch(fix);
      expect(e.field).toMatch(/^nguoi_ky\.anh_(chu_ky|dau)\.tep$/);
      expect(e.loc).toMatchObject({ file: 'data/van-ban.yaml', line: 19 });
    }
  });

  it('report picture problems in the same run as the schema errors, in line order', () => {
    const yaml = signed('  anh_chu_ky: { tep: anh/khong-co.png, rong_mm: 5 }\n  anh_dau: { tep: anh/dau.png }\n').replace('dia_danh: Hà Nội', 'dia_danh: ""');
    const root = makeProject({ 'data/van-ban.yaml': yaml, 'data/noi-dung.md': BODY, 'data/anh/dau.png': SEAL });
    const errors = errorsOf(root);
    expect(errors.map((e) => `${e.loc.line} ${e.field}`)).toEqual(['7 dia_danh', '19 nguoi_ky.anh_chu_ky.tep', '19 nguoi_ky.anh_chu_ky.rong_mm', '20 nguoi_ky.anh_dau.duong_kinh_mm']);
    expect(errors[2]!.problem).toMatch(/từ 10 đến 80 mm/);
    expect(errors[3]!.problem).toBe('thiếu trường bắt buộc');
  });

  it('refuse a file that is not named .png, and an empty size', () => {
    const errors = errorsOf(project('  anh_chu_ky: { tep: anh/chu-ky.jpg }\n'));
    // the size's error is at the field's key, the file's at its value, on the same line
    expect(errors.map((e) => e.field)).toEqual(['nguoi_ky.anh_chu_ky.rong_mm', 'nguoi_ky.anh_chu_ky.tep']);
    expect(errors[0]!.problem).toMatch(/cần kích thước in của ảnh chữ ký/);
    expect(errors[1]!.problem).toMatch(/tệp .png nền trong suốt/);
  });
});

describe('pictures declared on a province profile (vanban derive)', () => {
  it('are checked when the profile is read, and named from the derived plan\'s folder in the plan it writes', () => {
    const repo = resolve(import.meta.dirname, '../..');
    const root = mkdtempSync(join(tmpdir(), 'vanban-derive-pictures-'));
    cpSync(join(repo, 'data/bo-tu-phap/thi-dua-2024'), join(root, 'data/bo-tu-phap/thi-dua-2024'), { recursive: true });
    const profile = read(join(repo, 'profiles/2023-2024/ninh-thuan.yaml'), 'utf8').replace(/^(nguoi_ky: \{.*)\}$/mu, '$1, anh_chu_ky: { tep: anh/chu-ky.png, rong_mm: 40 }, anh_dau: { tep: anh/dau.png, duong_kinh_mm: 36 } }');
    expect(profile).toContain('anh_dau');
    writeFiles(root, { 'profiles/ninh-thuan.yaml': profile, 'profiles/anh/chu-ky.png': SIGNATURE, 'profiles/anh/dau.png': SEAL });
    const opts = { from: 'data/bo-tu-phap/thi-dua-2024', profile: [join(root, 'profiles/ninh-thuan.yaml')], out: join(root, 'derived'), root };
    expect(deriveAll(opts).failed).toEqual([]);
    const plan = join(root, 'derived/ninh-thuan/thi-dua-2024/ke-hoach.yaml');
    expect(read(plan, 'utf8')).toContain('tep: ../../../profiles/anh/chu-ky.png');
    // the derived plan is a draft: it builds, its pictures wait for its số and ngày
    const { doc, notes } = composeDocument(plan, root);
    expect(doc.parts[0]!.closing!.signature.image).toBeUndefined();
    expect(notes.join('\n')).toMatch(/chưa in ảnh chữ ký, ảnh dấu/);
    const issued = read(plan, 'utf8').replace(/^so: null$/mu, 'so: 20').replace(/^ngay: null$/mu, 'ngay: 2024-03-20');
    writeFileSync(plan, issued);
    expect(composeDocument(plan, root).doc.parts[0]!.closing!.signature).toMatchObject({ image: { widthMm: 40, source: 'profiles/anh/chu-ky.png' }, seal: { widthMm: 36 } });

    // a profile naming a missing picture is refused at its field
    writeFileSync(join(root, 'profiles/ninh-thuan.yaml'), profile.replace('anh/dau.png', 'anh/khong-co.png'));
    const failed = deriveAll({ ...opts, force: true }).failed;
    expect(JSON.stringify(failed)).toMatch(/không tìm thấy ảnh dấu \\"anh\/khong-co.png\\"/u);
  }, 60_000);
});
