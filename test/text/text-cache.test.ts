// The bounded text cache shared by the writers: what it keeps, and that it forgets when full.

import { describe, expect, it } from 'vitest';
import { TextCache } from '../../src/text/text-cache.ts';

describe('TextCache', () => {
  it('gives back what was set, by the text of the key, not its identity', () => {
    const c = new TextCache<number>(100);
    const key = 'Điều 1. ' + 'Phạm vi điều chỉnh';
    expect(c.set(key, 7)).toBe(7);
    expect(c.get(['Điều 1.', 'Phạm vi điều chỉnh'].join(' '))).toBe(7);
    expect(c.get('Điều 2.')).toBeUndefined();
  });

  it('counts the key and the stated size, and starts over when the next entry would pass the bound', () => {
    const c = new TextCache<string>(30);
    c.set('aaaaaaaaaa', 'x', 10); // 20 characters
    c.set('bbbbb', 'y'); // 25
    expect(c.get('aaaaaaaaaa')).toBe('x');
    c.set('cccccccc', 'z'); // 33 > 30: cleared first
    expect(c.get('aaaaaaaaaa')).toBeUndefined();
    expect(c.get('bbbbb')).toBeUndefined();
    expect(c.get('cccccccc')).toBe('z');
  });
});
