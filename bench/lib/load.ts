/**
 * A bounded closed-loop load generator: `concurrency` workers each await one operation at a
 * time until `requests` operations were started or `maxMs` passed, whichever comes first. No
 * open-loop pacing: on a shared 2-core machine we want the throughput the system under test can
 * sustain, not a queue that grows without bound.
 */
import { performance } from 'node:perf_hooks';
import { percentileSorted } from './stats.js';

/** What to run and its bounds. */
export interface LoadOptions {
  /** Operations in flight at once. */
  concurrency: number;
  /** Upper bound on operations started. */
  requests: number;
  /** Upper bound on wall time, in ms; no new operation starts after it. */
  maxMs: number;
  /** Operations before measuring starts (connections opened, JIT warm); not counted. */
  warmup?: number;
  /** One operation; `i` counts from 0 over warm-up and measured operations together. */
  op: (i: number) => Promise<unknown>;
}

/** What a load run measured. */
export interface LoadResult {
  /** Operations that resolved. */
  completed: number;
  /** Operations that rejected. */
  errors: number;
  /** The first rejection, to explain a failed run. */
  firstError: string | undefined;
  elapsedMs: number;
  /** Completed operations per second. */
  rps: number;
  /** Latency percentiles of completed operations, in ms. */
  p50: number;
  p99: number;
}

/** Run a bounded load; never throws for failed operations (they are counted). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, requests, maxMs, op } = options;
  let next = 0;
  const warm = options.warmup ?? 0;
  // Warm-up with the same concurrency, bounded by the same time limit.
  if (warm > 0) {
    const warmEnd = performance.now() + maxMs;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, warm) }, async () => {
        while (next < warm && performance.now() < warmEnd) {
          const i = next++;
          await op(i).catch(() => undefined);
        }
      }),
    );
  }
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const limit = next + requests;
  const start = performance.now();
  const deadline = start + maxMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < limit && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          await op(i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    errors,
    firstError,
    elapsedMs,
    rps: (latencies.length * 1000) / elapsedMs,
    p50: percentileSorted(latencies, 50),
    p99: percentileSorted(latencies, 99),
  };
}

/** Throw when a load run failed outright or mostly, so a broken bench never reports numbers. */
export function assertHealthy(label: string, result: LoadResult): LoadResult {
  if (result.completed === 0 || result.errors > result.completed / 100) {
    throw new Error(
      `${label}: ${result.completed} ok, ${result.errors} failed (first: ${result.firstError ?? 'none'})`,
    );
  }
  return result;
}
