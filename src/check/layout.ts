// `vanban check` on the layout of a DOCX: every layout rule over the file's anatomy. Each rule either checks (its
// findings, none when the file complies), or says why it could not evaluate the file, or why it does not apply.
// A rule that could not evaluate is reported as such and never counted as passed.

import { readDocx, type DocxDocument } from './docx-read.ts';
import { SEVERITIES } from './finding.ts';
import { buildAnatomy, type Anatomy } from './layout/anatomy.ts';
import { BASIS_RULES } from './layout/basis.ts';
import { BODY_RULES } from './layout/body.ts';
import { FONT_RULES } from './layout/fonts.ts';
import { ISSUER_RULES } from './layout/issuer.ts';
import { NATIONAL_RULES } from './layout/national.ts';
import { PAGE_NUMBER_RULES } from './layout/page-numbers.ts';
import { PAGE_RULES } from './layout/page.ts';
import { RECIPIENTS_RULES } from './layout/recipients.ts';
import type { LayoutFinding, LayoutOutcome, LayoutRule } from './layout/rule.ts';
import { TITLE_RULES } from './layout/title.ts';

export type { LayoutFinding, LayoutOutcome, LayoutRule } from './layout/rule.ts';

/** Every layout rule, in the order of the elements on the page. */
export const LAYOUT_RULES: readonly LayoutRule[] = [
  ...PAGE_RULES,
  ...FONT_RULES,
  ...NATIONAL_RULES,
  ...ISSUER_RULES,
  ...TITLE_RULES,
  ...BASIS_RULES,
  ...BODY_RULES,
  ...RECIPIENTS_RULES,
  ...PAGE_NUMBER_RULES,
];

export const layoutRuleById = (id: string): LayoutRule | undefined => LAYOUT_RULES.find((r) => r.id === id);

export interface RuleOutcome {
  rule: string;
  status: LayoutOutcome['status'];
  /** Why the rule could not be evaluated or does not apply; for a checked rule, what part of it could not be. */
  reason?: string;
  findings: number;
}

export interface LayoutResult {
  findings: LayoutFinding[];
  outcomes: RuleOutcome[];
  anatomy: Anatomy;
}

const order = (id: string): number => LAYOUT_RULES.findIndex((r) => r.id === id);

/** Findings about the whole file first (page setup, headers), then by paragraph, then in rule order. */
export function sortLayoutFindings(findings: LayoutFinding[]): LayoutFinding[] {
  return [...findings].sort((a, b) => a.line - b.line || order(a.rule) - order(b.rule) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** Runs every layout rule. A rule that throws on a malformed file is reported as not evaluated, with the error. */
export function checkLayout(doc: DocxDocument, rules: readonly LayoutRule[] = LAYOUT_RULES): LayoutResult {
  const anatomy = buildAnatomy(doc);
  const findings: LayoutFinding[] = [];
  const outcomes: RuleOutcome[] = [];
  for (const rule of rules) {
    let outcome: LayoutOutcome;
    try {
      outcome = rule.check(anatomy);
    } catch (error) {
      outcome = { status: 'not-evaluated', reason: `lỗi khi đọc tệp: ${(error as Error).message}` };
    }
    if (outcome.status === 'checked') {
      findings.push(...outcome.findings);
      outcomes.push({ rule: rule.id, status: 'checked', findings: outcome.findings.length, ...(outcome.note ? { reason: outcome.note } : {}) });
    } else {
      outcomes.push({ rule: rule.id, status: outcome.status, reason: outcome.reason, findings: 0 });
    }
  }
  return { findings: sortLayoutFindings(findings), outcomes, anatomy };
}

/** Reads a DOCX and checks its layout. */
export function checkDocxLayout(buf: Uint8Array): LayoutResult {
  return checkLayout(readDocx(buf));
}
