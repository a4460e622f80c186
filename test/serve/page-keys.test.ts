// The page keys of a preview: the browser redraws a page only when its key changes, so a key must change
// with what the page draws and with nothing else.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../src/serve/project.ts';
import { ROOT } from '../support/invalid-fixtures.ts';

const FILE = 'data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');

describe('page keys of the preview', () => {
  const project = new Project(ROOT);
  const keysOf = async (yaml: string) => (await project.preview(FILE, { [FILE]: yaml })).pages;

  it('are the same for the same text, one per page', async () => {
    const a = await keysOf(text);
    expect(a.length).toBe(11);
    expect(new Set(a).size).toBe(11);
    expect(await keysOf(text)).toEqual(a);
  });

  it('change on the page a trích yếu edit alters, and only there', async () => {
    const before = await keysOf(text);
    const edited = text.replace(/^trich_yeu: (.*)$/m, (_, v: string) => `trich_yeu: ${v.replace(/\s*$/, '')}x`);
    expect(edited).not.toBe(text);
    const after = await keysOf(edited);
    expect(after[0]).not.toBe(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('change on every page a new line at the top moves', async () => {
    const before = await keysOf(text);
    const edited = text.replace(/^trich_yeu: (.*)$/m, (_, v: string) => `trich_yeu: ${v.replace(/\s*$/, '')} ${'và các nội dung liên quan '.repeat(6).trim()}`);
    const after = await keysOf(edited);
    // Two more lines of trích yếu push the body down: the pages after the first change too.
    expect(after.filter((k, i) => k !== before[i]).length).toBeGreaterThan(1);
  });
});
