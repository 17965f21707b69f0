/**
 * Child-process entry of bench 4: one `kit.reconciler.run` over the seeded backlog, with its own
 * peak RSS (sampled, and the kernel's high-water mark of this process).
 */
import { performance } from 'node:perf_hooks';
import { childDone, childInput, rssSampler } from './child.js';
import type { BenchDatabase } from './db.js';
import { createBenchKit } from './kit.js';

/** What the parent sends. */
export interface ReconcileJob {
  db: Pick<BenchDatabase, 'kind' | 'config'>;
  apiUrl: string;
  snapUrl: string;
  concurrency: number;
  batchSize: number;
}

/** What the child reports. */
export interface ReconcileOutput {
  examined: number;
  updated: number;
  failed: number;
  firstError: string | undefined;
  elapsedMs: number;
  /** Peak RSS while running, bytes (sampled every 50 ms). */
  peakRss: number;
  /** RSS after the kit was created and migrated, before the run, bytes. */
  baselineRss: number;
  /** `process.resourceUsage().maxRSS`, bytes: the kernel's high-water mark of this process. */
  maxRss: number;
}

const job = childInput<ReconcileJob>();
const kit = await createBenchKit(job.db, job);
const baselineRss = process.memoryUsage.rss();
const sampler = rssSampler();
const started = performance.now();
const summary = await kit.reconciler.run({
  olderThan: 60_000,
  batchSize: job.batchSize,
  concurrency: job.concurrency,
});
const elapsedMs = performance.now() - started;
const peakRss = sampler.stop();
await kit.close();
childDone<ReconcileOutput>({
  examined: summary.examined,
  updated: summary.updated,
  failed: summary.failed,
  firstError: summary.errors[0]?.error,
  elapsedMs,
  peakRss,
  baselineRss,
  maxRss: process.resourceUsage().maxRSS * 1024,
});
