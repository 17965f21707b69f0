/**
 * Bench 6 — memory under load: 1,000 concurrent keep-alive connections on the list route
 * (`GET /midtrans/payments`) and the webhook route (`POST /midtrans/notifications`) of
 * `midtransRouter(kit)`, half each, SQLite. The app runs in a child process; its RSS is read
 * before (warm), every 200 ms during the load, and after (idle 2 s, then after a forced GC).
 * Targets: RSS bounded during the load (peak ≤ baseline + 256 MB) and back near baseline after
 * (after GC ≤ 1.3× baseline).
 */
import { startAppProcess } from './lib/app-process.js';
import { createBenchDatabase } from './lib/db.js';
import { keepAliveAgent, request } from './lib/http.js';
import { createBenchKit } from './lib/kit.js';
import { runLoad } from './lib/load.js';
import { type Bench, runIfMain } from './lib/main.js';
import { settlementNotification } from './lib/notification.js';
import { atMost, type BenchOptions, RowSet } from './lib/result.js';
import { resetPayments, seedPendingPayments } from './lib/seed.js';

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run bench 6. */
export const memoryBench: Bench = async (options: BenchOptions) => {
  const connections = options.quick ? 100 : 1000;
  const requests = options.quick ? 300 : 8000;
  const rows = new RowSet();
  const failures: string[] = [];
  const db = await createBenchDatabase('sqlite');
  const setup = await createBenchKit(db, {
    apiUrl: 'http://127.0.0.1:9',
    snapUrl: 'http://127.0.0.1:9/snap/v1',
  });
  try {
    // Webhook requests use even i, list requests odd i: seed one payment per webhook request.
    const stored = await seedPendingPayments(
      setup.store,
      'MEM',
      requests / 2 + 200,
      new Date(Date.now() - 3_600_000),
      'u1',
    );
    for (let run = 0; run < options.runs; run++) {
      await resetPayments(setup.store, stored);
      const app = await startAppProcess({ mode: 'router', db, connections: 8 });
      const agent = keepAliveAgent(connections);
      try {
        const list = `${app.url}/midtrans/payments?limit=50`;
        const hook = `${app.url}/midtrans/notifications`;
        const headers = { 'content-type': 'application/json' };
        let failedStatus = 0;
        const op = async (i: number) => {
          const answer =
            i % 2 === 1
              ? await request(agent, list, { timeoutMs: 60_000 })
              : await request(agent, hook, {
                  method: 'POST',
                  headers,
                  body: settlementNotification(`MEM-${i / 2}`),
                  timeoutMs: 60_000,
                });
          if (answer.status !== 200) {
            failedStatus += 1;
            throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 120)}`);
          }
        };
        // Warm: JIT, pools and caches, at low concurrency, on order ids past the measured ones.
        const warm = await runLoad({
          concurrency: 8,
          requests: 200,
          maxMs: 10_000,
          op: (i) => op(requests + 2 * i + 1),
        });
        if (warm.completed === 0) throw new Error(`warm-up failed: ${warm.firstError}`);
        const baseline = await app.memory({ gc: true });
        let peak = baseline.rss;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, (await app.memory()).rss);
            await sleep(200);
          }
        })();
        const result = await runLoad({
          concurrency: connections,
          requests,
          maxMs: options.quick ? 5000 : 20_000,
          op,
        });
        sampling = false;
        await sampler;
        // Failed requests (timeouts under this load) are a finding, reported in the table and the
        // notes; only a run where most requests fail has no memory numbers worth keeping.
        if (result.completed === 0 || result.errors > result.completed) {
          throw new Error(
            `${result.errors} failed (${failedStatus} non-200) of ${requests}: ${result.firstError}`,
          );
        }
        agent.destroy();
        await sleep(2000);
        const idle = await app.memory();
        const collected = await app.memory({ gc: true });
        rows.add(`requests/s with ${connections} connections`, 'req/s', result.rps);
        rows.add('p99 latency', 'ms', result.p99);
        rows.add('failed requests', 'count', result.errors);
        if (result.firstError !== undefined)
          failures.push(`run ${run + 1}: ${result.errors} failed, first: ${result.firstError}`);
        rows.add('RSS baseline (warm, after GC)', 'MB', baseline.rss / MB);
        rows.add('RSS peak during load', 'MB', peak / MB);
        rows.add('RSS 2 s after load', 'MB', idle.rss / MB);
        rows.add('RSS after load and GC', 'MB', collected.rss / MB);
        rows.add('heap used baseline', 'MB', baseline.heapUsed / MB);
        rows.add('heap used after load and GC', 'MB', collected.heapUsed / MB);
        rows.add('peak − baseline', 'MB', (peak - baseline.rss) / MB);
        rows.add('after GC ÷ baseline', '×', collected.rss / baseline.rss);
      } finally {
        agent.destroy();
        await app.close();
      }
    }
  } finally {
    await setup.close();
    await db.drop();
  }
  return {
    id: 'memory',
    title: '6. Memory under load (1,000 connections, list + webhook)',
    rows: rows.all(),
    checks: [
      atMost('RSS growth during load (peak − baseline)', rows.samples('peak − baseline'), 256, 'MB'),
      atMost('RSS after load and GC ÷ baseline', rows.samples('after GC ÷ baseline'), 1.3, '×'),
    ],
    notes: [
      ...failures.map((failure) => `Failed requests: ${failure.slice(0, 300)}`),
      `${connections} keep-alive connections from this process, ${requests} requests per run (half list pages of 50, half settlement notifications); SQLite; app in a child process started fresh per run (--expose-gc for the GC readings).`,
    ],
  };
};

runIfMain(import.meta.url, memoryBench);
