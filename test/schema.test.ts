import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemas, undescribed } from '../src/model/json-schema.ts';
import { eachError, InputError } from '../src/model/errors.ts';
import { composeDocument } from '../src/transform/compose.ts';
import { vanban } from './support/cli.ts';
import { BODY, DECISION, makeProject } from './support/project.ts';

describe('JSON Schema for editors', () => {
  it('is checked in and up to date (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/vanban.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });

  it('describes the document fields in Vietnamese and lists the document kinds', () => {
    const text = JSON.stringify(jsonSchema());
    expect(text).toContain('"const":"quyet-dinh"');
    expect(text).toContain('"const":"ke-hoach"');
    expect(text).toContain('Trích yếu nội dung');
    expect(text).toContain('"enum":["TM","KT","Q","TL","TUQ"]');
  });
});

describe('JSON Schemas of every data file (documents, campaign data, province profiles)', () => {
  it('are checked in under schema/ and up to date (regenerate with `npm run schema`)', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../schema/${file}`, import.meta.url), 'utf8'));
      expect(committed, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
    expect(Object.keys(jsonSchemas()).sort()).toEqual(['chien-dich.schema.json', 'ho-so-tinh.schema.json', 'vanban.schema.json']);
  });

  it('give every property a Vietnamese description, and the schema a title', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      expect(undescribed(schema), file).toEqual([]);
      expect((schema as { title?: string }).title, file).toMatch(/^vanban: /u);
    }
    // The walker does find a missing description.
    expect(undescribed({ properties: { a: { type: 'string' }, b: { description: 'có', properties: { c: {} } } } })).toEqual(['/properties/a', '/properties/b/properties/c']);
    // Vietnamese, not English: every description has a Vietnamese letter or a quoted example.
    const descriptions = JSON.stringify(jsonSchemas()).match(/"description":"[^"\\]*(?:\\.[^"\\]*)*"/gu) ?? [];
    expect(descriptions.length).toBeGreaterThan(100);
    for (const d of descriptions) expect(d, d).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu);
  });

  it('is named on the first line of every province profile, for editors', () => {
    const dir = new URL('../profiles/', import.meta.url);
    for (const set of readdirSync(dir))
      for (const f of readdirSync(new URL(`${set}/`, dir)))
        expect(readFileSync(new URL(`${set}/${f}`, dir), 'utf8').split('\n')[0], `${set}/${f}`).toBe('# yaml-language-server: $schema=../../schema/ho-so-tinh.schema.json');
  });

  it('vanban schema prints each one, and --ghi writes all three', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-schema-'));
    try {
      const printed = vanban(['schema', 'ho-so-tinh']);
      expect(printed.status).toBe(0);
      expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(JSON.stringify(jsonSchemas()['ho-so-tinh.schema.json'])));
      const bad = vanban(['schema', 'cong-van']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('✗ không có JSON Schema "cong-van"; chọn một trong: vanban, chien-dich, ho-so-tinh');
      expect(vanban(['schema', '--ghi', dir]).status).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['chien-dich.schema.json', 'ho-so-tinh.schema.json', 'vanban.schema.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the date of a draft: day blank, day and month blank, and what has no meaning', () => {
  const dateOf = (lines: string): { placeDate?: string; errors?: string[] } => {
    const root = makeProject({ 'data/van-ban.yaml': DECISION.replace('so: 47\nngay: 2024-03-05\n', `so: null\n${lines}\n`), 'data/noi-dung.md': BODY });
    try {
      return { placeDate: composeDocument(join(root, 'data/van-ban.yaml'), root).doc.parts[0]!.header!.placeDate! };
    } catch (e) {
      if (e instanceof InputError) return { errors: eachError(e).map((x) => x.message) };
      throw e;
    }
  };

  it('writes every blank the decree\'s drafts use: the day (month kept), the day and month (year kept), none', () => {
    expect(dateOf('ngay: 2024-01').placeDate).toBe('Hà Nội, ngày      tháng 01 năm 2024');
    expect(dateOf('ngay: 2024-11').placeDate).toBe('Hà Nội, ngày      tháng 11 năm 2024');
    expect(dateOf('ngay: null\nnam: 2025').placeDate).toMatch(/^Hà Nội, ngày +tháng +năm 2025$/u);
    expect(dateOf('ngay: 2024-02-05').placeDate).toBe('Hà Nội, ngày 05 tháng 02 năm 2024');
  });

  it('refuses a day kept with its month blank, a bare year, short numbers and a year that contradicts the date, saying what to write', () => {
    for (const v of ['2024-00-15', '"2024--15"', '"2024-__-15"']) expect(dateOf(`ngay: ${v}`).errors, v).toEqual([expect.stringMatching(/trường "ngay": .*không để trống tháng mà giữ ngày: ngày chỉ có nghĩa trong một tháng; ghi "yyyy-mm" để trống ngày/u)]);
    expect(dateOf('ngay: 2024').errors).toEqual([expect.stringContaining('để trống cả ngày và tháng thì ghi "ngay: null" và "nam: 2024"; để trống ngày, giữ tháng thì ghi "ngay: 2024-01"')]);
    expect(dateOf('ngay: "2024"').errors).toEqual([expect.stringContaining('"2024" không phải một ngày')]);
    expect(dateOf('ngay: 2024-3').errors).toEqual([expect.stringContaining('ngày, tháng viết đủ hai chữ số: 2024-03')]);
    expect(dateOf('ngay: 2024-13').errors).toEqual([expect.stringContaining('tháng không có thật: 2024-13')]);
    expect(dateOf('ngay: 2024-01\nnam: 2023').errors).toEqual([expect.stringMatching(/:7:1: trường "nam": năm 2023 khác năm của "ngay" \(2024-01\)\. Cách sửa: bỏ trường "nam"/u)]);
    expect(dateOf('ngay: null').errors).toEqual([expect.stringContaining('dự thảo chưa có ngày thì phải có trường "nam"')]);
  });
});

describe('Nơi nhận: the "Lưu" line is made from luu, never typed as a recipient', () => {
  const compose = (items: string[]) => {
    const root = makeProject({ 'data/van-ban.yaml': DECISION.replace(/noi_nhan:\n(?: {2}- .*\n)+/u, `noi_nhan:\n${items.map((i) => `  - ${JSON.stringify(i)}\n`).join('')}`), 'data/noi-dung.md': BODY });
    try {
      return { recipients: composeDocument(join(root, 'data/van-ban.yaml'), root).doc.parts[0]!.closing!.recipients };
    } catch (e) {
      if (e instanceof InputError) return { errors: eachError(e).map((x) => x.message) };
      throw e;
    }
  };

  it('refuses "Lưu: VT", "- Lưu VT" and "Lưu" at their item, and keeps archives and names that only begin with the word', () => {
    for (const typed of ['Lưu: VT', '- Lưu VT, Vụ TCCB', 'Lưu']) {
      const r = compose(['Như Điều 3', typed]);
      expect(r.errors, typed).toEqual([expect.stringMatching(/:\d+:\d+: trường "noi_nhan\.1": dòng "Lưu" không phải một nơi nhận: vanban tự thêm dòng "- Lưu: …" cuối Nơi nhận từ trường luu/u)]);
    }
    const kept = compose(['Như Điều 3', 'Lưu trữ lịch sử tỉnh An Giang']);
    expect(kept.recipients).toContain('- Lưu trữ lịch sử tỉnh An Giang;');
    expect(kept.recipients!.filter((l) => l.startsWith('- Lưu:'))).toHaveLength(1);
  });
});
