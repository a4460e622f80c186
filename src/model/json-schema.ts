// JSON Schema for editors, generated from the zod schemas (zod's own converter).

import { z } from 'zod';
import { campaignSchema, documentSchema } from './schema.ts';
import { allKinds } from '../kinds/index.ts';

export function jsonSchema(): object {
  return {
    ...z.toJSONSchema(z.union([documentSchema, campaignSchema]), { io: 'input', unrepresentable: 'any' }),
    title: `vanban: văn bản (loai: ${allKinds().map((k) => k.loai).join(' | ')}) hoặc dữ liệu phong trào thi đua`,
  };
}
