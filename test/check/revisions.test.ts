// Tracked changes left in a DOCX and page numbering not starting at 1, on a real DOCX (the decree) and on the
// same file with the marks added.

import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/check/docx-read.ts';
import { pageNumberStart, trackedChanges } from '../../src/check/layout/revisions.ts';
import { realPath } from './helpers.ts';

const decree = readFileSync(realPath('docx-nghi-dinh-30-2020-nd-cp.docx'));

/** The decree with its document.xml edited. */
function edited(edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(new Uint8Array(decree));
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}

const findings = (buf: Uint8Array, rule: string) => (rule === 'tracked-changes' ? trackedChanges : pageNumberStart).check(readDocx(buf));

describe('tracked-changes and page-number-start', () => {
  it('find nothing on the decree as published', () => {
    expect(findings(decree, 'tracked-changes')).toEqual([]);
    expect(findings(decree, 'page-number-start')).toEqual([]);
  });

  it('find an insertion and a deletion left in, and numbering that starts at 3', () => {
    const tracked = edited((x) => x.replace(/<w:r(?=[ >])/u, '<w:ins w:id="1" w:author="Chuyên viên"><w:r><w:t>chèn</w:t></w:r></w:ins><w:del w:id="2" w:author="Chuyên viên"><w:r><w:delText>xóa</w:delText></w:r></w:del><w:r'));
    const [t] = findings(tracked, 'tracked-changes');
    expect(t!.message).toBe('tệp còn thay đổi theo dõi chưa chấp nhận (1 chỗ chèn, 1 chỗ xóa; người sửa: Chuyên viên)');
    const numbered = edited((x) => x.replace(/<w:sectPr([^>]*)>/u, '<w:sectPr$1><w:pgNumType w:start="3"/>'));
    expect(findings(numbered, 'page-number-start').map((f) => f.excerpt)).toEqual(['bắt đầu từ 3']);
  });
});
