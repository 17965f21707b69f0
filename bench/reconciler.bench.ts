/**
 * Bench 4 — the reconciler over a backlog of open payments: 10,000 (and 100,000) payments pending
 * in the database that the simulator knows as settled (missed notifications). Each run resets the
 * rows, then one `kit.reconciler.run` in a child process (its own peak RSS) brings them all to
 * `paid`. Side by side: the simulator's own status throughput at the same concurrency (our client,
 * nothing else). Targets: payments/s ≥ 0.5× status/s; peak RSS at 100,000 ≤ 1.2× at 10,000.
 */
import { fileURLToPath } from 'node:url';
import { createMidtransClient } from '../src/client/index.js';
import { runJsonChild } from './lib/child.js';
import { createBenchDatabase } from './lib/db.js';
import { CLIENT_KEY, SERVER_KEY } from './lib/keys.js';
import { createBenchKit } from './lib/kit.js';
import { assertHealthy, runLoad } from './lib/load.js';
import { type Bench, runIfMain } from './lib/main.js';
import type { ReconcileJob, ReconcileOutput } from './lib/reconcile-child.js';
import { atLeast, atMost, type BenchOptions, type Check, RowSet } from './lib/result.js';
import { resetPayments, seedPendingPayments } from './lib/seed.js';
import { startSimProcess } from './lib/sim-process.js';
import { median } from './lib/stats.js';

const CONCURRENCY = 8;
const BATCH_SIZE = 200;
const MB = 2 ** 20;
const CHILD = fileURLToPath(new URL('./lib/reconcile-child.ts', import.meta.url));

/** The large size (BENCH_RECONCILE_BIG lowers it for a quicker run). */
const BIG_SIZE = Number(process.env.BENCH_RECONCILE_BIG ?? 100_000);
const BIG_RUNS = Number(process.env.BENCH_RECONCILE_BIG_RUNS ?? 1);

/** Sizes and runs: 10,000 `runs` times, then the large size `BIG_RUNS` times. */
function plan(options: BenchOptions): { size: number; runs: number }[] {
  if (options.quick) {
    return [
      { size: 100, runs: 1 },
      { size: 300, runs: 1 },
    ];
  }
  return [
    { size: 10_000, runs: options.runs },
    { size: BIG_SIZE, runs: BIG_RUNS },
  ];
}

/** Run bench 4. */
export const reconcilerBench: Bench = async (options: BenchOptions) => {
  const rows = new RowSet();
  const checks: Check[] = [];
  const peaks = new Map<number, number[]>();
  const sizes = plan(options);
  for (const { size, runs } of sizes) {
    const sim = await startSimProcess();
    const db = await createBenchDatabase('sqlite');
    try {
      const prefix = `RC${size}`;
      await sim.seed(prefix, size, true);
      const setup = await createBenchKit(db, sim);
      const old = new Date(Date.now() - 3_600_000);
      const stored = await seedPendingPayments(setup.store, prefix, size, old);
      const client = createMidtransClient({
        serverKey: SERVER_KEY,
        clientKey: CLIENT_KEY,
        apiBaseUrl: sim.apiUrl,
        snapBaseUrl: sim.snapUrl,
      });
      const job: ReconcileJob = {
        db,
        apiUrl: sim.apiUrl,
        snapUrl: sim.snapUrl,
        concurrency: CONCURRENCY,
        batchSize: BATCH_SIZE,
      };
      for (let run = 0; run < runs; run++) {
        const reconcile = async () => {
          await resetPayments(setup.store, stored);
          const out = await runJsonChild<ReconcileJob, ReconcileOutput>(CHILD, job, 240_000);
          if (out.examined !== size || out.updated !== size) {
            throw new Error(
              `reconciler: ${out.examined} examined, ${out.updated} updated of ${size} (first error: ${out.firstError ?? 'none'})`,
            );
          }
          const rate = (out.examined * 1000) / out.elapsedMs;
          rows.add(`${size}: reconciler payments/s`, 'payments/s', rate);
          rows.add(`${size}: reconciler peak RSS`, 'MB', out.peakRss / MB);
          rows.add(`${size}: reconciler RSS before run`, 'MB', out.baselineRss / MB);
          peaks.set(size, [...(peaks.get(size) ?? []), out.peakRss]);
          return rate;
        };
        const statusRate = async () => {
          const result = assertHealthy(
            'status',
            await runLoad({
              concurrency: CONCURRENCY,
              requests: size,
              maxMs: 60_000,
              warmup: 100,
              op: (i) => client.core.status(`${prefix}-${i % size}`),
            }),
          );
          rows.add(`${size}: simulator status/s (c=${CONCURRENCY})`, 'req/s', result.rps);
          return result.rps;
        };
        let a = 0;
        let b = 0;
        if (run % 2 === 0) {
          a = await reconcile();
          b = await statusRate();
        } else {
          b = await statusRate();
          a = await reconcile();
        }
        rows.add(`${size}: reconciler / status`, '×', a / b);
      }
      await setup.close();
      checks.push(
        atLeast(
          `${size}: reconciler payments/s ÷ status/s`,
          rows.samples(`${size}: reconciler / status`),
          0.5,
        ),
      );
    } finally {
      await sim.close();
      await db.drop();
    }
  }
  const [small, big] = sizes.map(({ size }) => median(peaks.get(size) ?? []));
  if (small !== undefined && big !== undefined) {
    const label = `peak RSS ${sizes[1]?.size} ÷ ${sizes[0]?.size}`;
    rows.add(label, '×', big / small);
    checks.push(atMost(label, [big / small], 1.2, '×'));
  }
  return {
    id: 'reconciler',
    title: '4. Reconciler vs simulator status throughput',
    rows: rows.all(),
    checks,
    notes: [
      `SQLite (file, WAL). Concurrency ${CONCURRENCY}, batch ${BATCH_SIZE}; every payment pending locally and settled at the simulator, so each one is an update (status call, row lock, transition, history row, event).`,
      'Reconciler in a child process per run (peak RSS sampled every 50 ms); simulator in its own process; status/s measured from this process with our client.',
      `Large size ${BIG_SIZE} (BENCH_RECONCILE_BIG), ${BIG_RUNS} run(s) (BENCH_RECONCILE_BIG_RUNS): its RSS ratio is that run's peak against the median peak at 10,000.`,
    ],
  };
};

runIfMain(import.meta.url, reconcilerBench);
