/**
 * The benches cannot rot: each runs once, in quick mode (one short iteration, small sizes), in its
 * own child process exactly as `npm run bench` runs it. Nothing here is timed — a bench fails
 * this test only when it throws or reports no numbers (non-finite or missing samples).
 */
import { describe, expect, it } from 'vitest';
import { BENCHES, runBenchChild } from '../../bench/run.js';

describe('bench smoke', () => {
  it.each(BENCHES.map((bench) => [bench.id, bench.file] as const))(
    '%s runs once and reports numbers',
    async (id, file) => {
      const result = await runBenchChild(file, { runs: 1, quick: true }, 60_000);
      expect(result.id).toBe(id);
      expect(result.rows.length).toBeGreaterThan(0);
      for (const row of result.rows) {
        expect(row.samples.length, row.label).toBeGreaterThan(0);
        expect(row.samples.every(Number.isFinite), row.label).toBe(true);
      }
      expect(result.checks.length).toBeGreaterThan(0);
    },
    90_000,
  );
});
