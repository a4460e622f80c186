// What the views of the page share: the schema, the document open (its session), and a count of
// navigations so that a view still loading when the clerk moves on never replaces the newer one.

import type { EditorView } from '@codemirror/view';
import { kinds, type SchemaNode } from '../kinds.ts';
import type { PageText, Spot } from './locate.ts';
import type { Problem } from '../project.ts';

export interface OpenFile {
  path: string;
  text: string;
  saved: string;
  version: string;
  ignored?: string | null; // a version on disk the clerk chose to keep editing over
}

export interface Session {
  yaml: OpenFile;
  body: OpenFile | null; // the Markdown named by noi_dung
  variant: SchemaNode | null;
  edits: number; // bumped on every change of either text
  shown: number; // the edit the preview shows
  inFlight: boolean;
  timer: number | undefined;
  problems: Problem[];
  texts: PageText[]; // the text of the pages shown, with positions
  rendered: Record<string, string>; // the files' text those pages were made from
  marksTimer: number | undefined;
  spots: Map<Problem, Spot | null>; // where each problem shows on them
  yamlView: EditorView | null;
  bodyView: EditorView | null;
  tab: 'form' | 'yaml' | 'body';
}

export const state = {
  schema: {} as SchemaNode,
  session: null as Session | null,
  navigation: 0,
  saving: false, // a save is under way: the disk's new version is ours
};

export const app = (): HTMLElement => document.getElementById('app')!;

/** A kind's name as the schema's "loai" describes it ("Loại văn bản: Công văn"). */
export const kindName = (loai: string): string => {
  const described = kinds(state.schema).find((k) => k.properties!.loai!.const === loai)?.properties!.loai!.description;
  return described?.replace(/^Loại văn bản: /, '') ?? loai;
};

export function dirty(): boolean {
  const s = state.session;
  return !!s && (s.yaml.text !== s.yaml.saved || (!!s.body && s.body.text !== s.body.saved));
}

export function markState(): void {
  const s = document.getElementById('state');
  if (s) s.textContent = dirty() ? 'Có thay đổi chưa lưu' : 'Đã lưu';
}
