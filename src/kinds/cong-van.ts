// Công văn, Phụ lục III Mẫu 1.5: no tên loại; "V/v …" under the số (ô 5b, 12–13 pt, upright); ký hiệu
// "<cơ quan>-<đơn vị soạn thảo>" ("Số: 12/STP-VP"); "Kính gửi:"; Nơi nhận opening with "- Như trên;".

import type { Kind } from './kind.ts';
import { addAddressees, kinhGuiField } from './addressed.ts';

export const congVan: Kind = {
  loai: 'cong-van',
  name: 'Công văn',
  printsName: false,
  abbr: null,
  fields: (kit) => ({
    don_vi: kit.z
      .string()
      .regex(/^[A-ZĐ][A-ZĐa-zđ0-9]*$/u, { error: 'chữ viết tắt đơn vị soạn thảo chỉ gồm chữ cái và số, ví dụ VP, PBGDPL' })
      .optional()
      .describe('Chữ viết tắt đơn vị soạn thảo, sau tên cơ quan trong ký hiệu: "VP" cho "Số: 12/STP-VP"'),
    kinh_gui: kinhGuiField(kit),
  }),
  kyHieu: (input) => (input.don_vi ? `${input.co_quan.viet_tat}-${String(input.don_vi)}` : null),
  compose(input, part, kit) {
    delete part.title;
    part.header!.subjectLine = `V/v ${input.trich_yeu}`;
    addAddressees(part, input.kinh_gui as string[], kit);
  },
};
