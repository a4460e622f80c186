// Campaign periods and the task table: phases and milestones printed in the plan's time part, one task
// list set as a table or as "- Cơ quan chủ trì: …" lines as each document chooses, and every date of
// them checked against the campaign's own period, with the error at the date's line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/model/ast.ts';
import { InputError } from '../../src/model/errors.ts';
import { composeDocument } from '../../src/transform/compose.ts';
import { TASK_COLUMNS } from '../../src/transform/campaign-plan.ts';
import { makeProject } from '../support/project.ts';

const DIR = 'data/examples/thi-dua-theo-dot';
const CAMPAIGN = readFileSync(join(DIR, 'chien-dich.yaml'), 'utf8');
const PLAN = readFileSync(join(DIR, 'ke-hoach-bang.yaml'), 'utf8');
const texts = (blocks: Block[]) => blocks.map(blockText);

describe('campaign periods', () => {
  it('prints each phase with its dates and each milestone in the time part', () => {
    const body = composeDocument(join(DIR, 'ke-hoach-bang.yaml')).doc.parts[0]!.body;
    const at = texts(body).indexOf('Thời gian thực hiện');
    const time = texts(body.slice(at, at + 8));
    expect(time).toContain('Đợt 1 (từ ngày 01/3/2024 đến ngày 30/6/2024): thi đua hoàn thành các nhiệm vụ trọng tâm 6 tháng đầu năm, chào mừng kỷ niệm ngày thành lập ngành Tư pháp (28/8).');
    expect(time).toContain('Đợt 2 (từ ngày 01/7/2024 đến ngày 15/11/2024): thi đua hoàn thành vượt mức các chỉ tiêu của năm 2024.');
    expect(time).toContain('Ngày 20/11/2024: các phòng, đơn vị gửi báo cáo tổng kết và hồ sơ đề nghị khen thưởng về Văn phòng Sở.');
  });

  const broken = (from: string, to: string) => {
    expect(CAMPAIGN).toContain(from);
    const dir = makeProject({ 'data/ke-hoach.yaml': PLAN, 'data/chien-dich.yaml': CAMPAIGN.replace(from, to) });
    try {
      composeDocument(join(dir, 'data/ke-hoach.yaml'), dir);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const line = CAMPAIGN.replace(from, to).split('\n').findIndex((l) => l.includes(to.trim())) + 1;
      return { e, line };
    }
    throw new Error('no error');
  };

  it('a phase ending before it starts', () => {
    const { e, line } = broken('      den: 2024-06-30', '      den: 2024-02-28');
    expect(e.problem).toBe('đợt "Đợt 1" kết thúc ngày 2024-02-28, trước ngày bắt đầu 2024-03-01');
    expect(e.loc).toMatchObject({ file: 'data/chien-dich.yaml', line });
  });

  it('a phase outside the campaign', () => {
    const { e, line } = broken('      den: 2024-11-15\n', '      den: 2024-12-01\n');
    expect(e.problem).toContain('kết thúc ngày 2024-12-01, sau thời gian phong trào');
    expect(e.loc.line).toBe(line);
  });

  it('phases overlapping', () => {
    const { e, line } = broken('      tu: 2024-07-01', '      tu: 2024-06-15');
    expect(e.problem).toBe('đợt "Đợt 2" bắt đầu ngày 2024-06-15, khi đợt "Đợt 1" chưa kết thúc (2024-06-30)');
    expect(e.loc.line).toBe(line);
  });

  it('milestones out of order, and after the estimated end', () => {
    const early = broken('    - ngay: 2024-11-20', '    - ngay: 2024-06-01');
    expect(early.e.problem).toContain('trước mốc liền trên (2024-06-20)');
    expect(early.e.loc.line).toBe(early.line);
    const late = broken('    - ngay: 2024-11-20', '    - ngay: 2025-01-10');
    expect(late.e.problem).toContain('nằm ngoài thời gian phong trào (2024-03-01 – 2024-12-31)');
  });

  it('a task deadline outside the campaign', () => {
    const { e, line } = broken('    han: 2024-06-15', '    han: 2024-02-01');
    expect(e.problem).toBe('hạn 2024-02-01 nằm ngoài thời gian phong trào (2024-03-01 – 2024-12-31)');
    expect(e.loc.line).toBe(line);
  });
});

describe('the task table', () => {
  const bang = composeDocument(join(DIR, 'ke-hoach-bang.yaml')).doc.parts[0]!.body;
  const dong = composeDocument(join(DIR, 'ke-hoach-dong.yaml')).doc.parts[0]!.body;

  it('as a table: STT, Nội dung công việc, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Sản phẩm', () => {
    const table = bang.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.header.map((c) => blockText({ type: 'paragraph', content: c }))).toEqual([...TASK_COLUMNS]);
    expect(table.rows).toHaveLength(8);
    const second = table.rows[1]!.map((c) => blockText({ type: 'paragraph', content: c }));
    expect(second).toEqual(['2', expect.stringMatching(/^Bảo đảm tiến độ/), 'Phòng Phổ biến, giáo dục pháp luật', 'Thanh tra Sở', 'Trước ngày 15/6/2024', 'Báo cáo kết quả']);
    expect(table.align).toEqual(['center', 'left', 'left', 'left', 'center', 'left']);
  });

  it('as lines under each task, from the same data', () => {
    expect(dong.some((b) => b.type === 'table')).toBe(false);
    const t = texts(dong);
    const task = t.findIndex((x) => x.startsWith('Bảo đảm tiến độ'));
    expect(dong[task]).toMatchObject({ type: 'item', label: 'b)' });
    expect(t.slice(task + 1, task + 5)).toEqual([
      'Cơ quan chủ trì: Phòng Phổ biến, giáo dục pháp luật;',
      'Cơ quan phối hợp: Thanh tra Sở;',
      'Thời gian thực hiện: Trước ngày 15/6/2024;',
      'Sản phẩm: Báo cáo kết quả.',
    ]);
    expect(dong[task + 1]).toMatchObject({ type: 'item', label: '-' });
  });
});
