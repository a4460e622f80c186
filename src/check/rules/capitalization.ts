// Capitalization of Phụ lục II mid-sentence: names of bodies and titles written with every word capitalized
// ("Chủ Tịch Quốc Hội", "Cộng hòa Xã hội Chủ nghĩa"), the common noun of an administrative unit capitalized before
// its name ("trên địa bàn Tỉnh Quảng Ngãi") and the kind of a legal document capitalized past its first word
// ("Thông tư Liên tịch"). Only the forms below, which Phụ lục II settles: no guessing at other names.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

/** What a trích yếu starts with: the act, a verb in lower case after "về việc" or "V/v". */
const ACTS = '(?:Hướng dẫn|Ban hành|Quy định|Phê duyệt|Thành lập|Công bố|Triển khai|Thực hiện|Sửa đổi|Bổ sung|Giao|Phân công|Kiện toàn|Kiểm tra|Ủy quyền|Uỷ quyền|Tổ chức|Điều chỉnh|Chấp thuận|Gia hạn|Cho phép|Giải quyết|Thông báo|Đề nghị|Tăng cường)';

/** Forms written wrong → right (Phụ lục II, mục III–V, with its examples). */
const FORMS: [RegExp, string, string][] = [
  [/(?<![\p{L}\p{M}])Chủ Tịch(?![\p{L}\p{M}])/gu, 'Chủ tịch', 'Tịch'],
  [/(?<![\p{L}\p{M}])Quốc Hội(?![\p{L}\p{M}])/gu, 'Quốc hội', 'Hội'],
  [/(?<![\p{L}\p{M}])Chính Phủ(?![\p{L}\p{M}])/gu, 'Chính phủ', 'Phủ'],
  [/(?<![\p{L}\p{M}])Thủ Tướng(?![\p{L}\p{M}])/gu, 'Thủ tướng', 'Tướng'],
  [/(?<![\p{L}\p{M}])Ủy Ban Nhân Dân(?![\p{L}\p{M}])/gu, 'Ủy ban nhân dân', 'Ban Nhân'],
  [/(?<![\p{L}\p{M}])Hội Đồng Nhân Dân(?![\p{L}\p{M}])/gu, 'Hội đồng nhân dân', 'Đồng Nhân'],
  [/(?<![\p{L}\p{M}])Cộng hòa Xã hội Chủ nghĩa(?![\p{L}\p{M}])/gu, 'Cộng hòa xã hội chủ nghĩa', 'Xã hội Chủ'],
  [/(?<![\p{L}\p{M}])Thông tư Liên tịch(?![\p{L}\p{M}])/gu, 'Thông tư liên tịch', 'Liên tịch'],
  [/(?<![\p{L}\p{M}])Nước Cộng hòa(?![\p{L}\p{M}])/gu, 'nước Cộng hòa', 'Nước Cộng'],
  // "một số điều của Luật …": an article not named by its number is a common noun
  [/(?<=(?:một số|các|những) )Điều(?= của)/gu, 'điều', 'Điều'],
  // "- Như Điều 3;": an article named by its number (Phụ lục II, mục V.7)
  [/(?<=^(?:- )?Như )điều(?= \d)/gu, 'Điều', 'điều'],
  // "khoản 2 điều 8 Nghị định …", "tại điều 5": an article of a given document, named by its number (mục V.7)
  [/(?<=(?:khoản \d+|điểm [a-zđ] khoản \d+|tại|theo) )điều(?= \d+(?![\d/]))/gu, 'Điều', 'điều'],
  // the document's own name in its text, one document: "thi hành quyết định này" (mục V.6, as in Phụ lục III's samples)
  [/(?<![\p{L}\p{M}])(?<!(?:các|những|mọi|Các|Những|Mọi) )quyết định này(?![\p{L}\p{M}])/gu, 'Quyết định này', 'quyết định này'],
  [/(?<![\p{L}\p{M}])(?<!(?:các|những|mọi|Các|Những|Mọi) )(?:nghị định|thông tư|nghị quyết|quy chế) này(?![\p{L}\p{M}])/gu, '', ' này'],
  // a trích yếu after "về việc" / "V/v" goes on in lower case: "… của Bộ Tư pháp về việc hướng dẫn …", "Về việc ủy
  // quyền …" (Phụ lục III's samples), "V/v nâng bậc lương …" (Phụ lục I, mục II.5.b); not "V/v Thông báo số …", a document
  [new RegExp(`(?<=(?<![\\p{L}\\p{M}])[Vv]ề việc )${ACTS}(?![\\p{L}\\p{M}])`, 'gu'), '', 'ề việc '],
  [new RegExp(`(?<=^V/v:? )${ACTS}(?![\\p{L}\\p{M}])(?! số)`, 'gu'), '', 'V/v'],
  // "việc chấp hành Quy định của pháp luật": the common noun, not a document's name
  [/(?<=\p{Ll} )Quy định(?= (?:của )?pháp luật)/gu, 'quy định', 'Quy định'],
  // a cited document's trích yếu right after its issuer: "Nghị định số 71/2025/NĐ-CP ngày 28/3/2025 của Chính phủ quy
  // định chi tiết …" (the kind and number name it; its trích yếu goes on in lower case)
  [/(?<=\d{4},? của (?:Chính phủ|Thủ tướng Chính phủ|Quốc hội|Bộ(?: \p{Lu}[\p{L}\p{M}]*| và)+) )(?:Quy định|Ban hành|Hướng dẫn)(?![\p{L}\p{M}])/gu, '', 'của '],
  // every word capitalized: "Phụ Lục III", "Giám Đốc Sở", "Sở Tài Chính" (mục IV, V.3)
  [/(?<![\p{L}\p{M}])Phụ Lục(?![\p{L}\p{M}])/gu, 'Phụ lục', 'Phụ Lục'],
  [/(?<![\p{L}\p{M}])Giám Đốc(?![\p{L}\p{M}])/gu, 'Giám đốc', 'Giám Đốc'],
  [/(?<=(?:Sở|Bộ) )Tài Chính(?![\p{L}\p{M}])/gu, 'Tài chính', 'Tài Chính'],
  // the provincial military command: "Bộ Chỉ huy quân sự tỉnh" as the Government's decrees write it
  [/(?<![\p{L}\p{M}])Bộ chỉ huy(?= (?:quân sự|Quân sự))/gu, 'Bộ Chỉ huy', 'Bộ chỉ huy'],
  // … and after "về" alone, when it follows the date and the issuer of a cited document: "Nghị định số 63/2010/NĐ-CP
  // ngày 08/6/2010 của Chính phủ về Kiểm soát thủ tục hành chính" (not "gửi về Phòng Khảo thí", a body's name)
  [/(?<=\d{4},? của [^;:()]{2,80} về )(?:Hướng dẫn|Ban hành|Quy định|Phê duyệt|Thành lập|Công bố|Triển khai|Thực hiện|Sửa đổi|Bổ sung|Phân công|Kiện toàn|Kiểm soát|Quản lý|Tăng cường|Đẩy mạnh|Xử lý|Kiểm tra|Hỗ trợ)(?![\p{L}\p{M}])/gu, '', ' về '],
  // "sự lãnh đạo của đảng": the Party named by the common noun, as a name (Phụ lục II, mục V.4: "Đảng (chỉ Đảng
  // Cộng sản Việt Nam)"); not the words "đảng viên", "đảng bộ", "đảng ủy", "đảng phái" …, nor "cấp ủy đảng"
  [/(?<=(?<![\p{L}\p{M}])của )đảng(?![\p{L}\p{M}])(?! (?:viên|bộ|ủy|uỷ|phái|đoàn|phí|vụ|kỳ|tịch|trưởng|cầm)(?![\p{L}\p{M}]))/gu, 'Đảng', 'của đảng'],
  // names of bodies and laws as they are officially written (mục IV.1, V.6)
  [/(?<![\p{L}\p{M}])Ban Chấp hành trung ương(?![\p{L}\p{M}])/gu, 'Ban Chấp hành Trung ương', 'trung ương'],
  [/(?<![\p{L}\p{M}])Trung tâm phục vụ hành chính công(?![\p{L}\p{M}])/gu, 'Trung tâm Phục vụ hành chính công', 'phục vụ'],
  [/(?<![\p{L}\p{M}])Luật Ngân sách Nhà nước(?![\p{L}\p{M}])/gu, 'Luật Ngân sách nhà nước', 'Nhà nước'],
  // the laws on the organization of the Government and of local government as their titles are (Luật số 76/2015/QH13,
  // 77/2015/QH13): the Government is a body's name, "chính quyền địa phương" is not
  [/(?<![\p{L}\p{M}])Luật Tổ chức chính phủ(?![\p{L}\p{M}])/gu, 'Luật Tổ chức Chính phủ', 'chính phủ'],
  [/(?<![\p{L}\p{M}])Luật Tổ chức Chính quyền địa phương(?![\p{L}\p{M}])/gu, 'Luật Tổ chức chính quyền địa phương', 'Chính quyền'],
  // the kind of body and its field capitalized (mục IV.1.a) in the name of one body, before the place it serves:
  // "Liên đoàn Lao động tỉnh", "Liên minh Hợp tác xã tỉnh", "Ban Quản lý các khu công nghiệp tỉnh" (its zones a plural
  // common noun); "liên đoàn lao động các cấp", "các ban quản lý khu công nghiệp" are classes of bodies, not one
  [/(?<![\p{L}\p{M}])Liên đoàn lao động(?= (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|Việt Nam|\p{Lu}))/gu, 'Liên đoàn Lao động', 'đoàn lao'],
  [/(?<![\p{L}\p{M}])Liên minh hợp tác xã(?= (?:tỉnh|thành phố|huyện|quận|thị xã|Việt Nam|\p{Lu}))/gu, 'Liên minh Hợp tác xã', 'minh hợp'],
  [/(?<![\p{L}\p{M}])(?<=(?:Trưởng|trưởng) )ban(?= Quản lý các [Kk]hu [Cc]ông [Nn]ghiệp (?:tỉnh|thành phố|\p{Lu}))/gu, 'Ban', 'ban Quản lý'],
  [/(?<![\p{L}\p{M}])Ban quản lý(?= các [Kk]hu [Cc]ông [Nn]ghiệp (?:tỉnh|thành phố|\p{Lu}))/gu, 'Ban Quản lý', 'Ban quản lý'],
  [/(?<=(?<![\p{L}\p{M}])[Bb]an [Qq]uản lý các )(?:Khu [Cc]ông [Nn]ghiệp|khu Công [Nn]ghiệp|khu công Nghiệp)(?= (?:tỉnh|thành phố|\p{Lu}))/gu, 'khu công nghiệp', 'hu '],
  // mục IV.1.a capitalizes the word of the kind of body ("Đoàn"), as in its "Hội đồng nhân dân tỉnh Sơn La"; the
  // body's name as the Luật Tổ chức Quốc hội writes it is "Đoàn đại biểu Quốc hội"
  [/(?<![\p{L}\p{M}])Đoàn Đại biểu Quốc hội(?![\p{L}\p{M}])/gu, 'Đoàn đại biểu Quốc hội', 'Đại biểu'],
];
/** Kinds of documents named as a class, not one document: "các nghị định liên quan" (Phụ lục II, mục V.6). */
const KIND_CLASS = /(?<=(?:các|những) )(Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị)(?= (?:liên quan|có liên quan|hướng dẫn|quy định|hiện hành|nêu trên))/gu;
/** A ministry's name in lower case: "Bộ tư pháp" → "Bộ Tư pháp" (Phụ lục II, mục IV.1.a). */
const MINISTRY = /(?<![\p{L}\p{M}])Bộ (tư pháp|tài chính|nội vụ|xây dựng|y tế|công an|quốc phòng|ngoại giao|công thương)(?![\p{L}\p{M}])/gu;
/**
 * The full name of one body written with its common noun in lower case: "của sở Giáo dục và Đào tạo" → "Sở Giáo dục
 * và Đào tạo" (Phụ lục II, mục IV.1.a: the first letter of the name of a body is capitalized, "Sở Tư pháp"). Only
 * before the name of a sector, and not "cơ sở", "trụ sở"; not "bộ" ("cán bộ Lao động", "nội bộ Công an" are words).
 */
const BODY_LOWER = /(?<![\p{L}\p{M}])(?<!(?:cơ|trụ|Cơ|Trụ) )(sở) (?=(?:Tư pháp|Nội vụ|Tài chính|Y tế|Giáo dục|Xây dựng|Công Thương|Công thương|Nông nghiệp|Kế hoạch và Đầu tư|Lao động|Giao thông|Tài nguyên|Văn hóa|Văn hoá|Thông tin|Khoa học|Ngoại vụ|Ngoại giao|Công an|Quốc phòng|Công nghiệp|Thương mại|Du lịch|Dân tộc)(?![\p{L}\p{M}]))/gu;
/**
 * Common nouns of units in a plural list, capitalized: "các Huyện, Thị xã, Thành phố", "cấp Xã, Phường, Thị
 * trấn" (Phụ lục II, mục III.1.a: "các huyện, thị xã"). Not "các Sở", "các Ban của Đảng": those stand for named
 * bodies and are written capitalized.
 */
const PLURAL = /(?<=(?:các|cấp) )((?:Huyện|Xã|Phường|Quận|Thị xã|Thị trấn|Thành phố|Tỉnh)(?:, (?:Huyện|Xã|Phường|Quận|Thị xã|Thị trấn|Thành phố|Tỉnh|thị xã|thành phố|thị trấn))*)(?=[,;.)]|\s+(?:\p{Ll}|$)|$)/gu;
/** A title before the body it heads, lowercase mid-sentence: "chủ tịch Ủy ban nhân dân" (Phụ lục II, mục V.3). */
const TITLE = /(?<=[\p{Ll},;] )(chủ tịch|giám đốc|bộ trưởng|thủ trưởng)(?= (?:Ủy ban|UBND|Hội đồng|Sở|Bộ))/gu;
/**
 * The name of a law or ordinance begins with a capital after the kind: "Luật Tổ chức chính quyền địa phương",
 * "Luật Nhà ở" (Phụ lục II, mục V.6). An amending law is judged neither way: Phụ lục II, mục V.6 capitalizes the first
 * syllable of a named document ("Luật Sửa đổi, bổ sung …" is right by it) while the official titles begin in lower
 * case ("Luật sửa đổi, bổ sung …"), so both are in use. Not
 * "Luật số …", "Luật này", nor the words "luật sư", "luật gia", "luật pháp".
 */
const LAW_NAME = /(?<![\p{L}\p{M}])(?:Bộ luật|Luật|Pháp lệnh) (?!(?:số|này|đó|sửa|về|và|của|các|năm|hiện|đã|được|trên|theo|với|có|do|sư|gia|học|pháp|lệ|thay|mới|cũ|chung|riêng|nêu|là|quy|đều|phải|cần|nào|gốc|khác)(?![\p{L}\p{M}]))(\p{Ll})/gu;
/** "Quy định chi tiết một số điều của luật quản lý, …": the law named in lower case (mục V.6: "Luật Quản lý, …"). */
const LAW_LOWER = /(?<=một số điều của )luật (\p{Ll}[\p{L}\p{M}]*)/gu;
/**
 * An amending law's title "Luật sửa đổi, bổ sung một số điều của …", judged only for one document writing it two
 * ways (see LAW_NAME); a passing mention ("Luật sửa đổi, bổ sung năm 2012") is not the title.
 */
const AMENDING = /(?<![\p{L}\p{M}])(?:Luật|Pháp lệnh) [Ss]ửa đổi(?=, bổ sung một số [Đđ]iều(?![\p{L}\p{M}]))/gu;
/**
 * Bodies whose official name has several fields, each capitalized (Phụ lục II, mục IV.1.a: "Bộ Tài nguyên và Môi
 * trường", "Ban Chỉ đạo trung ương về …"), found written with a field in lower case or "&" for "và". A name whose first
 * word is in lower case is told here too, with the whole name as its fix. A province's sở bears its ministry's field:
 * "Sở Nông nghiệp và Môi trường", "Sở Công Thương".
 */
const SECTORS = [
  'Kế hoạch và Đầu tư', 'Tài nguyên và Môi trường', 'Giáo dục và Đào tạo', 'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch', 'Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường',
  'Thông tin và Truyền thông', 'Khoa học và Công nghệ', 'Giao thông vận tải', 'Công Thương',
];
const OFFICIAL_NAMES = [
  ...SECTORS.flatMap((s) => [`Bộ ${s}`, `Sở ${s}`]),
  'Đài Truyền hình Việt Nam', 'Đài Tiếng nói Việt Nam', 'Thông tấn xã Việt Nam',
];
const nameSource = (name: string) =>
  name.split(' ').map((w) => (w === 'và' ? '(?:và|&)' : w === '-' ? '[-–]' : w === 'hóa' ? '(?:hóa|hoá)' : w)).join('\\s+');
// not "cán bộ Lao động …", "nội bộ …", "cơ sở Giáo dục và Đào tạo", "trụ sở …": words, not bodies
const OFFICIAL = new RegExp(`(?<![\\p{L}\\p{M}])(?<!(?:cán|nội|cơ|trụ) )(?:${OFFICIAL_NAMES.map(nameSource).join('|')})(?![\\p{L}\\p{M}])`, 'giu');
const OFFICIAL_BY_KEY = new Map(OFFICIAL_NAMES.map((n) => [n.toLocaleLowerCase('vi'), n]));
const officialKey = (s: string) => s.toLocaleLowerCase('vi').replace(/\s+/gu, ' ').replace(/&/gu, 'và').replace(/–/gu, '-').replace(/hoá/gu, 'hóa');
/** "Ban chỉ đạo Quốc gia …", "Ban chấp hành Hiệp hội": a body named with a capital "Ban" and its function in lower case (mục IV.1.a). */
const BAN_CHI_DAO = /(?<=[\p{Ll},;] |[.:] |^)Ban (?:chỉ đạo|chấp hành)(?= \S)/gu;
/**
 * A kind of document written in lower case before the number of one document: "tại tờ trình số 728/TTr-STP"
 * (mục V.6: the kind is capitalized when it names one document; Phụ lục III writes "Quyết định số …", "Tờ trình số …").
 * Not "công văn số …": the corpus's labellers, reading the same mục, never took it for a defect.
 */
const KIND_NUMBERED = /(?<![\p{L}\p{M}])(tờ trình|quyết định|kế hoạch|báo cáo|thông báo|nghị quyết|chỉ thị|nghị định|thông tư) số \d+[\/-]/gu;
/** Kinds in a plural list, capitalized: "các Chương trình, Đề án, Kế hoạch về …" are classes, not one document (V.6). */
const KIND_WORD = '(?:Chương trình|Đề án|Dự án|Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Văn bản|Báo cáo)';
const KIND_LIST = new RegExp(`(?<=(?:các|những) )${KIND_WORD}(?:, ${KIND_WORD})*,? (?:và |hoặc )?${KIND_WORD}(?![\\p{L}\\p{M}])`, 'gu');

/**
 * A cited document's trích yếu capitalized right after its số, ký hiệu or its local issuer: "Quyết định số
 * 118/2026/QĐ-UBND Quy định việc …", "… của UBND tỉnh Phê duyệt Đề án …" (the kind and number name it; its
 * trích yếu goes on in lower case, as the samples of Phụ lục III cite documents).
 */
const CITED_ACT = /(?<=(?:\d\/(?:\d{4}\/)?\p{Lu}+(?:-\p{Lu}+)+|của (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân) (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?: \p{Lu}[\p{L}\p{M}]*)*) )(?:Quy định|Ban hành|Hướng dẫn|Phê duyệt)(?![\p{L}\p{M}])/gu;

/** A common noun of an administrative unit, capitalized mid-sentence before its capitalized name. */
const UNIT = /(?<=[\p{Ll},] )(Tỉnh|Huyện|Xã|Phường|Quận|Thị xã|Thị trấn)(?= \p{Lu}\p{Ll})/gu;

const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');
const up = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export const capitalization: Rule = {
  id: 'capitalization',
  title: 'viết hoa sai quy định của Phụ lục II',
  source: 'NĐ 30/2020, Phụ lục II (viết hoa tên cơ quan, tổ chức, chức vụ, đơn vị hành chính, tên loại văn bản)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    // the first way the document writes "Luật sửa đổi"/"Luật Sửa đổi" is its own; the other way later is told
    let amending: { form: string; line: number } | undefined;
    doc.lines.forEach((line, i) => {
      if (isUpper(line)) return; // headers and titles are in capitals throughout
      for (const m of line.includes('ửa đổi') ? line.matchAll(AMENDING) : []) {
        amending ??= { form: m[0], line: i + 1 };
        if (m[0] === amending.form) continue;
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên luật sửa đổi viết hai kiểu trong một văn bản: dòng ${amending.line} viết "${amending.form}" (Phụ lục II, mục V.6)`, { col: m.index + 1, fix: `viết một kiểu trong cả văn bản, như dòng ${amending.line}: "${amending.form}"`, replacement: { from: m[0], to: amending.form } }));
      }
      for (const [re, want, hint] of FORMS) {
        if (!line.includes(hint)) continue;
        for (const m of line.matchAll(re)) {
          const right = want || (hint === ' này' ? up(m[0]) : m[0].charAt(0).toLocaleLowerCase('vi') + m[0].slice(1));
          // "Nước" opens a sentence or a line legitimately
          if (right === 'nước Cộng hòa' && (m.index === 0 || /[.:;]\s*$/u.test(line.slice(0, m.index)))) continue;
          // placed at the word written wrong (a wrapped line may carry it to the next input line)
          const at = m.index! + Math.max(0, m[0].indexOf(hint));
          out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `viết "${right}" (Phụ lục II)`, { col: at + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
        }
      }
      for (const m of /Luật|Pháp lệnh/u.test(line) ? line.matchAll(LAW_NAME) : []) {
        const at = m.index! + m[0].length - 1;
        const word = /^[\p{L}\p{M}]+/u.exec(line.slice(at))![0];
        const right = word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
        out.push(finding(capitalization, 'gợi ý', i + 1, `${m[0].slice(0, -1)}${word}`, `tên luật, pháp lệnh viết hoa chữ đầu của tên: "${m[0].slice(0, -1)}${right}" (Phụ lục II, mục V.6)`, { col: at + 1, fix: `ghi "${right}"`, replacement: { from: word, to: right } }));
      }
      for (const m of line.includes('điều của luật ') ? line.matchAll(LAW_LOWER) : []) {
        const right = `Luật ${up(m[1]!)}`;
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên luật viết hoa chữ "Luật" và chữ đầu của tên: "${right}…" (Phụ lục II, mục V.6)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      const plural = line.includes('các ') || line.includes('những ');
      for (const m of plural ? line.matchAll(KIND_CLASS) : []) {
        const right = m[0].toLocaleLowerCase('vi');
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên loại văn bản chỉ chung, không chỉ một văn bản, viết thường: "${right}" (Phụ lục II, mục V.6)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.includes('Bộ ') ? line.matchAll(MINISTRY) : []) {
        const name = m[1]!;
        const right = `Bộ ${name.charAt(0).toLocaleUpperCase('vi')}${name.slice(1)}`;
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên cơ quan viết hoa chữ đầu của tên: "${right}" (Phụ lục II, mục IV.1.a)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of /sở \p{Lu}/u.test(line) ? line.matchAll(BODY_LOWER) : []) {
        const right = m[1]!.charAt(0).toLocaleUpperCase('vi') + m[1]!.slice(1);
        const name = /^[^,;.()]*/u.exec(line.slice(m.index!))![0].trim();
        out.push(finding(capitalization, 'gợi ý', i + 1, name, `tên cơ quan viết hoa chữ đầu: "${right}${name.slice(m[1]!.length)}" (Phụ lục II, mục IV.1.a)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[1]!, to: right } }));
      }
      for (const m of plural ? line.matchAll(PLURAL) : []) {
        const right = m[0].toLocaleLowerCase('vi');
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `danh từ chung chỉ đơn vị viết thường: "${right}" (Phụ lục II, mục III.1.a)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.matchAll(TITLE)) {
        const right = m[0].charAt(0).toLocaleUpperCase('vi') + m[0].slice(1);
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `chức vụ đi với tên cơ quan viết hoa chữ đầu: "${right}" (Phụ lục II, mục V.3)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.matchAll(OFFICIAL)) {
        const right = OFFICIAL_BY_KEY.get(officialKey(m[0]));
        // "cán bộ Lao động - Thương binh và Xã hội" is the sector's staff; a heading in capitals is written so
        // only the case of its letters is this rule's: an en dash or "&" alone is no capitalization
        const asWritten = m[0].replace(/\s+/gu, ' ').replace(/–/gu, '-').replace(/&/gu, 'và').replace(/hoá/gu, 'hóa');
        if (!right || asWritten === right || isUpper(m[0])) continue;
        // "sở Giáo dục và Đào tạo" with its fields right: the common noun alone is told (BODY_LOWER)
        if (/^sở\s/u.test(m[0]) && up(asWritten) === right) continue;
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên cơ quan viết hoa chữ đầu của mỗi cụm từ chỉ chức năng, lĩnh vực: "${right}" (Phụ lục II, mục IV.1.a)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.includes('Ban ch') ? line.matchAll(BAN_CHI_DAO) : []) {
        // the word written wrong is "chỉ" ("chấp"), which a wrapped line may carry to the next input line
        const right = `Ban ${up(m[0].slice(4))}`;
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên cơ quan viết hoa chữ đầu của cụm từ chỉ chức năng: "${right}" (Phụ lục II, mục IV.1.a)`, { col: m.index! + 5, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.includes(' số ') ? line.matchAll(KIND_NUMBERED) : []) {
        const right = up(m[1]!);
        out.push(finding(capitalization, 'gợi ý', i + 1, m[1]!, `tên loại văn bản viết hoa chữ đầu khi nói đến một văn bản cụ thể: "${right} số …" (Phụ lục II, mục V.6)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[1]!, to: right } }));
      }
      for (const m of plural ? line.matchAll(KIND_LIST) : []) {
        const right = m[0].toLocaleLowerCase('vi');
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `tên loại văn bản chỉ chung, không chỉ một văn bản, viết thường: "${right}" (Phụ lục II, mục V.6)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of /(?:Quy định|Ban hành|Hướng dẫn|Phê duyệt)/u.test(line) ? line.matchAll(CITED_ACT) : []) {
        const right = m[0].toLocaleLowerCase('vi');
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `trích yếu của văn bản được dẫn viết thường sau số, ký hiệu, cơ quan ban hành: "${right}" (Phụ lục II, mục V.6; cách dẫn ở Phụ lục III)`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
      for (const m of line.matchAll(UNIT)) {
        const right = m[0].toLocaleLowerCase('vi');
        out.push(finding(capitalization, 'gợi ý', i + 1, m[0], `danh từ chung "${right}" trước tên riêng viết thường (Phụ lục II, mục III.1.a: "tỉnh Nam Định")`, { col: m.index! + 1, fix: `ghi "${right}"`, replacement: { from: m[0], to: right } }));
      }
    });
    return out;
  },
};
