/**
 * How a webhook's time splits between SQLite itself and the JavaScript around it, for the kit and
 * for bench 1's hand-written handler, in-process (no HTTP): signed settlements handled 16 at a
 * time (`kit.notifications.handle`, `trustSignature` on, as bench 1), every better-sqlite3 call
 * timed and grouped by statement. Shows which part of the kit's gap to the hand-written handler is
 * SQLite's and which is ours (bench/FIXES.md, "Targets still missed").
 *
 *   npm run build && node --import tsx --import ./bench/lib/compiled-kit.mjs bench/native-split.ts \
 *     [--notifications 4000] [--concurrency 16]
 *
 * Times, not shares: run it on an otherwise idle machine.
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createBenchDatabase } from './lib/db.js';
import { sqliteHandWebhook } from './lib/hand-webhook.js';
import { createBenchKit } from './lib/kit.js';
import { assertCompiledKit } from './lib/main.js';
import { settlementNotification } from './lib/notification.js';
import { seedPendingPayments } from './lib/seed.js';

const { values } = parseArgs({
  options: {
    notifications: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const COUNT = Number(values.notifications);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = Math.ceil(COUNT / 10);

interface Timing {
  calls: number;
  ns: bigint;
}
const timings = new Map<string, Timing>();
let timing = false;

/** Wrap better-sqlite3's statement methods (one prototype for every statement) with a timer. */
function timeStatements(): void {
  const probe = new Database(':memory:');
  const prototype: object = Object.getPrototypeOf(probe.prepare('select 1'));
  probe.close();
  for (const method of ['run', 'all', 'get']) {
    const original: unknown = Reflect.get(prototype, method);
    if (typeof original !== 'function') continue;
    Reflect.set(prototype, method, function timed(this: object, ...args: unknown[]): unknown {
      if (!timing) return original.apply(this, args);
      const started = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const key = String(Reflect.get(this, 'source')).replace(/\s+/g, ' ').replaceAll('"', '').slice(0, 60);
        const entry = timings.get(key) ?? { calls: 0, ns: 0n };
        entry.calls += 1;
        entry.ns += process.hrtime.bigint() - started;
        timings.set(key, entry);
      }
    });
  }
}

type Handle = (body: string) => Promise<number>;

async function measure(label: string, handle: Handle, bodies: readonly string[]): Promise<void> {
  let next = 0;
  const work = async (end: number) => {
    while (next < end) {
      const status = await handle(bodies[next++] ?? '');
      if (status !== 200) throw new Error(`${label}: answered ${status}`);
    }
  };
  const round = (end: number) => Promise.all(Array.from({ length: CONCURRENCY }, () => work(end)));
  await round(WARMUP);
  timings.clear();
  timing = true;
  const started = process.hrtime.bigint();
  await round(WARMUP + COUNT);
  const wallUs = Number(process.hrtime.bigint() - started) / 1000 / COUNT;
  timing = false;
  const nativeUs = [...timings.values()].reduce((sum, entry) => sum + Number(entry.ns), 0) / 1000 / COUNT;
  console.log(`\n## ${label}: ${COUNT} notifications, ${CONCURRENCY} at a time`);
  console.log(
    `${wallUs.toFixed(0)} µs per notification: SQLite ${nativeUs.toFixed(0)} µs, the rest ${(wallUs - nativeUs).toFixed(0)} µs`,
  );
  for (const [sql, entry] of [...timings].sort((a, b) => Number(b[1].ns - a[1].ns))) {
    const each = Number(entry.ns) / 1000 / entry.calls;
    console.log(`${each.toFixed(1).padStart(7)} µs × ${(entry.calls / COUNT).toFixed(2)}  ${sql}`);
  }
}

async function main(): Promise<void> {
  assertCompiledKit();
  timeStatements();
  for (const side of ['kit', 'hand-written'] as const) {
    const db = await createBenchDatabase('sqlite');
    const kit = await createBenchKit(
      db,
      { apiUrl: 'http://127.0.0.1:9', snapUrl: 'http://127.0.0.1:9/snap/v1' },
      { trustSignature: true },
    );
    try {
      await seedPendingPayments(kit.store, 'NS', WARMUP + COUNT, new Date(Date.now() - 3_600_000));
      const bodies = Array.from({ length: WARMUP + COUNT }, (_, i) => settlementNotification(`NS-${i}`));
      const headers = { 'content-type': 'application/json' };
      let handle: Handle;
      if (side === 'kit') {
        handle = async (body) => (await kit.notifications.handle(body, headers)).httpStatus;
      } else {
        const file: unknown = Reflect.get(Object(db.config.connection), 'filename');
        const hand = sqliteHandWebhook(String(file));
        handle = (body) => hand(body, headers);
      }
      await measure(side, handle, bodies);
    } finally {
      await kit.close();
      await db.drop();
    }
  }
}

await main();
