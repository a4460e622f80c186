// What `vanban check` reports, and the shape of a rule that produces it.

export type Severity = 'lỗi' | 'cảnh báo' | 'gợi ý';

/** Severities from the most to the least serious, for sorting and the summary line. */
export const SEVERITIES: readonly Severity[] = ['lỗi', 'cảnh báo', 'gợi ý'];

/** One finding: where (1-based line or paragraph, optional 1-based column), the text quoted, why, and the fix. */
export interface Finding {
  rule: string;
  severity: Severity;
  line: number;
  /** Column in the checked line (after Markdown markup is removed). */
  col?: number;
  excerpt: string;
  message: string;
  fix?: string;
  /** The corrected form of `excerpt` when it can be written out; `fixText` applies it for the safe rules only. */
  replacement?: { from: string; to: string };
}

/** The text as checked: lines (or paragraphs) in reading order, the file name for messages, and today's date. */
export interface TextDoc {
  lines: string[];
  file: string;
  today: Date;
}

export interface Rule {
  id: string;
  /** One-line reference to the decree article or the convention the rule comes from. */
  source: string;
  /** One line: what the rule checks, in Vietnamese. */
  title: string;
  /**
   * true: the rule reads the characters as typed (decomposed letters, a legacy encoding); every other rule reads the
   * lines in Unicode NFC, and its places and excerpts are taken back to the text as typed.
   */
  asTyped?: boolean;
  check(text: TextDoc): Finding[];
}

/** Builds a finding; `col` is computed from the match index when given. */
export function finding(
  rule: Pick<Rule, 'id'>,
  severity: Severity,
  line: number,
  excerpt: string,
  message: string,
  extra: { col?: number | undefined; fix?: string | undefined; replacement?: { from: string; to: string } | undefined } = {},
): Finding {
  const f: Finding = { rule: rule.id, severity, line, excerpt, message };
  if (extra.col !== undefined) f.col = extra.col;
  if (extra.fix !== undefined) f.fix = extra.fix;
  if (extra.replacement !== undefined) f.replacement = extra.replacement;
  return f;
}

/** Cuts a long excerpt around its start, with an ellipsis. */
export function clip(s: string, max = 90): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}
