/** Renders bench results as `bench/RESULTS.md`: headline checks first, then every table. */
import os from 'node:os';
import type { BenchResult, Row } from './result.js';
import { median, range } from './stats.js';

/** Where and how the results were measured. */
export interface RunInfo {
  date: Date;
  runs: number;
  /** Benches that failed, with the reason. */
  failures: { id: string; error: string }[];
  /** Hand-written notes appended verbatim (library fixes with before/after). */
  appendix: string;
}

function fmt(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function spread(samples: readonly number[], unit: string): string {
  const { min, max } = range(samples);
  return `${fmt(min, unit)} – ${fmt(max, unit)}`;
}

function rowLine(row: Row): string {
  const unit = row.unit === '×' ? '' : row.unit;
  return `| ${row.label} | ${fmt(median(row.samples), row.unit)} | ${spread(row.samples, row.unit)} | ${unit} | ${row.samples.length} |`;
}

/** The whole RESULTS.md text. */
export function renderResults(results: readonly BenchResult[], info: RunInfo): string {
  const cpus = os.cpus();
  const lines: string[] = [
    '# Benchmark results',
    '',
    '_Written by `npm run bench` (bench/run.ts); do not edit by hand — edit `bench/FIXES.md` for the notes at the end._',
    '',
    `- Date: ${info.date.toISOString()}`,
    `- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${info.runs} measured runs per bench (A/B alternated); median with min – max`,
    '- All traffic on loopback (127.0.0.1); shared, noisy machine: compare ratios measured in the same run, not absolute numbers across runs.',
    '',
    '## Targets',
    '',
    '| Bench | Check | Target | Median | Min – max | Met |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    for (const check of result.checks) {
      lines.push(
        `| ${result.title} | ${check.label} | ${check.target} | ${fmt(median(check.samples), check.unit)} | ${spread(check.samples, check.unit)} | ${check.met ? 'yes' : '**no**'} |`,
      );
    }
  }
  for (const failure of info.failures) {
    lines.push(
      `| ${failure.id} | did not complete | — | — | — | **failed**: ${failure.error.replaceAll('|', '/')} |`,
    );
  }
  for (const result of results) {
    lines.push('', `## ${result.title}`, '', `_${(result.elapsedMs / 1000).toFixed(0)} s_`, '');
    lines.push('| Measurement | Median | Min – max | Unit | Runs |', '| --- | --- | --- | --- | --- |');
    for (const row of result.rows) lines.push(rowLine(row));
    if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `- ${note}`));
  }
  if (info.appendix.trim() !== '') lines.push('', info.appendix.trim());
  return `${lines.join('\n')}\n`;
}
