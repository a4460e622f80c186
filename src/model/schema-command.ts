// `vanban schema [vanban|chien-dich|ho-so-tinh] [--ghi schema]`: prints one JSON Schema, or writes them all.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../io/atomic-write.ts';
import { jsonSchemas } from './json-schema.ts';

export const schemaText = (schema: object): string => JSON.stringify(schema, null, 2) + '\n';

export function schemaCommand(name: string, writeTo?: string): number {
  const all = jsonSchemas();
  if (writeTo) {
    mkdirSync(writeTo, { recursive: true });
    for (const [file, schema] of Object.entries(all)) atomicWrite(join(writeTo, file), Buffer.from(schemaText(schema)));
    console.log(`Đã ghi ${Object.keys(all).map((f) => join(writeTo, f)).join(', ')}`);
    return 0;
  }
  const schema = all[`${name}.schema.json`];
  if (!schema) {
    console.error(`✗ không có JSON Schema "${name}"; chọn một trong: ${Object.keys(all).map((f) => f.replace('.schema.json', '')).join(', ')}`);
    return 2;
  }
  process.stdout.write(schemaText(schema));
  return 0;
}
