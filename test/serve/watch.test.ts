// The watch of the project's folders (src/serve/watch.ts): changes are reported in bursts, a folder
// made after the start is watched too, and nothing outside the project, in node_modules, hidden
// folders or out/ (but its manifest) is reported. Each negative case is written before a file that is
// reported: once that one arrives, the other would have arrived before it or with it.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProjectWatch } from '../../src/serve/watch.ts';
import { makeProject } from '../support/project.ts';

const dirs: string[] = [];
let watch: ProjectWatch | null = null;
afterEach(() => watch?.close());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every path reported until `last` is, then those paths. */
function until(w: ProjectWatch, last: string): Promise<Set<string>> {
  const seen = new Set<string>();
  return new Promise((ok) => {
    const off = w.on((c) => {
      for (const f of c.files) seen.add(f);
      if (seen.has(last)) {
        off();
        ok(seen);
      }
    });
  });
}

function project(): string {
  const root = makeProject(undefined, 'vanban-watch-');
  mkdirSync(join(root, 'node_modules/x'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(join(root, 'out'), { recursive: true });
  dirs.push(root);
  return root;
}

describe('ProjectWatch', () => {
  it('reports a data file changed, added and removed, and a file in a folder made since it started', async () => {
    const root = project();
    watch = new ProjectWatch(root, join(root, 'out'));
    expect(watch.mode).toBe('watch');
    /** Does `act`, then waits until `path` is reported. */
    const reported = async (path: string, act: () => void) => {
      const seen = until(watch!, path);
      act();
      return seen;
    };
    await reported('data/van-ban.yaml', () => writeFileSync(join(root, 'data/van-ban.yaml'), 'loai: cong-van\n'));
    // New folders are watched as soon as their parent reports them: that report comes first.
    await reported('moi', () => mkdirSync(join(root, 'moi/sau'), { recursive: true }));
    await reported('moi/sau/ke-hoach.yaml', () => writeFileSync(join(root, 'moi/sau/ke-hoach.yaml'), 'loai: ke-hoach\n'));
    await reported('data/noi-dung.md', () => unlinkSync(join(root, 'data/noi-dung.md')));
    // Removed and made again (a git checkout): watched again.
    await reported('moi', () => rmSync(join(root, 'moi'), { recursive: true }));
    await reported('moi', () => mkdirSync(join(root, 'moi/sau'), { recursive: true }));
    await reported('moi/sau/lai.yaml', () => writeFileSync(join(root, 'moi/sau/lai.yaml'), 'loai: ke-hoach\n'));
  });

  it('reports out/manifest.json but not the other files of out/, node_modules, hidden folders, or a folder outside reached by a link', async () => {
    const root = project();
    const outside = mkdtempSync(join(tmpdir(), 'vanban-watch-outside-'));
    dirs.push(outside);
    symlinkSync(outside, join(root, 'data/lien-ket'));
    watch = new ProjectWatch(root, join(root, 'out'));
    const seen = until(watch, 'out/manifest.json');
    writeFileSync(join(outside, 'bi-mat.yaml'), 'x: 1\n');
    writeFileSync(join(root, 'node_modules/x/a.yaml'), 'x: 1\n');
    writeFileSync(join(root, '.git/HEAD'), 'ref: x\n');
    writeFileSync(join(root, 'out/2024-03-05_47-QD-BTP.pdf'), '%PDF');
    writeFileSync(join(root, 'out/manifest.json'), '{}');
    const files = [...(await seen)];
    expect(files).toContain('out/manifest.json');
    expect(files.filter((f) => /bi-mat|node_modules|\.git|\.pdf$/.test(f))).toEqual([]);
  });

  it('falls back to polling, and says why, when the project cannot be watched', () => {
    watch = new ProjectWatch(join(tmpdir(), 'vanban-khong-co-thu-muc-nay'), join(tmpdir(), 'x'));
    expect(watch.mode).toBe('poll');
    expect(watch.failure).toContain('không theo dõi được thay đổi trên đĩa');
  });
});
