// The registry of kinds: schema.ts builds its discriminated union from it, compose, check and the JSON
// schema read it. A kind is one file in this folder, listed here; a test may register one more.

import type { Kind } from './kind.ts';
import { quyetDinh } from './quyet-dinh.ts';
import { keHoach } from './ke-hoach.ts';
import { congVan } from './cong-van.ts';
import { toTrinh } from './to-trinh.ts';
import { baoCao } from './bao-cao.ts';
import { thongBao } from './thong-bao.ts';
import { giayMoi } from './giay-moi.ts';
import { bienBan } from './bien-ban.ts';
import { quyChe } from './quy-che.ts';

const kinds = new Map<string, Kind>();
const listeners: Array<() => void> = [];

/** Adds a kind (or replaces one of the same loai); schemas built from the registry are rebuilt. */
export function registerKind(kind: Kind): void {
  kinds.set(kind.loai, kind);
  for (const l of listeners) l();
}

/** Called whenever the registry changes (schema.ts drops its cached union). */
export function onKindsChanged(listener: () => void): void {
  listeners.push(listener);
}

export function allKinds(): Kind[] {
  return [...kinds.values()];
}

export function kindOf(loai: string): Kind {
  const k = kinds.get(loai);
  if (!k) throw new Error(`kinds: no kind "${loai}" (the schema should have refused it)`);
  return k;
}

export const hasKind = (loai: string): boolean => kinds.has(loai);

/** "quyet-dinh", "ke-hoach", … as a user-facing list. */
export const kindList = (): string => allKinds().map((k) => `"${k.loai}"`).join(', ');

for (const k of [quyetDinh, keHoach, congVan, toTrinh, baoCao, thongBao, giayMoi, bienBan, quyChe]) registerKind(k);
