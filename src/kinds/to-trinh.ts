// Tờ trình, Phụ lục III Mẫu 1.4 (TTr); sent upward it carries "Kính gửi:" under the trích yếu.

import type { Kind } from './kind.ts';
import { sentUpward } from './addressed.ts';

export const toTrinh: Kind = { loai: 'to-trinh', name: 'Tờ trình', abbr: 'TTr', ...sentUpward };
