// The problems of the last preview (the reader's errors, `vanban check`'s findings) shown where they
// concern: beside the field in the form, at the line in the text editor, as markers on the pages, and
// listed with a way to go to each.

import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { el } from './dom.ts';
import { goToLine, showProblems, type LineProblem } from './editor.ts';
import { fieldId, errorId } from './form.ts';
import { locate, wordsOfLine, type Spot } from './locate.ts';
import { setMarks, type Mark } from './preview.ts';
import { selectTab } from './document-view.ts';
import { state, type Session } from './state.ts';
import { parse } from './yaml-edit.ts';
import type { Problem } from '../project.ts';

const SEVERITY: Record<Problem['severity'], LineProblem['severity']> = { lỗi: 'error', 'cảnh báo': 'warning', 'gợi ý': 'info' };

/** The field whose lines hold `line`, as a dotted path into maps and lists ("can_cu.1"); check findings are located by line only. */
function fieldAtLine(text: string, line: number): string {
  const doc = parse(text);
  const offset = text.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  const holds = (from: number | undefined, to: number | undefined) => from !== undefined && to !== undefined && offset >= text.lastIndexOf('\n', from - 1) + 1 && offset < to;
  const path: (string | number)[] = [];
  let node = doc.contents as YamlNode | null;
  descend: while (node) {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        if (holds(k?.range?.[0], v?.range?.[2] ?? k?.range?.[2])) {
          path.push(String((k as { value?: unknown })?.value ?? ''));
          node = v;
          continue descend;
        }
      }
    } else if (isSeq(node)) {
      for (const [i, item] of (node.items as (YamlNode | null)[]).entries()) {
        if (holds(item?.range?.[0], item?.range?.[2])) {
          path.push(i);
          node = item;
          continue descend;
        }
      }
    }
    break;
  }
  return path.join('.');
}

export function showProblemsEverywhere(): void {
  const s = state.session;
  if (!s) return;
  const list = document.getElementById('problems');
  for (const e of document.querySelectorAll('.err[id^="e-"]')) e.textContent = '';
  for (const e of document.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  const text = (p: Problem) => `${p.message}${p.fix ? `. Cách sửa: ${p.fix}` : ''}`;
  const ofYaml = s.problems.filter((p) => p.file === s.yaml.path);
  const ofBody = s.problems.filter((p) => s.body && p.file === s.body.path);
  // Beside the field: the reader's error names its field; a check finding is placed by its line.
  for (const p of ofYaml) {
    const field = p.field || fieldAtLine(s.yaml.text, p.line);
    if (!field) continue;
    let path = field.split('.');
    let box = document.getElementById(errorId(path));
    while (!box && path.length > 1) box = document.getElementById(errorId((path = path.slice(0, -1))));
    if (box) {
      box.append(el('div', { class: `sev-${SEVERITY[p.severity]}` }, `${p.severity}: ${text(p)}`));
      for (const id of [fieldId(path), `${fieldId(path)}.${field.split('.')[path.length] ?? ''}`]) {
        const input = document.getElementById(id);
        if (input && /^(INPUT|SELECT|TEXTAREA)$/.test(input.tagName)) input.setAttribute('aria-invalid', 'true');
      }
    }
  }
  // A finding that quotes words written as such at its column underlines those words; any other, the rest of its line.
  const toLine = (ps: Problem[], source: string): LineProblem[] => {
    const lines = source.split('\n');
    return ps.map((p) => ({ line: p.line, col: p.col, message: text(p), severity: SEVERITY[p.severity], ...(p.excerpt && lines[p.line - 1]?.startsWith(p.excerpt, p.col - 1) ? { length: p.excerpt.length } : {}) }));
  };
  if (s.yamlView) showProblems(s.yamlView, toLine(ofYaml, s.yaml.text));
  if (s.bodyView && s.body) showProblems(s.bodyView, toLine(ofBody, s.body.text));
  // On the pages: where the words of the field or line (narrowed to the quoted words) are printed.
  s.spots = new Map(s.problems.map((p) => [p, spotOf(s, p)]));
  const marks: Mark[] = [];
  for (const [p, spot] of s.spots) if (spot) marks.push({ spot, severity: SEVERITY[p.severity], label: `${p.severity}: ${text(p)} (${where(p)})`, go: () => goTo(p) });
  const preview = document.getElementById('preview');
  if (preview) {
    setMarks(preview, marks);
    preview.dataset.marks = String(marks.length);
  }
  if (list) {
    const errors = s.problems.filter((p) => p.severity === 'lỗi').length;
    list.replaceChildren(
      el('h2', {}, s.problems.length ? `Lỗi và góp ý (${errors} lỗi, ${s.problems.length - errors} góp ý)` : 'Không có lỗi nào'),
      el('ul', {}, ...s.problems.map((p) => {
        const spot = s.spots.get(p);
        const go = el('button', { type: 'button', class: 'go', 'aria-label': `Tới ${where(p)}` }, 'Tới chỗ sửa');
        go.addEventListener('click', () => goTo(p));
        return el('li', { class: `sev-${SEVERITY[p.severity]}` }, `${p.file}:${p.line}:${p.col} ${p.field ? `trường "${p.field}": ` : ''}${text(p)}`, spot ? el('span', { class: 'hint' }, ` (trang ${spot.page})`) : '', ' ', go);
      })),
    );
  }
}

const where = (p: Problem) => (p.field ? `trường ${p.field}` : `dòng ${p.line} của ${p.file.split('/').pop()}`);

/** Where problem `p` shows on the pages last drawn, or null (not printed, or not found). */
function spotOf(s: Session, p: Problem): Spot | null {
  if (!s.texts.length) return null;
  const file = p.file === s.yaml.path ? s.yaml : s.body && p.file === s.body.path ? s.body : null;
  if (!file || p.line < 1) return null;
  const kind = file === s.yaml ? 'yaml' : 'markdown';
  const lines = file.text.split('\n');
  const spot = locate(s.texts, wordsOfLine(lines, p.line, kind), p.excerpt ?? '');
  if (spot) return spot;
  // An error stops the preview, so the pages are the last good ones: the same line as it was then
  // (when no line was added or removed since) shows where the wrong value will go.
  const before = s.rendered[file.path]?.split('\n');
  return before && before.length === lines.length ? locate(s.texts, wordsOfLine(before, p.line, kind)) : null;
}

/** Takes the clerk to what problem `p` concerns: its field in the form, or its line in the editor. */
export function goTo(p: Problem): void {
  const s = state.session;
  if (!s) return;
  if (p.file === s.yaml.path) {
    const field = p.field || fieldAtLine(s.yaml.text, p.line);
    // The clerk stays in the way of writing in use: the form's field, or the YAML's line.
    if (field && s.tab !== 'yaml' && s.variant && !parse(s.yaml.text).errors.length) {
      if (s.tab !== 'form') selectTab('form');
      let path = field.split('.');
      let input = document.getElementById(fieldId(path));
      while ((!input || !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(input.tagName)) && path.length > 1) input = document.getElementById(fieldId((path = path.slice(0, -1))));
      // A group (nguoi_ky, co_quan): its first input.
      input ??= document.querySelector<HTMLElement>(`[data-path="${field.split('.')[0]}"] :is(input, select, textarea)`);
      if (input) {
        input.scrollIntoView({ block: 'center' });
        input.focus();
        return;
      }
    }
    selectTab('yaml');
    if (s.yamlView) goToLine(s.yamlView, p.line, p.col);
  } else if (s.body && p.file === s.body.path) {
    selectTab('body');
    if (s.bodyView) goToLine(s.bodyView, p.line, p.col);
  }
}
