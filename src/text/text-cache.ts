// A process-wide cache keyed by text, bounded by the characters it keeps and cleared when full: the
// texts of a batch recur (the lines of one campaign's plans from one province to the next), and a
// bounded cache keeps a 1,000-document batch flat in memory. Keys are detached from the string they
// were cut from (see detach).

import { detach } from './detach.ts';

export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  // A million characters (2 MB of keys at most): the distinct lines and paragraphs of one campaign's
  // 63 plans take well under that, and each worker of a batch holds its own caches under its heap cap.
  constructor(private readonly maxChars = 1_000_000) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Keeps `value` under `key`; `size` is what it holds beyond the key, in characters. */
  set(key: string, value: V, size = 0): V {
    const cost = key.length + size;
    if (this.chars + cost > this.maxChars) {
      this.map.clear();
      this.chars = 0;
    }
    this.map.set(detach(key), value);
    this.chars += cost;
    return value;
  }
}
