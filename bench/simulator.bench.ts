/**
 * Bench 5 — simulator status throughput: `GET /v2/{id}/status` per second against a simulator
 * holding 10,000 transactions, from a keep-alive load generator in another process. Side by
 * side, the same load against a bare node:http server (fixed answer) shows the loopback ceiling
 * of this machine. Target: ≥ 5,000 status requests/s.
 */
import { expectStatus, keepAliveAgent } from './lib/http.js';
import { AUTH_HEADER } from './lib/keys.js';
import { assertHealthy, runLoad } from './lib/load.js';
import { type Bench, runIfMain } from './lib/main.js';
import { atLeast, type BenchOptions, RowSet } from './lib/result.js';
import { startSimProcess } from './lib/sim-process.js';

const CONCURRENCY = 32;

/** Run bench 5. */
export const simulatorBench: Bench = async (options: BenchOptions) => {
  const seeded = options.quick ? 200 : 10_000;
  const sim = await startSimProcess();
  const bare = await startSimProcess({ bare: true });
  const agent = keepAliveAgent(CONCURRENCY);
  const rows = new RowSet();
  try {
    await sim.seed('SIM', seeded, false);
    const headers = { authorization: AUTH_HEADER, accept: 'application/json' };
    const load = (base: string) =>
      runLoad({
        concurrency: CONCURRENCY,
        requests: options.quick ? 300 : 40_000,
        maxMs: options.quick ? 1000 : 3000,
        warmup: options.quick ? 50 : 2000,
        op: (i) => expectStatus(200, agent, `${base}/v2/SIM-${i % seeded}/status`, { headers }),
      });
    for (let run = 0; run < options.runs; run++) {
      // Alternate which side goes first, so drift on the shared machine hits both alike.
      const order = run % 2 === 0 ? ['sim', 'bare'] : ['bare', 'sim'];
      for (const side of order) {
        const result = assertHealthy(side, await load(side === 'sim' ? sim.apiUrl : bare.apiUrl));
        const name = side === 'sim' ? 'simulator status' : 'bare node:http (ceiling)';
        rows.add(`${name}, c=${CONCURRENCY}`, 'req/s', result.rps);
        rows.add(`${name} p50`, 'ms', result.p50);
        rows.add(`${name} p99`, 'ms', result.p99);
      }
    }
  } finally {
    agent.destroy();
    await sim.close();
    await bare.close();
  }
  const simRps = rows.samples(`simulator status, c=${CONCURRENCY}`);
  const bareRps = rows.samples(`bare node:http (ceiling), c=${CONCURRENCY}`);
  const share = simRps.map((v, i) => v / (bareRps[i] ?? Number.NaN));
  const all = [...rows.all(), { label: 'simulator / bare ceiling', unit: '×', samples: share }];
  return {
    id: 'simulator',
    title: '5. Simulator: status requests/s',
    rows: all,
    checks: [atLeast('simulator status requests/s', simRps, 5000, 'req/s')],
    notes: [
      `${seeded} transactions seeded; load generator in this process, simulator in a child process; keep-alive, c=${CONCURRENCY}.`,
    ],
  };
};

runIfMain(import.meta.url, simulatorBench);
