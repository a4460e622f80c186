import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemas, undescribed } from '../src/model/json-schema.ts';
import { vanban } from './support/cli.ts';

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
