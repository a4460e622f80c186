import { describe, expect, it } from 'vitest';
import { blockText, inlineText, type Block } from '../../src/model/ast.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { closeBody, numberBlocks, type NumberingProfile } from '../../src/transform/numbering.ts';

const body = `
# Mục đích, yêu cầu

## Mục đích

1. Ý một
1. Ý hai

# Đối tượng

## Đối tượng thi đua

### Tập thể

Sở Tư pháp.

### Cá nhân {#ca-nhan}

Công chức.

## Khen thưởng

- Giấy khen theo [](#ca-nhan) của Kế hoạch này;
  - ý con
- Bằng khen.
`;

const labels = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'heading' || b.type === 'item' ? [b.label] : []));
const number = (md: string, p: NumberingProfile) => numberBlocks(readMarkdown({ text: md, file: 't.md' }), p, 't.md');

describe('numbering', () => {
  it('numbers the ministry profile I. / 1. / 1.1. / - / +', () => {
    expect(labels(number(body, '1.1.'))).toEqual(['I.', '1.', '1.1.', '1.2.', 'II.', '1.', '1.1.', '1.2.', '2.', '-', '+', '-']);
  });

  it('numbers the provincial profile with Vietnamese point letters', () => {
    expect(labels(number(body, 'a)'))).toEqual(['I.', '1.', 'a)', 'b)', 'II.', '1.', 'a)', 'b)', '2.', '-', '+', '-']);
    const many = '## Mục\n\n' + Array.from({ length: 6 }, (_, i) => `1. ý ${i}`).join('\n');
    expect(labels(number(many, 'a)')).slice(1)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)', 'e)']);
  });

  it('resolves cross-references in the style of each profile', () => {
    expect(number(body, '1.1.').map((b) => blockText(b)).find((t) => t.startsWith('Giấy khen'))).toBe('Giấy khen theo tiểu mục 1.2 phần II của Kế hoạch này;');
    expect(number(body, 'a)').map((b) => blockText(b)).find((t) => t.startsWith('Giấy khen'))).toBe('Giấy khen theo điểm b mục 1 phần II của Kế hoạch này;');
  });

  it('renumbers everything when a section is inserted', () => {
    const inserted = body.replace('# Đối tượng', '# Phần mới\n\nNội dung.\n\n# Đối tượng');
    const texts = number(inserted, '1.1.').map((b) => blockText(b));
    expect(texts.find((t) => t.startsWith('Giấy khen'))).toBe('Giấy khen theo tiểu mục 1.2 phần III của Kế hoạch này;');
  });

  it('numbers articles of a decision', () => {
    expect(labels(number('1. Ban hành.\n1. Hiệu lực.\n   1. khoản\n      1. điểm', 'dieu'))).toEqual(['Điều 1.', 'Điều 2.', '1.', 'a)']);
  });

  it('ends the body with "./." once', () => {
    const blocks = closeBody(readMarkdown({ text: 'Đoạn cuối.', file: 't.md' }));
    expect(blockText(blocks[0]!)).toBe('Đoạn cuối./.');
    expect(blockText(closeBody(blocks)[0]!)).toBe('Đoạn cuối./.');
  });
});
