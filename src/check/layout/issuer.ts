// The left and right columns of the header under the Quốc hiệu: the issuer (ô 2), the "Số:" line (ô 3) and the
// place-and-date line (ô 4). Phụ lục I, Phần I, mục II.2–II.4. The issuer block can only be told apart from the
// Quốc hiệu when the header is a table (the usual layout); without one the rule says it could not evaluate.

import { RANGES, STYLES } from '../../style/nd30.ts';
import { composed, nfcKey } from '../composed.ts';
import { clip } from '../finding.ts';
import { allBold, isDateLine, isRuleLine, isUpper, LOOSE_DATE, NUMBER_LINE, PLACE_DATE, textRuns, type Anatomy, type Para, type Part, type Span } from './anatomy.ts';
import { checkFormat, sizeNote } from './format.ts';
import { checked, layoutFinding, notApplicable, notEvaluated, type LayoutFinding, type LayoutOutcome, type LayoutRule } from './rule.ts';

const NO_HEADER = 'văn bản không có phần đầu dạng bảng (tên cơ quan ban hành bên trái, Quốc hiệu bên phải): không xác định được';

/** The non-empty paragraphs of a part's header, in reading order. */
function headerParas(a: Anatomy, part: Part): Para[] {
  return [...part.headerTables.flatMap((t) => a.tableParas.get(t) ?? []), ...part.headerParas].filter((x) => x.number > 0);
}

const withHeader = (a: Anatomy): Part[] => a.parts.filter((p) => p.headerTables.length > 0 || p.headerParas.length > 0);

// ---------------------------------------------------------------------------------------------------------------
// Issuer (ô 2)

/**
 * The issuer column of a header table: the cell beside the Quốc hiệu, down to the "Số:" line, over the rows below
 * it too (a header typed as one row a line, "UBND TỈNH LÀO CAI | CỘNG HÒA …" then "SỞ CÔNG THƯƠNG | Độc lập …").
 */
function issuerLines(a: Anatomy, table: number): Para[] {
  const paras = (a.tableParas.get(table) ?? []).filter((x) => x.number > 0 && x.p.cell!.depth === 1);
  const national = a.national.find((s) => s.para.p.cell?.table === table)?.para ?? a.motto.find((s) => s.para.p.cell?.table === table)?.para;
  const row = national?.p.cell?.row ?? 0;
  const col = national?.p.cell?.col;
  const cell = paras.filter((x) => x.p.cell!.row >= row && (col === undefined ? x.p.cell!.col === 0 : x.p.cell!.col !== col));
  const out: Para[] = [];
  for (const x of cell) {
    const s = x.key.trim();
    if (isRuleLine(s)) continue;
    if (NUMBER_LINE.test(s) || /^V\/v\b/iu.test(s) || isDateLine(s)) break;
    out.push(x);
  }
  return out;
}

export const issuer: LayoutRule = {
  id: 'issuer',
  title: 'tên cơ quan ban hành: chữ in hoa, đứng, cỡ 12–13, tên cơ quan ban hành in đậm, căn giữa',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.2.b: tên cơ quan chủ quản và cơ quan ban hành chữ in hoa, cỡ chữ 12–13, kiểu chữ đứng; tên cơ quan ban hành đậm, canh giữa',
  check(a) {
    const tables = a.parts.flatMap((p) => p.headerTables);
    if (tables.length === 0) return notEvaluated(`${NO_HEADER} tên cơ quan ban hành`);
    const out: LayoutFinding[] = [];
    let unknown = false;
    for (const table of tables) {
      const lines = issuerLines(a, table);
      const first = (a.tableParas.get(table) ?? []).find((x) => x.number > 0);
      if (lines.length === 0) {
        out.push(layoutFinding(issuer, 'lỗi', first?.number ?? 0, clip(first?.text.trim() ?? '', 60), 'phần đầu văn bản không có tên cơ quan, tổ chức ban hành (ô 2, bên trái Quốc hiệu)', 'ghi tên cơ quan ban hành (và cơ quan chủ quản trực tiếp, nếu có) ở cột trái của phần đầu'));
        continue;
      }
      // The governing body's lines come first and are not bold; the issuer's lines are bold.
      const boldFrom = lines.findIndex((x) => allBold(textRuns(x)));
      if (boldFrom < 0) {
        const last = lines[lines.length - 1]!;
        out.push(layoutFinding(issuer, 'lỗi', last.number, clip(last.shown.trim(), 70), 'tên cơ quan, tổ chức ban hành chưa in đậm', 'in đậm tên cơ quan ban hành (Ctrl+B); tên cơ quan chủ quản ở dòng trên để không đậm'));
      }
      for (const line of lines) {
        const s = line.shown.trim();
        if (!isUpper(s)) out.push(layoutFinding(issuer, 'lỗi', line.number, clip(s, 70), 'tên cơ quan, tổ chức phải viết bằng chữ in hoa', `ghi "${s.toLocaleUpperCase('vi')}"`));
        const f = checkFormat(issuer, line, { what: 'tên cơ quan, tổ chức', size: RANGES.issuer, italic: false, align: STYLES.issuer.align });
        out.push(...f.findings);
        unknown ||= f.unknownSize;
      }
    }
    return checked(out, sizeNote(unknown));
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Số, ký hiệu (ô 3)

function numberSpan(para: Para): Span {
  const s = para.shown;
  const start = s.length - s.trimStart().length;
  const c = composed(s);
  const date = PLACE_DATE.exec(c.text);
  let end = date && c.toTyped(date.index) > start ? c.toTyped(date.index) : s.length;
  while (end > start && /\s/u.test(s[end - 1]!)) end--;
  return { para, start, end, text: s.slice(start, end) };
}

function dateSpan(para: Para): Span | undefined {
  const c = composed(para.shown);
  const m = PLACE_DATE.exec(c.text);
  if (!m) return undefined;
  const start = c.toTyped(m.index);
  const end = c.toTyped(m.index + m[0].length);
  return { para, start, end, text: para.shown.slice(start, end) };
}

/** Whether the span is the whole text of its paragraph (its alignment is the element's alignment). */
const whole = (span: Span): boolean => span.para.shown.trim() === span.text.trim();

type Found<T> = { part: Part; item: T | undefined };

/** Runs the check over each part that has a header; says why not when no part could be checked. */
function overParts<T>(
  a: Anatomy,
  find: (part: Part, paras: Para[]) => T | undefined,
  exempt: (part: Part) => string | undefined,
  missing: (part: Part, paras: Para[]) => LayoutFinding,
  check: (item: T, out: LayoutFinding[]) => boolean,
  absent: string,
): LayoutOutcome {
  const parts = withHeader(a);
  if (parts.length === 0) return notEvaluated(absent);
  const found: Found<T>[] = parts.map((part) => ({ part, item: find(part, headerParas(a, part)) }));
  const out: LayoutFinding[] = [];
  let unknown = false;
  let evaluated = 0;
  const reasons: string[] = [];
  for (const { part, item } of found) {
    if (item !== undefined) {
      unknown = check(item, out) || unknown;
      evaluated++;
      continue;
    }
    const why = exempt(part);
    if (why !== undefined) {
      reasons.push(why);
      continue;
    }
    if (part.headerTables.length === 0) {
      reasons.push(absent);
      continue;
    }
    out.push(missing(part, headerParas(a, part)));
    evaluated++;
  }
  if (evaluated === 0) return reasons.some((r) => r === absent) ? notEvaluated(absent) : notApplicable(reasons[0] ?? absent);
  return checked(out, sizeNote(unknown));
}

const ISSUED_WITH_REASON = 'văn bản ban hành kèm theo văn bản khác không có số, ký hiệu, địa danh và ngày tháng riêng';

export const numberLine: LayoutRule = {
  id: 'number-line',
  title: 'dòng "Số:": chữ "Số" in thường, có dấu hai chấm, số và ký hiệu nối bằng "/", cỡ 13, đứng, căn giữa',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.3.c: từ "Số" chữ in thường, cỡ chữ 13, kiểu chữ đứng, sau có dấu hai chấm; số nhỏ hơn 10 ghi thêm số 0; giữa số và ký hiệu có dấu "/"',
  check(a) {
    return overParts(
      a,
      (_part, paras) => {
        const p = paras.find((x) => NUMBER_LINE.test(x.key.trim()));
        return p ? numberSpan(p) : undefined;
      },
      (part) => (part.issuedWith ? ISSUED_WITH_REASON : undefined),
      (_part, paras) =>
        layoutFinding(numberLine, 'lỗi', paras[0]?.number ?? 0, clip(paras[0]?.text.trim() ?? '', 60), 'phần đầu văn bản không có dòng số, ký hiệu ("Số: …/…-…")', 'ghi số, ký hiệu dưới tên cơ quan ban hành, ví dụ "Số: 15/QĐ-BNV"'),
      (span, out) => {
        const text = nfcKey(span.text);
        const add = (message: string, fix: string): void => {
          out.push(layoutFinding(numberLine, 'lỗi', span.para.number, clip(span.text, 70), message, fix));
        };
        const m = /^(số)(\s*)(:?)(.*)$/iu.exec(text)!;
        const [, word, , colon, rest] = m as unknown as [string, string, string, string, string];
        if (word !== 'Số') add(`từ "Số" viết "${word}"; phải viết "Số" (chữ in thường, viết hoa chữ đầu)`, `ghi "Số:${rest}"`);
        if (colon === '') add('sau từ "Số" phải có dấu hai chấm (:)', `ghi "Số:${rest.startsWith(' ') ? '' : ' '}${rest}"`);
        const value = rest.trim();
        // the number may be left blank or as dots in a draft: "Số:      /KH-STP", "Số: …/QĐ-…"
        const parts = /^(\d*)[\s.…_]*\/\s*\S/u.exec(value);
        if (!parts) add('giữa số và ký hiệu văn bản phải có dấu gạch chéo (/)', 'ghi dạng "Số: 15/QĐ-BNV"');
        else if (parts[1] !== '' && Number(parts[1]) < 10 && parts[1]!.length < 2) {
          add(`số ${parts[1]} nhỏ hơn 10 phải ghi thêm số 0 phía trước`, `ghi "Số: 0${value}"`);
        }
        // Phụ lục I writes the type of ô 3 "đứng", where the issuer's is "đứng, đậm": upright and not bold
        const f = checkFormat(numberLine, span, { what: 'dòng số, ký hiệu', size: STYLES.number.size, bold: false, italic: false, ...(whole(span) ? { align: STYLES.number.align } : {}) });
        out.push(...f.findings);
        return f.unknownSize;
      },
      `${NO_HEADER} dòng số, ký hiệu`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Địa danh và thời gian ban hành (ô 4)

export const placeDate: LayoutRule = {
  id: 'place-date',
  title: 'dòng địa danh, ngày tháng: dấu phẩy sau địa danh, chữ in thường, nghiêng, cỡ 13–14, căn giữa dưới Quốc hiệu',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.4.c: chữ in thường, cỡ chữ 13–14, kiểu chữ nghiêng; sau địa danh có dấu phẩy; canh giữa so với Quốc hiệu và Tiêu ngữ',
  check(a) {
    return overParts(
      a,
      (_part, paras) => {
        const p = paras.find((x) => isDateLine(x.key.trim()));
        if (p) return dateSpan(p);
        // a date line we cannot read word by word (a form with dots): its type can still be checked
        const loose = paras.find((x) => LOOSE_DATE.test(x.key) && !NUMBER_LINE.test(x.key.trim()));
        return loose ? { para: loose, start: 0, end: loose.shown.length, text: loose.shown.trim() } : undefined;
      },
      (part) => (part.issuedWith ? ISSUED_WITH_REASON : part.docType && /^biên bản$/iu.test(part.docType.key.trim()) ? 'biên bản không ghi địa danh, ngày tháng ở phần đầu' : undefined),
      (_part, paras) =>
        layoutFinding(placeDate, 'lỗi', paras[0]?.number ?? 0, clip(paras[0]?.text.trim() ?? '', 60), 'phần đầu văn bản không có dòng địa danh và ngày tháng ban hành', 'ghi dưới Tiêu ngữ, ví dụ "Hà Nội, ngày 05 tháng 01 năm 2024"'),
      (span, out) => {
        const m = PLACE_DATE.exec(nfcKey(span.text));
        const add = (message: string, fix: string): void => {
          out.push(layoutFinding(placeDate, 'lỗi', span.para.number, clip(span.text, 70), message, fix));
        };
        if (m) {
          const { place, comma, date } = m.groups as { place: string; comma: string; date: string };
          if (comma === '') add('sau địa danh phải có dấu phẩy (,)', `ghi "${place.trim()}, ${date}"`);
          if (/Ngày|Tháng|Năm/u.test(date)) add('"ngày", "tháng", "năm" viết chữ in thường', `ghi "${place.trim()}, ${date.replace(/Ngày/u, 'ngày').replace(/Tháng/u, 'tháng').replace(/Năm/u, 'năm')}"`);
        }
        const f = checkFormat(placeDate, span, { what: 'dòng địa danh, ngày tháng', size: RANGES.placeDate, italic: STYLES.placeDate.italic, ...(whole(span) ? { align: STYLES.placeDate.align } : {}) });
        out.push(...f.findings);
        return f.unknownSize;
      },
      `${NO_HEADER} dòng địa danh, ngày tháng`,
    );
  },
};

export const ISSUER_RULES = [issuer, numberLine, placeDate];
