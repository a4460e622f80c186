// Căn cứ in italic (layout/basis.ts) on the decree's own DOCX as published: its căn cứ are italic, so no finding;
// the same file with the italic taken off the runs of its căn cứ paragraphs gives one finding per căn cứ.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/check/docx-read.ts';
import { checkLayout } from '../../src/check/layout.ts';

const decree = readFileSync(new URL('../fixtures/real/docx-nghi-dinh-30-2020-nd-cp.docx', import.meta.url));

/** The decree with <w:i/> removed from every paragraph that opens "Căn cứ". */
function upright(buf: Buffer): { docx: Uint8Array; paragraphs: number } {
  const files = unzipSync(new Uint8Array(buf));
  let paragraphs = 0;
  const xml = strFromU8(files['word/document.xml']!).replace(/<w:p(?: [^>]*)?>(?:(?!<\/w:p>).)*?<\/w:p>/gsu, (p) => {
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');
    if (!/^(?:Căn cứ|Theo đề nghị|Xét đề nghị) /u.test(text)) return p;
    paragraphs++;
    return p.replace(/<w:i\/>|<w:iCs\/>/gu, '');
  });
  files['word/document.xml'] = strToU8(xml);
  return { docx: zipSync(files), paragraphs };
}

const basisOf = (buf: Buffer | Uint8Array) => {
  const r = checkLayout(readDocx(Buffer.from(buf)));
  return { outcome: r.outcomes.find((o) => o.rule === 'can-cu-italic'), findings: r.findings.filter((f) => f.rule === 'can-cu-italic') };
};

describe('căn cứ in italic (DOCX)', () => {
  it('finds nothing on the decree as published, whose căn cứ are italic', () => {
    const { outcome, findings } = basisOf(decree);
    expect(outcome?.status).toBe('checked');
    expect(findings).toEqual([]);
  });

  it('finds each upright căn cứ of the same file, at its paragraph, with a Vietnamese message and fix', () => {
    const { docx, paragraphs } = upright(decree);
    expect(paragraphs).toBeGreaterThanOrEqual(1);
    const { findings } = basisOf(docx);
    expect(findings).toHaveLength(paragraphs);
    for (const f of findings) {
      expect(f.line).toBeGreaterThan(0);
      expect(f.message).toBe('căn cứ ban hành chưa in nghiêng');
      expect(f.fix).toBe('in nghiêng (Ctrl+I)');
      expect(f.excerpt).toMatch(/^(?:Căn cứ|Theo đề nghị) /u);
    }
  });
});
