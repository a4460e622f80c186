// The công văn's own parts: the trích yếu "V/v …" under its number (ô 5b) and the "Kính gửi:" line.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { TYPE_LINE } from './numbering.ts';

export const vvForm: Rule = {
  id: 'vv-form',
  title: 'trích yếu công văn "V/v" sai dạng',
  source: 'NĐ 30/2020, Phụ lục I, mục II.5.b và Mẫu 1.4 của Phụ lục III: trích yếu công văn trình bày sau chữ "V/v", không dấu hai chấm, không dấu chấm cuối',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      const m = /^(V\/v|v\/v|V\/V|Về việc|Về)(\s*:\s*|\s+)(.*?)(\s*[.;]?)$/u.exec(line);
      if (!m || m[3] === '') return;
      // "Về: …" is a công văn's trích yếu only right under its number (a body line may start with "Về")
      const word = m[1]!.startsWith('Về');
      if (word && (!m[2]!.includes(':') || !/^Số\s*:/u.test(doc.lines.slice(0, i).reverse().find((l) => l.trim() !== '') ?? ''))) return;
      // under a tên loại the document is no công văn: that "V/v" is parts-conflict's one finding, not a form to mend
      if (doc.lines.slice(Math.max(0, i - 3), i).some((l) => TYPE_LINE.test(l) && !/^(?:PHỤ LỤC|Phụ lục)/u.test(l))) return;
      const problems: string[] = [];
      if (word) problems.push(`trích yếu công văn ghi sau chữ "V/v", không ghi "${m[1]}:"`);
      else if (m[1] !== 'V/v') problems.push(`viết "V/v", không viết "${m[1]}"`);
      if (!word && m[2]!.includes(':')) problems.push('không có dấu hai chấm sau "V/v"');
      // a run of dots is a form's blank to fill ("V/v …6……….."), not a full stop
      if (/[.;]/u.test(m[4]!) && !/(?:…|\.\.)[.…]*$/u.test(line)) problems.push('trích yếu không kết thúc bằng dấu chấm');
      // a trích yếu a PDF's column wrapped over lines of its own: its end is on its last line, told there
      if (m[4] === '' && !word) {
        const last = wrappedEnd(doc.lines, i);
        const end = doc.lines[last]!;
        if (last !== i && /[^.]\.$/u.test(end)) out.push(finding(vvForm, 'lỗi', i + 1, line, `trích yếu không kết thúc bằng dấu chấm (dòng ${last + 1}: "${end}")`, { col: 1, fix: 'bỏ dấu chấm ở cuối trích yếu' }));
      }
      if (!problems.length) return;
      const fixed = `V/v ${m[3]}`;
      out.push(finding(vvForm, 'lỗi', i + 1, line, problems.join('; '), { col: 1, fix: `ghi "${fixed}"`, replacement: { from: line, to: fixed } }));
    });
    return out;
  },
};

/**
 * The last line of a trích yếu starting on line `i` and wrapped over the lines after it (a PDF's left column):
 * lines that go on in lower case or after an unfinished word, until a blank, "Kính gửi" or the national header.
 */
function wrappedEnd(lines: readonly string[], i: number): number {
  let last = i;
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const l = lines[j]!;
    if (l === '' || /^(?:Kính gửi|CỘNG HÒA|Độc lập|Số\s*:)/u.test(l) || !/^[\p{Ll}\d(“"]/u.test(l)) break;
    last = j;
  }
  return last;
}

export const kinhGui: Rule = {
  id: 'kinh-gui',
  title: '"Kính gửi" thiếu dấu hai chấm',
  source: 'NĐ 30/2020, Phụ lục III, Mẫu 1.4 (công văn), 1.5 (tờ trình): "Kính gửi:" rồi tên cơ quan, tổ chức, cá nhân nhận',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      const m = /^(Kính gửi)(\s*)(?![\s:])(\S.*)$/u.exec(line);
      if (!m) return;
      const fixed = `Kính gửi: ${m[3]}`;
      out.push(finding(kinhGui, 'lỗi', i + 1, line, 'sau "Kính gửi" có dấu hai chấm', { col: 1, fix: `ghi "${fixed}"`, replacement: { from: line, to: fixed } }));
    });
    return out;
  },
};
