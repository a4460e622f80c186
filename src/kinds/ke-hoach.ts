// Kế hoạch, Phụ lục III Mẫu 1.4: tên loại and trích yếu, I./1./1.1. or a) numbering; issued alone or
// with a Quyết định (then without header, số or closing of its own).

import { attachedFields, type Kind } from './kind.ts';

export const keHoach: Kind = {
  loai: 'ke-hoach',
  name: 'Kế hoạch',
  abbr: 'KH',
  attachable: true,
  fields: ({ base }) => ({
    ...attachedFields(base),
  }),
};
