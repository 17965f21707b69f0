/**
 * What one bench reports: rows (a measurement per run) and checks (a target, judged on the
 * median of per-run values). Plain JSON, because each bench runs in its own child process.
 */
import { median } from './stats.js';

/** Options every bench takes. */
export interface BenchOptions {
  /** Measured runs (A/B pairs); the table shows their median and min–max. */
  runs: number;
  /** One short iteration with small sizes: for the smoke test, proves the bench works. */
  quick: boolean;
}

/** One measurement, one sample per run. */
export interface Row {
  label: string;
  unit: string;
  samples: number[];
}

/** A target judged on the median of its samples. */
export interface Check {
  label: string;
  /** Human form of the target, e.g. `≥ 1.5×`. */
  target: string;
  unit: string;
  samples: number[];
  met: boolean;
}

/** Everything a bench reports. */
export interface BenchResult {
  id: string;
  title: string;
  rows: Row[];
  checks: Check[];
  notes: string[];
  elapsedMs: number;
}

/** A check that passes when the median is at least `min`. */
export function atLeast(label: string, samples: number[], min: number, unit = '×'): Check {
  return {
    label,
    target: `≥ ${min}${unit === '×' ? '×' : ` ${unit}`}`,
    unit,
    samples,
    met: median(samples) >= min,
  };
}

/** A check that passes when the median is strictly below `limit`. */
export function below(label: string, samples: number[], limit: number, unit = '×'): Check {
  return {
    label,
    target: `< ${limit}${unit === '×' ? '×' : ` ${unit}`}`,
    unit,
    samples,
    met: median(samples) < limit,
  };
}

/** A check that passes when the median is at most `max`. */
export function atMost(label: string, samples: number[], max: number, unit: string): Check {
  return {
    label,
    target: `≤ ${max}${unit === '×' ? '×' : ` ${unit}`}`,
    unit,
    samples,
    met: median(samples) <= max,
  };
}

/** Collects rows by label as runs add samples, keeping first-seen order. */
export class RowSet {
  private readonly rows = new Map<string, Row>();

  /** Add one run's value of `label`. */
  add(label: string, unit: string, value: number): void {
    const row = this.rows.get(label) ?? { label, unit, samples: [] };
    row.samples.push(value);
    this.rows.set(label, row);
  }

  /** The samples of `label` (empty when never added). */
  samples(label: string): number[] {
    return this.rows.get(label)?.samples ?? [];
  }

  /** Every row. */
  all(): Row[] {
    return [...this.rows.values()];
  }
}

/** Throw unless every row has at least one finite sample: a bench must never report nothing. */
export function assertHasNumbers(result: BenchResult): void {
  if (result.rows.length === 0) throw new Error(`${result.id}: no measurements`);
  for (const row of result.rows) {
    if (row.samples.length === 0 || !row.samples.every(Number.isFinite)) {
      throw new Error(`${result.id}: "${row.label}" has no finite samples (${row.samples.join(', ')})`);
    }
  }
}
