// `vanban derive --from <ministry campaign> --profile <profile|folder|glob>… [--out data/…] [--force]`:
// one local plan's data per province profile, a change report beside each, and a summary.
// A bad profile gets a located Vietnamese error and nothing written; the others go ahead.

import { lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError, marked } from '../model/errors.ts';
import { CAMPAIGN_FILE, DEFAULT_OUT, PLAN_FILE, derivePlan, type DerivedPlan } from './derive.ts';
import { atomicWrite } from '../io/atomic-write.ts';
import { progress, wantsProgress } from '../cli/progress.ts';
import { writeDerived } from './manifest.ts';
import { findPlaceholders } from '../read/placeholders.ts';
import { expandProfileArgs, loadProfile, outOfValidity, validInYear } from './profile.ts';
import { reportMarkdown, reportTable, summaryTable, type ChangeReport, type PlaceholderAt } from './report.ts';
import { loadMinistry } from './source.ts';

export const REPORT_FILE = 'bao-cao-thay-doi.md';

export interface DeriveCommandOptions {
  from: string; // ministry campaign: folder, chien-dich.yaml, its plan or its decision
  profile: string[]; // profile files, folders or globs
  out?: string; // default derived/ (DEFAULT_OUT)
  force?: boolean; // overwrite files edited since they were derived
  chiTiet?: boolean; // print every province's full report, not just the summary
  root?: string; // project root, default the current folder
  quiet?: boolean; // no live progress line
  onProgress?: (done: number, total: number) => void; // after each profile derived (or refused)
}

export interface DeriveOutcome {
  year: number; // the campaign's year
  reports: ChangeReport[];
  failed: { file: string; error: Error }[];
  skipped: { file: string; reason: string }[];
}

/** Derives and writes; throws only when the ministry's data itself cannot be read. */
export function deriveAll(opts: DeriveCommandOptions): DeriveOutcome {
  const root = opts.root ?? process.cwd();
  const src = loadMinistry(opts.from, root);
  const outcome: DeriveOutcome = { year: src.campaign.nam, reports: [], failed: [], skipped: [] };
  const plans: DerivedPlan[] = [];
  const dirs = new Map<string, string>();

  const args = expandProfileArgs(opts.profile, root);
  for (const [i, arg] of args.entries()) {
    if (i > 0) opts.onProgress?.(i, args.length);
    const shown = relative(root, arg.path) || arg.path;
    try {
      const profile = loadProfile(arg.path, root);
      if (!validInYear(profile.data, src.campaign.nam)) {
        // A folder or pattern covers several sets of units over time: take only the ones of that year.
        if (arg.matched) {
          outcome.skipped.push({ file: shown, reason: `hồ sơ có hiệu lực ${profile.data.hieu_luc.tu} – ${profile.data.hieu_luc.den ?? 'nay'}, không thuộc năm ${src.campaign.nam}` });
          continue;
        }
        throw outOfValidity(profile, src.campaign.nam);
      }
      const plan = derivePlan(src, profile, { root, ...(opts.out ? { out: opts.out } : {}) });
      const clash = dirs.get(plan.dir);
      if (clash)
        throw new InputError(profile.yaml.locate([]), '', `cùng thư mục kết quả ${relative(root, plan.dir)} với hồ sơ ${clash}`, 'chỉ dùng hồ sơ của một bộ đơn vị hành chính mỗi lần (profiles/2023-2024 hoặc profiles/2025), hoặc đổi --out');
      dirs.set(plan.dir, profile.file);
      plans.push(plan);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      outcome.failed.push({ file: shown, error });
    }
  }

  if (args.length) opts.onProgress?.(args.length, args.length);
  const outRoot = resolve(root, opts.out ?? DEFAULT_OUT);
  for (const plan of plans) {
    // Each folder between --out and the plan's folder must be a real folder, not a symlink out of --out.
    const link = linkBetween(outRoot, plan.dir);
    if (link) {
      outcome.failed.push({ file: plan.profile.file, error: new InputError(plan.profile.yaml.locate([]), '', `thư mục kết quả ${relative(root, link) || link} là liên kết tượng trưng, không ghi qua nó`, 'xóa liên kết, hoặc chọn --out khác') });
      continue;
    }
    const files = writeDerived(plan.dir, plan.files, { from: src.campaignFile, profile: plan.profile.file }, opts.force ?? false);
    const report: ChangeReport = { ...plan.report, files, placeholders: placeholdersIn(plan.dir) };
    atomicWrite(join(plan.dir, REPORT_FILE), reportMarkdown(report));
    outcome.reports.push(report);
  }
  return outcome;
}

/** The first symlink among the folders below `top` on the way to `dir`, or null. */
function linkBetween(top: string, dir: string): string | null {
  let path = top;
  for (const part of relative(top, dir).split(sep).filter(Boolean)) {
    path = join(path, part);
    try {
      if (lstatSync(path).isSymbolicLink()) return path;
    } catch {
      return null; // does not exist yet: mkdir creates real folders from here on
    }
  }
  return null;
}

/** Placeholders still in the data files as they are on disk (the clerk may have filled some). */
export function placeholdersIn(dir: string): PlaceholderAt[] {
  return findPlaceholders([join(dir, PLAN_FILE), join(dir, CAMPAIGN_FILE)], dir).map((p) => ({ file: p.loc.file, line: p.loc.line, text: p.text }));
}

/** The command: prints errors, the summary (or every report) and which files were left alone. */
export async function deriveCommand(opts: DeriveCommandOptions): Promise<number> {
  const started = performance.now();
  let outcome: DeriveOutcome;
  const bar = progress(wantsProgress(process.stderr, opts.quiet ?? false));
  try {
    outcome = deriveAll({ ...opts, onProgress: (done, total) => bar.update(done, total) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(marked(error.message));
    return 1;
  } finally {
    bar.end();
  }
  const { reports, failed, skipped } = outcome;
  for (const f of failed) console.error(marked(f.error.message));
  for (const s of skipped) console.log(`· bỏ qua ${s.file}: ${s.reason}`);
  if (reports.length) {
    console.log(opts.chiTiet ? reports.map(reportTable).join('\n\n') : summaryTable(reports));
    if (!opts.chiTiet) console.log(`Báo cáo thay đổi của từng tỉnh: <thư mục>/${REPORT_FILE} (in ra đây với --chi-tiet).`);
  }
  for (const r of reports)
    for (const f of r.files.filter((x) => x.action === 'kept'))
      console.log(`! giữ nguyên ${join(r.dir, f.name)}: đã sửa tay sau lần sinh trước (ghi đè: --force)`);
  const ms = Math.round(performance.now() - started);
  const out = opts.out ?? DEFAULT_OUT;
  const left = reports.reduce((n, r) => n + r.placeholders.length, 0);
  console.log(
    `Đã sinh dữ liệu ${reports.length} Kế hoạch vào ${out}/ trong ${ms} ms` +
      (left ? `; còn ${left} chỗ cần điền` : '') +
      (failed.length ? `; ${failed.length} hồ sơ lỗi, không ghi tệp nào cho chúng` : '') +
      '.',
  );
  if (reports.length) console.log(`Dựng văn bản: npx vanban build ${out}`);
  if (!reports.length && !failed.length) {
    console.error(`✗ không có hồ sơ tỉnh nào dùng được cho phong trào năm ${outcome.year}`);
    return 1;
  }
  return failed.length ? 1 : 0;
}

