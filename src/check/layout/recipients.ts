// Nơi nhận (ô 9b; Phụ lục I, Phần I, mục II.9.d): the label "Nơi nhận:" on its own line, 12 pt, bold italic;
// the recipients 11 pt, upright, each line flush with the left margin. The punctuation of the recipient lines is a
// text rule (recipients-dash, recipients-punct, recipients-luu), checked on every kind of file.

import { STYLES } from '../../style/nd30.ts';
import { RECIPIENTS_LABEL } from '../../text/national.ts';
import { clip } from '../finding.ts';
import { checkFormat, sizeNote } from './format.ts';
import { checked, layoutFinding, mm, notApplicable, notEvaluated, twipsToMm, type LayoutFinding, type LayoutRule } from './rule.ts';
import type { Anatomy } from './anatomy.ts';

function absent(a: Anatomy) {
  const typed = a.parts.filter((p) => p.docType || p.headerTables.length || p.vv);
  if (typed.length > 0 && typed.every((p) => p.issuedWith)) return notApplicable('văn bản ban hành kèm theo văn bản khác không có Nơi nhận riêng');
  return notEvaluated('không tìm thấy dòng "Nơi nhận:" trong văn bản');
}

export const recipientsLabel: LayoutRule = {
  id: 'recipients-label',
  title: `chữ "${RECIPIENTS_LABEL}" trên một dòng riêng, cỡ ${STYLES.recipientsLabel.size}, nghiêng, đậm`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.9.d: từ "Nơi nhận" trên một dòng riêng, sau có dấu hai chấm, chữ in thường, cỡ chữ 12, kiểu chữ nghiêng, đậm',
  check(a) {
    if (a.recipients.length === 0) return absent(a);
    const out: LayoutFinding[] = [];
    let unknown = false;
    for (const { label } of a.recipients) {
      const s = label.shown.trim();
      if (label.key.trim() !== RECIPIENTS_LABEL) {
        out.push(layoutFinding(recipientsLabel, 'lỗi', label.number, s, `phải ghi đúng "${RECIPIENTS_LABEL}" (chữ in thường, viết hoa chữ N, có dấu hai chấm)`, `ghi "${RECIPIENTS_LABEL}"`));
      }
      const f = checkFormat(recipientsLabel, label, { what: `chữ "${RECIPIENTS_LABEL}"`, size: STYLES.recipientsLabel.size, bold: STYLES.recipientsLabel.bold, italic: STYLES.recipientsLabel.italic });
      out.push(...f.findings);
      unknown ||= f.unknownSize;
    }
    return checked(out, sizeNote(unknown));
  },
};

/** A recipient line starts at the left margin; a few tenths of a millimetre are typing noise. */
const FLUSH_TOLERANCE_MM = 1;
/** Word's default left margin of a table cell (108 twips). */
const CELL_MARGIN_MM = 1.9;

export const recipientsItems: LayoutRule = {
  id: 'recipients-items',
  title: `danh sách nơi nhận cỡ ${STYLES.recipient.size}, chữ đứng, gạch đầu dòng sát lề trái`,
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.9.d: phần liệt kê nơi nhận chữ in thường, cỡ chữ 11, kiểu chữ đứng; mỗi nơi một dòng, gạch đầu dòng sát lề trái',
  check(a) {
    if (a.recipients.length === 0) return absent(a);
    const blocks = a.recipients.filter((b) => b.items.length > 0);
    if (blocks.length === 0) return notEvaluated('dưới "Nơi nhận:" không có dòng nào');
    const out: LayoutFinding[] = [];
    let unknown = false;
    for (const { items } of blocks) {
      // one finding per aspect for the whole list, at its first deviating line
      const seen = new Set<string>();
      for (const item of items) {
        const f = checkFormat(recipientsItems, item, { what: 'dòng nơi nhận', size: STYLES.recipient.size, italic: false /* STYLES.recipient is upright */ });
        unknown ||= f.unknownSize;
        for (const finding of f.findings) {
          if (seen.has(finding.message)) continue;
          seen.add(finding.message);
          out.push(finding);
        }
        const { indentLeft = 0, indentFirstLine = 0 } = item.p.props;
        const start = twipsToMm(indentLeft + indentFirstLine);
        // in a table cell, a negative indent up to the cell's left margin (Word's 0.19 cm) puts the dash at the cell's edge
        const flush = Math.abs(start) <= FLUSH_TOLERANCE_MM || (item.p.cell !== undefined && start < 0 && -start <= CELL_MARGIN_MM + FLUSH_TOLERANCE_MM);
        if (!flush && !seen.has('indent')) {
          seen.add('indent');
          out.push(layoutFinding(recipientsItems, 'lỗi', item.number, clip(item.text.trim(), 60), `dòng nơi nhận lùi vào ${mm(start)}; gạch đầu dòng phải sát lề trái`, 'bỏ thụt lề của các dòng nơi nhận (Đoạn › Thụt lề: 0)'));
        }
      }
    }
    return checked(out, sizeNote(unknown));
  },
};

export const RECIPIENTS_RULES = [recipientsLabel, recipientsItems];
