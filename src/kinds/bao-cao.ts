// Báo cáo, Phụ lục III Mẫu 1.4 (BC); sent upward it carries "Kính gửi:" under the trích yếu.

import type { Kind } from './kind.ts';
import { sentUpward } from './addressed.ts';

export const baoCao: Kind = { loai: 'bao-cao', name: 'Báo cáo', abbr: 'BC', ...sentUpward };
