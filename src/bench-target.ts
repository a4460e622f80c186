// A benchmark target: a measured figure against its goal, so `bench --check` can fail CI on a miss.

export interface Target {
  name: string; // English, stable: the key in `bench --json`
  value: number;
  goal: number;
  unit: string;
  /** "max": the value must stay below the goal (times); "min": reach it (rates, ratios). */
  kind: 'max' | 'min';
}

export const met = (t: Target): boolean => (t.kind === 'max' ? t.value < t.goal : t.value >= t.goal);

/** "đạt" / "chưa đạt", for the printed line. */
export const verdict = (t: Target): string => (met(t) ? 'đạt' : 'chưa đạt');

/** The exit code of `bench`: 1 when asked to check (`--check`) and a target is missed. */
export const benchExit = (targets: Target[], check: boolean): number => (check && targets.some((t) => !met(t)) ? 1 : 0);
