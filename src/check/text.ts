// `vanban check` on text: every text-level rule over the lines of a document, and the safe fixes.

import { SEVERITIES, type Finding, type Rule, type TextDoc } from './finding.ts';
import { composed, type Composed } from './composed.ts';
import { plainLines } from './plain.ts';
import { citationDate, citationParty, citationSo, citationYear } from './rules/citations.ts';
import { canCuForm } from './rules/can-cu.ts';
import { capitalization } from './rules/capitalization.ts';
import { closing } from './rules/closing.ts';
import { kinhGui, vvForm } from './rules/cong-van.ts';
import { headingTitle } from './rules/heading-title.ts';
import { lawDates } from './rules/law-dates.ts';
import { dateLineFuture, dateLineYear, dateLineZero } from './rules/date-line.ts';
import { dateForm, dateZero } from './rules/date-zero.ts';
import { impossibleDate } from './rules/dates.ts';
import { dateLineForm, nationalHeader } from './rules/header-form.ts';
import { kyHieuAbbrev, soNumber } from './rules/ky-hieu.ts';
import { decisionColon, partsConflict } from './rules/parts.ts';
import { signatureForm } from './rules/signature.ts';
import { numberingLetter, numberingSequence, numberingStyle } from './rules/numbering.ts';
import { quotedTitle } from './rules/quoted-titles.ts';
import { recipientsArchive, recipientsDash, recipientsPunctuation } from './rules/recipients.ts';
import { rangeStyle, spacingNumber, spacingRange } from './rules/spacing.ts';
import { legacyEncoding, nfc, toneMixed } from './rules/tone-marks.ts';

/** Every text rule, in the order findings on one spot are listed and fixes are applied. */
export const RULES: readonly Rule[] = [
  legacyEncoding,
  nfc,
  toneMixed,
  nationalHeader,
  impossibleDate,
  dateLineZero,
  dateLineForm,
  dateZero,
  dateForm,
  dateLineFuture,
  dateLineYear,
  citationYear,
  citationParty,
  citationSo,
  citationDate,
  lawDates,
  soNumber,
  kyHieuAbbrev,
  spacingNumber,
  spacingRange,
  rangeStyle,
  quotedTitle,
  numberingSequence,
  numberingLetter,
  numberingStyle,
  headingTitle,
  vvForm,
  kinhGui,
  partsConflict,
  decisionColon,
  canCuForm,
  capitalization,
  recipientsDash,
  recipientsArchive,
  recipientsPunctuation,
  signatureForm,
  closing,
];

export const ruleById = (id: string): Rule | undefined => RULES.find((r) => r.id === id);

/** Rules whose fix cannot change the meaning, applied by `vanban check --fix`. */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set([
  'nfc',
  'tone-mixed',
  'date-line-zero',
  'recipients-dash',
  'recipients-luu',
  'recipients-punct',
  // added with the real corpus: each changes spacing, zeros, marks or letter case, never a word
  'date-zero',
  'date-line-form',
  'national-header',
  'spacing-number',
  'vv-form',
  'kinh-gui',
  'so-number',
  'quyet-dinh-colon',
  'signature-form',
]);

export interface CheckOptions {
  /** The day "today" is for the date rules; the clock when not given. */
  today?: Date;
  /** Only these rules (derive runs the few whose fixes it applies); every rule when not given. */
  rules?: readonly Rule[];
}

const order = (id: string) => RULES.findIndex((r) => r.id === id);

/** Sorts findings by line, column, then rule order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0) || order(a.rule) - order(b.rule) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** A finding made on a line read in NFC, placed and quoted in the line as typed. */
function asTyped(f: Finding, line: Composed): Finding {
  if (line.text === line.typed) return f;
  const at = f.col !== undefined && line.text.startsWith(f.excerpt, f.col - 1) ? f.col - 1 : line.text.indexOf(f.excerpt);
  const out: Finding = { ...f };
  if (f.col !== undefined) out.col = line.toTyped(f.col - 1) + 1;
  if (at >= 0 && f.excerpt !== '') out.excerpt = line.typed.slice(line.toTyped(at), line.toTyped(at + f.excerpt.length));
  return out;
}

/**
 * Runs every rule over lines already read (a DOCX or PDF reader passes its paragraphs here). The rules read the
 * lines in NFC, those that judge the characters themselves (`asTyped`) as typed.
 */
export function checkLines(lines: string[], file: string, opts: CheckOptions = {}): Finding[] {
  const today = opts.today ?? new Date();
  const typed: TextDoc = { lines, file, today };
  const read = lines.map(composed);
  const doc: TextDoc = read.some((l) => l.text !== l.typed) ? { lines: read.map((l) => l.text), file, today } : typed;
  return sortFindings((opts.rules ?? RULES).flatMap((r) => (r.asTyped || doc === typed ? r.check(typed) : r.check(doc).map((f) => asTyped(f, read[f.line - 1] ?? composed(''))))));
}

/** Runs every rule over the text of a .txt or .md file; line numbers are the file's. */
export function checkText(text: string, file: string, opts: CheckOptions = {}): Finding[] {
  return checkLines(plainLines(text), file, opts);
}

/**
 * Applies the safe fixes (NFC, tone style, leading zeros of the date line, Nơi nhận punctuation) to the original
 * text and says what changed, one entry per change. Other findings are left for a person to decide.
 */
export function fixText(text: string, findings: Finding[], rules: ReadonlySet<string> = SAFE_FIX_RULES): { text: string; changes: string[] } {
  const eol = /\r\n/u.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/u);
  const changes: string[] = [];
  const safe = sortFindings(findings).filter((f) => rules.has(f.rule) && lines[f.line - 1] !== undefined);
  // NFC first, whole lines: the other rules quote the text in NFC.
  for (const f of safe) {
    if (f.rule !== 'nfc') continue;
    const line = lines[f.line - 1]!;
    const fixed = line.normalize('NFC');
    if (fixed === line) continue;
    lines[f.line - 1] = fixed;
    changes.push(`dòng ${f.line} [nfc]: chuyển sang Unicode dựng sẵn (NFC)`);
  }
  for (const f of safe) {
    if (f.rule === 'nfc' || !f.replacement) continue;
    const i = f.line - 1;
    const line = lines[i]!;
    const { from, to } = f.replacement;
    const col = f.col !== undefined && line.startsWith(from, f.col - 1) ? f.col - 1 : line.indexOf(from);
    if (col < 0) {
      changes.push(`dòng ${f.line} [${f.rule}]: không sửa được, không tìm thấy "${from}"`);
      continue;
    }
    lines[i] = line.slice(0, col) + to + line.slice(col + from.length);
    changes.push(`dòng ${f.line} [${f.rule}]: "${from}" → "${to}"`);
  }
  return { text: lines.join(eol), changes };
}
