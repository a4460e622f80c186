// Nơi nhận (ô 9b): each recipient on its own line starting with "-", ending with ";", the last line
// "- Lưu: VT, … ." ending with ".".

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

/** The label "Nơi nhận:" on its own line, also typed with extra spaces ("Nơi  nhận :"; recipients-label tells the form). */
export const RECIPIENTS_LABEL_LINE = /^Nơi\s+nhận\s*:?$/u;
const LABEL = RECIPIENTS_LABEL_LINE;
const SIGNATURE = /^(?:TM|KT|TL|TUQ|Q)\.\s/u;
const BULLET = /^([-–—•+*·])\s*/u;

/** An uppercase line (a signer's title, "GIÁM ĐỐC") ends the list. */
const isUpper = (s: string) => /\p{L}.*\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

export interface RecipientBlock {
  label: number; // 0-based line of "Nơi nhận:"
  items: { index: number; text: string }[];
  /** The page ends inside the list (its last entry cut short): the list's end cannot be judged. */
  cut?: true;
}

/** The next non-blank line from `i` on, and its index. */
function nextFilled(lines: string[], i: number): number {
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

/** The Nơi nhận blocks: the lines after each label until a blank line, a signature line or the end. */
export function recipientBlocks(lines: string[]): RecipientBlock[] {
  const out: RecipientBlock[] = [];
  lines.forEach((line, label) => {
    if (!LABEL.test(line)) return;
    const items: RecipientBlock['items'] = [];
    for (let i = label + 1; i < lines.length && items.length < 40; i++) {
      const text = lines[i]!;
      if (text === '') {
        if (!items.length) continue;
        // a copy that puts a blank line between the entries ("- Như trên;" | "" | "- TT. UBND tỉnh;"): the list goes
        // on while every entry so far starts with a dash and so does the next line
        const j = nextFilled(lines, i);
        if (j < lines.length && /^-\s/u.test(lines[j]!) && items.every((it) => /^-\s/u.test(it.text))) {
          i = j - 1;
          continue;
        }
        break;
      }
      // a DOCX whose signature cell is read between the label and its list ("Nơi nhận:" | "GIÁM ĐỐC" | "- Như trên;")
      if (!items.length && isUpper(text) && !BULLET.test(text) && !SIGNATURE.test(text) && lines.slice(i + 1, i + 4).some((l) => /^-\s/u.test(l))) continue;
      if (LABEL.test(text) || SIGNATURE.test(text) || (isUpper(text) && !BULLET.test(text))) break;
      // the rest of a unit's own list, wrapped by the page: "- VPCP: BTCN;" | "Vụ TH; Cổng TTĐT;"
      const prev = items[items.length - 1];
      if (prev && !BULLET.test(text) && !/^Lưu(?![\p{L}\p{M}])/u.test(text) && /^-\s[^:]+:\s/u.test(prev.text) && !/^-\s*Lưu\b/u.test(prev.text)) continue;
      items.push({ index: i, text });
      // "- Lưu: VT, …." is the list's last line (Phụ lục I, II.9.b): what follows is the signature or a next page
      if (/^\W*Lưu(?![\p{L}\p{M}])/u.test(text) && /\.$/u.test(text)) break;
    }
    // a page cut off inside the list ("Nơi nhận:" | "- Thư" and nothing after): its end cannot be judged
    const lastItem = items[items.length - 1];
    // (a last "- Lưu: …" line ends a list, cut or not)
    const atEnd = lastItem !== undefined && lines.slice(lastItem.index + 1).every((l) => l.trim() === '') && !/^\W*Lưu(?![\p{L}\p{M}])/u.test(lastItem.text);
    // an entry ending with ";" is followed by another: a text that stops there was cut after a whole entry
    const cut = atEnd && !/\.$/u.test(lastItem.text);
    if (cut && !/;$/u.test(lastItem.text)) {
      items.pop();
      if (items.length === 0) return;
    }
    // a "Nơi nhận" cell of a layout diagram (Phụ lục I: "Nơi nhận" | "10a") or a heading naming the part
    // ("Nơi nhận: (đối với công văn)") is no list of recipients
    const diagram = items.length > 0 && items.every((it) => /^(?:\d{1,2}[a-z]?|[a-z]|\(.*\))$/u.test(it.text) || /^Nơi nhận/u.test(it.text));
    if (!diagram) out.push(cut ? { label, items, cut: true } : { label, items });
  });
  return out;
}

const SOURCE = 'NĐ 30/2020, Phụ lục I, mục II.9.b: mỗi nơi nhận một dòng, đầu dòng có gạch ngang "-", cuối dòng có dấu ";", dòng cuối "- Lưu: VT, …." có dấu "."';

/** The item with its bullet set right: "- text". */
function withDash(text: string): string {
  const m = BULLET.exec(text);
  return `- ${m ? text.slice(m[0].length) : text}`;
}

/** "- Lưu VT, VP." → "- Lưu: VT, VP.". */
function withArchiveColon(text: string): string {
  return text.replace(/^- Lưu\b(?!\s*:)\s*/u, '- Lưu: ');
}

/** The item after each fix in the order fixText applies them: the dash, the colon after "Lưu", the end mark. */
export function itemStages(text: string, last: boolean): { dash: string; colon: string; end: string } {
  const dash = text.startsWith('- ') ? text : withDash(text);
  const colon = last ? withArchiveColon(dash) : dash;
  const want = last ? '.' : ';';
  const end = colon.endsWith(want) ? colon : colon.replace(/[\s;,.:]*$/u, '') + want;
  return { dash, colon, end };
}

export const recipientsDash: Rule = {
  id: 'recipients-dash',
  title: 'dòng Nơi nhận không bắt đầu bằng "- "',
  source: SOURCE,
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    for (const block of recipientBlocks(doc.lines)) {
      for (const { index, text } of block.items) {
        if (text.startsWith('- ')) continue;
        const fixed = withDash(text);
        const m = BULLET.exec(text);
        const why = !m ? 'không có gạch ngang "-" ở đầu dòng' : m[1] === '-' ? 'thiếu dấu cách sau "-"' : `đầu dòng là "${m[1]}", không phải gạch ngang "-"`;
        out.push(finding(recipientsDash, 'lỗi', index + 1, text, `nơi nhận ${why}`, { col: 1, fix: `ghi "${fixed}"`, replacement: { from: text, to: fixed } }));
      }
    }
    return out;
  },
};

export const recipientsPunctuation: Rule = {
  id: 'recipients-punct',
  title: 'dòng Nơi nhận không kết thúc bằng ";" (dòng cuối bằng ".")',
  source: SOURCE,
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    for (const block of recipientBlocks(doc.lines)) {
      block.items.forEach(({ index, text }, k) => {
        const last = k === block.items.length - 1 && !block.cut;
        const want = last ? '.' : ';';
        if (text.endsWith(want)) return;
        // ô 12 after the Lưu line's ".": the typist's initials or the number of copies ("QHQT (3b).12", "VP. PL.(300)")
        if (last && (OFFICE_12.test(text) || /\.\s*\d{1,4}$/u.test(text)) && /^\W*Lưu(?![\p{L}\p{M}])/u.test(text)) return;
        // the entry the page cut short is not among the items; the one before it is no last line
        if (!last && k === block.items.length - 1 && /[.;]$/u.test(text)) return;
        // "- Bộ Y tế; (để phối hợp)": the note a brace gave several lines, flattened after the ";"
        if (!last && /;\s*\([^()]*\)$/u.test(text)) return;
        const { colon: from, end: fixed } = itemStages(text, last);
        const what = last ? 'dòng cuối của Nơi nhận phải kết thúc bằng dấu "."' : 'mỗi dòng Nơi nhận (trừ dòng cuối) phải kết thúc bằng dấu ";"';
        out.push(finding(recipientsPunctuation, 'lỗi', index + 1, text, what, { col: 1, fix: `ghi "${fixed}"`, replacement: { from, to: fixed } }));
      });
    }
    return out;
  },
};

/** Ô 12 after the Lưu line, the drafter's initials and the copies: "- Lưu: VT, VP. PL.(300)." (Mục V, Mẫu 1.4). */
const OFFICE_12 = /\.\s+\p{Lu}[\p{Lu}.]*\.\(\d+\)\.?$/u;

export const recipientsArchive: Rule = {
  id: 'recipients-luu',
  title: 'dòng cuối Nơi nhận không phải "- Lưu: VT, …"',
  source: SOURCE,
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    for (const block of recipientBlocks(doc.lines)) {
      // a list the page cut short has lost its last line: whether it is "- Lưu: …" cannot be told
      if (block.cut) continue;
      const lastItem = block.items[block.items.length - 1];
      // a label with no entry under it: copies drop the list's cell far more often than a clerk leaves it empty,
      // so nothing can be told of its Lưu line
      if (!lastItem) continue;
      const body = lastItem.text.replace(BULLET, '');
      const m = /^Lưu\b\s*(:?)\s*(.*)$/u.exec(body);
      if (!m) {
        out.push(
          finding(recipientsArchive, 'lỗi', lastItem.index + 1, lastItem.text, 'dòng cuối của Nơi nhận phải là "- Lưu: VT, …" (nơi lưu văn bản)', {
            col: 1,
            fix: 'thêm dòng cuối "- Lưu: VT, <đơn vị soạn thảo>."',
          }),
        );
      } else if (!m[1]) {
        const { dash: from, colon: fixed } = itemStages(lastItem.text, true);
        out.push(finding(recipientsArchive, 'lỗi', lastItem.index + 1, lastItem.text, 'thiếu dấu ":" sau "Lưu"', { col: 1, fix: `ghi "${fixed}"`, replacement: { from, to: fixed } }));
      } else if (/,(?=[^\s…])/u.test(m[2]!) || /\p{Lu}{2,}\.\s*\p{Lu}{2,}/u.test(m[2]!.replace(OFFICE_12, '').replace(/\.$/u, ''))) {
        // "VT,KHTC" or "VT. KHTC": the units of the Lưu line are parted by ", "
        const units = m[2]!.replace(/\.$/u, '');
        const right = units.replace(/\s*,\s*/gu, ', ').replace(/(\p{Lu}{2,})\.\s*(?=\p{Lu}{2,})/gu, '$1, ');
        out.push(finding(recipientsArchive, 'cảnh báo', lastItem.index + 1, lastItem.text, 'các đơn vị trên dòng Lưu cách nhau bằng dấu phẩy và một dấu cách ("Lưu: VT, KHTC.")', { col: 1, fix: `ghi "- Lưu: ${right}."` }));
      } else if (/^Văn thư(?![\p{L}\p{M}])/u.test(m[2]!)) {
        out.push(finding(recipientsArchive, 'cảnh báo', lastItem.index + 1, lastItem.text, 'nơi lưu là Văn thư cơ quan, viết tắt "VT": "- Lưu: VT, …"', { col: 1, fix: `ghi "${lastItem.text.replace('Văn thư', 'VT')}"` }));
      } else if (!/^VT(?![\p{L}\p{M}])/u.test(m[2]!)) {
        out.push(finding(recipientsArchive, 'cảnh báo', lastItem.index + 1, lastItem.text, 'dòng Lưu không có Văn thư (VT): bản lưu tại Văn thư cơ quan ghi trước', { col: 1, fix: 'ghi "- Lưu: VT, <đơn vị soạn thảo>."' }));
      }
    }
    return out;
  },
};
