// The report of `vanban check`: readable Vietnamese, one block per finding and a summary line; or JSON.

import { SEVERITIES, type Finding, type Severity } from './finding.ts';
import { ruleById, sortFindings } from './text.ts';

export interface ReportOptions {
  /** "dòng" for text files (the default), "đoạn" for DOCX and PDF paragraphs. */
  unit?: 'dòng' | 'đoạn';
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = { lỗi: 0, 'cảnh báo': 0, 'gợi ý': 0 } as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "2 lỗi, 1 cảnh báo, 0 gợi ý". */
export function summaryLine(findings: Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
}

/**
 * One block per finding:
 *   dòng 26 [lỗi] citation-year: "Nghị định 98/NĐ-CP" — <what the rule says>
 *     Sửa: <the fix>
 *     Nguồn: <the decree or convention>
 * then the summary line.
 */
export function formatReport(file: string, findings: Finding[], opts: ReportOptions = {}): string {
  const unit = opts.unit ?? 'dòng';
  const out: string[] = [`${file}:`];
  if (findings.length === 0) out.push('không phát hiện vấn đề nào');
  for (const f of sortFindings(findings)) {
    out.push(`${unit} ${f.line} [${f.severity}] ${f.rule}: "${f.excerpt}" — ${f.message}`);
    if (f.fix) out.push(`  Sửa: ${f.fix}`);
    const source = ruleById(f.rule)?.source;
    if (source) out.push(`  Nguồn: ${source}`);
  }
  out.push(summaryLine(findings));
  return out.join('\n') + '\n';
}

/** The same findings as JSON, for editors and CI. */
export function formatJson(file: string, findings: Finding[]): string {
  const sorted = sortFindings(findings);
  return (
    JSON.stringify(
      {
        file,
        summary: countBySeverity(sorted),
        findings: sorted.map((f) => ({ ...f, source: ruleById(f.rule)?.source ?? null })),
      },
      null,
      2,
    ) + '\n'
  );
}
