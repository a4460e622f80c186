// Every mistake of a data file in one run: schema issues, refused YAML forms and duplicated keys,
// sorted by line and capped.
import { describe, expect, it } from 'vitest';
import { parseYaml, validate } from '../../src/read/yaml.ts';
import { documentSchema } from '../../src/model/schema.ts';
import { InputError, InputErrors, MAX_ERRORS } from '../../src/model/errors.ts';

const caught = (f: () => unknown): InputError => {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error thrown');
};

const GOOD = `loai: ke-hoach
co_quan: { ten: Sở Tư pháp, viet_tat: STP, chu_quan: UBND tỉnh An Giang }
so: 78
ngay: 2023-04-27
dia_danh: An Giang
trich_yeu: Phát động phong trào thi đua
noi_dung: noi-dung.md
noi_nhan: [UBND tỉnh]
luu: [VT, TĐKT]
nguoi_ky: { chuc_vu: Giám đốc, ho_ten: Cao Thanh Sơn }
`;

describe('tất cả lỗi của một tệp trong một lần chạy', () => {
  it('the sample without mistakes validates', () => {
    expect(() => validate(documentSchema, parseYaml(GOOD, 'a.yaml'))).not.toThrow();
  });

  it('three schema mistakes: all three, sorted by line, each at its line', () => {
    const bad = GOOD.replace('so: 78', 'so: "bảy tám"').replace('trich_yeu: Phát', 'trich_yue: Phát').replace('luu: [VT, TĐKT]', 'luu: VT');
    const e = caught(() => validate(documentSchema, parseYaml(bad, 'a.yaml')));
    expect(e).toBeInstanceOf(InputErrors);
    const all = (e as InputErrors).errors;
    expect(all.map((x) => x.loc.line)).toEqual([3, 6, 9]);
    expect(all[1]!.message).toContain('"trich_yue"');
    expect(all[1]!.message).toContain('đổi thành "trich_yeu"');
    // the misspelt field is not also reported as the real one missing
    expect(e.message).not.toMatch(/"trich_yeu": thiếu/);
    expect(e.message.split('\n')).toHaveLength(3);
    expect(e.message.split('\n').every((l) => l.startsWith('a.yaml:'))).toBe(true);
    expect(e.loc.line).toBe(3);
  });

  it('three refused YAML forms at once', () => {
    const bad = GOOD.replace('so: 78', 'so: 0x4E').replace('dia_danh: An Giang', 'dia_danh: &x An Giang').replace('trich_yeu: Phát động phong trào thi đua', 'trich_yeu: !!str Phát động');
    const all = (caught(() => parseYaml(bad, 'a.yaml')) as InputErrors).errors;
    expect(all.map((x) => x.loc.line)).toEqual([3, 5, 6]);
  });

  it('every duplicated key, not only the first', () => {
    const bad = GOOD + 'so: 79\nluu: [VT]\n';
    const all = (caught(() => parseYaml(bad, 'a.yaml')) as InputErrors).errors;
    expect(all.map((x) => x.field)).toEqual(['so', 'luu']);
  });

  it('capped: the rest counted in one line', () => {
    const many = `loai: ke-hoach\n${Array.from({ length: MAX_ERRORS + 10 }, (_, i) => `truong_la_${i}: 1`).join('\n')}\n`;
    const e = caught(() => validate(documentSchema, parseYaml(many, 'a.yaml')));
    const lines = e.message.split('\n');
    expect(lines.at(-1)).toMatch(/^… và \d+ lỗi nữa$/);
    expect(lines).toHaveLength(MAX_ERRORS + 1);
    expect((e as InputErrors).errors.length).toBeGreaterThan(MAX_ERRORS + 10);
  });
});

describe('tất cả lỗi của một tệp nội dung Markdown', () => {
  it('three independent line mistakes, in one error, by line', async () => {
    const { readMarkdown } = await import('../../src/read/markdown.ts');
    const text = '# Mục đích\n\nĐoạn có chú thích [^a].\n\n[trang]: https://example.org\n\nĐoạn khác [^b].\n';
    const e = caught(() => readMarkdown({ text, file: 'noi-dung.md' }));
    expect((e as InputErrors).errors.map((x) => [x.loc.line, x.loc.col])).toEqual([
      [3, 19],
      [5, 1],
      [7, 11],
    ]);
  });

  it('every dangling cross-reference, not only the first', async () => {
    const { readMarkdown } = await import('../../src/read/markdown.ts');
    const text = '# Mục đích {#muc-dich}\n\nXem [](#khong-co).\n\nXem [](#muc-dich) và [](#cung-khong-co).\n';
    const e = caught(() => readMarkdown({ text, file: 'noi-dung.md' }));
    expect((e as InputErrors).errors.map((x) => x.loc.line)).toEqual([3, 5]);
  });

  it('every refused block and inline of the body: a code block, an empty heading, an image, a quotation', async () => {
    const { readMarkdown } = await import('../../src/read/markdown.ts');
    const text = '# Mục một\n\n```\nmã\n```\n\n##\n\nMột đoạn có ![hình](a.png) ở giữa.\n\n> trích dẫn\n';
    const e = caught(() => readMarkdown({ text, file: 'noi-dung.md' }));
    const errors = (e as InputErrors).errors;
    expect(errors.map((x) => x.loc.line)).toEqual([3, 7, 9, 11]);
    expect(errors.map((x) => x.problem)).toEqual([
      'cấu trúc Markdown "khối mã" không dùng trong văn bản hành chính',
      'tiêu đề trống',
      'hình ảnh "hình" chưa được hỗ trợ (sẽ mất khỏi văn bản)',
      'cấu trúc Markdown "trích dẫn" không dùng trong văn bản hành chính',
    ]);
  });

  it('a list nested too deep is one error, not one per deeper item', async () => {
    const { readMarkdown } = await import('../../src/read/markdown.ts');
    const text = '# Mục\n\n- một\n  - hai\n    - ba\n      - bốn\n        - năm\n';
    const e = caught(() => readMarkdown({ text, file: 'noi-dung.md' }));
    expect(e).not.toBeInstanceOf(InputErrors);
    expect(e.loc.line).toBe(5);
  });
});
