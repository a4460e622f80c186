// Phụ lục declared in YAML: names (Roman numerals from two on, none for one), the "(Kèm theo …)" line
// computed from the document, own page numbers and orientation, and references from the body, which
// are required and resolved like any other cross-reference.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { blockText } from '../../src/model/ast.ts';
import { composeDocument } from '../../src/transform/compose.ts';
import { DECISION, makeProject } from '../support/project.ts';

const errorOf = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('phụ lục', () => {
  it('two phụ lục: "Phụ lục I" and "Phụ lục II", the title in capitals, the (Kèm theo …) line, own page numbers, landscape when asked', () => {
    const { doc } = composeDocument('data/examples/phu-luc/ke-hoach.yaml');
    expect(doc.parts).toHaveLength(3);
    const [main, first, second] = doc.parts as [typeof doc.parts[0], typeof doc.parts[0], typeof doc.parts[0]];
    expect(first.title).toEqual({
      docType: 'Phụ lục I',
      subject: 'DANH SÁCH CÁC PHÒNG, ĐƠN VỊ THAM GIA PHONG TRÀO',
      issuedWith: '(Kèm theo Kế hoạch số 15/KH-STP ngày 20 tháng 3 năm 2024 của Sở Tư pháp)',
    });
    expect(second.title!.docType).toBe('Phụ lục II');
    expect([first.restartPageNumbers, second.restartPageNumbers]).toEqual([true, true]);
    expect([!!first.landscape, !!second.landscape]).toEqual([false, true]);
    expect(first.header).toBeUndefined();
    expect(first.closing).toBeUndefined();
    // the body names them as they are numbered, by default label and by the label given
    const text = main.body.map(blockText).join('\n');
    expect(text).toContain('được liệt kê tại Phụ lục I.');
    expect(text).toContain('theo Phụ lục II kèm theo Kế hoạch này');
    expect(second.body[0]!.type).toBe('table');
    expect(doc.meta.sources).toContain('data/examples/phu-luc/phan-cong.md');
  });

  it('one phụ lục is not numbered; a decision\'s line names its authority', () => {
    const { doc } = composeDocument('data/examples/tham-chieu/quyet-dinh.yaml');
    const appendix = doc.parts.at(-1)!;
    expect(appendix.title!.docType).toBe('Phụ lục');
    expect(appendix.title!.issuedWith).toBe('(Kèm theo Quyết định số 36/QĐ-STP ngày 02 tháng 4 năm 2024 của Giám đốc Sở Tư pháp)');
    expect(doc.parts[0]!.body.map(blockText).join('\n')).toContain('theo Phụ lục kèm theo Quyết định này');
  });

  const project = (body: string, appendices: string) =>
    makeProject({
      'data/van-ban.yaml': `${DECISION}${appendices}`,
      'data/noi-dung.md': body,
      'data/a.md': 'Nội dung phụ lục thứ nhất.\n',
      'data/b.md': 'Nội dung phụ lục thứ hai.\n',
    });
  const twoAppendices = 'phu_luc:\n  - tieu_de: Danh sách\n    noi_dung: a.md\n  - tieu_de: Lịch\n    noi_dung: b.md\n';

  it('a phụ lục the body never refers to is an error at its entry in the YAML', () => {
    const dir = project('# Ban hành kèm theo Quyết định này [](#phu-luc-1).\n\n# Quyết định có hiệu lực kể từ ngày ký.\n', twoAppendices);
    const e = errorOf(() => composeDocument(join(dir, 'data/van-ban.yaml'), dir));
    expect(e.message).toContain('thân văn bản không dẫn tới Phụ lục II ("Lịch")');
    expect(e.message).toContain('[](#phu-luc-2)');
    const entry = DECISION.split('\n').length + 3; // the line of "- tieu_de: Lịch"
    expect(e.loc).toMatchObject({ file: 'data/van-ban.yaml', line: entry, col: 5 });
  });

  it('a reference to a label nobody carries is an error at its line and column, listing the labels there are', () => {
    const dir = project('# Ban hành kèm theo Quyết định này.\n\n# Thực hiện theo [](#phu-luc-1) và\n  [](#phu-luc-3).\n', twoAppendices);
    const e = errorOf(() => composeDocument(join(dir, 'data/van-ban.yaml'), dir));
    expect(e.loc).toMatchObject({ file: 'data/noi-dung.md', line: 4, col: 3 });
    expect(e.message).toContain('"#phu-luc-3"');
    expect(e.message).toContain('phu-luc-1, phu-luc-2');
  });

  it('renumbers with the document: a phụ lục inserted first turns "Phụ lục I" into "Phụ lục II"', () => {
    const body = '# Ban hành kèm theo Quyết định này [](#lich) và [](#ds).\n\n# Quyết định có hiệu lực kể từ ngày ký.\n';
    const first = project(body, 'phu_luc:\n  - { tieu_de: Lịch, noi_dung: b.md, nhan: lich }\n  - { tieu_de: Danh sách, noi_dung: a.md, nhan: ds }\n');
    const before = composeDocument(join(first, 'data/van-ban.yaml'), first).doc;
    const dir = project(body, 'phu_luc:\n  - { tieu_de: Danh sách, noi_dung: a.md, nhan: ds }\n  - { tieu_de: Lịch, noi_dung: b.md, nhan: lich }\n');
    const after = composeDocument(join(dir, 'data/van-ban.yaml'), dir).doc;
    expect(blockText(before.parts[0]!.body[0]!)).toContain('Phụ lục I và Phụ lục II');
    expect(blockText(after.parts[0]!.body[0]!)).toContain('Phụ lục II và Phụ lục I');
  });

  it('two phụ lục with one label is an error at the second', () => {
    const dir = project('# Xem [](#x).\n', 'phu_luc:\n  - { tieu_de: A, noi_dung: a.md, nhan: x }\n  - { tieu_de: B, noi_dung: b.md, nhan: x }\n');
    const e = errorOf(() => composeDocument(join(dir, 'data/van-ban.yaml'), dir));
    expect(e.message).toContain('nhãn "x" đã dùng cho một phụ lục trước');
    expect(e.loc.line).toBe(DECISION.split('\n').length + 2);
  });

  it('a phụ lục declared in a plan issued with a decision is refused at its field, with where to put it', () => {
    const dir = makeProject({
      'data/qd.yaml': readFileSync('data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml', 'utf8'),
      'data/ke-hoach.yaml': `${readFileSync('data/bo-tu-phap/thi-dua-2024/ke-hoach.yaml', 'utf8')}phu_luc:\n  - { tieu_de: A, noi_dung: a.md }\n`,
      'data/chien-dich.yaml': readFileSync('data/bo-tu-phap/thi-dua-2024/chien-dich.yaml', 'utf8'),
      'data/a.md': 'Nội dung.\n',
    });
    const e = errorOf(() => composeDocument(join(dir, 'data/qd.yaml'), dir));
    expect(e.loc.file).toBe('data/ke-hoach.yaml');
    expect(e.field).toBe('phu_luc');
    expect(e.fix).toContain('tệp Quyết định');
  });
});

describe('cross-references in the decree\'s words', () => {
  it('"điểm b khoản 2 Điều 2", "khoản 1 Điều 3", "khoản 1 Điều 2" in a decision', () => {
    const { doc } = composeDocument('data/examples/tham-chieu/quyet-dinh.yaml');
    const text = doc.parts[0]!.body.map(blockText).join('\n');
    expect(text).toContain('báo cáo theo điểm b khoản 2 Điều 2, kinh phí theo khoản 1 Điều 3.');
    expect(text).toContain('kể từ ngày kết thúc đợt kiểm tra tại khoản 1 Điều 2.');
  });

  it('"mục 1 phần I" in a plan, renumbered when a part is inserted before', () => {
    const plan = composeDocument('data/examples/phu-luc/ke-hoach.yaml').doc.parts[0]!.body.map(blockText).join('\n');
    expect(plan).toContain('tại mục 1 phần II, báo cáo');
    expect(plan).toContain('căn cứ mục 1 phần I và Phụ lục II');
  });
});
