// The library API: what `import … from 'vanban'` gives. Each function loads its module on first use,
// so importing vanban costs nothing until something is built or checked; the CLI calls these too.

import { resolve } from 'node:path';
import type { BuildOptions, BuildResult } from './build.ts';
import type { DeriveCommandOptions, DeriveOutcome } from './derive/command.ts';
import type { CheckCommandOptions, FileReport } from './check/command.ts';
import type { VerifyResult } from './archive/verify.ts';
import type { ArchiveResult } from './archive/store.ts';

export type { Document, Meta, Part, Block, Inline, Role, Header, Title, Closing, DocKind } from './model/ast.ts';
export type { DocumentInput, DecisionInput, PlanInput, CampaignInput, SignerInput } from './model/schema.ts';
export type { BuildOptions, BuildResult, BuiltDocument, BuildFailure } from './build.ts';
export type { DeriveCommandOptions as DeriveOptions, DeriveOutcome } from './derive/command.ts';
export type { FileReport, ReportedFinding } from './check/command.ts';
export type { VerifyResult, VerifyProblem } from './archive/verify.ts';
export type { ArchiveResult } from './archive/store.ts';
export type { Manifest, ManifestEntry } from './archive/manifest.ts';
export { InputError, InputErrors } from './model/errors.ts';
export type { Location } from './model/errors.ts';

/**
 * Builds the documents (YAML files with "loai") found under `paths` into DOCX and PDF in `opts.outDir`,
 * with out/manifest.json; an invalid document is reported in `failed` and gets nothing written.
 */
export async function build(paths: string[], opts: BuildOptions): Promise<BuildResult> {
  const { build } = await import('./build.ts');
  if (opts.root) return build(paths, opts);
  // The root the command would take, so a manifest written by either keeps the same entries.
  const { buildRoot } = await import('./archive/manifest.ts');
  const outDir = resolve(opts.outDir);
  return build(paths.map((p) => resolve(p)), { ...opts, outDir, root: buildRoot(paths, outDir) });
}

/** Derives one local plan's data per province profile from a ministry campaign (and writes it). */
export async function derive(opts: DeriveCommandOptions): Promise<DeriveOutcome> {
  return (await import('./derive/command.ts')).deriveAll(opts);
}

/** Checks files (.docx, .pdf, .md, .txt, .yaml), folders or glob patterns; one report per file. */
export async function check(patterns: string[], opts: { fix?: boolean; today?: Date; cwd?: string } = {}): Promise<{ reports: FileReport[]; unmatched: string[] }> {
  const { checkFiles, expandPatterns } = await import('./check/command.ts');
  const cwd = resolve(opts.cwd ?? process.cwd());
  const { files, unmatched } = expandPatterns(patterns, cwd);
  const options: CheckCommandOptions = { format: 'json', fix: !!opts.fix, ...(opts.today ? { today: opts.today } : {}) };
  return { reports: await checkFiles(files, options, cwd), unmatched };
}

/** Compares the files in an output folder with its manifest's SHA-256; null without a manifest. */
export async function verify(outDir: string): Promise<VerifyResult | null> {
  return (await import('./archive/verify.ts')).verifyOutputs(outDir);
}

/** Files each issued PDF of an output folder into an archive (year/issuer) with its CSV index; null without a manifest. */
export async function archive(outDir: string, archiveDir: string): Promise<ArchiveResult | null> {
  return (await import('./archive/store.ts')).archiveOutputs(outDir, archiveDir);
}

/** The JSON Schema of the data files (documents and campaign data). */
export async function jsonSchema(): Promise<object> {
  return (await import('./model/json-schema.ts')).jsonSchema();
}
