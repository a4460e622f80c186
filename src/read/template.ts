// Mustache templates over Markdown. A template in the user's project (templates/<name>.md.mustache)
// wins over the one shipped with the tool, so an office can reword its boilerplate.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';

export const TOOL_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');
export const TEMPLATE_EXT = '.md.mustache';

export interface Template {
  name: string;
  path: string;
  text: string;
  absent: string[]; // places looked at first and found empty: creating one there changes the document
}

/** Finds a template: the project's own first, then the tool's. Null when neither has it. */
export function findTemplate(name: string, projectRoot: string): Template | null {
  const absent: string[] = [];
  for (const dir of [...new Set([join(projectRoot, 'templates'), TOOL_TEMPLATES])]) {
    const path = join(dir, name + TEMPLATE_EXT);
    if (existsSync(path)) return { name, path, text: readFileSync(path, 'utf8'), absent };
    absent.push(path);
  }
  return null;
}

/** Renders without HTML escaping: the output is Markdown, and the data is the users' own text. */
export function renderTemplate(text: string, view: object): string {
  return Mustache.render(text, view, {}, { escape: (s: string) => s });
}
