// The abbreviations inside a số, ký hiệu: the kind of document as Phụ lục III writes it (QĐ, TTr, CTr, KH…) and the
// Thủ tướng Chính phủ as "TTg", in a citation or in the document's own "Số:".

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';
import { citations } from './citations.ts';
import { TYPE_LINE } from './numbering.ts';

/** Phụ lục III, mục I: tên loại văn bản hành chính and their abbreviations. */
const KINDS = ['NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'TT', 'NĐ', 'TTLT'];
/** Issuers' abbreviations a typist gets wrong by a letter's case or its stroke: "TTG", "UBNĐ", "HDND". */
const ISSUERS = ['TTg', 'UBND', 'HĐND', 'BTP', 'VPCP', 'BGDĐT', 'BLĐTBXH', 'BNN', 'BTNMT', 'BKHĐT'];
const upper = (s: string) => s.toLocaleUpperCase('vi');
const fold = (s: string) => upper(s).replace(/Đ/gu, 'D');
/**
 * The abbreviation of `list` a written one stands for: itself when it is one (Phụ lục III has both "HD" hướng dẫn and
 * "HĐ" hợp đồng, "DA" dự án and "ĐA" đề án), else the one it matches in another case ("Ttr"), else the one it matches
 * with D for Đ ("QD", "UBNĐ"), when only one does.
 */
function lookup(list: readonly string[]): (written: string) => string | undefined {
  const exact = new Set(list);
  const byUpper = new Map(list.map((k) => [upper(k), k]));
  const byFold = new Map<string, string | null>();
  for (const k of list) byFold.set(fold(k), byFold.has(fold(k)) ? null : k);
  return (w) => (exact.has(w) ? w : byUpper.get(upper(w)) ?? byFold.get(fold(w)) ?? undefined);
}
const kindOf = lookup(KINDS);
const issuerOf = lookup(ISSUERS);
/** Phụ lục III, mục I: the abbreviation of each tên loại, for the document's own "Số:". */
const KIND_OF_TITLE: Record<string, string> = {
  'QUYẾT ĐỊNH': 'QĐ', 'NGHỊ QUYẾT': 'NQ', 'CHỈ THỊ': 'CT', 'QUY CHẾ': 'QC', 'THÔNG BÁO': 'TB', 'HƯỚNG DẪN': 'HD', 'CHƯƠNG TRÌNH': 'CTr',
  'KẾ HOẠCH': 'KH', 'PHƯƠNG ÁN': 'PA', 'ĐỀ ÁN': 'ĐA', 'DỰ ÁN': 'DA', 'BÁO CÁO': 'BC', 'BIÊN BẢN': 'BB', 'TỜ TRÌNH': 'TTr', 'CÔNG ĐIỆN': 'CĐ',
  'GIẤY MỜI': 'GM', 'GIẤY GIỚI THIỆU': 'GGT', 'NGHỊ ĐỊNH': 'NĐ', 'THÔNG TƯ': 'TT',
};

/** The document's own "Số: 55/2007/CT-UBND" over the tên loại "QUYẾT ĐỊNH": the kind in the ký hiệu is not its own. */
function ownKind(doc: TextDoc): Finding[] {
  const at = doc.lines.slice(0, 20).findIndex((l) => /^Số\s*:/u.test(l));
  if (at < 0) return [];
  const m = /^Số\s*:\s*\d{1,5}\/(?:\d{4}\/)?(\p{L}{1,5})-/u.exec(doc.lines[at]!);
  const title = doc.lines.slice(at + 1, at + 7).find((l) => TYPE_LINE.test(l));
  const want = title ? KIND_OF_TITLE[title] : undefined;
  // a kind off by its case or its stroke ("QD" for "QĐ") is told by the check of every ký hiệu
  if (!m || !want || kindOf(m[1]!) === undefined || kindOf(m[1]!) === want) return [];
  const col = doc.lines[at]!.indexOf(`/${m[1]}-`) + 2;
  return [finding(kyHieuAbbrev, 'lỗi', at + 1, m[1]!, `văn bản có tên loại "${title}" nhưng ký hiệu mang chữ viết tắt "${m[1]}" (của loại khác); tên loại "${title}" viết tắt là "${want}"`, { col, fix: `ghi "${want}" trong ký hiệu (đối chiếu sổ đăng ký văn bản đi)` })];
}

/** "Quyết định số 1163/QĐ-TTg … của Bộ trưởng Bộ Tư pháp": the ký hiệu names the Thủ tướng, the text a minister. */
function citedIssuer(doc: TextDoc): Finding[] {
  const out: Finding[] = [];
  for (const c of citations(doc.lines)) {
    if (c.kind !== 'state' || !c.issuer) continue;
    const byPM = /^thủ tướng(?![\p{L}\p{M}])/u.test(c.issuer);
    const byMinister = /^bộ trưởng bộ(?![\p{L}\p{M}])/u.test(c.issuer);
    const pmGroup = c.groups.some((g) => fold(g) === 'TTG');
    if ((pmGroup && byMinister) || (byPM && !pmGroup && c.groups.length >= 2 && !c.groups.includes('CP'))) {
      const who = pmGroup ? 'Thủ tướng Chính phủ (TTg)' : `cơ quan "${c.groups.slice(1).join('-')}"`;
      out.push(finding(kyHieuAbbrev, 'cảnh báo', c.line + 1, c.raw, `ký hiệu "${c.raw}" là của ${who} nhưng văn bản được dẫn là của ${c.issuer}`, { col: c.index + 1, fix: 'đối chiếu văn bản gốc: sửa ký hiệu hoặc người ban hành cho khớp' }));
    }
  }
  return out;
}

/** "101/QĐ-TTG", "12/2024/QD-UBND", "05/Ttr-UBND": number, optional year, kind, issuer groups. */
const NUMBER = /(?<![\p{L}\d])(\d{1,5})\/(?:(\d{4})\/)?(\p{L}{1,5})-([\p{L}\d]+(?:-[\p{L}\d]+)*)/gu;

export const kyHieuAbbrev: Rule = {
  id: 'kyhieu-abbrev',
  title: 'chữ viết tắt tên loại văn bản, cơ quan trong số, ký hiệu không đúng Phụ lục III',
  source: 'NĐ 30/2020, Phụ lục III, mục I (chữ viết tắt tên loại văn bản: QĐ, TTr, CTr, KH…) và Phụ lục I, mục II.3 (ký hiệu gồm chữ viết tắt tên loại và tên cơ quan); Thủ tướng Chính phủ viết tắt "TTg"',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      if (line === line.toLocaleUpperCase('vi')) return; // a title in capitals writes "TTG"
      for (const m of line.matchAll(NUMBER)) {
        // a number inside words in capitals (a title run on with the text after it) is written in capitals
        const before = line.slice(Math.max(0, m.index! - 30), m.index!);
        if (/\p{L}/u.test(before) && before === before.toLocaleUpperCase('vi')) continue;
        const kind = m[3]!;
        const want = kindOf(kind);
        const issuer = m[4]!.split('-').map((g) => issuerOf(g) ?? g).join('-');
        const rightKind = want && want !== kind ? want : kind;
        if (rightKind === kind && issuer === m[4]) continue;
        const fixed = `${m[1]}/${m[2] ? `${m[2]}/` : ''}${rightKind}-${issuer}`;
        const why = rightKind !== kind ? `tên loại viết tắt là "${rightKind}"` : `cơ quan ban hành viết tắt là "${issuer}"`;
        out.push(finding(kyHieuAbbrev, 'cảnh báo', i + 1, m[0], why, { col: m.index! + 1, fix: `ghi "${fixed}"`, replacement: { from: m[0], to: fixed } }));
      }
    });
    return [...out, ...ownKind(doc), ...citedIssuer(doc)];
  },
};

export const soNumber: Rule = {
  id: 'so-number',
  title: 'số của văn bản thiếu hoặc thừa số 0',
  source: 'NĐ 30/2020, Phụ lục I, mục II.3.a: số của văn bản ghi bằng chữ số Ả Rập; số nhỏ hơn 10 ghi thêm số 0 phía trước',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    doc.lines.forEach((line, i) => {
      const m = /^Số\s*:\s*(\d+)(?=\/)/u.exec(line);
      if (!m) return;
      const n = Number(m[1]);
      if (n === 0) return;
      const want = n < 10 ? `0${n}` : String(n);
      if (m[1] === want) return;
      const col = m[0].length - m[1]!.length + 1;
      const why = n < 10 ? `số nhỏ hơn 10 ghi thêm số 0: "${want}"` : `số ${n} không có số 0 ở trước`;
      out.push(finding(soNumber, 'lỗi', i + 1, m[1]!, why, { col, fix: `ghi "${want}"`, replacement: { from: `${m[1]}/`, to: `${want}/` } }));
    });
    return out;
  },
};
