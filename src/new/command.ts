// `vanban new <loai> [thư_mục]`: writes the starter of a kind (templates/new/<loai>.yaml and, when the
// kind has a body, <loai>.md) into a folder, never over an existing file. A starter is a complete,
// commented document whose required fields hold visible "[cần điền: …]" placeholders: it builds at
// once (with placeholder warnings) and `vanban build --strict` refuses it until they are filled.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allKinds } from '../kinds/index.ts';

const TOOL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const STARTERS = join(TOOL_ROOT, 'templates/new');
const SCHEMA = join(TOOL_ROOT, 'schema/vanban.schema.json');

/** Every kind the schema's "loai" accepts (the registry of src/kinds), in its order. */
export function supportedKinds(): string[] {
  return allKinds().map((k) => k.loai);
}

/** The starter files of a kind: name in the folder → content, adjusted to where they are written. */
export function starterFiles(loai: string, dir: string, year = new Date().getFullYear()): Record<string, string> {
  const files: Record<string, string> = {};
  for (const ext of ['.yaml', '.md']) {
    const path = join(STARTERS, `${loai}${ext}`);
    if (!existsSync(path)) continue;
    let text = readFileSync(path, 'utf8');
    if (ext === '.yaml') {
      const schema = relative(dir, SCHEMA).split('\\').join('/');
      text = text.replace(/^# yaml-language-server: \$schema=.*$/mu, `# yaml-language-server: $schema=${schema}`).replace(/^nam: \d{4}\b/mu, `nam: ${year}`);
    }
    files[`${loai}${ext}`] = text;
  }
  return files;
}

export function newCommand(loai: string, dir = '.', cwd = process.cwd()): number {
  const kinds = supportedKinds();
  if (!kinds.includes(loai)) {
    console.error(`✗ loại văn bản "${loai}" chưa hỗ trợ; chọn một trong: ${kinds.join(', ')}`);
    return 2;
  }
  const target = resolve(cwd, dir);
  const files = starterFiles(loai, target);
  const shown = (name: string) => relative(cwd, join(target, name)) || name;
  const taken = Object.keys(files).filter((name) => existsSync(join(target, name)));
  if (taken.length) {
    console.error(`✗ ${taken.map(shown).join(', ')}: đã có, không ghi đè; chọn thư mục khác (vanban new ${loai} <thư_mục>) hoặc đổi tên tệp cũ`);
    return 2;
  }
  mkdirSync(target, { recursive: true });
  // "wx": never replaces a file that appeared since the check above.
  for (const [name, text] of Object.entries(files)) writeFileSync(join(target, name), text, { flag: 'wx' });
  console.log(`✓ đã viết ${Object.keys(files).map(shown).join(', ')}`);
  console.log(`Điền các chỗ "[cần điền: …]", rồi dựng: npx vanban build ${relative(cwd, target) || '.'}`);
  return 0;
}
