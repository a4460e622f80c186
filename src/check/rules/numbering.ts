// Numbering of the body: Roman parts (I., II.), Phần/Chương, Điều, items (1., 2.), sub-items (1.1., 1.2.) and
// points (a), b), … in Vietnamese letter order with đ, without f, j, w, z). A skipped or repeated number, a letter
// outside the sequence, and items of one level numbered 1.1. under one parent and a) under another.

import { fromRoman, pointIndex, pointLetter, roman } from '../../text/sequence.ts';
import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

type Marker =
  | { kind: 'doc' } // a tên loại line: a new document starts
  | { kind: 'part'; word: string; n: number; label: string } // Phần I, Chương II
  | { kind: 'roman'; n: number; label: string }
  | { kind: 'article'; n: number; label: string } // Điều 3.
  | { kind: 'item'; n: number; label: string } // 2.
  | { kind: 'sub'; parent: number; n: number; label: string } // 2.1.
  | { kind: 'point'; letter: string; n: number; label: string }; // đ)

/** Names of document types as they stand alone, in capitals, above the trích yếu (ô 5a). */
export const TYPE_LINE =
  /^(?:QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|KẾ HOẠCH|BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|CHỈ THỊ|HƯỚNG DẪN|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|PHƯƠNG ÁN|DỰ ÁN|NGHỊ QUYẾT|CÔNG ĐIỆN|THÔNG CÁO|GIẤY MỜI|GIẤY GIỚI THIỆU|BIÊN BẢN|PHỤ LỤC(?: [IVXLC\d]+)?|Phụ lục(?: [IVXLC\d]+)?)$/u;

export function markerOf(text: string): Marker | null {
  let m: RegExpExecArray | null;
  // a quoted passage keeps its own numbering ("1. Đối tượng …" quoted from another document)
  const line = text.replace(/^[“"]/u, '');
  if (TYPE_LINE.test(line)) return { kind: 'doc' };
  if ((m = /^(Phần|Chương|PHẦN|CHƯƠNG)\s+([IVXLC]+|\d{1,2})(?=$|[\s.:])/u.exec(line))) {
    const n = /^\d/u.test(m[2]!) ? Number(m[2]) : fromRoman(m[2]!);
    return n ? { kind: 'part', word: m[1]!.toLocaleLowerCase('vi'), n, label: m[0] } : null;
  }
  // "C." and "D." after "A.", "B." are sections lettered in capitals, not the Roman 100 and 500
  if ((m = /^([IVXLC]+)\.\s+\S/u.exec(line)) && !/^[CDLM]$/u.test(m[1]!)) {
    const n = fromRoman(m[1]!);
    return n ? { kind: 'roman', n, label: `${m[1]}.` } : null;
  }
  if ((m = /^Điều\s+(\d{1,3})\s*\./u.exec(line))) return { kind: 'article', n: Number(m[1]), label: `Điều ${m[1]}.` };
  if ((m = /^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)/u.exec(line))) return { kind: 'sub', parent: Number(m[1]), n: Number(m[2]), label: `${m[1]}.${m[2]}.` };
  if ((m = /^(\d{1,2})\.\s+(?=[^\d\s])/u.exec(line))) return { kind: 'item', n: Number(m[1]), label: `${m[1]}.` };
  if ((m = /^([a-zđ]{1,2})([)/])\s+(?=\S)/u.exec(line))) return { kind: 'point', letter: m[1]!, n: pointIndex(m[1]!), label: `${m[1]}${m[2]}` };
  return null;
}

interface Seq {
  last: number; // 0 when nothing seen yet in this scope
  /** Lower levels (khoản, điểm under a mục) were numbered in this scope before its first number. */
  content: boolean;
}

const fresh = (): Seq => ({ last: 0, content: false });
const SOURCE = 'NĐ 30/2020, Phụ lục I, mục II.6 và mục V (phần, mục số La Mã; khoản 1., 2.; điểm a), b), c) theo thứ tự chữ cái tiếng Việt)';

/**
 * Lines inside a quotation that began on an earlier line: they carry the quoted document's numbering. A line that
 * opens the quotation still counts (its "1." is the first of the items the text goes on with).
 */
export function quotedLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let open = false;
  lines.forEach((line, i) => {
    if (open) out.add(i);
    if (line === '') return;
    for (const ch of line) {
      if (ch === '“') open = true;
      else if (ch === '”') open = false;
      else if (ch === '"') open = !open;
    }
  });
  return out;
}

/** Names a number of a sequence the way it is written. */
type Show = (n: number) => string;

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  title: 'số thứ tự phần, mục, điều, khoản, điểm bị nhảy hoặc lặp',
  source: SOURCE,
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    const parts = new Map<string, Seq>();
    let romanSeq = fresh(), article = fresh(), item = fresh(), sub = fresh(), point = fresh();
    let subParent = 0;

    let afterQuote = false;
    const step = (seq: Seq, n: number, i: number, excerpt: string, what: string, show: Show) => {
      const prev = seq.last;
      seq.last = n;
      const lenient = afterQuote;
      afterQuote = false;
      if (n === prev + 1 || (n === 1 && prev > 0)) return; // next, or a new list starting over
      // "1. Mục đích … 2. Yêu cầu … II. ĐỐI TƯỢNG": the first heading is gone but its khoản stand, so the number
      // is right and the heading was lost (a web copy drops it; Phụ lục I, mục II.6 numbers the mục I., II. in
      // turn, and II. after the content of I. is that turn): not a number to change
      if (prev === 0 && seq.content) return;
      // after a quotation, the text may go on with the quoted document's own numbering
      if (lenient) return;
      let message: string;
      let fix: string;
      if (n === prev) {
        message = `${what} ${show(n)} lặp lại`;
        fix = `đánh số tiếp theo là ${show(n + 1)}`;
      } else if (prev === 0) {
        message = `${what} đầu tiên là ${show(n)}, thiếu ${show(1)}${n > 2 ? ` đến ${show(n - 1)}` : ''}`;
        fix = `bắt đầu từ ${show(1)}`;
      } else if (n > prev + 1) {
        message = `sau ${show(prev)} là ${show(n)}: thiếu ${show(prev + 1)}${n > prev + 2 ? ` đến ${show(n - 1)}` : ''}`;
        fix = `đánh số liên tục: sau ${show(prev)} là ${show(prev + 1)}`;
      } else {
        message = `${what} ${show(n)} đứng sau ${show(prev)}: sai thứ tự`;
        fix = `đánh số liên tục: sau ${show(prev)} là ${show(prev + 1)}`;
      }
      out.push(finding(numberingSequence, 'lỗi', i + 1, excerpt, message, { col: 1, fix }));
    };

    const quoted = quotedLines(doc.lines);
    /** A marker of a lower level is content of every level above it that has not been numbered yet. */
    const under = (...seqs: Seq[]) => {
      for (const q of [...parts.values(), ...seqs]) if (q.last === 0) q.content = true;
    };
    doc.lines.forEach((line, i) => {
      if (quoted.has(i) || /^[“"]/u.test(line)) {
        afterQuote = true;
        return;
      }
      const mk = markerOf(line);
      if (!mk) {
        // running text of the document's own after the quotation: its next number is the document's again
        if (line !== '') afterQuote = false;
        return;
      }
      switch (mk.kind) {
        case 'doc':
          // Phần and Chương run on past a tên loại inside the text (a sample, a diagram cell, an attached plan
          // starting again at Phần I is accepted as a list starting over)
          romanSeq = fresh(); article = fresh(); item = fresh(); sub = fresh(); point = fresh();
          return;
        case 'part': {
          const seq = parts.get(mk.word) ?? fresh();
          parts.set(mk.word, seq);
          const arabic = /\d$/u.test(mk.label);
          step(seq, mk.n, i, mk.label, mk.word, (n) => `${mk.word} ${arabic ? n : roman(n)}`);
          if (mk.word === 'phần') romanSeq = fresh();
          item = fresh(); sub = fresh(); point = fresh();
          return;
        }
        case 'roman':
          under();
          step(romanSeq, mk.n, i, mk.label, 'mục', (n) => `${roman(n)}.`);
          item = fresh(); sub = fresh(); point = fresh();
          return;
        case 'article':
          under(romanSeq);
          step(article, mk.n, i, mk.label, 'điều', (n) => `Điều ${n}.`);
          item = fresh(); sub = fresh(); point = fresh();
          return;
        case 'item':
          under(romanSeq, article);
          step(item, mk.n, i, mk.label, 'khoản', (n) => `${n}.`);
          sub = fresh(); point = fresh(); subParent = mk.n;
          return;
        case 'sub': {
          under(romanSeq, article, item);
          if (item.last > 0 && mk.parent !== item.last) {
            out.push(
              finding(numberingSequence, 'lỗi', i + 1, mk.label, `${mk.label} nằm dưới khoản ${item.last}.: số đầu phải là ${item.last}`, {
                col: 1,
                fix: `đánh số ${item.last}.${mk.n}.`,
              }),
            );
            sub.last = mk.n;
          } else {
            if (mk.parent !== subParent) sub = fresh();
            subParent = mk.parent;
            step(sub, mk.n, i, mk.label, 'tiểu mục', (n) => `${mk.parent}.${n}.`);
          }
          point = fresh();
          return;
        }
        case 'point':
          if (mk.n === 0) return; // numbering-letter says it
          under(romanSeq, article, item, sub);
          step(point, mk.n, i, mk.label, 'điểm', (n) => `${pointLetter(n)})`);
          return;
      }
    });
    return out;
  },
};

export const numberingLetter: Rule = {
  id: 'numbering-letter',
  title: 'điểm đánh bằng chữ cái không có trong bảng chữ cái tiếng Việt',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6 (điểm đánh a, b, c, d, đ, e, g… theo thứ tự chữ cái tiếng Việt; không có f, j, w, z)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    let prev = 0;
    doc.lines.forEach((line, i) => {
      const mk = markerOf(line);
      if (!mk) return;
      if (mk.kind !== 'point') {
        prev = 0;
        return;
      }
      if (mk.n > 0) {
        prev = mk.n;
        return;
      }
      const next = prev > 0 ? `${pointLetter(prev + 1)})` : 'a)';
      out.push(
        finding(numberingLetter, 'lỗi', i + 1, mk.label, `"${mk.letter}" không phải chữ cái đánh điểm trong tiếng Việt (a, b, c, d, đ, e, g, h, i, k, …)`, {
          col: 1,
          fix: prev > 0 ? `sau ${pointLetter(prev)}) là ${next}` : `đánh điểm từ a)`,
        }),
      );
    });
    return out;
  },
};

export const numberingStyle: Rule = {
  id: 'numbering-style',
  title: 'cùng một cấp đánh số hai kiểu (1.1. và a))',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6 và mục V (mỗi cấp một kiểu đánh số thống nhất)',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    // The level under each item "n." of a document part (not under an Điều): decimal "n.1." or letter "a)".
    let styles: { style: 'sub' | 'point'; line: number; label: string; item: string }[] = [];
    let current: { label: string; line: number } | null = null;
    let underArticle = false;
    const flush = () => {
      const first = styles[0];
      if (first) {
        const other = styles.find((s) => s.style !== first.style);
        if (other) {
          const show = (s: typeof first) => (s.style === 'sub' ? '1.1., 1.2.' : 'a), b)');
          out.push(
            finding(numberingStyle, 'cảnh báo', other.line, other.label, `khoản ${other.item} chia nhỏ kiểu ${show(other)}, còn khoản ${first.item} (dòng ${first.line}) chia kiểu ${show(first)}: cùng một cấp dùng hai kiểu đánh số`, {
              col: 1,
              fix: `dùng một kiểu cho cả cấp này (${show(first)} như khoản ${first.item})`,
            }),
          );
        }
      }
      styles = [];
    };
    doc.lines.forEach((line, i) => {
      const mk = markerOf(line);
      if (!mk) return;
      if (mk.kind === 'doc') {
        flush();
        underArticle = false;
        current = null;
      } else if (mk.kind === 'article') {
        underArticle = true;
        current = null;
      } else if (mk.kind === 'roman' || mk.kind === 'part') {
        underArticle = false;
        current = null;
      } else if (mk.kind === 'item') {
        current = underArticle ? null : { label: mk.label, line: i + 1 };
      } else if ((mk.kind === 'sub' || mk.kind === 'point') && current) {
        styles.push({ style: mk.kind, line: i + 1, label: mk.label, item: current.label });
        current = null;
      }
    });
    flush();
    return out;
  },
};
