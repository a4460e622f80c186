// Tờ trình, Phụ lục III Mẫu 1.4 (TTr); sent upward it carries "Kính gửi:" under the trích yếu.

import type { Kind } from './kind.ts';
import { addAddressees, kinhGuiField } from './addressed.ts';

export const toTrinh: Kind = {
  loai: 'to-trinh',
  name: 'Tờ trình',
  abbr: 'TTr',
  fields: (kit) => ({ kinh_gui: kinhGuiField(kit).optional() }),
  compose(input, part, kit) {
    if (input.kinh_gui) addAddressees(part, input.kinh_gui as string[], kit);
  },
};
