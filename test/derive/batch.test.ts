// One command for a whole set of profiles: the 2024 campaign for all 63 units of 2024, then a build
// of the 63 plans; profiles of the wrong period; bad profiles in a batch (errors with file and line,
// nothing written for them, the others written); and the no-district path of the 2025 units.

import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.ts';
import { deriveAll, deriveCommand } from '../../src/derive/command.ts';
import { blockText, inlineText } from '../../src/model/ast.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINISTRY = 'data/bo-tu-phap/thi-dua-2024';
const TMP = mkdtempSync(join(tmpdir(), 'vanban-derive-batch-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const SIGNER_PLACEHOLDER = '[cần điền: họ tên Giám đốc Sở]';

describe('the 2024 campaign for the 63 units of 2024', () => {
  const out = join(TMP, 'all63');

  it('derives all 63 in one command and builds them like any document', async () => {
    const outcome = deriveAll({ from: MINISTRY, profile: ['profiles/2023-2024/*.yaml'], out, root: ROOT });
    expect(outcome.failed.map((f) => f.error.message)).toEqual([]);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.reports).toHaveLength(63);
    expect(readdirSync(out)).toHaveLength(63);
    for (const r of outcome.reports) expect(r.deadlines.map((d) => d.local), r.slug).toEqual(['2024-03-08']);

    const result = await build([out], { outDir: join(TMP, 'out63'), root: out, write: false });
    expect(result.failed.map((f) => f.error.message)).toEqual([]);
    expect(result.built).toHaveLength(63);
    const bySlug = new Map(result.built.map((b) => [b.source.split('/')[0]!, b]));

    // A draft with an unknown signer builds, and says what is left to fill.
    for (const [slug, b] of bySlug) expect(b.doc.meta.placeholders, slug).toEqual(['ninh-thuan', 'an-giang'].includes(slug) ? [] : [SIGNER_PLACEHOLDER]);

    // Each province is itself: header, place, numbering profile, signer.
    const hn = bySlug.get('ha-noi')!.doc.parts[0]!;
    expect(hn.header).toMatchObject({ parent: 'UBND THÀNH PHỐ HÀ NỘI', issuer: 'SỞ TƯ PHÁP' });
    expect(hn.header!.placeDate).toMatch(/^Hà Nội, ngày\s+tháng\s+năm 2024$/u);
    const hcm = bySlug.get('ho-chi-minh')!.doc.parts[0]!;
    expect(hcm.header!.placeDate).toMatch(/^Thành phố Hồ Chí Minh, ngày/u);
    expect(hcm.body.map((b) => blockText(b)).join(' ')).toContain('trên địa bàn Thành phố Hồ Chí Minh, cụ thể như sau:');
    const ag = bySlug.get('an-giang')!.doc.parts[0]!;
    expect(ag.body.some((b) => (b.type === 'heading' || b.type === 'item') && b.label === '1.1.')).toBe(true); // An Giang numbers 1.1. (seed 004)
    expect(ag.closing!.signature).toEqual({ lines: ['GIÁM ĐỐC'], name: 'Cao Thanh Sơn' });
    expect(ag.closing!.recipients.at(-1)).toBe('- Lưu: VT, TĐKT.');
    const nt = bySlug.get('ninh-thuan')!.doc.parts[0]!;
    expect(nt.body.some((b) => (b.type === 'heading' || b.type === 'item') && /^\d+\.\d+\.$/u.test(b.label ?? ''))).toBe(false);
  });
});

describe('profiles of another period', () => {
  it('a folder or pattern takes only the profiles valid in the campaign year', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await deriveCommand({ from: MINISTRY, profile: ['profiles/2025'], out: join(TMP, 'p2025'), root: ROOT });
      expect(code).toBe(1);
      expect(log.mock.calls.flat().filter((l) => String(l).startsWith('· bỏ qua'))).toHaveLength(34);
      expect(err.mock.calls.flat().join('\n')).toMatch(/không có hồ sơ tỉnh nào dùng được cho phong trào năm 2024/u);
      expect(existsSync(join(TMP, 'p2025'))).toBe(false);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });

  it('a profile named on its own that is not valid in the campaign year is an error', () => {
    const outcome = deriveAll({ from: MINISTRY, profile: ['profiles/2025/khanh-hoa.yaml', 'test/fixtures/derive/ho-so-loi/het-hieu-luc.yaml'], out: join(TMP, 'p2025b'), root: ROOT });
    expect(outcome.reports).toEqual([]);
    expect(outcome.failed.map((f) => f.error.message)).toEqual([
      expect.stringMatching(/^profiles\/2025\/khanh-hoa\.yaml:\d+:\d+: trường "hieu_luc\.tu": hồ sơ tỉnh Khánh Hòa có hiệu lực 2025-07-01 – nay, không dùng được cho phong trào năm 2024/u),
      expect.stringMatching(/^test\/fixtures\/derive\/ho-so-loi\/het-hieu-luc\.yaml:\d+:\d+: trường "hieu_luc\.den": hồ sơ tỉnh Cũ có hiệu lực 2008-08-01 – 2023-12-31/u),
    ]);
  });
});

describe('bad profiles in a batch', () => {
  const out = join(TMP, 'bad');
  const BAD = readdirSync(join(ROOT, 'test/fixtures/derive/ho-so-loi')).sort();

  it('get a Vietnamese error with file and line each, nothing written for them; the good one is written', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    let code: number, errors: string[], logs: string;
    try {
      code = await deriveCommand({ from: MINISTRY, profile: ['profiles/2023-2024/ninh-thuan.yaml', ...BAD.map((f) => `test/fixtures/derive/ho-so-loi/${f}`)], out, root: ROOT });
      errors = err.mock.calls.map((c) => String(c[0]));
      logs = log.mock.calls.flat().join('\n');
    } finally {
      err.mockRestore();
      log.mockRestore();
    }
    expect(code).toBe(1);
    expect(errors).toHaveLength(BAD.length);
    for (const [i, f] of BAD.entries()) expect(errors[i]).toMatch(new RegExp(`^✗ test/fixtures/derive/ho-so-loi/${f.replace('.', '\\.')}:\\d+:\\d+: trường "[\\w.]+": `, 'u'));
    expect(errors.join('\n')).toMatch(/han-truoc-khi-bat-dau\.yaml:\d+:\d+: trường "truoc_han_ngay": sớm hơn 80 ngày thì hạn của Sở \(26\/12\/2023\) rơi trước ngày bắt đầu phong trào \(01\/01\/2024\)/u);
    expect(errors.join('\n')).toMatch(/danh-so-la\.yaml:\d+:\d+: trường "danh_so": kiểu đánh số chỉ nhận/u);
    expect(errors.join('\n')).toMatch(/thieu-dia-danh\.yaml:\d+:\d+: trường "dia_danh": thiếu trường bắt buộc/u);
    expect(readdirSync(out)).toEqual(['ninh-thuan']);
    expect(logs).toMatch(/Đã sinh dữ liệu 1 Kế hoạch .*; 7 hồ sơ lỗi, không ghi tệp nào cho chúng\./u);
  });
});

describe('a province without a district level (2025 units)', () => {
  it('drops the district justice offices and keeps the commune-level officers', async () => {
    // A 2025 ministry campaign: the bundled 2024 one moved a year on.
    const ministry = join(TMP, 'bo-2025/thi-dua-2025');
    cpSync(join(ROOT, MINISTRY), ministry, { recursive: true });
    for (const f of ['chien-dich.yaml', 'quyet-dinh.yaml', 'ke-hoach.yaml']) {
      const p = join(ministry, f);
      writeFileSync(p, readFileSync(p, 'utf8').replaceAll('2024', '2025').replace('ngay: 2025-02-29', 'ngay: 2025-02-28'));
    }
    const out = join(TMP, 'hai-cap');
    const outcome = deriveAll({ from: ministry, profile: ['profiles/2025/khanh-hoa.yaml'], out, root: ROOT });
    expect(outcome.failed.map((f) => f.error.message)).toEqual([]);
    const [r] = outcome.reports;
    expect(r!.deadlines).toEqual([{ task: expect.any(String), ministry: '2025-03-15', nominal: '2025-03-08', local: '2025-03-07', moved: true, because: 'cuối tuần' }]); // 08/3/2025 is a Saturday
    expect(r!.warnings.join('\n')).toMatch(/nằm ngoài thời gian hiệu lực của hồ sơ/u);

    const result = await build([out], { outDir: join(TMP, 'out-hai-cap'), root: out, write: false });
    expect(result.failed.map((f) => f.error.message)).toEqual([]);
    const text = result.built[0]!.doc.parts[0]!.body.map((b) => blockText(b)).join('\n');
    expect(text).not.toMatch(/Phòng Tư pháp/u);
    expect(text).toContain('Tập thể: Sở Tư pháp và các phòng, đơn vị trực thuộc Sở.');
    expect(text).toContain('Cá nhân: Công chức, viên chức, người lao động thuộc Sở Tư pháp; công chức làm công tác tư pháp - hộ tịch cấp xã, bao gồm cả');
    expect(text).toContain('kiểm tra, đôn đốc việc thực hiện nhiệm vụ này tại cấp xã.');
    expect(text).toContain('tập thể trực thuộc Sở Tư pháp và các cá nhân theo quy định tại điểm b mục 1 phần II');
    expect(text).toContain('Các phòng, đơn vị trực thuộc Sở đăng ký thi đua, xây dựng kế hoạch triển khai phong trào thi đua của đơn vị và gửi về Sở Tư pháp (qua Văn phòng Sở) trước ngày 07/3/2025');
    expect(text).toContain('Thực hiện Quyết định số 244/QĐ-BTP ngày 28/02/2025 của Bộ trưởng Bộ Tư pháp');
  });

  it('skips Thừa Thiên Huế for a 2025 campaign when the 2023–2024 set is given as a pattern', () => {
    const outcome = deriveAll({ from: join(TMP, 'bo-2025/thi-dua-2025'), profile: ['profiles/2023-2024/th*.yaml'], out: join(TMP, 'th2025'), root: ROOT });
    expect(outcome.skipped.map((s) => s.file)).toEqual(['profiles/2023-2024/thua-thien-hue.yaml']);
    expect(outcome.reports.map((r) => r.slug)).toEqual(['thai-binh', 'thai-nguyen', 'thanh-hoa']);
  });
});
