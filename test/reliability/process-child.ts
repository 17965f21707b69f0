/**
 * One of the several processes sharing a database. MODE=notify: deliver every body of the JSON
 * file INPUT to `kit.notifications.handle` (PROC_CONCURRENCY at a time, in the file's order),
 * answering a 5xx as Midtrans would, with a retry (at most 3 attempts). MODE=reconcile: run the
 * reconciler once. Either way the ids of the `payment.paid` events its listener saw go to
 * OUTPUT, and a summary line goes to stdout as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Knex } from 'knex';
import { createMidtrans } from '../../src/kit.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const kit = createMidtrans({
  serverKey: env('PROC_SERVER_KEY'),
  apiBaseUrl: env('PROC_API_URL'),
  database: JSON.parse(env('PROC_DATABASE')) as Knex.Config,
  tablePrefix: env('PROC_PREFIX'),
  trustSignature: process.env.PROC_TRUST === 'true',
});
const paid: string[] = [];
kit.events.on('payment.paid', (event) => {
  paid.push(event.id);
});

const summary: Record<string, unknown> = { pid: process.pid };
if (env('MODE') === 'notify') {
  const bodies = JSON.parse(readFileSync(env('INPUT'), 'utf8')) as string[];
  const verdicts: Record<string, number> = {};
  let retries = 0;
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++] ?? '';
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const result = await kit.notifications.handle(Buffer.from(body), {
          'content-type': 'application/json',
        });
        verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
        if (result.httpStatus < 500) break;
        retries += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Number(env('PROC_CONCURRENCY')) }, worker));
  Object.assign(summary, { delivered: bodies.length, verdicts, retries });
} else {
  const result = await kit.reconciler.run({ olderThan: 0, batchSize: 100, concurrency: 8 });
  Object.assign(summary, { examined: result.examined, updated: result.updated, failed: result.failed });
}
// Anything a crash-free run left pending (none expected) is delivered before reporting.
await kit.events.dispatchPending();
writeFileSync(env('OUTPUT'), JSON.stringify(paid));
await kit.close();
console.log(JSON.stringify(summary));
