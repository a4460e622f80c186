// The findings of `vanban check` for the document being previewed, placed where the editor shows them:
// the data file's and the Markdown body's, each at its line and at the column of the words it quotes.

import { resolve } from 'node:path';
import { checkPath, type ReportedFinding } from '../check/command.ts';
import { checkText } from '../check/text.ts';
import { readRegularFile } from '../io/project-files.ts';
import type { Problem } from './project.ts';

const slash = (p: string) => p.replaceAll('\\', '/');

/**
 * The column of `f` in the source line as typed. `check` counts columns in the words it read (a YAML
 * value without its key, a Markdown line without its marks), so the quoted words are looked up in the
 * line itself; the reported column stands when they are not there as typed.
 */
function sourceCol(lines: string[], f: { line: number; col?: number; excerpt: string }): number {
  const raw = lines[f.line - 1] ?? '';
  const at = f.excerpt ? raw.indexOf(f.excerpt) : -1;
  return at >= 0 ? at + 1 : (f.col ?? 1);
}

/** Every finding of `check` on the data file at `path` and on its Markdown body, as problems of the preview. */
export async function checkProblems(path: string, root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const report of await checkPath(path, { format: 'json', fix: false }, root)) {
    const abs = resolve(root, report.file);
    let lines: string[];
    try {
      lines = readRegularFile(abs).toString('utf8').split(/\r\n|\r|\n/u);
    } catch {
      lines = [];
    }
    let findings: Pick<ReportedFinding, 'rule' | 'severity' | 'line' | 'col' | 'excerpt' | 'message' | 'fix'>[] = report.findings;
    // A body read through its data file is part of a document, not one of its own: `check` finds no
    // Quốc hiệu or Nơi nhận in it and passes over it. Its words are checked here as the text they are.
    if (report.partOf !== undefined && report.structure && report.structure.status !== 'document' && !report.error)
      findings = checkText(lines.join('\n'), report.file);
    for (const f of findings)
      problems.push({ file: slash(report.file), line: f.line, col: sourceCol(lines, f), field: '', message: f.message, ...(f.fix ? { fix: f.fix } : {}), severity: f.severity as Problem['severity'], rule: f.rule, ...(f.excerpt ? { excerpt: f.excerpt } : {}) });
  }
  return problems;
}
