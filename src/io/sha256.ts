// A file's or a text's SHA-256, in hex: what the manifests record and what the font tables are checked by.

import { createHash } from 'node:crypto';

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
