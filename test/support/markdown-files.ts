// Every Markdown file under a folder: the samples, the templates and the real documents' bodies of the tests.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.md(\.mustache)?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
