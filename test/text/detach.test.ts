import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detach } from '../../src/text/detach.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (bytes) while holding one 20-character piece cut from each of 200 distinct 100 KB strings. */
function held(cut: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const pieces: string[] = [];
  for (let i = 0; i < 200; i++) pieces.push(cut(`${i} ${'Thực hiện Quyết định số 244/QĐ-BTP. '.repeat(2800)}`.slice(5, 25)));
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  expect(pieces.every((p) => p.length === 20)).toBe(true);
  return grown;
}

describe('detach', () => {
  it('gives the same text', () => {
    const big = 'Điều 5. '.repeat(100);
    expect(detach(big.slice(3, 40))).toBe(big.slice(3, 40));
    expect(detach('ngắn')).toBe('ngắn');
    expect(detach('')).toBe('');
  });

  it('keeps only the piece, where a plain substring keeps its whole source (V8 sliced strings)', () => {
    const plain = held((s) => s);
    const detached = held(detach);
    expect(plain).toBeGreaterThan(20 * 2 ** 20); // the 200 sources, two bytes a character
    expect(detached).toBeLessThan(2 * 2 ** 20);
  });
});
