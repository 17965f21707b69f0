/**
 * Bench 3 — what `kit.payments.createCharge` adds to the bare API call: the full path (validate,
 * write the record and its event, commit, call Midtrans, apply the answer under the row lock,
 * commit) against `kit.client.core.charge` with the same body, one at a time, on SQLite and
 * MariaDB. Target: added p50 ≤ 2 ms on SQLite, ≤ 3 ms on MariaDB.
 */
import { createBenchDatabase } from './lib/db.js';
import { chargeBody } from './lib/keys.js';
import { createBenchKit } from './lib/kit.js';
import { assertHealthy, runLoad } from './lib/load.js';
import { type Bench, runIfMain } from './lib/main.js';
import { atMost, type BenchOptions, type Check, RowSet } from './lib/result.js';
import { startSimProcess } from './lib/sim-process.js';

const TARGET_MS = { sqlite: 2, mariadb: 3 } as const;

/** Run bench 3. */
export const chargeBench: Bench = async (options: BenchOptions) => {
  const sim = await startSimProcess();
  const rows = new RowSet();
  const checks: Check[] = [];
  try {
    for (const kind of ['sqlite', 'mariadb'] as const) {
      const db = await createBenchDatabase(kind);
      const kit = await createBenchKit(db, sim);
      try {
        let seq = 0;
        const sides = {
          createCharge: () =>
            kit.payments.createCharge({
              orderId: `CH-${kind}-K-${seq++}`,
              paymentType: 'bank_transfer',
              grossAmount: 10_000,
              paymentOptions: { bank: 'bca' },
            }),
          'bare client': () => kit.client.core.charge(chargeBody(`CH-${kind}-B-${seq++}`)),
        };
        for (let run = 0; run < options.runs; run++) {
          const order =
            run % 2 === 0
              ? (['createCharge', 'bare client'] as const)
              : (['bare client', 'createCharge'] as const);
          const p50: Record<string, number> = {};
          for (const side of order) {
            const result = assertHealthy(
              side,
              await runLoad({
                concurrency: 1,
                requests: options.quick ? 20 : 500,
                maxMs: options.quick ? 1000 : 3000,
                warmup: options.quick ? 5 : 50,
                op: sides[side],
              }),
            );
            p50[side] = result.p50;
            rows.add(`${kind}: ${side} p50`, 'ms', result.p50);
            rows.add(`${kind}: ${side} p99`, 'ms', result.p99);
            rows.add(`${kind}: ${side} throughput`, 'req/s', result.rps);
          }
          rows.add(
            `${kind}: added p50`,
            'ms',
            (p50.createCharge ?? Number.NaN) - (p50['bare client'] ?? Number.NaN),
          );
        }
        checks.push(
          atMost(
            `${kind}: createCharge added p50`,
            rows.samples(`${kind}: added p50`),
            TARGET_MS[kind],
            'ms',
          ),
        );
      } finally {
        await kit.close();
        await db.drop();
      }
    }
  } finally {
    await sim.close();
  }
  return {
    id: 'charge',
    title: '3. createCharge overhead over the bare client call',
    rows: rows.all(),
    checks,
    notes: [
      'Concurrency 1, bank_transfer (bca), order id given (no hook). Simulator in its own process; kit and bare client share one client instance.',
      'Added p50 = p50(createCharge) − p50(bare client), per run. SQLite: temporary file, WAL. MariaDB: own database on 127.0.0.1, dropped after.',
    ],
  };
};

runIfMain(import.meta.url, chargeBench);
