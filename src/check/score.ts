// Precision and recall of `vanban check` on the real corpus (test/fixtures/real): every file is checked as the
// command checks it, and each finding is matched against the labels made by reading the documents (labels.yaml).
// A finding is true when its rule and place ("dòng 7", "đoạn 12", "trang 1, dòng 5") are labelled; several
// findings of one rule on one place count once. Findings of every severity count.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkPath, type FileReport } from './command.ts';
import { kindOf } from './readers.ts';

export interface Label {
  rule: string;
  at: string;
  note?: string;
  /** 'check': found true by reading only after the first run of the check; left out of the strict score. */
  seen?: string;
}

export interface LabelledFile {
  kind: string;
  /** false: not a document (the check must say so and find nothing). */
  document?: boolean;
  /** true: several sample forms in one file (the check must say so). */
  samples?: boolean;
  /** true: labelled after the rules were tuned on the others, and first checked only then (its first measurement is in PROVENANCE.md). */
  heldout?: boolean;
  /**
   * A held-out file whose set the rules were later tuned on (its first measurement stays in PROVENANCE.md): it no
   * longer counts as held out, and its set is printed as tuned.
   */
  tuned?: boolean;
  /** The set the file was gathered in ("4-tune", "4-heldout"): each set is measured apart. */
  set?: string;
  /** true: a text layer that lost characters; what the damage made is not a defect of the document. */
  damaged?: boolean;
  defects: Label[];
}

export interface CorpusScore {
  files: number;
  labelled: number;
  truePositives: number;
  falsePositives: { file: string; rule: string; at: string; excerpt: string }[];
  misses: { file: string; rule: string; at: string; note?: string }[];
  precision: number;
  recall: number;
  /** The same figures against the labels made before the check was first run (no `seen: check`). */
  strict: { precision: number; recall: number };
  /** The figures on the held-out files alone (held out and never tuned on). */
  heldout: { files: number; precision: number; recall: number };
  /** The figures on each labelled set alone (files with `set:`). */
  sets: Record<string, SetScore>;
  /** Files whose report does not say what the labels say the file is (document: false, samples: true). */
  structure: { file: string; expected: string; got: string }[];
  ms: number;
  reports: FileReport[];
}

export interface SetScore {
  files: number;
  /** The rules were tuned on this set after its first measurement: its figures are no held-out measure. */
  tuned: boolean;
  found: number;
  truePositives: number;
  labelled: number;
  precision: number;
  recall: number;
}

export function readLabels(dir: string): Record<string, LabelledFile> {
  return parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as Record<string, LabelledFile>;
}

const key = (rule: string, at: string): string => `${rule}@${at}`;

/** What a report says the file is, in the labels' terms. */
function structureOf(reports: FileReport[]): string {
  const r = reports[0];
  if (!r) return 'không có báo cáo';
  return r.structure?.status ?? 'document';
}

export async function scoreCorpus(dir: string, today = new Date(2026, 10, 22)): Promise<CorpusScore> {
  const labels = readLabels(dir);
  const files = readdirSync(dir).filter((f) => kindOf(f) && f !== 'labels.yaml' && f !== 'PROVENANCE.md').sort();
  const missing = Object.keys(labels).filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`labels.yaml names files that are not in the corpus: ${missing.join(', ')}`);
  const unlabelled = files.filter((f) => !labels[f]);
  if (unlabelled.length) throw new Error(`files without labels: ${unlabelled.join(', ')}`);
  const score: CorpusScore = { files: files.length, labelled: 0, truePositives: 0, falsePositives: [], misses: [], precision: 0, recall: 0, strict: { precision: 0, recall: 0 }, heldout: { files: 0, precision: 0, recall: 0 }, sets: {}, structure: [], ms: 0, reports: [] };
  const t0 = performance.now();
  let found = 0;
  let strictLabelled = 0;
  let strictTrue = 0;
  const held = { files: 0, found: 0, labelled: 0, truePositives: 0 };
  for (const file of files) {
    const label = labels[file]!;
    const reports = await checkPath(join(dir, file), { format: 'json', fix: false, today }, dir);
    score.reports.push(...reports);
    const expected = new Map(label.defects.map((d) => [key(d.rule, d.at), d]));
    score.labelled += expected.size;
    const before = new Set(label.defects.filter((d) => d.seen === undefined).map((d) => key(d.rule, d.at)));
    const set = label.set ? (score.sets[label.set] ??= { files: 0, tuned: false, found: 0, truePositives: 0, labelled: 0, precision: 1, recall: 1 }) : undefined;
    const heldout = label.heldout === true && label.tuned !== true;
    if (set) {
      set.files++;
      if (label.tuned || label.set!.endsWith('tune')) set.tuned = true;
      set.labelled += expected.size;
    }
    if (heldout) {
      held.files++;
      held.labelled += expected.size;
    }
    strictLabelled += before.size;
    const seen = new Set<string>();
    for (const f of reports.flatMap((r) => r.findings)) {
      const k = key(f.rule, f.where);
      if (seen.has(k)) continue;
      seen.add(k);
      found++;
      if (before.has(k)) strictTrue++;
      if (expected.has(k)) score.truePositives++;
      else score.falsePositives.push({ file, rule: f.rule, at: f.where, excerpt: f.excerpt });
      if (set) {
        set.found++;
        if (expected.has(k)) set.truePositives++;
      }
      if (heldout) {
        held.found++;
        if (expected.has(k)) held.truePositives++;
      }
    }
    for (const [k, d] of expected) if (!seen.has(k)) score.misses.push({ file, rule: d.rule, at: d.at, ...(d.note ? { note: d.note } : {}) });
    const want = label.document === false ? 'no-document' : label.samples ? 'samples' : 'document';
    const got = structureOf(reports);
    if (got !== want) score.structure.push({ file, expected: want, got });
  }
  score.ms = performance.now() - t0;
  score.precision = found === 0 ? 1 : score.truePositives / found;
  score.recall = score.labelled === 0 ? 1 : score.truePositives / score.labelled;
  score.heldout = { files: held.files, precision: held.found === 0 ? 1 : held.truePositives / held.found, recall: held.labelled === 0 ? 1 : held.truePositives / held.labelled };
  for (const s of Object.values(score.sets)) {
    s.precision = s.found === 0 ? 1 : s.truePositives / s.found;
    s.recall = s.labelled === 0 ? 1 : s.truePositives / s.labelled;
  }
  score.strict = { precision: found === 0 ? 1 : strictTrue / found, recall: strictLabelled === 0 ? 1 : strictTrue / strictLabelled };
  return score;
}
