// Báo cáo, Phụ lục III Mẫu 1.4 (BC); sent upward it carries "Kính gửi:" under the trích yếu.

import type { Kind } from './kind.ts';
import { addAddressees, kinhGuiField } from './addressed.ts';

export const baoCao: Kind = {
  loai: 'bao-cao',
  name: 'Báo cáo',
  abbr: 'BC',
  fields: (kit) => ({ kinh_gui: kinhGuiField(kit).optional() }),
  compose(input, part, kit) {
    if (input.kinh_gui) addAddressees(part, input.kinh_gui as string[], kit);
  },
};
