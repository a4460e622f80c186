// The căn cứ of a decision or a plan: one legal ground per line, each ending with ";" (the last with "."), as in
// the samples of Phụ lục III. A second "Căn cứ" run on after the ";" of the first is a căn cứ out of its line.

import { finding, type Finding, type Rule, type TextDoc } from '../finding.ts';

export const canCuForm: Rule = {
  id: 'can-cu-form',
  title: 'hai căn cứ trên một dòng',
  source: 'NĐ 30/2020, Phụ lục I, mục II.6.a và các Mẫu 1.1–1.3 của Phụ lục III: mỗi căn cứ một dòng, kết thúc bằng dấu ";"',
  check(doc: TextDoc): Finding[] {
    const out: Finding[] = [];
    // A whole block of căn cứ on one line is a copy that lost its line breaks, not a căn cứ out of its line:
    // the rule speaks when the other căn cứ of the text stand each on their own line.
    const own = doc.lines.filter((l) => /^Căn cứ(?![\p{L}\p{M}])/u.test(l) && !/;\s+Căn cứ(?![\p{L}\p{M}])/u.test(l)).length;
    if (own === 0) return [];
    doc.lines.forEach((line, i) => {
      if (!/^Căn cứ(?![\p{L}\p{M}])/u.test(line)) return;
      const m = /;\s+(Căn cứ)(?![\p{L}\p{M}])/u.exec(line);
      if (!m) return;
      const at = m.index + m[0].indexOf('Căn cứ');
      out.push(finding(canCuForm, 'cảnh báo', i + 1, line.slice(at, at + 40), 'mỗi căn cứ trình bày thành một dòng riêng', { col: at + 1, fix: 'xuống dòng trước "Căn cứ …"' }));
    });
    return out;
  },
};
