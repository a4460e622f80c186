// What each laid-out page draws, as a short key: the preview redraws only the pages whose key changed,
// so a keystroke costs the pages it really alters, not every page in view.

import { createHash } from 'node:crypto';
import type { LaidDocument } from '../layout/types.ts';

/** One key per page; equal keys, equal pictures. The structure index is left out: it numbers blocks, not ink. */
export function pageKeys(laid: LaidDocument): string[] {
  return laid.pages.map((page) =>
    createHash('sha256')
      .update(JSON.stringify(page, (key, value: unknown) => (key === 'struct' ? undefined : value)))
      .digest('base64url')
      .slice(0, 22),
  );
}
