// Quốc hiệu and Tiêu ngữ (ô 1; Phụ lục I, Phần I, mục II.1): their words, letter case, weight and size. Found by
// their words wherever they are (a table cell, a paragraph laid out with tabs, one paragraph with a line break).

import { RANGES, STYLES } from '../../style/nd30.ts';
import { MOTTO, NATIONAL_NAME } from '../../text/national.ts';
import { toOldToneStyle } from '../../text/normalize.ts';
import { clip } from '../finding.ts';
import type { Span } from './anatomy.ts';
import { checkFormat, sizeNote } from './format.ts';
import { checked, layoutFinding, notEvaluated, type LayoutFinding, type LayoutRule } from './rule.ts';

const collapse = (s: string): string => s.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
const NOT_FOUND = 'không tìm thấy dòng Quốc hiệu, Tiêu ngữ trong văn bản (có thể nằm trong hình, hộp văn bản không đọc được, hoặc văn bản thiếu yếu tố này)';

/** The Quốc hiệu as shown, compared in the official tone style ("HÒA"; "HOÀ" is the same words). */
function nationalProblem(shown: string): string | undefined {
  const text = toOldToneStyle(collapse(shown)).text;
  if (text === NATIONAL_NAME) return undefined;
  if (text.toLocaleLowerCase('vi') === NATIONAL_NAME.toLocaleLowerCase('vi')) return 'Quốc hiệu phải viết bằng chữ in hoa';
  return `Quốc hiệu viết khác "${NATIONAL_NAME}"`;
}

const DASH_FORM = /\s*[\u2010-\u2015\u2212-]\s*/gu;

function mottoProblem(shown: string): string | undefined {
  const text = collapse(shown);
  if (text === MOTTO) return undefined;
  const problems: string[] = [];
  const dashes = text.replace(DASH_FORM, ' - ');
  if (dashes !== text) problems.push('giữa các cụm từ dùng gạch nối "-" có cách chữ hai bên');
  if (dashes !== MOTTO) {
    if (dashes.toLocaleLowerCase('vi') === MOTTO.toLocaleLowerCase('vi')) problems.push('chữ in thường, chỉ viết hoa chữ cái đầu của mỗi cụm từ ("Độc lập", "Tự do", "Hạnh phúc")');
    else problems.push(`Tiêu ngữ viết khác "${MOTTO}"`);
  }
  return `Tiêu ngữ sai: ${problems.join('; ')}`;
}

function checkSpans(rule: LayoutRule, spans: Span[], what: string, problem: (s: string) => string | undefined, want: string, style: { size: { min: number; max: number }; bold: boolean }) {
  const out: LayoutFinding[] = [];
  let unknown = false;
  for (const span of spans) {
    const p = problem(span.text);
    if (p) out.push(layoutFinding(rule, 'lỗi', span.para.number, clip(collapse(span.text), 70), p, `ghi đúng "${want}"`));
    const f = checkFormat(rule, span, { what, size: style.size, bold: style.bold, italic: false });
    out.push(...f.findings);
    unknown ||= f.unknownSize;
  }
  return checked(out, sizeNote(unknown));
}

export const nationalName: LayoutRule = {
  id: 'national-name',
  title: 'Quốc hiệu: chữ in hoa, đứng, đậm, cỡ 12–13',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.1.a: Quốc hiệu chữ in hoa, cỡ chữ 12–13, kiểu chữ đứng, đậm',
  check(a) {
    if (a.national.length === 0) return notEvaluated(NOT_FOUND);
    return checkSpans(nationalName, a.national, 'Quốc hiệu', nationalProblem, NATIONAL_NAME, { size: RANGES.nationalName, bold: STYLES.nationalName.bold });
  },
};

export const nationalMotto: LayoutRule = {
  id: 'national-motto',
  title: 'Tiêu ngữ: chữ in thường (viết hoa chữ đầu cụm từ), đứng, đậm, cỡ 13–14',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.1.b: Tiêu ngữ chữ in thường, cỡ chữ 13–14, kiểu chữ đứng, đậm; viết hoa chữ đầu các cụm từ, gạch nối (-) có cách chữ',
  check(a) {
    if (a.motto.length === 0) return notEvaluated(NOT_FOUND);
    return checkSpans(nationalMotto, a.motto, 'Tiêu ngữ', mottoProblem, MOTTO, { size: RANGES.motto, bold: STYLES.motto.bold });
  },
};

export const NATIONAL_RULES = [nationalName, nationalMotto];
