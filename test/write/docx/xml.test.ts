import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/check/docx-read.ts';
import type { Document } from '../../../src/model/ast.ts';
import { readFileSync } from 'node:fs';
import { escapeXml } from '../../../src/write/docx/xml.ts';
import { writeDocx } from '../../../src/write/docx.ts';
import { docxText, readDocx } from '../../support/docx-text.ts';

describe('escapeXml', () => {
  it('escapes the characters XML gives a meaning, keeps the rest, and drops what XML 1.0 cannot hold', () => {
    expect(escapeXml('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; \'f\'');
    expect(escapeXml('Tự do\tHạnh phúc\n😀')).toBe('Tự do\tHạnh phúc\n😀');
    expect(escapeXml('x\u0000\u0001\u000b\u001fy\ufffe\uffffz')).toBe('xyz');
    expect(escapeXml('lone \ud800 high, lone \udc00 low')).toBe('lone  high, lone  low');
    expect(escapeXml('&amp;')).toBe('&amp;amp;'); // text, not markup: escaped again
  });

  it('reads back as the same text, in content and in an attribute, for any string (invalid characters dropped)', () => {
    const valid = (t: string) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu, '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        const e = escapeXml(t);
        expect(e).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/u);
        const root = parseXml(`<a t="${e}">${e}</a>`);
        expect(root.attrs['t']).toBe(valid(t));
        expect(root.children.join('')).toBe(valid(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a DOCX that reads back with the author\'s text where the text holds them', async () => {
    const doc = JSON.parse(readFileSync(new URL('../../fixtures/model-sample.json', import.meta.url), 'utf8')) as Document;
    const tricky = 'Điều <b>1</b> & "Khoản" \u0007 \'2\' ]]> kết thúc';
    doc.parts[1]!.body.push({ type: 'paragraph', content: [{ type: 'text', text: tricky }] });
    doc.meta.title = `${doc.meta.title} & <kèm theo>`;
    const buf = await writeDocx(doc);
    expect(await docxText(buf)).toContain(tricky.replace('\u0007', ''));
    expect(readDocx(buf).core['title']).toBe(doc.meta.title);
  });
});
