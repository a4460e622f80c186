// The findings of `vanban check` as the preview shows them: a Markdown body read through its data file
// is checked as text (check alone finds no document in it), and every finding's column is the one of
// its quoted words in the line as typed, not in the line with its key or its Markdown marks removed.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProblems } from '../../src/serve/findings.ts';
import { DECISION, makeProject } from '../support/project.ts';

const BODY = '# Ban hành kèm theo Quyết định này Quy chế làm việc\n\n# Quyết định này thay thế **Nghị định 98/NĐ-CP** và có hiệu lực kể từ ngày ký.\n';
const WITH_PLAN_TEXT = DECISION.replace('trich_yeu: Ban hành', 'trich_yeu: Ban hành theo Nghị định 98/NĐ-CP');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('checkProblems', () => {
  it('finds a defect in the Markdown body, at its line and at the column of the quoted words', async () => {
    const dir = makeProject({ 'data/van-ban.yaml': DECISION, 'data/noi-dung.md': BODY });
    dirs.push(dir);
    const problems = await checkProblems(join(dir, 'data/van-ban.yaml'), dir);
    const p = problems.find((x) => x.rule === 'citation-year');
    expect(p).toMatchObject({ file: 'data/noi-dung.md', line: 3, excerpt: 'Nghị định 98/NĐ-CP', severity: 'lỗi' });
    expect(BODY.split('\n')[2]!.slice(p!.col - 1).startsWith('Nghị định 98/NĐ-CP')).toBe(true);
  });

  it('places a finding in a YAML value at its column in the line, after the key', async () => {
    const dir = makeProject({ 'data/van-ban.yaml': WITH_PLAN_TEXT, 'data/noi-dung.md': '# Quyết định này có hiệu lực kể từ ngày ký.\n' });
    dirs.push(dir);
    const problems = await checkProblems(join(dir, 'data/van-ban.yaml'), dir);
    const p = problems.find((x) => x.rule === 'citation-year')!;
    const line = WITH_PLAN_TEXT.split('\n')[p.line - 1]!;
    expect(line.startsWith('trich_yeu:')).toBe(true);
    expect(line.slice(p.col - 1).startsWith('Nghị định 98/NĐ-CP')).toBe(true);
    expect(problems.filter((x) => x.file === 'data/noi-dung.md')).toEqual([]);
  });
});
