// Tên loại and trích yếu (ô 5a; Phụ lục I, Phần I, mục II.5.b): the type name in capitals, bold, 13–14 pt, centred;
// the trích yếu right under it, in lower case, bold, 13–14 pt, centred. Found as the first lines after the header.

import { RANGES, STYLES } from '../../style/nd30.ts';
import { clip } from '../finding.ts';
import { isUpper } from './anatomy.ts';
import { checkFormat, sizeNote } from './format.ts';
import { checked, layoutFinding, notApplicable, notEvaluated, type LayoutFinding, type LayoutRule } from './rule.ts';

export const docType: LayoutRule = {
  id: 'doc-type',
  title: 'tên loại văn bản: chữ in hoa, đứng, đậm, cỡ 13–14, căn giữa',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.5.b: tên loại văn bản chữ in hoa, cỡ chữ 13–14, kiểu chữ đứng, đậm, canh giữa',
  check(a) {
    const typed = a.parts.filter((p) => p.kind === 'typed' && p.docType);
    if (typed.length === 0) {
      if (a.parts.some((p) => p.kind === 'cong-van')) return notApplicable('công văn không có tên loại');
      if (a.parts.some((p) => p.kind === 'phu-luc')) return notApplicable('phụ lục không có tên loại');
      return notEvaluated('không nhận ra dòng tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, …) sau phần đầu');
    }
    const out: LayoutFinding[] = [];
    let unknown = false;
    for (const part of typed) {
      const para = part.docType!;
      const s = para.shown.trim();
      if (!isUpper(s)) out.push(layoutFinding(docType, 'lỗi', para.number, clip(s, 70), 'tên loại văn bản phải viết bằng chữ in hoa', `ghi "${s.toLocaleUpperCase('vi')}"`));
      const f = checkFormat(docType, para, { what: 'tên loại văn bản', size: RANGES.docType, bold: STYLES.docType.bold, italic: false, align: STYLES.docType.align });
      out.push(...f.findings);
      unknown ||= f.unknownSize;
    }
    return checked(out, sizeNote(unknown));
  },
};

export const subject: LayoutRule = {
  id: 'subject',
  title: 'trích yếu nội dung: chữ in thường, đứng, đậm, cỡ 13–14, căn giữa',
  // The decree gives the trích yếu the same 13–14 pt as the tên loại: the style sheet's docType range.
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.5.b: trích yếu đặt ngay dưới tên loại, chữ in thường, cỡ chữ 13–14, kiểu chữ đứng, đậm',
  check(a) {
    const typed = a.parts.filter((p) => p.kind === 'typed' && p.docType);
    const withSubject = typed.filter((p) => p.subject);
    if (withSubject.length === 0) {
      const vvs = a.parts.filter((p) => p.kind === 'cong-van' && p.vv).map((p) => p.vv!);
      if (vvs.length) {
        // ô 5b: the công văn's "V/v …", 12–13 pt, upright, not bold (STYLES.subjectLine)
        const f = vvs.map((vv) => checkFormat(subject, vv, { what: 'trích yếu công văn', size: RANGES.subjectLine, bold: false, italic: false }));
        return checked(f.flatMap((x) => x.findings), sizeNote(f.some((x) => x.unknownSize)));
      }
      if (a.parts.some((p) => p.kind === 'cong-van')) return notEvaluated('không nhận ra dòng trích yếu "V/v …" dưới số của công văn');
      if (typed.length) return notEvaluated('không nhận ra dòng trích yếu dưới tên loại văn bản');
      return notEvaluated('không nhận ra tên loại và trích yếu văn bản sau phần đầu');
    }
    const out: LayoutFinding[] = [];
    let unknown = false;
    for (const part of withSubject) {
      const para = part.subject!;
      const s = para.shown.trim();
      if (isUpper(s) && [...s].filter((c) => /\p{L}/u.test(c)).length > 3) {
        out.push(layoutFinding(subject, 'lỗi', para.number, clip(s, 70), 'trích yếu viết bằng chữ in thường (chỉ viết hoa chữ đầu và tên riêng), không viết in hoa cả dòng', 'gõ lại trích yếu bằng chữ thường, hoặc bỏ định dạng All caps'));
      }
      const f = checkFormat(subject, para, { what: 'trích yếu', size: RANGES.docType, bold: STYLES.subject.bold, italic: false, align: STYLES.subject.align });
      out.push(...f.findings);
      unknown ||= f.unknownSize;
    }
    const note = typed.length > withSubject.length ? `${typed.length - withSubject.length} văn bản trong tệp không nhận ra dòng trích yếu` : sizeNote(unknown);
    return checked(out, note);
  },
};

export const TITLE_RULES = [docType, subject];
