// The one top-level handler: every failure becomes a Vietnamese line and a stable exit code
// (1 bad input, 2 usage or environment, 3 internal), a stack trace only with VANBAN_DEBUG=1.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, reportFailure } from '../src/cli.ts';
import { InputError } from '../src/model/errors.ts';
import { OutputError } from '../src/io/fs-errors.ts';

const printed = () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  return () => spy.mock.calls.map((c) => String(c[0])).join('\n');
};
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.VANBAN_DEBUG;
});

describe('xử lý lỗi chung của lệnh', () => {
  it('InputError: mã 1, đúng thông báo', () => {
    const out = printed();
    expect(reportFailure(new InputError({ file: 'a.yaml', line: 2, col: 1 }, 'so', 'sai'))).toBe(EXIT.input);
    expect(out()).toBe('✗ a.yaml:2:1: trường "so": sai');
  });

  it('lỗi ghi: mã 2', () => {
    const out = printed();
    expect(reportFailure(new OutputError('không ghi được out/a.pdf: ổ đĩa đã đầy; các tệp kết quả và bản kê cũ được giữ nguyên'))).toBe(EXIT.usage);
    expect(out()).toContain('ổ đĩa đã đầy');
  });

  it('lỗi hệ thống tệp thô (EISDIR): mã 2, tiếng Việt', () => {
    const out = printed();
    expect(reportFailure(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', path: 'data/x' }))).toBe(EXIT.usage);
    expect(out()).toBe('✗ data/x: đã có một thư mục trùng tên');
  });

  it('lỗi bên trong: mã 3, xin báo lỗi, không stack trace', () => {
    const out = printed();
    expect(reportFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(EXIT.internal);
    expect(out()).toMatch(/^✗ lỗi bên trong vanban \(Cannot read properties of undefined \(reading 'x'\)\)\. Đây không phải lỗi của bạn: xin báo lỗi/);
    expect(out()).not.toMatch(/^\s+at /m);
  });

  it('tràn ngăn xếp: nói bằng lời của người dùng', () => {
    const out = printed();
    expect(reportFailure(new RangeError('Maximum call stack size exceeded'))).toBe(EXIT.internal);
    expect(out()).toContain('lỗi bên trong vanban (dữ liệu lồng nhau quá sâu)');
  });

  it('VANBAN_DEBUG=1 in thêm stack trace', () => {
    process.env.VANBAN_DEBUG = '1';
    const out = printed();
    reportFailure(new TypeError('x'));
    expect(out()).toMatch(/^\s+at /m);
  });
});
