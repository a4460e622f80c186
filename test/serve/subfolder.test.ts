// `vanban serve` started in a subfolder of a project (the campaign's folder): confined to the project
// (the nearest folder above with profiles/, no higher than package.json or .git), listing the
// subfolder's documents, offering the project's province profiles to derive, writing derived/ at the
// top. Without a project's top above, nothing above the folder asked for is looked at.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.ts';
import { serveRoot } from '../../src/serve/root.ts';
import { CAMPAIGN, PROFILE, subfolderProject } from '../support/serve-browser.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const project = (marker: boolean) => {
  const root = subfolderProject(marker);
  dirs.push(root);
  return root;
};

describe('vanban serve in a subfolder', () => {
  it("lists the subfolder's documents, derives with the project's profiles, and writes derived/ at the project's top", async () => {
    const root = project(true);
    expect(serveRoot(join(root, CAMPAIGN))).toEqual({ root, view: CAMPAIGN });
    const running = await startServer({ root: join(root, CAMPAIGN) });
    try {
      const cookie = `vanban_${new URL(running.origin).port}=${running.token}`;
      const docs = (await (await fetch(`${running.origin}/api/documents`, { headers: { cookie } })).json()) as { view: string; documents: { path: string }[] };
      expect(docs.view).toBe(CAMPAIGN);
      expect(docs.documents.map((d) => d.path).sort()).toEqual([`${CAMPAIGN}/ke-hoach.yaml`, `${CAMPAIGN}/quyet-dinh.yaml`]);
      const p = running.project;
      expect(p.deriveChoices().profiles.map((x) => x.path)).toEqual([PROFILE]);
      const r = await p.derive(`${CAMPAIGN}/chien-dich.yaml`, PROFILE, false, null);
      expect(r.errors).toEqual([]);
      expect(r.plan).toBe('derived/ninh-thuan/thi-dua-2024/ke-hoach.yaml');
      expect(existsSync(join(root, r.plan))).toBe(true);
      expect(p.documents().map((d) => d.path)).toContain(r.plan);
      // Still confined: a path above the project is refused.
      expect(() => p.resolve('../x.yaml')).toThrow(/ngoài thư mục dự án/);
    } finally {
      await running.close();
    }
  });

  it("does not look above the folder asked for when no project's top (package.json, .git) is above it", () => {
    const root = project(false);
    const sub = join(root, CAMPAIGN);
    expect(serveRoot(sub)).toEqual({ root: sub, view: '' });
    expect(serveRoot(root)).toEqual({ root, view: '' });
  });
});
