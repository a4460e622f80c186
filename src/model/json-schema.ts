// JSON Schemas for editors, generated from the zod schemas (zod's own converter): one per kind of
// data file, written to schema/ by `npm run schema` (`vanban schema --ghi schema`).

import { z } from 'zod';
import { campaignSchema, documentSchema } from './schema.ts';
import { profileSchema } from '../derive/profile.ts';
import { allKinds } from '../kinds/index.ts';

const convert = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function jsonSchema(): object {
  return {
    ...convert(z.union([documentSchema, campaignSchema])),
    title: `vanban: văn bản (loai: ${allKinds().map((k) => k.loai).join(' | ')}) hoặc dữ liệu phong trào thi đua`,
  };
}

/** Every schema file shipped in schema/, by file name: documents, campaign data, province profiles. */
export function jsonSchemas(): Record<string, object> {
  return {
    'vanban.schema.json': jsonSchema(),
    'chien-dich.schema.json': { ...convert(campaignSchema), title: 'vanban: dữ liệu phong trào thi đua (chien-dich.yaml)', description: 'Dữ liệu dùng chung của một phong trào thi đua: Quyết định và Kế hoạch lấy nội dung từ đây qua mẫu ke-hoach-thi-dua' },
    'ho-so-tinh.schema.json': { ...convert(profileSchema), title: 'vanban: hồ sơ tỉnh cho `vanban derive`', description: 'Những gì Kế hoạch của Sở Tư pháp cần biết về tỉnh: tên, cơ quan, người ký, đơn vị, Nơi nhận, hạn, kiểu đánh số, thời gian hiệu lực' },
  };
}

/** Where a property has no description: JSON pointers like "/properties/co_quan/properties/ten". */
export function undescribed(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  if (s.properties && typeof s.properties === 'object')
    for (const [name, prop] of Object.entries(s.properties as Record<string, unknown>)) {
      const p = prop as Record<string, unknown>;
      if (typeof p.description !== 'string' || !p.description.trim()) out.push(`${at}/properties/${name}`);
    }
  for (const [key, value] of Object.entries(s)) {
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...undescribed(v, `${at}/${key}/${i}`)));
    else if (value && typeof value === 'object') out.push(...undescribed(value, `${at}/${key}`));
  }
  return [...new Set(out)];
}
