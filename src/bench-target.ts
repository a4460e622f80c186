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
