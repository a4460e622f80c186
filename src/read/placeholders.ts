// Placeholders ("[cần điền: …]") left in a draft's input files, located by file and line: the change
// report lists them, and `vanban build --strict` turns them into an error instead of a warning.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError, type Location } from '../model/errors.ts';
import { PLACEHOLDER } from '../text/wording.ts';

export interface PlaceholderFound {
  loc: Location; // file as shown (relative to the root), line, column
  text: string; // "[cần điền: họ tên Giám đốc Sở]"
}

/** Every placeholder in the given files (YAML and Markdown), skipping comment lines. */
export function findPlaceholders(files: string[], root = process.cwd()): PlaceholderFound[] {
  const found: PlaceholderFound[] = [];
  for (const f of files) {
    const path = isAbsolute(f) ? f : resolve(root, f);
    if (!existsSync(path) || !/\.(ya?ml|md)$/u.test(path)) continue;
    const shown = relative(root, path) || path;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trimStart().startsWith('#')) return;
        for (const m of line.matchAll(PLACEHOLDER)) found.push({ loc: { file: shown, line: i + 1, col: (m.index ?? 0) + 1 }, text: m[0] });
      });
  }
  return found;
}

/**
 * For `--strict`: an error located at the first placeholder of a built document's sources (its
 * `meta.sources`), or null when it has none. The build should then write nothing for that document.
 */
export function strictPlaceholderError(sources: string[], placeholders: string[], root = process.cwd()): InputError | null {
  if (!placeholders.length) return null;
  const first = findPlaceholders(sources, root)[0];
  const loc = first?.loc ?? { file: sources[0] ?? '', line: 1, col: 1 };
  return new InputError(loc, '', `dự thảo còn ${placeholders.length} chỗ cần điền: ${placeholders.join(', ')}`, 'điền các chỗ "[cần điền: …]", hoặc dựng không có --strict (chỉ cảnh báo)');
}
