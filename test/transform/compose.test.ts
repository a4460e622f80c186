import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/transform/compose.ts';

describe('compose', () => {
  it('computes the archive metadata once, from the document', () => {
    const { doc } = composeDocument('data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml');
    expect(doc.meta).toMatchObject({
      so: '244',
      kyHieu: 'QĐ-BTP',
      soKyHieu: '244/QĐ-BTP',
      title: 'Quyết định Ban hành Kế hoạch phát động phong trào thi đua theo chuyên đề đối với Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương năm 2024',
      keywords: ['244/QĐ-BTP', 'Quyết định', 'Bộ Tư pháp'],
      created: '2024-02-29T00:00:00Z',
      language: 'vi',
    });
  });

  it('dates an undated draft 1 January of its year and leaves room for the number', () => {
    const { doc } = composeDocument('data/ninh-thuan/thi-dua-2023/ke-hoach.yaml');
    expect(doc.meta).toMatchObject({ so: null, soKyHieu: null, date: null, created: '2023-01-01T00:00:00Z', keywords: ['Kế hoạch', 'Sở Tư pháp'] });
    expect(doc.parts[0]!.header!.number).toMatch(/^Số: +\/KH-STP$/);
  });

  it('writes the attached plan without header or closing, with its "(Ban hành kèm theo …)" line', () => {
    const { doc } = composeDocument('data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml');
    expect(doc.parts).toHaveLength(2);
    const plan = doc.parts[1]!;
    expect(plan.header).toBeUndefined();
    expect(plan.closing).toBeUndefined();
    expect(plan.title!.issuedWith).toBe('(Ban hành kèm theo Quyết định số 244/QĐ-BTP ngày 29 tháng 02 năm 2024 của Bộ trưởng Bộ Tư pháp)');
    expect(doc.meta.sources).toContain('data/bo-tu-phap/thi-dua-2024/chien-dich.yaml');
  });

  it('reports the tone-mark normalization it made', () => {
    const { notes } = composeDocument('data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml');
    expect(notes.join('\n')).toContain('hoà → hòa (1)');
  });
});
