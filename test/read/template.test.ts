import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, inlineText } from '../../src/model/ast.ts';
import { findTemplate, TOOL_TEMPLATES } from '../../src/read/template.ts';
import { composeDocument } from '../../src/transform/compose.ts';

describe('templates', () => {
  it('uses the tool’s template when the project has none', () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-tpl-'));
    expect(findTemplate('ke-hoach-thi-dua', root)?.path).toBe(join(TOOL_TEMPLATES, 'ke-hoach-thi-dua.md.mustache'));
    expect(findTemplate('khong-co', root)).toBeNull();
  });

  it('lets a project template of the same name win, and rebuilds with its wording', () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-tpl-'));
    cpSync('data/bo-tu-phap', join(root, 'data/bo-tu-phap'), { recursive: true });
    mkdirSync(join(root, 'templates'));
    writeFileSync(
      join(root, 'templates/quyet-dinh-ban-hanh-ke-hoach.md.mustache'),
      '1. Ban hành kèm theo Quyết định này {{{kem_theo.ten_goi}}}.\n1. Quyết định này có hiệu lực từ ngày 01 tháng 3 năm 2024.\n1. {{{thi_hanh}}} chịu trách nhiệm thi hành Quyết định này.\n',
    );
    const { doc } = composeDocument(join(root, 'data/bo-tu-phap/thi-dua-2024/quyet-dinh.yaml'), root);
    const articles = doc.parts[0]!.body.map((b) => blockText(b));
    expect(articles[1]).toBe('Quyết định này có hiệu lực từ ngày 01 tháng 3 năm 2024.');
    expect(doc.meta.sources).toContain('templates/quyet-dinh-ban-hanh-ke-hoach.md.mustache');
  });
});
