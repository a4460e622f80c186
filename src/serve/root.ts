// The project `vanban serve` opens when started in one of its subfolders (data/bo-tu-phap/thi-dua-2024):
// the province profiles and derived/ live at the project's top, so the confinement root is the nearest
// folder above holding profiles/, looked for no higher than the project's top (the nearest folder with
// package.json or .git). The folder asked for stays what the page lists. Without such a top, nothing
// above the folder asked for is ever looked at.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { realPath } from '../io/project-files.ts';

const MARKERS = ['package.json', '.git'];
const PROFILES = 'profiles';

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The confinement root for a served folder, and that folder relative to it ("" when they are the same). */
export function serveRoot(folder: string): { root: string; view: string } {
  const asked = realPath(folder);
  if (isDir(join(asked, PROFILES))) return { root: asked, view: '' };
  const above: string[] = [];
  let top: string | null = null;
  for (let d = asked; ; d = dirname(d)) {
    above.push(d);
    if (MARKERS.some((m) => existsSync(join(d, m)))) {
      top = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  if (!top) return { root: asked, view: '' };
  const root = above.find((d) => isDir(join(d, PROFILES)));
  return root ? { root, view: relative(root, asked).split(sep).join('/') } : { root: asked, view: '' };
}
