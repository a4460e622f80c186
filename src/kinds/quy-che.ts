// Quy chế (QC) or Quy định (QyĐ), Phụ lục III Mẫu 1.4, usually issued with a Quyết định: Chương I,
// Mục 1 (inside a chương), Điều n. numbered across the whole text, khoản "1.", điểm "a)".
// Markdown: "#" chương, "##" mục, "###" điều, a numbered list under an điều its khoản.

import { attachedFields, type Kind } from './kind.ts';

const ABBR = { 'Quy chế': 'QC', 'Quy định': 'QyĐ' } as const;

export const quyChe: Kind = {
  loai: 'quy-che',
  name: (input) => String(input.ten_loai ?? 'Quy chế'),
  abbr: (input) => ABBR[(input.ten_loai as keyof typeof ABBR | undefined) ?? 'Quy chế'],
  numbering: 'quy-che',
  attachable: true,
  fields: ({ z, base }) => ({
    ten_loai: z.enum(['Quy chế', 'Quy định'], { error: 'chỉ nhận "Quy chế" hoặc "Quy định"' }).default('Quy chế').describe('Tên loại: Quy chế hoặc Quy định'),
    ...attachedFields(base),
  }),
};
