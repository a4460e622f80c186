// The `vanban` command. Everything a user reads here is Vietnamese.

// Each command's modules are imported when it runs (through the library API in index.ts where there
// is one), so `vanban --help` loads only commander and this file.

import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from './index.ts';
import { InputError, eachError, marked } from './model/errors.ts';
import { OutputError, fsReason } from './io/fs-errors.ts';
import { LockTimeout } from './io/lock.ts';
import { progress, wantsProgress } from './cli/progress.ts';
import type { BuildFailure } from './build.ts';
import { COMMAND_BUILD } from './build-command.ts';
import { buildRoot } from './archive/manifest.ts';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
};

// Commander's messages, line by line; its "(Did you mean …?)" line is kept, in Vietnamese.
const ERRORS: [RegExp, string][] = [
  [/^error: unknown option '(.*?)'.*$/, 'lỗi: không có tùy chọn "$1"'],
  [/^error: unknown command '(.*?)'.*$/, 'lỗi: không có lệnh "$1"'],
  [/^error: missing required argument '(.*?)'.*$/, 'lỗi: thiếu tham số "$1"'],
  [/^error: option '(.*?)' argument missing.*$/, 'lỗi: tùy chọn "$1" cần một giá trị'],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/, 'lỗi: tùy chọn "$1" không nhận giá trị "$2": $3'],
  [/^error: too many arguments.*$/, 'lỗi: thừa tham số'],
  [/^error: required option '(.*?)' not specified.*$/, 'lỗi: thiếu tùy chọn bắt buộc "$1"'],
  [/^\(Did you mean (?:one of )?(.*?)\?\)$/, '(có phải ý bạn là $1?)'],
];

/** Printed under `vanban --help`; the README says the same. */
const EXIT_HELP = `
Mã thoát:
  0  thành công
  1  lỗi dữ liệu (tệp đầu vào sai, văn bản có lỗi, không có tệp nào khớp, kết quả không khớp bản kê)
  2  lỗi cách dùng hoặc môi trường (tùy chọn sai, không ghi được thư mục kết quả)
  3  lỗi bên trong vanban; riêng "vanban check": có tệp không chứa văn bản để kiểm tra`;

/** A whole number ≥ 1 for a numeric option; anything else is a usage error, never NaN. */
function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('cần một số nguyên dương, ví dụ 5');
  return Number(value);
}

/** `--quiet`: nothing on stdout for the command's run (like grep -q); errors still go to stderr. */
async function quietly<T>(quiet: boolean | undefined, run: () => Promise<T>): Promise<T> {
  if (!quiet) return run();
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

const JSON_HELP = 'in kết quả dạng JSON ra stdout (khóa tiếng Anh cố định, xem README)';
const QUIET_HELP = 'không in kết quả ra stdout, chỉ in lỗi (dùng mã thoát)';

/** One input error as JSON: where, which field, what, how to fix. */
export const errorJson = (f: { source: string; error: Error }) => ({
  source: f.source,
  errors:
    f.error instanceof InputError
      ? eachError(f.error).map((e) => ({ file: e.loc.file, line: e.loc.line, column: e.loc.col, field: e.field || null, message: e.problem, fix: e.fix ?? null }))
      : [{ file: f.source, line: null, column: null, field: null, message: f.error.message, fix: null }],
});

class VietnameseHelp extends Help {
  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[tùy_chọn]');
  }
  override optionDescription(option: Parameters<Help['optionDescription']>[0]): string {
    return super.optionDescription(option).replace('(default: ', '(mặc định: ');
  }
  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return super.argumentDescription(argument).replace('(default: ', '(mặc định: ');
  }
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** Runs one command; every failure becomes a Vietnamese message and an exit code, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    return reportFailure(error);
  }
}

const debug = () => process.env.VANBAN_DEBUG === '1';

/** The one place an unexpected failure is worded; returns its exit code. */
export function reportFailure(error: unknown): number {
  const e = error instanceof Error ? error : new Error(String(error));
  if (debug()) console.error(e.stack);
  if (e instanceof InputError) {
    console.error(marked(e.message));
    return EXIT.input;
  }
  if (e instanceof OutputError || e instanceof LockTimeout) {
    console.error(`✗ ${e instanceof LockTimeout ? `thư mục kết quả đang được một lần dựng khác (PID ${e.pid ?? '?'}) ghi quá lâu; không ghi gì. Chờ lần dựng đó xong rồi chạy lại` : e.message}`);
    return EXIT.usage;
  }
  const reason = fsReason(e);
  if (reason) {
    const path = (e as NodeJS.ErrnoException).path;
    console.error(`✗ ${path ? `${path}: ` : ''}${reason}`);
    return EXIT.usage;
  }
  console.error(internalMessage(e));
  return EXIT.internal;
}

/** An error of vanban itself: say so, and ask for a report. */
export function internalMessage(e: Error, source?: string): string {
  const what = /Maximum call stack size exceeded/.test(e.message) ? 'dữ liệu lồng nhau quá sâu' : e.message.replace(/\s+/g, ' ').slice(0, 200);
  return `✗ ${source ? `${source}: ` : ''}lỗi bên trong vanban (${what}). Đây không phải lỗi của bạn: xin báo lỗi kèm lệnh đã chạy và tệp dữ liệu; chạy lại với VANBAN_DEBUG=1 để xem chi tiết`;
}

const isDirectory = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Output piped into a command that stops reading (`| head`) ends vanban quietly. */
export function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
}

async function run(argv: string[]): Promise<number> {
  const cmd = new Command('vanban');
  cmd.createHelp = () => Object.assign(new VietnameseHelp(), cmd.configureHelp());
  cmd
    .usage('[tùy_chọn] [lệnh]')
    .description('Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ dữ liệu YAML và Markdown, xuất DOCX và PDF.')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .version('0.1.0', '-V, --version', 'in số phiên bản')
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_HELP)
    .configureOutput({ outputError: (s, write) => write(translate(s)) });

  let exit = 0;
  const sub = (name: string) => {
    const c = cmd.command(name).helpOption('-h, --help', 'hiển thị trợ giúp').exitOverride().showSuggestionAfterError(true);
    const usage: Record<string, string> = { schema: '[tùy_chọn] [loai_tep]', verify: '[thư_mục]', archive: '[tùy_chọn] <thư_mục_kết_quả> <kho_lưu_trữ>', new: '<loai> [thư_mục]', derive: '[tùy_chọn]', check: '[tùy_chọn] <tệp...>' };
    c.usage(usage[name] ?? '[tùy_chọn] [đường_dẫn...]');
    c.createHelp = () => new VietnameseHelp();
    return c;
  };

  sub('build')
    .description('Dựng các văn bản (tệp .yaml có trường "loai") trong các tệp hoặc thư mục đã cho thành DOCX và PDF')
    .argument('[đường_dẫn...]', 'tệp hoặc thư mục dữ liệu', ['data'])
    .option('-o, --out <thư_mục>', 'thư mục kết quả', 'out')
    .option('-f, --force', 'dựng lại cả những văn bản không thay đổi')
    .option('--strict', 'coi chỗ "[cần điền: …]" chưa điền là lỗi')
    .option('--root <thư_mục>', 'thư mục dự án: dữ liệu chỉ được đọc các tệp trong thư mục này (mặc định: thư mục hiện tại, hoặc thư mục chứa dữ liệu)')
    .option('--json', JSON_HELP)
    .option('-q, --quiet', QUIET_HELP)
    .action(async (paths: string[], opts: { out: string; force?: boolean; strict?: boolean; root?: string; json?: boolean; quiet?: boolean }) => {
      exit = await quietly(opts.quiet, () => buildCommand(paths, opts.out, { force: !!opts.force, strict: !!opts.strict, root: opts.root, json: !!opts.json, quiet: !!opts.quiet }));
    });

  sub('new')
    .description('Viết tệp khởi đầu (YAML có chú thích, kèm nội dung Markdown) cho một loại văn bản, các chỗ phải điền ghi "[cần điền: …]"')
    .argument('<loai>', 'loại văn bản, như quyet-dinh, ke-hoach (gõ sai thì vanban in đủ danh sách)')
    .argument('[thư_mục]', 'thư mục ghi tệp (không ghi đè tệp đã có)', '.')
    .action(async (loai: string, dir: string) => {
      const { newCommand } = await import('./new/command.ts');
      exit = newCommand(loai, dir);
    });

  sub('derive')
    .description('Sinh dữ liệu Kế hoạch của Sở Tư pháp (ke-hoach.yaml, chien-dich.yaml) từ phong trào của Bộ và hồ sơ tỉnh')
    // No short flag: "-f" is --force in build, one meaning per short flag across commands.
    .requiredOption('--from <đường_dẫn>', 'dữ liệu phong trào của Bộ: thư mục (data/bo-tu-phap/thi-dua-2024), tệp chien-dich.yaml hoặc tệp Quyết định')
    // "tệp..." (ASCII letter before "...") is what makes commander take several values.
    .requiredOption('-p, --profile <tệp...>', 'hồ sơ tỉnh: tệp .yaml, thư mục, hoặc mẫu như "profiles/2023-2024/*.yaml"')
    .option('-o, --out <thư_mục>', 'thư mục gốc của dữ liệu sinh ra (mỗi tỉnh một thư mục con; ngoài data/ để "npm run build-docs" chỉ dựng văn bản mẫu)', 'derived')
    .option('--force', 'ghi đè cả tệp đã sửa tay sau lần sinh trước')
    .option('--chi-tiet', 'in đầy đủ báo cáo thay đổi của từng tỉnh')
    .option('--json', JSON_HELP)
    .option('-q, --quiet', QUIET_HELP)
    .action(async (opts: { from: string; profile: string[]; out: string; force?: boolean; chiTiet?: boolean; json?: boolean; quiet?: boolean }) => {
      const { json, quiet, ...derive } = opts;
      if (json) exit = await deriveJson(derive);
      else exit = await quietly(quiet, async () => (await import('./derive/command.ts')).deriveCommand({ ...derive, quiet }));
    });

  sub('check')
    .description('Kiểm tra văn bản (.docx, .pdf, .md, .txt, .yaml) theo Nghị định 30/2020/NĐ-CP: thể thức, trình bày và chữ')
    .argument('<tệp...>', 'tệp, thư mục hoặc mẫu tên tệp (*, **, {a,b}); "-" đọc từ stdin')
    .option('--json', JSON_HELP)
    .option('--format <kiểu>', 'cũ, giữ cho công cụ đã dùng: text, hoặc json với khóa tiếng Việt (dùng --json)', 'text')
    .option('--fix', 'ghi bản sửa <tên>.sua<đuôi> cạnh tệp gốc cho các lỗi sửa an toàn được (không sửa tệp gốc, tệp có chữ ký số, PDF)')
    .option('--no-ocr', 'không nhận dạng chữ (OCR) PDF bản quét, kể cả khi đã cài Tesseract')
    .option('-q, --quiet', QUIET_HELP)
    .action(async (paths: string[], opts: { format: string; fix?: boolean; json?: boolean; quiet?: boolean; ocr: boolean }) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        console.error('lỗi: --format chỉ nhận "text" hoặc "json"');
        exit = EXIT.usage;
        return;
      }
      if (opts.fix && paths.includes('-')) {
        console.error('lỗi: --fix ghi bản sửa cạnh tệp gốc, không dùng được với "-" (stdin)');
        exit = EXIT.usage;
        return;
      }
      const { checkCommand } = await import('./check/command.ts');
      exit = await quietly(opts.quiet, () => checkCommand(paths, { format: opts.json ? 'json' : (opts.format as 'text' | 'json'), english: !!opts.json, fix: !!opts.fix, ocr: opts.ocr }));
    });

  sub('verify')
    .description('Kiểm tra các tệp trong thư mục kết quả còn đúng như bản kê (SHA-256) lúc dựng')
    .argument('[thư_mục]', 'thư mục kết quả', 'out')
    .option('--json', JSON_HELP)
    .option('-q, --quiet', QUIET_HELP)
    .action(async (dir: string, opts: { json?: boolean; quiet?: boolean }) => {
      const { verifyCommand } = await import('./archive/verify.ts');
      exit = await quietly(opts.quiet, async () => verifyCommand(dir, !!opts.json));
    });

  sub('archive')
    .description('Chép các PDF đã ban hành (có số và ngày) vào kho lưu trữ theo năm/cơ quan ban hành, kèm chỉ mục CSV')
    .argument('<thư_mục_kết_quả>', 'thư mục kết quả có manifest.json')
    .argument('<kho_lưu_trữ>', 'thư mục kho lưu trữ')
    .option('--ca-du-thao', 'lưu cả dự thảo chưa có số hoặc ngày')
    .option('--json', JSON_HELP)
    .option('-q, --quiet', QUIET_HELP)
    .action(async (out: string, store: string, opts: { caDuThao?: boolean; json?: boolean; quiet?: boolean }) => {
      const { archiveCommand } = await import('./archive/store.ts');
      exit = await quietly(opts.quiet, async () => archiveCommand(out, store, { drafts: !!opts.caDuThao, json: !!opts.json }));
    });

  sub('serve')
    .description('Mở trình soạn thảo trong trình duyệt: biểu mẫu, YAML và bản PDF cập nhật khi gõ')
    .argument('[thư_mục]', 'thư mục dự án', '.')
    .option('--port <số>', 'cổng (0: cổng trống bất kỳ)', '0')
    .option('--host <địa_chỉ>', 'địa chỉ nghe; chỉ máy này khi là 127.0.0.1', '127.0.0.1')
    .action(async (dir: string, opts: { port: string; host: string }) => {
      // Loaded only here: the server and its bundler cost the other commands nothing.
      const { serveCommand } = await import('./serve/command.ts');
      exit = await serveCommand(dir, opts);
    });

  sub('schema')
    .description('In JSON Schema của tệp dữ liệu (để trình soạn thảo gợi ý và kiểm tra): văn bản (mặc định), chien-dich hoặc ho-so-tinh')
    .argument('[loai_tep]', 'vanban, chien-dich hoặc ho-so-tinh', 'vanban')
    .option('--ghi <thư_mục>', 'ghi cả ba tệp <loai_tep>.schema.json vào thư mục')
    .option('--json', 'như mặc định: kết quả đã là JSON')
    .action(async (name: string, opts: { ghi?: string }) => {
      const { schemaCommand } = await import('./model/schema-command.ts');
      exit = schemaCommand(name, opts.ghi);
    });

  sub('bench')
    .description('Đo tốc độ dựng bộ văn bản mẫu (mili giây mỗi văn bản, trang mỗi giây)')
    .argument('[đường_dẫn...]', 'tệp hoặc thư mục dữ liệu', ['data'])
    .option('-n, --lan <số>', 'số lần lặp', positiveInteger, 5)
    .option('--check', 'thoát với mã 1 khi có chỉ số không đạt mục tiêu (cho CI)')
    .option('--json', JSON_HELP)
    .action(async (paths: string[], opts: { lan: number; check?: boolean; json?: boolean }) => {
      const { runBench } = await import('./bench.ts');
      exit = await runBench(paths, opts.lan, { check: !!opts.check, json: !!opts.json });
    });

  try {
    await cmd.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return exit;
}

function translate(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      for (const [re, vi] of ERRORS) if (re.test(line)) return line.replace(re, vi);
      return line;
    })
    .join('\n');
}

/** `derive --json`: what was derived, skipped and refused. */
async function deriveJson(opts: import('./derive/command.ts').DeriveCommandOptions): Promise<number> {
  const { deriveAll } = await import('./derive/command.ts');
  const outcome = await deriveAll(opts);
  const failed = outcome.failed.map((f) => errorJson({ source: f.file, error: f.error }));
  const derived = outcome.reports.map((r) => ({ folder: r.dir, files: r.files.map((f) => ({ name: f.name, action: f.action })), placeholders: r.placeholders.length }));
  process.stdout.write(JSON.stringify({ ok: failed.length === 0 && derived.length > 0, year: outcome.year, derived, skipped: outcome.skipped.map((s) => ({ file: s.file, reason: s.reason })), failed }, null, 2) + '\n');
  return failed.length || !derived.length ? EXIT.input : EXIT.ok;
}

async function buildCommand(paths: string[], out: string, flags: { force: boolean; strict: boolean; root?: string | undefined; json: boolean; quiet: boolean }): Promise<number> {
  const started = performance.now();
  const root = buildRoot(paths, out, flags.root);
  if (flags.root && !isDirectory(root)) {
    console.error(`lỗi: thư mục dự án --root "${flags.root}" không tồn tại hoặc không phải thư mục`);
    return EXIT.usage;
  }
  const onWait = (pid: number | null) => console.error(`… đang chờ lần dựng khác${pid ? ` (PID ${pid})` : ''} ghi xong vào ${out}/`);
  // Each document's line as it finishes, under a live progress line when stderr is a terminal.
  const live = progress(!flags.json && wantsProgress(process.stderr, flags.quiet));
  let pages = 0;
  const onProgress = (done: number, total: number, r: import('./build.ts').BuiltDocument | BuildFailure) => {
    if (!('error' in r)) {
      pages += r.pages;
      if (!flags.json) {
        live.print(`✓ ${r.source} → ${relative(process.cwd(), r.docx)}, ${r.stem}.pdf (${r.pages} trang)`);
        for (const n of r.notes) live.print(`  · ${n}`);
        if (r.doc.meta.placeholders.length) live.print(`  ! còn ${r.doc.meta.placeholders.length} chỗ cần điền: ${r.doc.meta.placeholders.join(', ')}`);
      }
    }
    live.update(done, total, pages);
  };
  let result;
  try {
    result = await build(paths.map((p) => resolve(p)), { ...COMMAND_BUILD, outDir: resolve(out), root, force: flags.force, strict: flags.strict, onWait, onProgress });
  } finally {
    live.end();
  }
  for (const n of result.notes) console.error(`! ${n}`);
  let internal = false;
  for (const f of result.failed) {
    if (f.error instanceof InputError) console.error(marked(f.error.message));
    else {
      internal = true;
      if (debug()) console.error(f.error.stack);
      console.error(internalMessage(f.error, f.source));
    }
  }
  const ms = Math.round(performance.now() - started);
  const code = internal ? EXIT.internal : result.failed.length ? EXIT.input : EXIT.ok;
  if (flags.json) {
    const built = result.built.map((b) => ({ source: b.source, docx: relative(process.cwd(), b.docx), pdf: relative(process.cwd(), b.pdf), pages: b.pages, placeholders: b.doc.meta.placeholders, notes: b.notes }));
    const report = { ok: code === EXIT.ok, outDir: out, built, skipped: result.skipped.map((s) => ({ source: s.source })), failed: result.failed.map(errorJson), notes: result.notes, ms };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return code;
  }
  const skipped = result.skipped.length ? `; bỏ qua ${result.skipped.length} văn bản không thay đổi (--force để dựng lại)` : '';
  const failed = result.failed.length ? `; ${result.failed.length} văn bản lỗi, không ghi tệp nào cho chúng` : '';
  console.log(`Đã dựng ${result.built.length} văn bản vào ${out}/ trong ${ms} ms${skipped}${failed}.`);
  return code;
}
