// Parts of a campaign's plan computed from its data: the phases (đợt thi đua) and milestones of the time
// part, and the task table (Phân công nhiệm vụ), set as a table or as lines under each task as the
// document chooses. Every date is checked against the campaign's own period first.

import type { CampaignInput } from '../model/schema.ts';
import { fail, type YamlFile } from '../read/yaml.ts';
import { parseIsoDate, shortDate } from '../text/date.ts';

const d = (iso: string): string => shortDate(parseIsoDate(iso)!);

/**
 * Phases in order, each inside the campaign's tu–den and ending after it starts; milestones in order,
 * inside tu–uoc_tinh_den (a summing-up may fall after the competition ends); task deadlines likewise.
 * An error names the offending date's line.
 */
export function checkCampaignDates(c: CampaignInput, yaml: YamlFile): void {
  const { tu, den, uoc_tinh_den, dot = [], moc = [] } = c.thoi_gian;
  const last = uoc_tinh_den ?? den;
  const range = `thời gian phong trào (thoi_gian.tu ${tu} – thoi_gian.den ${den})`;
  dot.forEach((p, i) => {
    const at = ['thoi_gian', 'dot', i] as const;
    if (p.den < p.tu) fail(yaml, [...at, 'den'], `đợt "${p.ten}" kết thúc ngày ${p.den}, trước ngày bắt đầu ${p.tu}`, 'sửa "tu" hoặc "den" của đợt');
    if (p.tu < tu) fail(yaml, [...at, 'tu'], `đợt "${p.ten}" bắt đầu ngày ${p.tu}, trước ${range}`, `đặt ngày bắt đầu từ ${tu} trở đi`);
    if (p.den > den) fail(yaml, [...at, 'den'], `đợt "${p.ten}" kết thúc ngày ${p.den}, sau ${range}`, `đặt ngày kết thúc muộn nhất ${den}`);
    const prev = dot[i - 1];
    if (prev && p.tu <= prev.den) fail(yaml, [...at, 'tu'], `đợt "${p.ten}" bắt đầu ngày ${p.tu}, khi đợt "${prev.ten}" chưa kết thúc (${prev.den})`, 'các đợt nối tiếp nhau, không chồng lên nhau; liệt kê theo thứ tự thời gian');
  });
  moc.forEach((m, i) => {
    const at = ['thoi_gian', 'moc', i, 'ngay'] as const;
    if (m.ngay < tu || m.ngay > last) fail(yaml, at, `mốc "${m.noi_dung}" ngày ${m.ngay} nằm ngoài thời gian phong trào (${tu} – ${last})`, 'sửa ngày của mốc, hoặc "thoi_gian" của phong trào');
    const prev = moc[i - 1];
    if (prev && m.ngay < prev.ngay) fail(yaml, at, `mốc "${m.noi_dung}" ngày ${m.ngay} trước mốc liền trên (${prev.ngay})`, 'liệt kê các mốc theo thứ tự thời gian');
  });
  (c.phan_cong ?? []).forEach((t, i) => {
    if (t.han && (t.han < tu || t.han > last)) fail(yaml, ['phan_cong', i, 'han'], `hạn ${t.han} nằm ngoài thời gian phong trào (${tu} – ${last})`, 'sửa hạn của nhiệm vụ');
    if (t.han && t.thoi_gian) fail(yaml, ['phan_cong', i, 'thoi_gian'], 'nhiệm vụ có cả "han" và "thoi_gian"', 'giữ một trong hai: "han" (một ngày) hoặc "thoi_gian" (ghi như sẽ in)');
  });
}

/** "Đợt 1 (từ ngày 01/01/2024 đến ngày 30/6/2024): …", one sentence per phase. */
export function phaseLines(c: CampaignInput): string[] {
  return (c.thoi_gian.dot ?? []).map((p) => `${p.ten} (từ ngày ${d(p.tu)} đến ngày ${d(p.den)})${p.noi_dung ? `: ${p.noi_dung}` : '.'}`);
}

/** "Ngày 15/6/2024: Sơ kết …", one per milestone. */
export function milestoneLines(c: CampaignInput): string[] {
  return (c.thoi_gian.moc ?? []).map((m) => `Ngày ${d(m.ngay)}: ${m.noi_dung}`);
}

/** The phases and milestones as Markdown for the time part ("" when there are none). */
export function timeDetails(c: CampaignInput): string {
  const list = (lead: string, lines: string[]) => (lines.length ? [`${lead}\n\n${lines.map((l) => `- ${l}`).join('\n')}`] : []);
  return [...list('Phong trào thi đua được tổ chức thành các đợt:', phaseLines(c)), ...list('Các mốc thời gian:', milestoneLines(c))].join('\n\n');
}

export const TASK_COLUMNS = ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'] as const;

type Task = NonNullable<CampaignInput['phan_cong']>[number];
const when = (t: Task): string => (t.han ? `Trước ngày ${d(t.han)}` : (t.thoi_gian ?? ''));
// A cell is one Markdown table cell: a "|" typed in the data is kept as text.
const cell = (s: string): string => s.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|');

/** The task table as Markdown: a header row, one row per task, STT and time centred. */
export function taskTable(tasks: readonly Task[]): string {
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    row([...TASK_COLUMNS]),
    '| :-: | --- | --- | --- | :-: | --- |',
    ...tasks.map((t, i) => row([String(i + 1), t.noi_dung, t.chu_tri, t.phoi_hop ?? '', when(t), t.san_pham ?? ''])),
  ].join('\n');
}

/** The same tasks as numbered points, each with its "- Cơ quan chủ trì: …" lines (as the sector's plans write them). */
export function taskLines(tasks: readonly Task[]): Array<{ noi_dung: string; dong: string[] }> {
  return tasks.map((t) => {
    const lines = [
      `${TASK_COLUMNS[2]}: ${t.chu_tri}`,
      ...(t.phoi_hop ? [`${TASK_COLUMNS[3]}: ${t.phoi_hop}`] : []),
      ...(when(t) ? [`${TASK_COLUMNS[4]}: ${when(t)}`] : []),
      ...(t.san_pham ? [`${TASK_COLUMNS[5]}: ${t.san_pham}`] : []),
    ];
    return { noi_dung: t.noi_dung, dong: lines.map((l, i) => `${l}${i === lines.length - 1 ? '.' : ';'}`) };
  });
}
