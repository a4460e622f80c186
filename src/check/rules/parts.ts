// Parts that contradict one another or the kind of the document: a trích yếu "V/v" (the công văn's) under a tên
// loại, "Kính gửi" in a kind that has no addressee, two tên loại in one header, and the "QUYẾT ĐỊNH:" that opens
// the articles written without its colon.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { TYPE_LINE } from './numbering.ts';

/** Kinds whose sample form has no "Kính gửi" (Phụ lục III, Mẫu 1.1–1.3). */
const NO_ADDRESSEE = /^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|QUY CHẾ|QUY ĐỊNH|KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN)$/u;

export const partsConflict: Rule = {
  id: 'parts-conflict',
  title: 'các thành phần thể thức mâu thuẫn với tên loại văn bản',
  source: 'NĐ 30/2020, Phụ lục I, mục II.5 (tên loại và trích yếu; "V/v" chỉ của công văn) và Phụ lục III, Mẫu 1.1–1.4',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const { lines } = doc;
    // the header: up to the first căn cứ, article, Kính gửi or body paragraph after the tên loại
    const kindAt = lines.findIndex((l) => TYPE_LINE.test(l) && !/^(?:PHỤ LỤC|Phụ lục)/u.test(l));
    if (kindAt < 0) return out;
    const kind = lines[kindAt]!;
    const signedBefore = (i: number) => lines.slice(kindAt, i).some((l) => /^(?:TM|KT|TL|TUQ|Q)\.\s/u.test(l) || /^Nơi\s+nhận/u.test(l));
    lines.forEach((line, i) => {
      if (/^V\/v\s/iu.test(line) && Math.abs(i - kindAt) <= 12 && !signedBefore(i)) {
        out.push(finding(partsConflict, 'lỗi', i + 1, line.slice(0, 60), `trích yếu "V/v" là của công văn; văn bản có tên loại "${kind}" trình bày trích yếu ngay dưới tên loại, không có "V/v"`, { col: 1 }));
      }
      if (/^Kính gửi/u.test(line) && NO_ADDRESSEE.test(kind) && i > kindAt && !signedBefore(i)) {
        out.push(finding(partsConflict, 'cảnh báo', i + 1, line.slice(0, 60), `"${kind}" không có "Kính gửi" (Phụ lục III); kiểm tra tên loại văn bản`, { col: 1 }));
      }
      if (i > kindAt && i - kindAt <= 4 && TYPE_LINE.test(line) && line !== kind && !/^(?:PHỤ LỤC|Phụ lục)/u.test(line)) {
        out.push(finding(partsConflict, 'lỗi', i + 1, line, `văn bản có hai tên loại: "${kind}" và "${line}"`, { col: 1 }));
      }
    });
    return out;
  },
};

/** A căn cứ, "Theo đề nghị" or "Xét" line, with or without the "- " some copies put before each. */
const BASIS_LINE = /^(?:[-–]\s*)?(?:Căn cứ|Theo đề nghị|Xét)(?![\p{L}\p{M}])/u;
const BASIS = /(?<![\p{L}\p{M}])(?:Căn cứ|Theo đề nghị)(?![\p{L}\p{M}])/u;

export const decisionColon: Rule = {
  id: 'quyet-dinh-colon',
  title: 'dòng "QUYẾT ĐỊNH:" mở đầu các điều thiếu dấu hai chấm',
  source: 'NĐ 30/2020, Phụ lục III, Mẫu 1.1–1.3: sau căn cứ là dòng "QUYẾT ĐỊNH:" (hoặc "QUYẾT NGHỊ:") rồi đến các điều',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const { lines } = doc;
    lines.forEach((line, i) => {
      // a copy that ran the whole text into one line: "… Căn cứ …; Theo đề nghị …, QUYẾT ĐỊNH Điều 1. …"
      const inline = /[;,.]\s+(QUYẾT ĐỊNH|QUYẾT NGHỊ)\s+(?=Điều\s+1(?!\d))/u.exec(line);
      if (inline && BASIS.test(line.slice(0, inline.index))) {
        const col = inline.index + inline[0].indexOf(inline[1]!);
        out.push(finding(decisionColon, 'lỗi', i + 1, inline[1]!, `viết "${inline[1]}:" (có dấu hai chấm) trước các điều`, { col: col + 1, fix: `ghi "${inline[1]}:"` }));
      }
      if (!/^(QUYẾT ĐỊNH|QUYẾT NGHỊ)\s*$/u.test(line)) return;
      // the one after căn cứ, followed by "Điều 1."
      const next = lines.slice(i + 1).find((l) => l !== '');
      const before = lines.slice(Math.max(0, i - 8), i).some((l) => BASIS_LINE.test(l));
      if (!next || !/^Điều\s+1\b/u.test(next) || !before) return;
      out.push(finding(decisionColon, 'lỗi', i + 1, line, `viết "${line.trim()}:" (có dấu hai chấm) trước các điều`, { col: 1, fix: `ghi "${line.trim()}:"`, replacement: { from: line, to: `${line.trim()}:` } }));
    });
    return out;
  },
};
