// UTF-8 through ICU gives the bytes and the text V8's own codec gives, short and long, any code point.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Text } from '../../src/text/utf8.ts';

const unit = fc.oneof(fc.constantFrom('ệ', 'Đ', 'ư', 'a', ' ', '\n', '<'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\ud800', '\udfff'));

describe('utf8Bytes and utf8Text', () => {
  it('match Buffer.from and toString on 300 strings up to 3,000 characters, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 3000 }), (s) => {
        const bytes = utf8Bytes(s);
        expect(bytes.equals(Buffer.from(s, 'utf8'))).toBe(true);
        expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('take the long path on a long Vietnamese text and give it back unchanged', () => {
    const s = 'Điều 1. Phê duyệt Kế hoạch tổ chức phong trào thi đua “Đổi mới, sáng tạo”. '.repeat(200);
    expect(s.length).toBeGreaterThan(1024);
    expect(utf8Text(utf8Bytes(s))).toBe(s);
    expect(utf8Bytes(s).length).toBe(Buffer.byteLength(s, 'utf8'));
  });
});
