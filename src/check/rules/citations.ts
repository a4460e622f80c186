// Citations of other documents: a legal normative document without its year, a Party document with the wrong
// separators, the word "số" missing or doubled, one document cited with two different dates.

import { isValidDate } from '../../text/date.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { dateLines } from './date-line.ts';

/** One group of a ký hiệu: "QĐ", "TTg", "QyĐ", "CTr", "VPUBND", "QH15". */
export const ABBR = String.raw`\p{Lu}[\p{Lu}\d]*(?:[a-zđ][\p{Lu}\d]*)?`;
const END = String.raw`(?![\p{L}\p{M}\d])`;
const START = String.raw`(?<![\p{L}\p{M}\d/.\-])`;
const SP = '[ \\t]*';

/** State numbering "98/2023/NĐ-CP", "68/QĐ-BTP", tolerating stray spaces ("02/NQ- CP"). */
export const STATE_NUMBER = new RegExp(`${START}(\\d{1,5})${SP}\\/${SP}(?:(\\d{4})${SP}\\/${SP})?(${ABBR}(?:${SP}-${SP}${ABBR})*)${END}`, 'gu');
/** Party numbering "27-NQ/TW", tolerating stray spaces ("80- KL/TW"). */
export const PARTY_NUMBER = new RegExp(`${START}(\\d{1,5})${SP}-${SP}(${ABBR})${SP}\\/${SP}(${ABBR})${END}`, 'gu');

/** Issuers that only Party bodies use: Trung ương, tỉnh ủy, huyện ủy, quận ủy, đảng ủy, ban cán sự đảng, ban của Trung ương. */
const PARTY_ISSUER = String.raw`(?:TW|TƯ|TU|HU|QU|ĐU|ĐUK|BCSĐ|VPTW|UBKTTW|B\p{Lu}{1,4}TW)`;
const PARTY_ISSUER_ONLY = new RegExp(`^${PARTY_ISSUER}$`, 'u');
/** "27-NQ-TW", "27/NQ/TW": a Party number written with other separators ("35/CT-TW" is found from STATE_NUMBER). */
const PARTY_WRONG = new RegExp(`${START}(\\d{1,5})(?:-(${ABBR})-|\\/(${ABBR})\\/)(${PARTY_ISSUER})${END}`, 'gu');

/** Ký hiệu whose first group makes the document a legal normative one, which carries its year. */
const NORMATIVE_KIND = new Set(['NĐ', 'TT', 'TTLT']);
const ASSEMBLY = /^(?:UBTV)?QH\d*$/u; // Quốc hội, Ủy ban Thường vụ Quốc hội
const KIND_NAME: Record<string, string> = { NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch' };
const NORMATIVE_TYPE_WORD = /^(?:luật|bộ luật|pháp lệnh|nghị định|thông tư|thông tư liên tịch)$/iu;

const TYPE_WORDS = [
  'Thông tư liên tịch', 'Nghị quyết liên tịch', 'Nghị định', 'Nghị quyết', 'Thông tư', 'Quyết định', 'Chỉ thị', 'Kết luận',
  'Quy định', 'Quy chế', 'Hướng dẫn', 'Thông báo', 'Thông tri', 'Công văn', 'Công điện', 'Kế hoạch', 'Báo cáo', 'Tờ trình',
  'Chương trình', 'Đề án', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Lệnh', 'Văn bản',
];
const BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])(?:(${TYPE_WORDS.join('|')})[ \\t]+)?((?:số[ \\t]+)*)$`, 'iu');
const AFTER_DATE = /^[ \t]*,?[ \t]*(?:của[ \t]+)?ngày[ \t]+(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4}))(?!\d)/u;
/** "của Ủy ban nhân dân tỉnh An Giang": the issuer named after the date, up to the next punctuation. */
const ISSUER_AFTER = /^[ \t]*của[ \t]+([^,;.()]{3,80})/u;

export interface Citation {
  line: number; // 0-based
  index: number;
  raw: string; // as written: "02/NQ- CP"
  canonical: string; // "02/NQ-CP"; for a Party number in the wrong form, the right form
  kind: 'state' | 'party' | 'party-wrong';
  groups: string[]; // ký hiệu groups: ["NQ", "CP"]
  year: string | null; // year in a state number
  typeWord: string | null; // "Nghị định"
  typeIndex: number; // where the type word (or the number) starts
  so: number; // how many "số" stand between the type word and the number
  date: { y: number; m: number; d: number; text: string } | null;
  /** First words of the issuer named after the date ("ủy ban nhân dân tỉnh"), lower case; null when not named. */
  issuer: string | null;
}

const noSpace = (s: string) => s.replace(/[ \t]+/gu, '');

/** Every document number cited in a line, with the type word and "số" before it and the date after it. */
export function citationsIn(line: string, lineIndex: number): Citation[] {
  if (!/\d[ \t]*[\/-]/u.test(line)) return [];
  const found: Omit<Citation, 'typeWord' | 'typeIndex' | 'so' | 'date' | 'issuer'>[] = [];
  const taken: [number, number][] = [];
  const add = (c: (typeof found)[number]) => {
    const end = c.index + c.raw.length;
    if (taken.some(([a, b]) => c.index < b && end > a)) return;
    taken.push([c.index, end]);
    found.push(c);
  };
  for (const m of line.matchAll(PARTY_WRONG)) {
    const type = m[2] ?? m[3]!;
    add({ line: lineIndex, index: m.index, raw: m[0], canonical: `${m[1]}-${type}/${m[4]}`, kind: 'party-wrong', groups: [type, m[4]!], year: null });
  }
  for (const m of line.matchAll(PARTY_NUMBER)) {
    add({ line: lineIndex, index: m.index, raw: m[0], canonical: noSpace(m[0]), kind: 'party', groups: [m[2]!, m[3]!], year: null });
  }
  for (const m of line.matchAll(STATE_NUMBER)) {
    const groups = noSpace(m[3]!).split('-');
    // "35/CT-TW": a Party directive numbered as a state document.
    if (!m[2] && groups.length === 2 && PARTY_ISSUER_ONLY.test(groups[1]!)) {
      add({ line: lineIndex, index: m.index, raw: m[0], canonical: `${m[1]}-${groups[0]}/${groups[1]}`, kind: 'party-wrong', groups, year: null });
    } else {
      add({ line: lineIndex, index: m.index, raw: m[0], canonical: noSpace(m[0]), kind: 'state', groups, year: m[2] ?? null });
    }
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map((c) => {
      // The type word and "số" stand right before the number: look at a short window only.
      const from = Math.max(0, c.index - 48);
      const before = BEFORE.exec(line.slice(from, c.index))!;
      const so = (before[2]!.match(/số/giu) ?? []).length;
      const after = AFTER_DATE.exec(line.slice(c.index + c.raw.length));
      let date: Citation['date'] = null;
      let issuer: string | null = null;
      if (after) {
        const [d, m, y] = after[1] ? [after[1], after[2]!, after[3]!] : [after[4]!, after[5]!, after[6]!];
        date = { y: +y, m: +m, d: +d, text: after[0].replace(/^[ \t]*,?[ \t]*(?:của[ \t]+)?/u, '') };
        const by = ISSUER_AFTER.exec(line.slice(c.index + c.raw.length + after[0].length));
        if (by) issuer = by[1]!.trim().toLocaleLowerCase('vi').split(/\s+/u).slice(0, 6).join(' ');
      }
      return { ...c, typeWord: before[1] ?? null, typeIndex: before[1] ? from + before.index : c.index, so, date, issuer };
    });
}

/** All citations of the document, cached per line array (several rules read them). */
const cache = new WeakMap<string[], Citation[]>();
export function citations(lines: string[]): Citation[] {
  let all = cache.get(lines);
  if (!all) {
    all = lines.flatMap((l, i) => citationsIn(l, i));
    cache.set(lines, all);
  }
  return all;
}

/** A legal normative document (by its ký hiệu or the word before it) cited without the year in its number. */
function lacksYear(c: Citation): boolean {
  if (c.kind !== 'state' || c.year) return false;
  const normativeSymbol = NORMATIVE_KIND.has(c.groups[0]!) || (c.groups.length === 1 && ASSEMBLY.test(c.groups[0]!));
  // "pháp luật 12/…" is not a Luật: the type word counts when written with its capital.
  return normativeSymbol || (c.typeWord !== null && /^\p{Lu}/u.test(c.typeWord) && NORMATIVE_TYPE_WORD.test(c.typeWord));
}

const citedText = (line: string, c: Citation) => line.slice(c.typeIndex, c.index + c.raw.length);

export const citationYear: Rule = {
  id: 'citation-year',
  title: 'văn bản quy phạm pháp luật dẫn không có năm ban hành',
  source: 'Luật Ban hành VBQPPL 2015, Điều 8 (số, ký hiệu VBQPPL: số/năm/loại-cơ quan); NĐ 30/2020, Phụ lục I, mục II.6',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const all = citations(doc.lines);
    // "62/QĐ-TTg" where the same text also cites "62/2011/QĐ-TTg": the year is known, and missing here
    const withYear = new Map<string, Citation>();
    for (const c of all) if (c.kind === 'state' && c.year) withYear.set(c.canonical.replace(`/${c.year}/`, '/'), c);
    for (const c of all) {
      const other = c.kind === 'state' && !c.year ? withYear.get(c.canonical) : undefined;
      const known = other?.year ?? undefined;
      if (!lacksYear(c) && !known) continue;
      // before 1997 numbers carried no year ("Nghị định số 61/CP ngày 5/7/1994", "Thông tư số 32/TT-TC ngày 14/10/1960")
      if ((c.date && c.date.y < 1997) || (c.groups.length === 1 && c.groups[0] === 'CP')) continue;
      const [num, rest] = [c.canonical.slice(0, c.canonical.indexOf('/')), c.canonical.slice(c.canonical.indexOf('/') + 1)];
      const kind = c.typeWord && NORMATIVE_TYPE_WORD.test(c.typeWord) ? c.typeWord.charAt(0).toLocaleUpperCase('vi') + c.typeWord.slice(1).toLocaleLowerCase('vi') : (KIND_NAME[c.groups[0]!] ?? (ASSEMBLY.test(c.groups[0]!) ? 'Văn bản của Quốc hội' : null));
      const year = known ?? (c.date && isValidDate(c.date.y, c.date.m, c.date.d) ? String(c.date.y) : null);
      const fixed = `${num}/${year ?? '<năm>'}/${rest}`;
      const full = (n: string) => (c.typeWord ? `${c.typeWord} số ${n}` : n);
      out.push(
        finding(citationYear, 'lỗi', c.line + 1, citedText(doc.lines[c.line]!, c), `${kind && lacksYear(c) ? `${kind} là văn bản quy phạm pháp luật: số, ký hiệu phải có năm ban hành (số/năm/ký hiệu)` : `cùng văn bản này được dẫn ở dòng ${other!.line + 1} là "${other!.raw}": số, ký hiệu phải ghi thống nhất, có năm ban hành`}${c.typeWord && c.so === 0 ? '; thiếu cả chữ "số"' : ''}`, {
          col: c.typeIndex + 1,
          fix: known
            ? `ghi "${full(fixed)}" như chính văn bản này dẫn ở chỗ khác (đối chiếu văn bản gốc)`
            : year
            ? `ghi "${full(fixed)}" (năm ban hành theo ngày ${c.date!.text.replace(/^ngày\s+/u, '')} ghi ngay sau; đối chiếu văn bản gốc)`
            : `ghi "${full(fixed)}" với năm ban hành đúng của văn bản được dẫn`,
          ...(year ? { replacement: { from: c.raw, to: fixed } } : {}),
        }),
      );
    }
    return out;
  },
};

export const citationParty: Rule = {
  id: 'citation-party',
  title: 'số, ký hiệu văn bản của Đảng viết sai dấu',
  source: 'Hướng dẫn 36-HD/VPTW năm 2018 của Văn phòng Trung ương Đảng (thể thức văn bản của Đảng): "số-LOẠI/CƠ QUAN", ví dụ 27-NQ/TW',
  check(doc: TextDoc): Finding[] {
    return citations(doc.lines)
      .filter((c) => c.kind === 'party-wrong')
      .map((c) =>
        finding(citationParty, 'lỗi', c.line + 1, citedText(doc.lines[c.line]!, c), `văn bản của Đảng ghi số, ký hiệu dạng "số-LOẠI/CƠ QUAN": gạch nối sau số, gạch chéo trước cơ quan ban hành`, {
          col: c.typeIndex + 1,
          fix: `ghi "${c.canonical}"`,
          replacement: { from: c.raw, to: c.canonical },
        }),
      );
  },
};

export const citationSo: Rule = {
  id: 'citation-so',
  title: 'thiếu hoặc lặp chữ "số" trước số, ký hiệu văn bản được dẫn',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6.a (ghi tên loại, số, ký hiệu văn bản); cách viết "Nghị định số 98/2023/NĐ-CP"',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    for (const c of citations(doc.lines)) {
      // A citation without its year gets one finding, whose fix also puts "số" in (citation-year).
      if (!c.typeWord || lacksYear(c)) continue;
      const line = doc.lines[c.line]!;
      // The samples write "số" in the căn cứ; in the body a citation without it ("tại Nghị định 197/2004/NĐ-CP") is
      // common usage that the decree does not settle: only a doubled "số" is said there.
      if (c.so === 0 && !/^Căn cứ(?![\p{L}\p{M}])/u.test(line)) continue;
      const text = citedText(line, c);
      if (c.so === 0) {
        out.push(
          finding(citationSo, 'gợi ý', c.line + 1, text, `thiếu chữ "số" giữa tên loại và số, ký hiệu`, {
            col: c.typeIndex + 1,
            fix: `ghi "${c.typeWord} số ${c.raw}"`,
            replacement: { from: text, to: `${c.typeWord} số ${c.raw}` },
          }),
        );
      } else if (c.so > 1) {
        out.push(
          finding(citationSo, 'cảnh báo', c.line + 1, text, `chữ "số" bị lặp`, {
            col: c.typeIndex + 1,
            fix: `ghi "${c.typeWord} số ${c.raw}"`,
            replacement: { from: text, to: `${c.typeWord} số ${c.raw}` },
          }),
        );
      }
    }
    return out;
  },
};

const dmy = (d: { y: number; m: number; d: number }) => `${d.d}/${d.m}/${d.y}`;

export const citationDate: Rule = {
  id: 'citation-date',
  title: 'một văn bản được dẫn với hai ngày ban hành khác nhau',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6.a (dẫn văn bản ghi đúng ngày, tháng, năm ban hành)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const dated: { c: Citation; text: string }[] = [];
    for (const c of citations(doc.lines)) {
      if (!c.date) continue;
      dated.push({ c, text: citedText(doc.lines[c.line]!, c) });
      // The year inside a number is the year the document was signed.
      if (c.year && Number(c.year) !== c.date.y) {
        out.push(
          finding(citationDate, 'lỗi', c.line + 1, `${c.raw} ${c.date.text}`, `năm ${c.year} trong số, ký hiệu khác năm ${c.date.y} của ngày ban hành`, {
            col: c.index + 1,
            fix: 'đối chiếu văn bản được dẫn và sửa số, ký hiệu hoặc ngày ban hành',
          }),
        );
      }
    }
    // The document's own number ("Số: 244/QĐ-BTP") is dated by its place-and-date line.
    const own = doc.lines.findIndex((l) => /^Số\s*:/u.test(l));
    const dl = dateLines(doc.lines).find((d) => Math.abs(d.index - own) <= 8);
    if (own >= 0 && dl) {
      const c = citationsIn(doc.lines[own]!, own)[0];
      if (c) dated.unshift({ c: { ...c, date: { y: +dl.year, m: +dl.month, d: +dl.day, text: dl.dateText } }, text: c.raw });
    }
    const first = new Map<string, { c: Citation; text: string }>();
    for (const entry of dated) {
      const key = entry.c.canonical.toLocaleUpperCase('vi');
      const seen = first.get(key);
      if (!seen) {
        first.set(key, entry);
        continue;
      }
      const a = seen.c.date!, b = entry.c.date!;
      if (a.y === b.y && a.m === b.m && a.d === b.d) continue;
      // "12/QĐ-UBND" of one province and of another are two documents.
      if (seen.c.issuer && entry.c.issuer && seen.c.issuer !== entry.c.issuer) continue;
      // A state number without its year starts again each year: "Chỉ thị số 02/CT-TTg" of 2018 and of 2019 are two
      // (a Party number runs through a term, so 27-NQ/TW of two years is one document cited wrong).
      if (entry.c.kind === 'state' && !entry.c.year && a.y !== b.y) continue;
      out.push(
        finding(citationDate, 'lỗi', entry.c.line + 1, `${entry.text} ${b.text}`, `${entry.c.canonical} đã được dẫn với ngày ${dmy(a)} (dòng ${seen.c.line + 1}), ở đây là ngày ${dmy(b)}`, {
          col: entry.c.typeIndex + 1,
          fix: 'đối chiếu văn bản được dẫn và ghi cùng một ngày ban hành ở mọi chỗ',
        }),
      );
    }
    return out;
  },
};
