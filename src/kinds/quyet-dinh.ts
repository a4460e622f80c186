// Quyết định (cá biệt), Phụ lục III Mẫu 1.2/1.3: thẩm quyền ban hành, căn cứ and "Theo đề nghị …",
// "QUYẾT ĐỊNH:", Điều n.; a Kế hoạch, Quy chế or Quy định may be issued with it ("kem_theo").

import { upperVi } from '../text/normalize.ts';
import { basisLines } from '../text/wording.ts';
import type { Kind } from './kind.ts';

export const quyetDinh: Kind = {
  loai: 'quyet-dinh',
  name: 'Quyết định',
  abbr: 'QĐ',
  numbering: 'dieu',
  fields: ({ line }) => ({
    tham_quyen_ban_hanh: line.describe('Thẩm quyền ban hành: "Bộ trưởng Bộ Tư pháp"'),
    theo_de_nghi: line.optional().describe('Theo đề nghị của …'),
    thi_hanh: line.optional().describe('Các cơ quan, đơn vị chịu trách nhiệm thi hành (Điều cuối)'),
    kem_theo: line.optional().describe('Tệp YAML của văn bản ban hành kèm theo Quyết định (ke-hoach, quy-che)'),
  }),
  compose(input, part) {
    part.authority = upperVi(String(input.tham_quyen_ban_hanh));
    part.bases = basisLines((input.can_cu as string[]) ?? [], input.theo_de_nghi as string | undefined);
    part.enacting = `${upperVi('Quyết định')}:`;
  },
};
