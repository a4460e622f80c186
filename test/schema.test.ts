import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/model/json-schema.ts';

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
