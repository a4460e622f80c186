// The text editor (CodeMirror 6) for the YAML and the Markdown body: line numbers, undo, search,
// the problems of the last preview as inline diagnostics, and completion of the schema's field names.

import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from '@codemirror/language';
import { yaml } from '@codemirror/lang-yaml';
import { markdown } from '@codemirror/lang-markdown';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import type { SchemaNode } from './form.ts';
import { nodeAt, placeAt, schemaAt, valuesOf } from './yaml-path.ts';

export interface LineProblem {
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  length?: number; // the quoted words' length; the rest of the line when absent
}

/** The values a field allows, in the schema's order (the decree's: TM, KT, Q, TL, TUQ), not the alphabet's. */
const choices = (values: unknown[]) => values.map((v, i) => ({ label: String(v), type: 'enum', boost: values.length - i }));

/**
 * Completion from the schema where the cursor is: the field names of the object it is in (top level,
 * inside nguoi_ky, inside an item of a list such as phu_luc or thoi_gian.dot), and the values a field
 * or a list item allows when they can be listed (loai, tham_quyen).
 */
function schemaCompletion(schema: SchemaNode | null) {
  return (ctx: CompletionContext) => {
    if (!schema) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const lines = ctx.state.doc.toString().split('\n');
    const value = /^(\s*(?:-[ \t]+)*)([A-Za-z_]\w*):[ \t]+([\p{L}\p{N}_-]*)$/u.exec(before);
    if (value) {
      if (!ctx.explicit && !value[3]) return null;
      const place = placeAt(lines, line.number - 1, value[1]!.length);
      const values = place ? valuesOf(schemaAt(schema, [...place.path, value[2]!])) : [];
      return values.length ? { from: ctx.pos - value[3]!.length, options: choices(values) } : null;
    }
    const m = /^(\s*(?:-[ \t]+)*)([a-z_]*)$/u.exec(before);
    if (!m || (!ctx.explicit && !m[2])) return null;
    const col = m[1]!.length;
    const place = placeAt(lines, line.number - 1, col);
    if (!place) return null;
    // An item of a list of choices ("- KT" under tham_quyen): the choices.
    const values = /-[ \t]+$/u.test(m[1]!) ? valuesOf(schemaAt(schema, place.path)) : [];
    if (values.length) return { from: line.from + col, options: choices(values) };
    const node = nodeAt(schema, place.path);
    if (!node?.properties) return null;
    return {
      from: line.from + col,
      options: Object.entries(node.properties)
        .filter(([key]) => !place.taken.has(key))
        .map(([key, p], i, all) => ({ label: key, apply: `${key}: `, detail: p.description ?? '', type: 'property', boost: all.length - i })),
    };
  };
}

export function createEditor(parent: HTMLElement, text: string, lang: 'yaml' | 'markdown', label: string, schema: SchemaNode | null, onChange: (text: string) => void): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle),
    lintGutter(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    lang === 'yaml' ? yaml() : markdown(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onChange(u.state.doc.toString());
    }),
  ];
  if (lang === 'yaml') extensions.push(autocompletion({ override: [schemaCompletion(schema)] }));
  return new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
}

/** Replaces the editor's text (when the form changed it) without an undo step per keystroke of the form. */
export function setText(view: EditorView, text: string): void {
  const old = view.state.doc.toString();
  if (old === text) return;
  let from = 0;
  while (from < old.length && from < text.length && old[from] === text[from]) from++;
  let end = 0;
  while (end < old.length - from && end < text.length - from && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  view.dispatch({ changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) } });
}

export function showProblems(view: EditorView, problems: LineProblem[]): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = problems
    .filter((p) => p.line >= 1 && p.line <= doc.lines)
    .map((p) => {
      const line = doc.line(p.line);
      const from = Math.min(line.from + Math.max(0, p.col - 1), line.to);
      return { from, to: p.length ? Math.min(line.to, from + p.length) : Math.max(from, line.to), severity: p.severity, message: p.message };
    });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Puts the cursor at `line`:`col`, scrolled into view, and the focus in the editor. */
export function goToLine(view: EditorView, line: number, col = 1): void {
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  const at = Math.min(l.from + Math.max(0, col - 1), l.to);
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  view.focus();
}
