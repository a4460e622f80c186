// Căn cứ ban hành (ô 6): each legal ground in lower case, italic, 13–14 pt, under the tên loại and trích yếu
// (Phụ lục I, Phần I, mục II.6.a). Found as the paragraphs opening "Căn cứ" between the tên loại and the line that
// opens the articles ("QUYẾT ĐỊNH:", "Điều 1."); the "Theo đề nghị …" line after them is judged with them.

import { STYLES } from '../../style/nd30.ts';
import { isKnownDocType } from './anatomy.ts';
import { checkFormat } from './format.ts';
import { checked, notApplicable, type LayoutFinding, type LayoutRule } from './rule.ts';

const GROUND = /^(?:Căn cứ|Theo đề nghị|Xét đề nghị)(?![\p{L}\p{M}])/u;
const ARTICLES = /^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|Điều 1\b)/u;

export const basisItalic: LayoutRule = {
  id: 'can-cu-italic',
  title: 'căn cứ ban hành: chữ in thường, kiểu chữ nghiêng',
  source: 'NĐ 30/2020, Phụ lục I, Phần I, mục II.6.a: căn cứ ban hành văn bản trình bày bằng chữ in thường, kiểu chữ nghiêng, cỡ chữ 13–14',
  check(a) {
    const typed = a.parts.find((p) => p.kind === 'typed' && p.docType)?.docType;
    const kindAt = typed ? a.texts.findIndex((p) => p.number === typed.number) : a.texts.findIndex((p) => isKnownDocType(p.key.trim()));
    if (kindAt < 0) return notApplicable('không có tên loại văn bản, nên không có căn cứ ban hành');
    const out: LayoutFinding[] = [];
    const after = a.texts.slice(kindAt + 1);
    // Without an enacting line ("QUYẾT ĐỊNH:"), a body paragraph may open "Căn cứ kết quả …" (a tờ trình,
    // a công văn): only the grounds of a list ending ";" are căn cứ ban hành there (a Thông tư's).
    const enacts = after.some((p) => ARTICLES.test(p.key.trim()));
    for (const p of after) {
      const s = p.key.trim();
      if (ARTICLES.test(s)) break;
      if (!GROUND.test(s) || (!enacts && !s.endsWith(';'))) continue;
      out.push(...checkFormat(basisItalic, p, { what: 'căn cứ ban hành', italic: STYLES.basis.italic }, 'cảnh báo').findings);
    }
    // no căn cứ (a plan opening "Thực hiện …"): nothing stands upright
    return checked(out);
  },
};

export const BASIS_RULES = [basisItalic];
