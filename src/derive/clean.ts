// What `vanban derive` writes inherits the ministry's text, defects included ("02/NQ- CP", "80- KL/TW", a Party
// directive written "35/CT-TW"). Before the data files are written, the fixes of `vanban check` that cannot change
// the meaning are applied (spacing inside a số, ký hiệu; the separators of a Party number; tone style; Unicode
// form; the zeros of a date), each listed for the change report. A legal document cited without its year cannot
// be fixed from the text: its year becomes a "[cần điền: …]" placeholder, with a warning.

import { yamlLines } from '../check/readers.ts';
import { checkLines, fixText, RULES } from '../check/text.ts';

/** The check's rules whose fix derive applies to the data it writes. */
export const DERIVE_FIXES: ReadonlySet<string> = new Set(['nfc', 'tone-mixed', 'spacing-number', 'citation-party', 'date-zero']);

/** Only the rules derive acts on are run: the others' findings would be dropped (and capitalization alone costs more than the rest). */
const RUN = RULES.filter((r) => DERIVE_FIXES.has(r.id) || r.id === 'citation-year');

export interface Cleaned {
  text: string;
  /** One entry per change: "chien-dich.yaml dòng 18 [spacing-number]: "02/NQ- CP" → "02/NQ-CP"". */
  changes: string[];
  /** What a person has to complete: the year of a citation, now a placeholder. */
  warnings: string[];
}

export function cleanDerived(name: string, text: string): Cleaned {
  const findings = checkLines(yamlLines(text).lines, name, { rules: RUN });
  const fixed = fixText(text, findings, DERIVE_FIXES);
  const changes = fixed.changes.map((c) => `\`${name}\` ${c}`);
  const warnings: string[] = [];
  // a number without its year: "98/NĐ-CP" → "98/[cần điền: năm ban hành]/NĐ-CP"
  const after = checkLines(yamlLines(fixed.text).lines, name, { rules: RUN }).filter((f) => f.rule === 'citation-year');
  const lines = fixed.text.split('\n');
  for (const f of after) {
    const line = lines[f.line - 1];
    const number = /(\d{1,5})\/([\p{L}\d-]+)/u.exec(f.excerpt);
    if (line === undefined || !number) continue;
    const hole = `${number[1]}/[cần điền: năm ban hành]/${number[2]}`;
    lines[f.line - 1] = line.replace(number[0], hole);
    changes.push(`\`${name}\` dòng ${f.line} [citation-year]: "${number[0]}" → "${hole}"`);
    warnings.push(`\`${name}\` dòng ${f.line}: "${f.excerpt}" dẫn văn bản quy phạm pháp luật không có năm ban hành; điền năm theo văn bản gốc`);
  }
  return { text: lines.join('\n'), changes, warnings };
}
