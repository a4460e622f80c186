// The national header (ô 1) and the place-and-date line (ô 4) written in their exact form: "CỘNG HÒA XÃ HỘI CHỦ
// NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc" with hyphens and a space each side, and "<Địa danh>, ngày … tháng …
// năm …" with a comma right after the place and a four-digit year.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

const NATIONAL_ANY = /C[ỘO]NG\s+H[ÒOÓ][AÀ]?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/iu;

/**
 * The first line of a document whose header block stands without the national header: an issuer in capitals first,
 * then the place-and-date line within the next few lines, and no "CỘNG HÒA …" anywhere. A copy whose site dropped
 * the whole header block has no place-and-date line at its top, and is not told this.
 */
function missingHeader(lines: readonly string[]): number | undefined {
  if (lines.some((l) => NATIONAL_ANY.test(l.normalize('NFC')))) return undefined;
  const filled = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '');
  const first = filled[0];
  if (!first || !/\p{L}/u.test(first[0]) || first[0] !== first[0].toLocaleUpperCase('vi') || first[0].length > 80) return undefined;
  const dated = filled.slice(1, 5).some(([l]) => PLACE_DATE.test(l));
  return dated ? first[1] : undefined;
}

export const nationalHeader: Rule = {
  id: 'national-header',
  title: 'Quốc hiệu, Tiêu ngữ không đúng chữ, đúng dấu',
  source: 'NĐ 30/2020, Phụ lục I, mục II.1: Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" (giữa các cụm từ có gạch nối, có cách chữ)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const missing = missingHeader(doc.lines);
    if (missing !== undefined) {
      out.push(finding(nationalHeader, 'lỗi', missing + 1, doc.lines[missing]!, 'văn bản không có Quốc hiệu và Tiêu ngữ (ô 1)', { col: 1, fix: `thêm ở đầu văn bản, bên phải, cùng hàng với tên cơ quan: "${QUOC_HIEU}" và dưới đó "${TIEU_NGU}"` }));
    }
    doc.lines.forEach((line, i) => {
      const q = /C[ỘO]NG\s+H[ÒOÓ][AÀ]?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/u.exec(line);
      if (q && q[0] !== QUOC_HIEU) {
        out.push(finding(nationalHeader, 'lỗi', i + 1, q[0], `Quốc hiệu phải viết "${QUOC_HIEU}"`, { col: q.index + 1, fix: `ghi "${QUOC_HIEU}"`, replacement: { from: q[0], to: QUOC_HIEU } }));
      }
      const t = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu.exec(line);
      if (t && t[0] !== TIEU_NGU) {
        const why = /[–—]/u.test(t[0]) ? 'giữa các cụm từ là gạch nối "-", không phải gạch ngang "–"' : /\S-|-\S/u.test(t[0]) ? 'trước và sau gạch nối có dấu cách' : 'viết hoa chữ đầu mỗi cụm từ như mẫu';
        out.push(finding(nationalHeader, 'lỗi', i + 1, t[0], `Tiêu ngữ phải viết "${TIEU_NGU}": ${why}`, { col: t.index + 1, fix: `ghi "${TIEU_NGU}"`, replacement: { from: t[0], to: TIEU_NGU } }));
      }
    });
    return out;
  },
};

const PLACE_DATE = /^([\p{Lu}][\p{L}\p{M}.'’ -]{1,60}?)(\s*)(,?)(\s*)ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d+)\s*$/u;

export const dateLineForm: Rule = {
  id: 'date-line-form',
  title: 'dòng địa danh, ngày tháng sai dấu phẩy hoặc năm',
  source: 'NĐ 30/2020, Phụ lục I, mục II.4: "<địa danh>, ngày … tháng … năm …", dấu phẩy ngay sau địa danh; năm ghi đủ bốn chữ số',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      const m = PLACE_DATE.exec(line);
      if (!m) return;
      const place = m[1]!.trim();
      // a place name: each word capitalized ("Hà Nội", "TP. Hồ Chí Minh"), not the start of a sentence
      if (!place.split(/\s+/u).every((w) => /^\p{Lu}/u.test(w)) || place.split(/\s+/u).length > 5) return;
      if (m[3] !== ',' || m[2] !== '') {
        const from = line.slice(0, line.indexOf('ngày'));
        const why = m[3] !== ',' ? 'thiếu dấu phẩy sau địa danh' : 'thừa dấu cách trước dấu phẩy';
        out.push(finding(dateLineForm, 'lỗi', i + 1, from.trimEnd(), why, { col: 1, fix: `ghi "${place}, ngày …"`, replacement: { from, to: `${place}, ` } }));
      }
      // a place named after a person is written in full (Phụ lục I, mục II.4.a: "Thành phố Hồ Chí Minh")
      const short = /^(?:TP|Tp|T\.P)\.?\s*(?=Hồ Chí Minh$)/u.exec(place);
      if (short) {
        out.push(finding(dateLineForm, 'lỗi', i + 1, place, 'địa danh mang tên người viết đầy đủ, không viết tắt', { col: 1, fix: 'ghi "Thành phố Hồ Chí Minh, ngày …"', replacement: { from: short[0], to: 'Thành phố ' } }));
      }
      if (m[5]!.length !== 4) {
        out.push(finding(dateLineForm, 'lỗi', i + 1, `năm ${m[5]}`, `năm "${m[5]}" không phải năm bốn chữ số`, { col: line.lastIndexOf(m[5]!) + 1, fix: 'ghi đúng năm ban hành (bốn chữ số)' }));
      }
    });
    return out;
  },
};
