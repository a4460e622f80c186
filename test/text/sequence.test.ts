import { describe, expect, it } from 'vitest';
import { fromRoman, pointIndex, pointLetter, roman } from '../../src/text/sequence.ts';

describe('numbering sequences', () => {
  it('follows the Vietnamese point-letter order, with đ and without f, j, w, z', () => {
    const first12 = Array.from({ length: 12 }, (_, i) => pointLetter(i + 1)).join(' ');
    expect(first12).toBe('a b c d đ e g h i k l m');
    expect(pointLetter(23)).toBe('y');
    expect(pointLetter(24)).toBe('aa');
    expect(pointIndex('đ')).toBe(5);
    expect(pointIndex('f')).toBe(0);
  });

  it('writes and reads Roman numerals', () => {
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect(fromRoman('XIV')).toBe(14);
    expect(fromRoman('IIII')).toBe(0);
  });
});
