// The change report of one derived plan: which sections of the ministry's plan were kept,
// renumbered, localized or rewritten, how the deadlines moved, what was left alone on disk, and
// which placeholders remain to fill. As Markdown (written beside the data) and as terminal tables.

import { parseIsoDate, shortDate } from '../text/date.ts';
import type { FileResult } from './manifest.ts';

export type SectionStatus = 'kept' | 'localized' | 'rewritten' | 'dropped';

export const STATUS_TEXT: Record<SectionStatus, string> = {
  kept: 'giữ nguyên',
  localized: 'địa phương hóa',
  rewritten: 'viết lại',
  dropped: 'bỏ',
};

export interface SectionChange {
  where: string; // "I.1", "III.4", "IV", "mở đầu"
  title: string;
  status: SectionStatus;
  renumbered?: string; // "1.1. → a)"
  details: string[];
}

export interface DeadlineChange {
  task: string; // the local task, shortened
  ministry: string; // ISO
  nominal: string; // ISO, ministry − lead days
  local: string; // ISO, after the weekend and holiday rule
  moved: boolean;
  because?: string | null; // why it moved: "cuối tuần" or a holiday ("Tết Nguyên đán")
}

export interface PlaceholderAt {
  file: string; // file name in the folder
  line: number;
  text: string; // "[cần điền: họ tên Giám đốc Sở]"
}

export interface ChangeReport {
  province: string; // "tỉnh Ninh Thuận"
  slug: string;
  profile: string; // profile file, as shown
  from: string; // ministry campaign data, as shown
  decision: string; // "Quyết định số 244/QĐ-BTP ngày 29/02/2024 của Bộ trưởng Bộ Tư pháp"
  dir: string; // output folder, as shown
  sections: SectionChange[];
  deadlines: DeadlineChange[];
  warnings: string[];
  /** The safe fixes of `vanban check` applied to the ministry's text, one entry each. */
  fixes?: string[];
  files: FileResult[];
  placeholders: PlaceholderAt[];
}

export const ACTION_TEXT: Record<FileResult['action'], string> = {
  new: 'ghi mới',
  updated: 'ghi lại (chưa sửa tay từ lần sinh trước)',
  unchanged: 'không đổi',
  kept: 'GIỮ NGUYÊN: đã sửa tay sau lần sinh trước (dùng --force để ghi đè)',
  forced: 'ghi đè bản đã sửa tay (--force)',
};

const vnDate = (iso: string): string => shortDate(parseIsoDate(iso)!);

const statusCell = (s: SectionChange): string => [STATUS_TEXT[s.status], s.renumbered ? `đánh số lại ${s.renumbered}` : ''].filter(Boolean).join('; ');

/** The report as Markdown, written beside the derived data (bao-cao-thay-doi.md). */
export function reportMarkdown(r: ChangeReport): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `# Kế hoạch của Sở Tư pháp ${r.province}: thay đổi so với Kế hoạch của Bộ`,
    '',
    `- Thực hiện: ${r.decision}`,
    `- Dữ liệu của Bộ: \`${r.from}\``,
    `- Hồ sơ tỉnh: \`${r.profile}\``,
    `- Thư mục: \`${r.dir}\``,
    '',
    'Tệp này được viết lại mỗi lần chạy `vanban derive`; sửa dữ liệu trong `ke-hoach.yaml` và `chien-dich.yaml`.',
    '',
    '## Các phần',
    '',
    '| mục | tiêu đề | thay đổi | chi tiết |',
    '|---|---|---|---|',
    ...r.sections.map((s) => `| ${s.where} | ${esc(s.title)} | ${statusCell(s)} | ${esc(s.details.join('; '))} |`),
    '',
    '## Hạn',
    '',
  ];
  if (r.deadlines.length) {
    lines.push('| việc | hạn của Bộ | lùi theo hồ sơ | hạn của Sở |', '|---|---|---|---|');
    for (const d of r.deadlines) lines.push(`| ${esc(d.task)} | ${vnDate(d.ministry)} | ${vnDate(d.nominal)} | ${vnDate(d.local)}${d.moved ? ` (lùi về ngày làm việc trước đó${d.because ? `: ${vnDate(d.nominal)} là ${d.because === 'cuối tuần' ? 'ngày nghỉ cuối tuần' : `ngày nghỉ ${d.because}`}` : ''})` : ''} |`);
  } else lines.push('Kế hoạch của Bộ không giao Sở Tư pháp việc nào có hạn.');
  lines.push('', '## Chỗ cần điền', '');
  if (r.placeholders.length) for (const p of r.placeholders) lines.push(`- \`${p.file}\` dòng ${p.line}: ${p.text}`);
  else lines.push('Không còn chỗ "[cần điền: …]" nào.');
  lines.push('', 'Số và ngày ban hành để trống (dự thảo): Văn thư cấp số, điền ngày khi ký.');
  if (r.fixes?.length) lines.push('', '## Đã sửa theo `vanban check`', '', 'Lỗi thể thức của văn bản của Bộ, sửa khi sinh dữ liệu (không đổi câu chữ):', '', ...r.fixes.map((f) => `- ${f}`));
  if (r.warnings.length) lines.push('', '## Cần xem lại', '', ...r.warnings.map((w) => `- ${w}`));
  lines.push('', '## Tệp', '', ...r.files.map((f) => `- \`${f.name}\`: ${ACTION_TEXT[f.action]}`), '');
  return lines.join('\n');
}

/** A plain-text table with columns padded to their widest cell. */
export function table(head: string[], rows: string[][]): string {
  const width = (s: string) => [...s.normalize('NFC')].length;
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(w[i]! - width(c))).join('  ').trimEnd();
  return [line(head), w.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** The full report of one province, for the terminal. */
export function reportTable(r: ChangeReport): string {
  const out = [
    `Sở Tư pháp ${r.province} (${r.profile}) → ${r.dir}`,
    table(
      ['mục', 'tiêu đề', 'thay đổi', 'chi tiết'],
      r.sections.map((s) => [s.where, cut(s.title, 48), statusCell(s), cut(s.details.join('; '), 70)]),
    ),
  ];
  for (const d of r.deadlines) out.push(`hạn: ${vnDate(d.ministry)} (Bộ) → ${vnDate(d.local)} (Sở)${d.moved ? `, lùi từ ${vnDate(d.nominal)} vì rơi vào ${d.because && d.because !== 'cuối tuần' ? `ngày nghỉ ${d.because}` : 'cuối tuần'}` : ''}: ${cut(d.task, 60)}`);
  for (const p of r.placeholders) out.push(`cần điền: ${p.file}:${p.line} ${p.text}`);
  for (const w of r.warnings) out.push(`xem lại: ${w}`);
  for (const f of r.files) out.push(`tệp: ${f.name}: ${ACTION_TEXT[f.action]}`);
  return out.join('\n');
}

/** One line per province, for a batch. */
export function summaryTable(reports: ChangeReport[]): string {
  const count = (r: ChangeReport, s: SectionStatus) => r.sections.filter((x) => x.status === s).length;
  return table(
    ['tỉnh, thành phố', 'thư mục', 'giữ', 'đ.p.hóa', 'viết lại', 'hạn của Sở', 'cần điền', 'tệp giữ nguyên'],
    reports.map((r) => [
      r.province,
      r.dir,
      String(count(r, 'kept')),
      String(count(r, 'localized')),
      String(count(r, 'rewritten')),
      r.deadlines.map((d) => vnDate(d.local)).join(', ') || '—',
      String(r.placeholders.length),
      r.files.filter((f) => f.action === 'kept').map((f) => f.name).join(', ') || '—',
    ]),
  );
}
