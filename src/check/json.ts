// `vanban check --json`: the report with stable English keys and values (the messages stay Vietnamese).
// The older `--format json` keeps its Vietnamese keys (severity "lỗi", "cảnh báo", "gợi ý").

import type { Severity } from './finding.ts';
import type { FileReport } from './command.ts';

const SEVERITY: Record<Severity, 'error' | 'warning' | 'suggestion'> = { lỗi: 'error', 'cảnh báo': 'warning', 'gợi ý': 'suggestion' };

const counts = (severities: Severity[]) => ({
  errors: severities.filter((s) => s === 'lỗi').length,
  warnings: severities.filter((s) => s === 'cảnh báo').length,
  suggestions: severities.filter((s) => s === 'gợi ý').length,
});

export function englishReport(reports: FileReport[], unmatched: string[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    kind: r.kind,
    partOf: r.partOf ?? null,
    error: r.error ?? null,
    signed: r.signed ?? null,
    status: r.structure?.status ?? null,
    // a scan read by OCR: every finding one severity lower than its rule's
    ocr: r.ocr ?? null,
    summary: counts(r.findings.map((f) => f.severity)),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: SEVERITY[f.severity],
      line: f.line,
      column: f.col ?? null,
      where: f.where,
      excerpt: f.excerpt,
      message: f.message,
      fix: f.fix ?? null,
      source: f.source,
      kind: f.kind,
    })),
    samples: r.samples?.map((x) => ({ title: x.title, where: x.where, findings: x.findings.map((f) => ({ rule: f.rule, severity: SEVERITY[f.severity], line: f.line, where: f.where, excerpt: f.excerpt, message: f.message, fix: f.fix ?? null })) })) ?? null,
    layout: r.layout?.map((o) => ({ rule: o.rule, status: o.status, reason: o.reason ?? null, findings: o.findings })) ?? null,
    fixed: r.fix ? { written: r.fix.written ?? null, changes: r.fix.changes, refused: r.fix.refused ?? null } : null,
  }));
  const all = reports.flatMap((r) => r.findings.map((f) => f.severity));
  const notEvaluated = reports.reduce((n, r) => n + (r.layout?.filter((o) => o.status === 'not-evaluated').length ?? 0), 0);
  const summary = { files: reports.length, ...counts(all), notEvaluated, unreadable: reports.filter((r) => r.error).length };
  return JSON.stringify({ ok: summary.errors === 0 && summary.unreadable === 0 && unmatched.length === 0 && reports.length > 0, files, unmatched, summary }, null, 2) + '\n';
}
