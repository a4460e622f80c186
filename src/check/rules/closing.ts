// The closing "./." at the end of the body of a decision, a plan or any other document (every sample form of
// Phụ lục III ends its body so).

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { TYPE_LINE } from './numbering.ts';
import { RECIPIENTS_LABEL_LINE as LABEL } from './recipients.ts';

const AUTHORITY = /^(?:TM|KT|TL|TUQ|Q)\.\s/u;
const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');
/** A signer's name: two to six capitalized words, nothing else. */
const isName = (s: string) => /^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u.test(s);
/** The caption under an attachment's title: "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Kế hoạch …)". */
const isAttachCaption = (s: string) => /^\((?:Ban hành )?kèm theo\s/iu.test(s);
const isSignatureNote = (s: string) => /^\((?:đã ký|ký|chữ ký|ký tên|ký, ghi rõ|đã ký và đóng dấu)[^)]*\)$/iu.test(s);

/** The last line of the body before `end` (exclusive), skipping blank lines and the signature block. */
function bodyEnd(lines: string[], start: number, end: number): number {
  for (let i = end - 1; i > start; i--) {
    const l = lines[i]!;
    if (l === '' || AUTHORITY.test(l) || isUpper(l) || isName(l) || isSignatureNote(l)) continue;
    return i;
  }
  return -1;
}

/** The end of a line, whole words, for quoting: "…kể từ ngày ký." */
function lastWords(text: string, max = 50): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const space = cut.indexOf(' ');
  return `…${space >= 0 ? cut.slice(space + 1) : cut}`;
}

export const closing: Rule = {
  id: 'closing',
  title: 'nội dung không kết thúc bằng "./."',
  source: 'NĐ 30/2020, Phụ lục III, các mẫu 1.1–3.2: nội dung văn bản kết thúc bằng dấu "./."',
  check(doc: TextDoc): Finding[] {
    const { lines } = doc;
    // Parts of the file: each starts at a tên loại line (QUYẾT ĐỊNH, KẾ HOẠCH…); text before the first is its header.
    const starts = lines.flatMap((l, i) => (TYPE_LINE.test(l) ? [i] : []));
    const isAppendix = (i: number | undefined) => i !== undefined && /^(?:PHỤ LỤC|Phụ lục)/u.test(lines[i] ?? '');
    const segments: [number, number, boolean][] = starts
      .map((s, k): [number, number, boolean] => [s, starts[k + 1] ?? lines.length, true])
      // A phụ lục is a part of its document, not a body of its own: the samples do not end it with "./.".
      .filter(([s]) => !/^(?:PHỤ LỤC|Phụ lục)/u.test(lines[s]!));
    // no tên loại, or only phụ lục ones: the text before the first phụ lục is a body without a tên loại line
    if (starts.length === 0) segments.push([-1, lines.length, false]);
    else if (isAppendix(starts[0])) segments.unshift([-1, starts[0]!, false]);
    const out: Finding[] = [];
    for (const [start, end, typed] of segments) {
      const label = lines.findIndex((l, i) => i > start && i < end && LABEL.test(l));
      // The end of the body is known only from the Nơi nhận or the signature after it: a page cut short (a web
      // excerpt, a part before "QUYẾT ĐỊNH:") has neither and is not judged.
      const signed = lines.some((l, i) => i > start && i < end && AUTHORITY.test(l));
      // an attachment (the Quy định after the signed Quyết định) ends where the file ends
      const attached = typed && end === lines.length && lines.some((l, i) => i < start && AUTHORITY.test(l));
      // a phụ lục after the body ends it too
      const beforeAppendix = typed && isAppendix(end);
      if (label < 0 && (!typed || !(signed || attached || beforeAppendix))) continue;
      const last = bodyEnd(lines, start, label >= 0 ? label : end);
      if (last < 0) continue;
      const text = lines[last]!;
      if (/\.\/\.$/u.test(text)) continue;
      // the caption under the title of an attachment is its heading, not its body: a page cut right after it has no body
      if (isAttachCaption(text)) continue;
      // an attachment whose last line stops mid-sentence is a page cut short, not a body without its "./."
      // ("./" or "/." is the closing mark written wrong, not a cut)
      if (attached && label < 0 && !signed && !/(?:[.;:!?)”"]|\.\/)$/u.test(text)) continue;
      const fixed = text.replace(/[\s.]*(?:\/[\s.]*)?$/u, '') + './.';
      const tail = lastWords(text);
      out.push(
        finding(closing, 'cảnh báo', last + 1, tail, 'nội dung văn bản phải kết thúc bằng dấu "./."', {
          col: text.length - tail.replace(/^…/u, '').length + 1,
          fix: `thêm "./." vào cuối: "${lastWords(fixed)}"`,
          replacement: { from: text, to: fixed },
        }),
      );
    }
    return out;
  },
};
