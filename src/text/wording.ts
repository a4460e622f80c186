// Computed wording of the fixed elements: số/ký hiệu, signature lines, Nơi nhận and căn cứ punctuation.

import { upperVi } from './normalize.ts';

/** Abbreviations of document types (Phụ lục III). */
export const TYPE_ABBR = { 'quyet-dinh': 'QĐ', 'ke-hoach': 'KH' } as const;
export const TYPE_NAME = { 'quyet-dinh': 'Quyết định', 'ke-hoach': 'Kế hoạch' } as const;

/** Số with a leading zero below 10 (NĐ 30, Phụ lục I, II.3). */
export function numberText(so: number | string): string {
  return String(so).padStart(2, '0');
}

/** "Số: 244/QĐ-BTP"; a draft without a number leaves room for Văn thư to fill in ("Số:       /KH-STP"). */
export function numberLine(so: string | null, kyHieu: string): string {
  return `Số: ${so === null ? '       ' : so}/${kyHieu}`;
}

type Authority = 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ';

export interface Signer {
  tham_quyen?: Authority | Authority[] | undefined; // one form, or the levels outermost first: [TM, KT]
  thay_mat?: string | string[] | undefined; // whom each TM./KT./TL./TUQ. level signs for, in the same order
  chuc_vu: string;
  ho_ten: string;
}

/**
 * The quyền hạn/chức vụ lines (ô 7a), one per level and the signer's own title last (Phụ lục I, II.7):
 * "GIÁM ĐỐC"; "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"; "Q. GIÁM ĐỐC";
 * "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "TL. BỘ TRƯỞNG" / "VỤ TRƯỞNG VỤ …".
 */
export function signatureLines(s: Signer): string[] {
  const forms = s.tham_quyen === undefined ? [] : Array.isArray(s.tham_quyen) ? s.tham_quyen : [s.tham_quyen];
  const names = s.thay_mat === undefined ? [] : Array.isArray(s.thay_mat) ? [...s.thay_mat] : [s.thay_mat];
  const lines: string[] = [];
  let own = upperVi(s.chuc_vu);
  for (const f of forms) {
    if (f === 'Q') own = `Q. ${own}`;
    else lines.push(`${f}. ${upperVi(names.shift() ?? '')}`);
  }
  return [...lines, own];
}

/** Strips punctuation a clerk may have typed that the layout computes; says what it removed. */
export function stripListPunctuation(item: string): { text: string; removed: string } {
  const m = /^(-\s*)?(.*?)([;.]?)$/su.exec(item.trim())!;
  return { text: m[2]!.trim(), removed: `${m[1] ?? ''}${m[3] ?? ''}`.replace(/\s/g, '') };
}

/**
 * Nơi nhận lines: "- …;" each, and last "- Lưu: VT, <đơn vị>." (Phụ lục I, II.9), followed on the same
 * line by ô 12, the drafter's initials and the number of copies: "- Lưu: VT, VP. PL.(300)." (Mục V; Mẫu 1.4 ends the line "…9.").
 */
export function recipientLines(items: string[], archive: string[], drafter?: { initials?: string | undefined; copies?: number | undefined }): string[] {
  const typist = drafter?.initials ? ` ${drafter.initials}${drafter.copies ? `.(${drafter.copies})` : ''}` : drafter?.copies ? ` (${drafter.copies})` : '';
  return [...items.map((i) => `- ${i};`), `- Lưu: ${archive.join(', ')}.${typist ? `${typist}.` : ''}`];
}

/** Căn cứ lines: "Căn cứ …;" and the last one ending in "." (Phụ lục I, II.6). */
export function basisLines(bases: string[], proposal?: string): string[] {
  const lines = bases.map((b) => `Căn cứ ${b}`);
  if (proposal) lines.push(`Theo đề nghị của ${proposal}`);
  return lines.map((l, i) => `${l}${i === lines.length - 1 ? '.' : ';'}`);
}

/** First letter lower-cased, for a title continued inside a sentence ("Kế hoạch phát động …"). */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "Bộ trưởng Bộ Tư pháp" stays; used after "của" in "(Ban hành kèm theo … của …)". */
export function issuedWithLine(docTypeName: string, so: string | null, kyHieu: string, longDate: string | null, authority: string): string {
  return attachedLine('Ban hành kèm theo', docTypeName, so, kyHieu, longDate, authority);
}

/** "(Kèm theo Kế hoạch số 12/KH-STP ngày … của Sở Tư pháp)" under a phụ lục's title (Mẫu 2.1). */
export function appendixLine(docTypeName: string, so: string | null, kyHieu: string, longDate: string | null, authority: string): string {
  return attachedLine('Kèm theo', docTypeName, so, kyHieu, longDate, authority);
}

/** A draft without a number or date leaves room for both, as Văn thư fills them in. */
function attachedLine(lead: string, docTypeName: string, so: string | null, kyHieu: string, longDate: string | null, authority: string): string {
  const number = so === null ? `số      /${kyHieu}` : `số ${so}/${kyHieu}`;
  const date = longDate ?? 'ngày      tháng      năm';
  return `(${lead} ${docTypeName} ${number} ${date} của ${authority})`;
}

/** Placeholders left in a draft: "[cần điền: …]". */
export const PLACEHOLDER = /\[cần điền(?::[^\]]*)?\]/gu;
export const placeholder = (what: string): string => `[cần điền: ${what}]`;
