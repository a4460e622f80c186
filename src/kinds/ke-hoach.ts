// Kế hoạch, Phụ lục III Mẫu 1.4: tên loại and trích yếu, I./1./1.1. or a) numbering; issued alone or
// with a Quyết định (then without header, số or closing of its own).

import type { Kind } from './kind.ts';

export const keHoach: Kind = {
  loai: 'ke-hoach',
  name: 'Kế hoạch',
  abbr: 'KH',
  attachable: true,
  fields: ({ base }) => ({
    // A plan issued with a decision has no header, number or closing of its own.
    so: base.so!.optional(),
    ngay: base.ngay!.optional(),
    dia_danh: base.dia_danh!.optional(),
    noi_nhan: base.noi_nhan!.optional(),
    luu: base.luu!.optional(),
    nguoi_ky: base.nguoi_ky!.optional(),
  }),
};
