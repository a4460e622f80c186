// Derive from a form: a ministry campaign and one province of the project, into derived/, with the
// report of what was written, kept and left to fill in, and the override of hand-edited files.

import { api } from './api.ts';
import { el } from './dom.ts';
import type { DeriveChoices, DeriveResult } from '../project.ts';

/** Derive from a form: a ministry campaign and one province of the project, into derived/. */
export async function deriveForm(derived: () => void): Promise<HTMLElement> {
  const choices = await api<DeriveChoices>('/api/derive');
  const box = el('form', { class: 'new derive', 'aria-labelledby': 'derive-title' }, el('h2', { id: 'derive-title' }, 'Sinh Kế hoạch của tỉnh từ Kế hoạch của Bộ'));
  if (!choices.sources.length || !choices.profiles.length) {
    box.append(el('p', { class: 'hint' }, !choices.sources.length ? 'Dự án chưa có dữ liệu phong trào của Bộ (tệp chien-dich.yaml).' : 'Dự án chưa có hồ sơ tỉnh (thư mục profiles/, mỗi tỉnh một tệp .yaml).'));
    return box;
  }
  const from = el('select', { id: 'derive-from' });
  for (const c of choices.sources) from.append(el('option', { value: c.path }, `${c.path} (năm ${c.year})`));
  const province = el('select', { id: 'derive-profile' });
  // Only the profiles valid in the campaign's year: the other set of units would be refused anyway.
  const fill = () => {
    const year = choices.sources.find((c) => c.path === from.value)?.year ?? 0;
    const groups = new Map<string, HTMLOptGroupElement>();
    province.replaceChildren();
    for (const p of choices.profiles) {
      if (p.from > `${year}-12-31` || (p.to && p.to < `${year}-01-01`)) continue;
      let g = groups.get(p.set);
      if (!g) groups.set(p.set, (g = el('optgroup', { label: p.set })));
      g.append(el('option', { value: p.path }, p.name));
      province.append(g);
    }
  };
  // The campaign data is edited like a document (its YAML, with completion), from here.
  const edit = el('a', { id: 'derive-edit-source', class: 'full' }, 'Sửa dữ liệu phong trào này');
  const link = () => edit.setAttribute('href', `#/sua/${encodeURIComponent(from.value)}`);
  fill();
  link();
  from.addEventListener('change', () => {
    fill();
    link();
  });
  const result = el('div', { id: 'derive-result', role: 'status', 'aria-live': 'polite' });
  const run = async (force: boolean, expected: Record<string, string | null> | null) => {
    result.replaceChildren(el('p', {}, 'Đang sinh…'));
    try {
      const r = await api<DeriveResult>('/api/derive', { method: 'POST', body: { from: from.value, profile: province.value, force, expected } });
      derived();
      showDerived(result, r, () => void run(true, Object.fromEntries(r.files.filter((f) => f.action === 'kept').map((f) => [f.name, f.version]))));
    } catch (err) {
      const again = el('button', { type: 'button', id: 'derive-again' }, 'Sinh lại để xem bản trên đĩa');
      again.addEventListener('click', () => void run(false, null));
      result.replaceChildren(el('p', { class: 'bad', role: 'alert' }, (err as Error).message), again);
      again.focus();
    }
  };
  box.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(false, null);
  });
  box.append(
    el('label', { for: 'derive-from' }, 'Kế hoạch của Bộ (dữ liệu phong trào)'), from, edit,
    el('label', { for: 'derive-profile' }, 'Tỉnh, thành phố'), province,
    el('p', { class: 'hint full' }, `Dữ liệu sinh ra ghi vào ${choices.out}/<tỉnh>/<phong trào>/; tệp đã sửa tay sau lần sinh trước được giữ nguyên.`),
    el('button', { type: 'submit', id: 'derive-run' }, 'Sinh Kế hoạch'), result);
  return box;
}

function showDerived(host: HTMLElement, r: DeriveResult, force: () => void): void {
  const parts: (Node | string)[] = [];
  if (r.errors.length) parts.push(el('div', { class: 'bad', role: 'alert' }, ...r.errors.map((e) => el('p', {}, e))));
  if (r.dir) {
    parts.push(el('h3', {}, `Đã sinh vào ${r.dir}/`));
    parts.push(el('ul', { class: 'files' }, ...r.files.map((f) => el('li', { class: f.action === 'kept' ? 'sev-warning' : '' }, `${f.name}: ${f.text}`)), el('li', {}, `${r.report.split('/').pop()}: báo cáo thay đổi`)));
    if (r.warnings.length) parts.push(el('p', {}, 'Cảnh báo:'), el('ul', { class: 'sev-warning' }, ...r.warnings.map((w) => el('li', {}, w))));
    parts.push(el('p', {}, r.placeholders.length ? `Còn ${r.placeholders.length} chỗ cần điền:` : 'Không còn chỗ nào cần điền.'));
    if (r.placeholders.length) parts.push(el('ul', {}, ...r.placeholders.map((p) => el('li', {}, `${p.file}:${p.line}: ${p.text}`))));
    const open = el('a', { href: `#/sua/${encodeURIComponent(r.plan)}`, class: 'button', id: 'derive-open' }, 'Mở Kế hoạch đã sinh trong trình soạn thảo');
    const report = el('details', {}, el('summary', {}, `Báo cáo thay đổi (${r.report})`));
    report.addEventListener('toggle', () => {
      if (report.open && report.childElementCount === 1)
        void api<{ text: string }>(`/api/file?path=${encodeURIComponent(r.report)}`).then((f) => report.append(el('pre', { class: 'report' }, f.text)));
    });
    parts.push(el('p', {}, open), report);
    if (r.files.some((f) => f.action === 'kept')) {
      const b = el('button', { type: 'button', id: 'derive-force' }, 'Ghi đè các tệp đã sửa tay (như --force)');
      b.addEventListener('click', () => {
        if (confirm(`Ghi đè ${r.files.filter((f) => f.action === 'kept').map((f) => f.name).join(', ')}? Những chỗ đã sửa tay trong đó sẽ mất.`)) force();
      });
      parts.push(el('p', { class: 'sev-warning' }, 'Tệp đã sửa tay sau lần sinh trước nên chưa ghi đè. ', b));
    }
  }
  host.replaceChildren(...parts);
  document.getElementById('derive-open')?.focus();
}
