// The `vanban` command. Everything a user reads here is Vietnamese.

import { Command, CommanderError, Help } from 'commander';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { projectRoot } from './io/project-files.ts';
import { build } from './build.ts';
import { InputError } from './model/errors.ts';
import { OutputError, fsReason } from './io/fs-errors.ts';
import { LockTimeout } from './io/lock.ts';
import { jsonSchema } from './model/json-schema.ts';
import { runBench } from './bench.ts';
import { verifyCommand } from './archive/verify.ts';
import { deriveCommand } from './derive/command.ts';
import { checkCommand } from './check/command.ts';
import { archiveCommand } from './archive/store.ts';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
};

const ERRORS: [RegExp, string][] = [
  [/^error: unknown option '(.*?)'.*$/s, 'lỗi: không có tùy chọn "$1"'],
  [/^error: unknown command '(.*?)'.*$/s, 'lỗi: không có lệnh "$1"'],
  [/^error: missing required argument '(.*?)'.*$/s, 'lỗi: thiếu tham số "$1"'],
  [/^error: option '(.*?)' argument missing.*$/s, 'lỗi: tùy chọn "$1" cần một giá trị'],
  [/^error: too many arguments.*$/s, 'lỗi: thừa tham số'],
  [/^error: required option '(.*?)' not specified.*$/s, 'lỗi: thiếu tùy chọn bắt buộc "$1"'],
];

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
    console.error(`✗ ${e.message}`);
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
    .configureOutput({ outputError: (s, write) => write(translate(s)) });

  let exit = 0;
  const sub = (name: string) => {
    const c = cmd.command(name).helpOption('-h, --help', 'hiển thị trợ giúp').exitOverride();
    const usage: Record<string, string> = { schema: '[tùy_chọn]', verify: '[thư_mục]', archive: '<thư_mục_kết_quả> <kho_lưu_trữ>', serve: '[tùy_chọn] [thư_mục]', derive: '[tùy_chọn]', check: '[tùy_chọn] <tệp...>' };
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
    .action(async (paths: string[], opts: { out: string; force?: boolean; strict?: boolean; root?: string }) => {
      exit = await buildCommand(paths, opts.out, { force: !!opts.force, strict: !!opts.strict, root: opts.root });
    });

  sub('derive')
    .description('Sinh dữ liệu Kế hoạch của Sở Tư pháp (ke-hoach.yaml, chien-dich.yaml) từ phong trào của Bộ và hồ sơ tỉnh')
    .requiredOption('-f, --from <đường_dẫn>', 'dữ liệu phong trào của Bộ: thư mục (data/bo-tu-phap/thi-dua-2024), tệp chien-dich.yaml hoặc tệp Quyết định')
    // "tệp..." (ASCII letter before "...") is what makes commander take several values.
    .requiredOption('-p, --profile <tệp...>', 'hồ sơ tỉnh: tệp .yaml, thư mục, hoặc mẫu như "profiles/2023-2024/*.yaml"')
    .option('-o, --out <thư_mục>', 'thư mục gốc của dữ liệu sinh ra (mỗi tỉnh một thư mục con)', 'data/dia-phuong')
    .option('--force', 'ghi đè cả tệp đã sửa tay sau lần sinh trước')
    .option('--chi-tiet', 'in đầy đủ báo cáo thay đổi của từng tỉnh')
    .action(async (opts: { from: string; profile: string[]; out: string; force?: boolean; chiTiet?: boolean }) => {
      exit = await deriveCommand(opts);
    });

  sub('check')
    .description('Kiểm tra văn bản (.docx, .pdf, .md, .txt, .yaml) theo Nghị định 30/2020/NĐ-CP: thể thức, trình bày và chữ')
    .argument('<tệp...>', 'tệp, thư mục hoặc mẫu tên tệp (*, **, {a,b})')
    .option('--format <kiểu>', 'kiểu báo cáo: text (đọc) hoặc json (cho công cụ)', 'text')
    .option('--fix', 'ghi bản sửa <tên>.sua<đuôi> cạnh tệp gốc cho các lỗi sửa an toàn được (không sửa tệp gốc, tệp có chữ ký số, PDF)')
    .action(async (paths: string[], opts: { format: string; fix?: boolean }) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        console.error('lỗi: --format chỉ nhận "text" hoặc "json"');
        exit = EXIT.usage;
        return;
      }
      exit = await checkCommand(paths, { format: opts.format, fix: !!opts.fix });
    });

  sub('verify')
    .description('Kiểm tra các tệp trong thư mục kết quả còn đúng như bản kê (SHA-256) lúc dựng')
    .argument('[thư_mục]', 'thư mục kết quả', 'out')
    .action((dir: string) => {
      exit = verifyCommand(dir);
    });

  sub('archive')
    .description('Chép các PDF đã ban hành vào kho lưu trữ theo năm/cơ quan, kèm chỉ mục CSV')
    .argument('<thư_mục_kết_quả>', 'thư mục kết quả có manifest.json')
    .argument('<kho_lưu_trữ>', 'thư mục kho lưu trữ')
    .action((out: string, store: string) => {
      exit = archiveCommand(out, store);
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
    .description('In JSON Schema của tệp dữ liệu (để trình soạn thảo gợi ý và kiểm tra)')
    .action(() => {
      process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
    });

  sub('bench')
    .description('Đo tốc độ dựng bộ văn bản mẫu (mili giây mỗi văn bản, trang mỗi giây)')
    .argument('[đường_dẫn...]', 'tệp hoặc thư mục dữ liệu', ['data'])
    .option('-n, --lan <số>', 'số lần lặp', '5')
    .action(async (paths: string[], opts: { lan: string }) => {
      exit = await runBench(paths, Number(opts.lan));
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
  for (const [re, vi] of ERRORS) if (re.test(s)) return s.replace(re, vi) + '\n';
  return s;
}

async function buildCommand(paths: string[], out: string, flags: { force: boolean; strict: boolean; root?: string | undefined }): Promise<number> {
  const started = performance.now();
  const root = projectRoot(paths, process.cwd(), flags.root);
  if (flags.root && !isDirectory(root)) {
    console.error(`lỗi: thư mục dự án --root "${flags.root}" không tồn tại hoặc không phải thư mục`);
    return EXIT.usage;
  }
  const onWait = (pid: number | null) => console.error(`… đang chờ lần dựng khác${pid ? ` (PID ${pid})` : ''} ghi xong vào ${out}/`);
  const result = await build(paths.map((p) => resolve(p)), { outDir: resolve(out), root, force: flags.force, strict: flags.strict, onWait, keepBytes: false });
  for (const b of result.built) {
    console.log(`✓ ${b.source} → ${relative(process.cwd(), b.docx)}, ${b.stem}.pdf (${b.pages} trang)`);
    for (const n of b.notes) console.log(`  · ${n}`);
    if (b.doc.meta.placeholders.length) console.log(`  ! còn ${b.doc.meta.placeholders.length} chỗ cần điền: ${b.doc.meta.placeholders.join(', ')}`);
  }
  for (const n of result.notes) console.error(`! ${n}`);
  let internal = false;
  for (const f of result.failed) {
    if (f.error instanceof InputError) console.error(`✗ ${f.error.message}`);
    else {
      internal = true;
      if (debug()) console.error(f.error.stack);
      console.error(internalMessage(f.error, f.source));
    }
  }
  const ms = Math.round(performance.now() - started);
  const skipped = result.skipped.length ? `; bỏ qua ${result.skipped.length} văn bản không thay đổi (--force để dựng lại)` : '';
  const failed = result.failed.length ? `; ${result.failed.length} văn bản lỗi, không ghi tệp nào cho chúng` : '';
  console.log(`Đã dựng ${result.built.length} văn bản vào ${out}/ trong ${ms} ms${skipped}${failed}.`);
  return internal ? EXIT.internal : result.failed.length ? EXIT.input : EXIT.ok;
}

