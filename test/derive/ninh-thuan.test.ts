// End to end: derive Ninh Thuận's plan from the bundled 2024 ministry campaign (244/QĐ-BTP), build it
// like any document, read the DOCX and the PDF back, and check the shape of reference seed 001 (Ninh
// Thuận carrying out the ministry's 2023 plan): the same four parts, every field of work of the
// ministry plan in order with a) b) points, the opening citing 244/QĐ-BTP and its date, local
// targets, local deadlines before 15/3/2024, the local Nơi nhận and the GIÁM ĐỐC signature.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltDocument } from '../../src/build.ts';
import { deriveAll, REPORT_FILE, type DeriveOutcome } from '../../src/derive/command.ts';
import { MANIFEST, sha256, type Manifest } from '../../src/derive/manifest.ts';
import { campaignSchema, type CampaignInput } from '../../src/model/schema.ts';
import { readYaml, validate } from '../../src/read/yaml.ts';
import { toOldToneStyle } from '../../src/text/normalize.ts';
import { pointLetter } from '../../src/text/sequence.ts';
import { docxText } from '../support/docx-text.ts';
import { bodyText, pdfPages } from '../support/pdf-text.ts';
import { SEEDS_DIR } from '../support/seed-text.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINISTRY = 'data/bo-tu-phap/thi-dua-2024';
const ministry: CampaignInput = validate(campaignSchema, readYaml(join(ROOT, MINISTRY, 'chien-dich.yaml')));
const tone = (s: string) => toOldToneStyle(s.normalize('NFC')).text;

/** The Roman-numbered parts of seed 001, as its own headings spell them. */
const SEED_PARTS = readFileSync(join(SEEDS_DIR, '001_dab7e0ef23299e20.txt'), 'utf8')
  .split('\n')
  .map((l) => /^#+\s*\*\*((?:I|II|III|IV|V|VI)\.\s+.+?)\*\*\s*$/u.exec(l.trim())?.[1])
  .filter((x): x is string => !!x);

let tmp: string;
let outcome: DeriveOutcome;
let doc: BuiltDocument;
const texts: Record<'DOCX' | 'PDF', string[]> = { DOCX: [], PDF: [] };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vanban-derive-nt-'));
  outcome = deriveAll({ from: MINISTRY, profile: ['profiles/2023-2024/ninh-thuan.yaml'], out: tmp, root: ROOT });
  expect(outcome.failed.map((f) => f.error.message)).toEqual([]);
  const result = await build([tmp], { outDir: join(tmp, 'out'), root: tmp });
  expect(result.failed.map((f) => f.error.message)).toEqual([]);
  expect(result.built).toHaveLength(1);
  doc = result.built[0]!;
  texts.DOCX = await docxText(readFileSync(doc.docx));
  texts.PDF = bodyText(await pdfPages(readFileSync(doc.pdf))).split('\n');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('derive writes the local plan’s data', () => {
  it('writes ke-hoach.yaml, chien-dich.yaml, the manifest and the change report in <out>/ninh-thuan/thi-dua-2024', () => {
    const dir = join(tmp, 'ninh-thuan/thi-dua-2024');
    for (const f of ['ke-hoach.yaml', 'chien-dich.yaml', MANIFEST, REPORT_FILE]) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(outcome.reports[0]!.files.map((f) => [f.name, f.action])).toEqual([
      ['ke-hoach.yaml', 'new'],
      ['chien-dich.yaml', 'new'],
    ]);
    const plan = readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8');
    expect(plan).toMatch(/^so: null$/mu);
    expect(plan).toMatch(/^mau: ke-hoach-thi-dua-dia-phuong$/mu);
    expect(plan).toMatch(/^danh_so: "a\)"$/mu);
    const campaign = readFileSync(join(dir, 'chien-dich.yaml'), 'utf8');
    expect(campaign).toMatch(/han: 2024-03-08\n\s+han_bo: 2024-03-15/u); // deadlines are dates, with the ministry's beside them
  });

  it('reports what was kept, renumbered, localized and rewritten', () => {
    const md = readFileSync(join(tmp, 'ninh-thuan/thi-dua-2024', REPORT_FILE), 'utf8');
    expect(md).toMatch(/\| I\.1 \| Mục đích \| giữ nguyên; đánh số lại 1\.1\. → a\) \|/u);
    expect(md).toMatch(/\| II\.1 \| Đối tượng thi đua \| viết lại/u);
    expect(md).toMatch(/\| II\.3\.a \| Danh hiệu thi đua \| địa phương hóa/u);
    expect(md).toMatch(/\| III\.15 \| Công tác thống kê \| giữ nguyên; đánh số lại - → a\) \|/u);
    expect(md).toMatch(/\| IV \| Tổ chức thực hiện \| viết lại/u);
    expect(md).toMatch(/\| 15\/3\/2024 \| 08\/3\/2024 \| 08\/3\/2024 \|/u);
    expect(md).toMatch(/## Chỗ cần điền\n\nKhông còn chỗ "\[cần điền: …\]" nào\./u);
  });

  it('matches the example shipped in data/dia-phuong/ninh-thuan/thi-dua-2024, which derive may update in place', () => {
    const shipped = join(ROOT, 'data/dia-phuong/ninh-thuan/thi-dua-2024');
    const body = (p: string) => readFileSync(p, 'utf8').split('\n').slice(1).join('\n'); // line 1: schema path, relative to the folder
    for (const f of ['ke-hoach.yaml', 'chien-dich.yaml']) expect(body(join(shipped, f)), f).toBe(body(join(tmp, 'ninh-thuan/thi-dua-2024', f)));
    const manifest = JSON.parse(readFileSync(join(shipped, MANIFEST), 'utf8')) as Manifest;
    for (const f of ['ke-hoach.yaml', 'chien-dich.yaml']) expect(manifest.files[f], f).toBe(sha256(readFileSync(join(shipped, f))));
  });

  it('builds without placeholders: the signer is known', () => {
    expect(doc.doc.meta.placeholders).toEqual([]);
    expect(doc.doc.meta.kind).toBe('ke-hoach');
  });
});

describe.each(['DOCX', 'PDF'] as const)('the built %s', (kind) => {
  const lines = () => texts[kind];
  const flat = () => lines().join(' ').replace(/\s+/gu, ' ');
  const partAt = (n: number) => flat().indexOf(SEED_PARTS[n]!);
  const part = (n: number) => flat().slice(partAt(n), n + 1 < SEED_PARTS.length ? partAt(n + 1) : undefined);

  it('has the header of a Sở Tư pháp draft plan', () => {
    expect(flat()).toMatch(/^UBND TỈNH NINH THUẬN SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: \/KH-STP Ninh Thuận, ngày tháng năm 2024 KẾ HOẠCH Phát động phong trào thi đua theo chuyên đề “Kỷ cương, trách nhiệm, sáng tạo, bứt phá, thi đua hoàn thành xuất sắc nhiệm vụ” năm 2024 /u);
  });

  it('has the same four parts as seed 001, in order', () => {
    expect(SEED_PARTS).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. ĐỐI TƯỢNG THI ĐUA, DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG VÀ THỜI GIAN THỰC HIỆN', 'III. NỘI DUNG THI ĐUA', 'IV. TỔ CHỨC THỰC HIỆN']);
    const at = SEED_PARTS.map((_, i) => partAt(i));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(flat()).not.toMatch(/ V\. [A-ZĐ]{2}/u);
  });

  it('opens with the localized sentence citing 244/QĐ-BTP and its date', () => {
    const opening = 'Thực hiện Quyết định số 244/QĐ-BTP ngày 29/02/2024 của Bộ trưởng Bộ Tư pháp về ban hành Kế hoạch phát động phong trào thi đua theo chuyên đề đối với Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương năm 2024, Sở Tư pháp xây dựng Kế hoạch thực hiện phong trào thi đua với chủ đề “Kỷ cương, trách nhiệm, sáng tạo, bứt phá, thi đua hoàn thành xuất sắc nhiệm vụ” trong ngành Tư pháp trên địa bàn tỉnh Ninh Thuận, cụ thể như sau:';
    const at = flat().indexOf(opening);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(partAt(0));
  });

  it('keeps every field of work of the ministry plan, in order, each with a) b) … points', () => {
    const body = part(2);
    let from = 0;
    const fields = ministry.noi_dung_thi_dua.linh_vuc;
    expect(fields).toHaveLength(15);
    fields.forEach((lv, i) => {
      const heading = `${i + 1}. ${tone(lv.ten)}`;
      const at = body.indexOf(heading, from);
      expect(at, heading).toBeGreaterThan(from - 1);
      const next = i + 1 < fields.length ? body.indexOf(`${i + 2}. ${tone(fields[i + 1]!.ten)}`, at) : body.length;
      const points = [...body.slice(at + heading.length, next).matchAll(/(?:^|\s)([a-zđ])\)\s/gu)].map((m) => m[1]);
      expect(points, heading).toEqual(lv.nhiem_vu.map((_, k) => pointLetter(k + 1)));
      from = at + heading.length;
    });
  });

  it('numbers its points in the local style: no 1.1. labels anywhere', () => {
    expect(lines().filter((l) => /^\d+\.\d+\.\s/u.test(l.trim()))).toEqual([]);
    expect(part(0)).toMatch(/1\. Mục đích a\) Phát huy .* b\) Cổ vũ .* c\) Bồi dưỡng, .* 2\. Yêu cầu a\) Phong trào .* b\) Việc đánh giá/u);
  });

  it('narrows who competes and who is rewarded to the province’s own units', () => {
    const two = part(1);
    expect(two).toContain('a) Tập thể: Sở Tư pháp và các phòng, đơn vị trực thuộc Sở; Phòng Tư pháp các huyện, thành phố.');
    expect(two).toContain('b) Cá nhân: Công chức, viên chức, người lao động thuộc Sở Tư pháp, Phòng Tư pháp các huyện, thành phố; công chức Tư pháp - Hộ tịch các xã, phường, thị trấn, bao gồm cả công chức, viên chức đang trong thời gian tập sự');
    expect(two).toContain('“Cờ thi đua ngành Tư pháp” được xét tặng cho tập thể Sở Tư pháp tỉnh Ninh Thuận.');
    expect(two).toContain('Giấy khen của Giám đốc Sở Tư pháp được xét tặng cho tập thể là tập thể trực thuộc Sở Tư pháp, Phòng Tư pháp các huyện, thành phố và các cá nhân theo quy định tại điểm b mục 1 phần II của Kế hoạch này.');
    expect(two).not.toContain('các tỉnh, thành phố trực thuộc Trung ương');
  });

  it('rewrites Tổ chức thực hiện for the province’s units, with deadlines before the ministry’s 15/3/2024', () => {
    const four = part(3).slice(0, part(3).indexOf('Trên đây là Kế hoạch'));
    expect(four).toMatch(/^IV\. TỔ CHỨC THỰC HIỆN 1\. Trưởng các phòng, đơn vị trực thuộc Sở và Phòng Tư pháp các huyện, thành phố a\) .* b\) Phòng Tư pháp các huyện, thành phố xây dựng, ban hành kế hoạch .* trước ngày 08\/3\/2024 để theo dõi, tổng hợp\. 2\. Hội đồng Thi đua - Khen thưởng Sở Tư pháp a\) .* 3\. Văn phòng Sở \(Thường trực Hội đồng Thi đua - Khen thưởng Sở Tư pháp\) /u);
    const dates = [...four.matchAll(/(\d{2})\/(\d{1,2})\/(\d{4})/gu)].map((m) => `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]}`);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d < '2024-03-15', d).toBe(true);
    for (const u of ['Vụ Tổ chức cán bộ', 'Cụm thi đua', 'Các đơn vị có liên quan thuộc Bộ']) expect(four).not.toContain(u);
  });

  it('closes with “Trên đây là Kế hoạch …”, the local Nơi nhận and the GIÁM ĐỐC signature', () => {
    expect(flat()).toContain('Trên đây là Kế hoạch phát động phong trào thi đua theo chuyên đề năm 2024, Sở Tư pháp yêu cầu các phòng, đơn vị trực thuộc Sở, Phòng Tư pháp các huyện, thành phố nghiêm túc triển khai thực hiện./.');
    const l = lines().map((x) => x.trim());
    const start = l.indexOf('Nơi nhận:');
    expect(start).toBeGreaterThan(0);
    const end = l.findIndex((x, i) => i > start && x.startsWith('- Lưu:'));
    expect(l.slice(start + 1, end + 1)).toEqual([
      '- Bộ Tư pháp;',
      '- Vụ Tổ chức cán bộ - Bộ Tư pháp;',
      '- Cục Công tác phía Nam - BTP;',
      '- Khối thi đua STP các tỉnh MĐNB;',
      '- Lãnh đạo Sở;',
      '- Các phòng, đơn vị trực thuộc Sở;',
      '- Phòng Tư pháp các huyện, thành phố;',
      '- Trang thông tin điện tử STP;',
      '- Lưu: VT, VP.',
    ]);
    expect(l.slice(-2)).toEqual(['GIÁM ĐỐC', 'Trần Văn Hiếu']);
  });
});
