// The signature block (ô 7a–7c, Phụ lục I mục II.7): the authority written "TM.", "KT.", "TL.", "TUQ.", "Q." with
// its full stop and a space, and a deputy under "KT." (a "KT. GIÁM ĐỐC" signed by the "GIÁM ĐỐC" is no KT.).

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

/** An authority mark written otherwise: "KT ", "K/T", "T/M", "T/M.", "TM/ UBND", "KT.GIÁM ĐỐC", "T.L.". */
const WRONG = /^(K\/T\.|T\/M\.|T\/L\.|K\/T|T\/M|T\/L|K\.T\.?|T\.M\.?|T\.L\.?|KT\/|TM\/|TL\/|TUQ\/|KT|TM|TL|TUQ|Q)(?:\.(?=\S)|\s+|(?<=\/))(?=\p{Lu})/u;
const RIGHT = /^(?:TM|KT|TL|TUQ|Q)\.\s/u;
const FORM: Record<string, string> = { 'K/T.': 'KT.', 'T/M.': 'TM.', 'T/L.': 'TL.', 'K/T': 'KT.', 'T/M': 'TM.', 'T/L': 'TL.', 'K.T': 'KT.', 'K.T.': 'KT.', 'T.M': 'TM.', 'T.M.': 'TM.', 'T.L': 'TL.', 'T.L.': 'TL.', 'KT/': 'KT.', 'TM/': 'TM.', 'TL/': 'TL.', 'TUQ/': 'TUQ.', KT: 'KT.', TM: 'TM.', TL: 'TL.', TUQ: 'TUQ.', Q: 'Q.' };

/** A deputy's title: "PHÓ CHỦ TỊCH …", "PHÓ GIÁM ĐỐC", "THỨ TRƯỞNG" (the head's title for "KT. …" in group 1). */
const DEPUTY = /^(?:PHÓ\s+(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHÁNH ÁN|VIỆN TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG PHÒNG|TỔNG GIÁM ĐỐC|THỦ TƯỚNG)(?:\s.*)?|(THỨ TRƯỞNG)(?:\s.*)?)$/u;
/** A signer's name below within a few lines: two to five capitalized words, or the copy's "(Đã ký)". */
function signedBelow(lines: readonly string[], i: number): boolean {
  const below = lines.slice(i + 1).filter((l) => l.trim() !== '').slice(0, 3);
  return below.some((l) => /^\(?(?:Đã ký|đã ký)\)?$/u.test(l.trim()) || /^(?:\p{Lu}[\p{Ll}\p{M}]*\s+){1,4}\p{Lu}[\p{Ll}\p{M}]*$/u.test(l.trim()));
}
/** An authority line ("KT.", "TM.", "TL.", "TUQ.", "Q.") in the dozen lines above: a flattened copy may part them. */
const authorityAbove = (lines: readonly string[], i: number): boolean => lines.slice(Math.max(0, i - 12), i).some((l) => /(?:^|\|\s*)(?:KT|TM|TL|TUQ|Q)\.\s?\p{Lu}/u.test(l) || /(?:^|\s)K\/T|T\/M/u.test(l));

export const signatureForm: Rule = {
  id: 'signature-form',
  title: 'quyền hạn ký (TM., KT., TL., TUQ., Q.) viết sai',
  source: 'NĐ 30/2020, Điều 13 và Phụ lục I, mục II.7.a: "TM." thay mặt tập thể, "KT." ký thay người đứng đầu, "Q." quyền, "TL." thừa lệnh, "TUQ." thừa ủy quyền; chức vụ người ký dưới quyền hạn',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      // "TM. BAN CHỈ ĐẠO" | "PHÓ TRƯỞNG BAN": a deputy signs for the collective's head, "KT. TRƯỞNG BAN" between
      const above = doc.lines.slice(0, i).reverse().find((l) => l.trim() !== '')?.trim();
      const underTm = DEPUTY.exec(line);
      if (underTm && above && /^TM\.\s/u.test(above) && !/\sKT\.\s?\p{Lu}/u.test(above) && line === line.toLocaleUpperCase('vi') && line.length <= 60) {
        const head = underTm[1] ?? 'BỘ TRƯỞNG';
        out.push(finding(signatureForm, 'cảnh báo', i + 1, line, `cấp phó ký thay người đứng đầu: giữa "${above}" và "${line}" phải có dòng "KT. ${head}" (Phụ lục I, mục II.7.a)`, { col: 1, fix: `thêm dòng "KT. ${head}" ngay trên "${line}"` }));
        return;
      }
      if (RIGHT.test(line)) {
        // "KT. GIÁM ĐỐC" over "GIÁM ĐỐC": the head signs for himself, without "KT."
        const kt = /^KT\.\s+(.+)$/u.exec(line);
        const next = doc.lines[i + 1]?.trim();
        if (kt && next && next === kt[1]!.trim()) {
          out.push(finding(signatureForm, 'lỗi', i + 1, line, `"KT." là cấp phó ký thay người đứng đầu; dưới "KT. ${kt[1]}" phải là chức vụ của cấp phó, không phải "${next}"`, { col: 1, fix: `ghi chức vụ của cấp phó (ví dụ "PHÓ ${next}") hoặc bỏ "KT." nếu người đứng đầu ký` }));
        }
        return;
      }
      // a deputy's title with no "KT." above it: "PHÓ CHỦ TỊCH UBND HUYỆN" | "Phạm Văn Hoàn"
      const deputy = DEPUTY.exec(line);
      if (deputy && line === line.toLocaleUpperCase('vi') && line.length <= 60 && signedBelow(doc.lines, i) && !authorityAbove(doc.lines, i)) {
        const head = deputy[1] ?? 'BỘ TRƯỞNG';
        out.push(finding(signatureForm, 'cảnh báo', i + 1, line, `cấp phó ký thay người đứng đầu: trên chức vụ "${line}" phải có dòng "KT. ${head}" (Phụ lục I, mục II.7.a)`, { col: 1, fix: `thêm dòng "KT. ${head}" ngay trên "${line}"` }));
        return;
      }
      const m = WRONG.exec(line);
      if (!m || line !== line.toLocaleUpperCase('vi')) return;
      const right = FORM[m[1]!]!;
      const fixed = `${right} ${line.slice(m[0].length)}`;
      out.push(finding(signatureForm, 'lỗi', i + 1, line, `quyền hạn ký viết "${right}" (chữ viết tắt, dấu chấm, một dấu cách)`, { col: 1, fix: `ghi "${fixed}"`, replacement: { from: line, to: fixed } }));
    });
    return out;
  },
};
