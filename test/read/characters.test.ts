// The character check stops only at what it may refuse: its search pattern (SUSPECT) matches exactly the
// UTF-16 units forbiddenCharacter refuses, plus surrogates (decided by the pair they form).
import { describe, expect, it } from 'vitest';
import { checkCharacters, forbiddenCharacter, forbiddenIn, SUSPECT } from '../../src/read/characters.ts';
import { InputError } from '../../src/model/errors.ts';

describe('characters refused in an input text', () => {
  it('searches for exactly the units forbiddenCharacter refuses, over the whole BMP', () => {
    const pattern = new RegExp(SUSPECT.source);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const surrogate = c >= 0xd800 && c <= 0xdfff;
      if (pattern.test(String.fromCharCode(c)) !== (surrogate || forbiddenCharacter(c) !== null)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('lets curly quotes, dashes, an ellipsis and Vietnamese through, and stops at a zero-width space, a private-use character and a lone surrogate, at their column', () => {
    expect(() => checkCharacters('Chủ đề “Kỷ cương – trách nhiệm…” năm 2024; 02/9/1945–02/9/2024 ✓', 'a.md')).not.toThrow();
    const at = (text: string) => {
      try {
        checkCharacters(text, 'a.md');
      } catch (e) {
        return e instanceof InputError ? `${e.loc.line}:${e.loc.col} ${e.problem}` : String(e);
      }
      return null;
    };
    expect(at('“Kỷ cương”\nsáng\u200btạo')).toBe('2:5 có ký tự vô hình (độ rộng bằng 0) U+200B');
    expect(at('“a” \u{F0001}')).toBe('1:5 có ký tự vùng riêng (Private Use) U+F0001');
    expect(at('“a” \ud800b')).toBe('1:5 có ký tự không hợp lệ U+D800');
    expect(at('😀 “a”')).toBeNull();
    expect(forbiddenIn('“Kỷ cương” – \u2066x')).toEqual({ cp: 0x2066, what: 'ký tự đổi chiều viết (bidi) U+2066' });
    expect(forbiddenIn('“Kỷ cương” – …')).toBeNull();
  });
});
