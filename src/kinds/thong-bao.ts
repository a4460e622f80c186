// Thông báo, Phụ lục III Mẫu 1.4 (TB): tên loại and trích yếu, body, Nơi nhận and signature.

import type { Kind } from './kind.ts';

export const thongBao: Kind = {
  loai: 'thong-bao',
  name: 'Thông báo',
  abbr: 'TB',
  fields: () => ({}),
};
