// The shape of a layout rule of `vanban check` (the page and type formatting of a DOCX), and the small helpers
// every layout rule shares: units, Vietnamese number formatting, grouping of findings.
// A layout rule either checks (and returns its findings, none when the file complies), or says why it could not
// evaluate the file, or why it does not apply to it. "Could not evaluate" is never counted as passed.

import type { Finding, Severity } from '../finding.ts';
import type { Anatomy } from './anatomy.ts';

/** A finding of a layout rule; `where` replaces "đoạn N" when the finding is about the page setup or a header. */
export interface LayoutFinding extends Finding {
  where?: string;
}

export type LayoutOutcome =
  | { status: 'checked'; findings: LayoutFinding[]; /** what part of the rule could not be evaluated */ note?: string }
  | { status: 'not-evaluated'; reason: string }
  | { status: 'not-applicable'; reason: string };

export interface LayoutRule {
  id: string;
  /** One-line reference to the decree. */
  source: string;
  /** One line: what the rule checks, in Vietnamese. */
  title: string;
  check(doc: Anatomy): LayoutOutcome;
}

export const checked = (findings: LayoutFinding[], note?: string): LayoutOutcome =>
  note === undefined || note === '' ? { status: 'checked', findings } : { status: 'checked', findings, note };
export const notEvaluated = (reason: string): LayoutOutcome => ({ status: 'not-evaluated', reason });
export const notApplicable = (reason: string): LayoutOutcome => ({ status: 'not-applicable', reason });

/** Builds a layout finding. `line` is the paragraph number (1-based, non-empty paragraphs), 0 for the whole file. */
export function layoutFinding(
  rule: Pick<LayoutRule, 'id'>,
  severity: Severity,
  line: number,
  excerpt: string,
  message: string,
  fix: string,
  where?: string,
): LayoutFinding {
  const f: LayoutFinding = { rule: rule.id, severity, line, excerpt, message, fix };
  if (where !== undefined) f.where = where;
  return f;
}

// ---------------------------------------------------------------------------------------------------------------
// Units

export const TWIPS_PER_MM = 1440 / 25.4;
export const twipsToMm = (tw: number): number => tw / TWIPS_PER_MM;
export const twipsToPt = (tw: number): number => tw / 20;
export const halfPointsToPt = (hp: number): number => hp / 2;

/** "25 mm", "19,1 mm": one decimal at most, Vietnamese decimal comma. */
export function num(x: number, decimals = 1): string {
  const r = Math.round(x * 10 ** decimals) / 10 ** decimals;
  return String(r).replace('.', ',');
}
export const mm = (x: number): string => `${num(x)} mm`;
export const pt = (x: number): string => `${num(x)} pt`;
/** "12–13 pt", or "12 pt" for a single value. */
export const ptRange = (r: { min: number; max: number }): string => (r.min === r.max ? `${num(r.min)} pt` : `${num(r.min)}–${num(r.max)} pt`);
export const inRange = (x: number, r: { min: number; max: number }, tolerance = 0.01): boolean => x >= r.min - tolerance && x <= r.max + tolerance;

/** Distinct values in first-seen order. */
export function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}
