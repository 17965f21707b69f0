import knexFactory from 'knex';
import { createBenchDatabase } from './db.js';
import { createBenchKit } from './kit.js';
import { seedPendingPayments } from './seed.js';
const db = await createBenchDatabase('sqlite', 8);
const kit = await createBenchKit(db, { apiUrl: 'http://127.0.0.1:9', snapUrl: 'http://127.0.0.1:9/snap/v1' }, { trustSignature: true });
await seedPendingPayments(kit.store, 'WH', 3000, new Date(Date.now() - 3_600_000));
const knex = kit.store.knex;
const N = 5000;
for (let r = 0; r < 3; r++) {
  let s = performance.now();
  await knex.transaction(async (trx) => { for (let i = 0; i < N; i++) await trx('mtb_payments').select('*').where('order_id', `WH-${i % 3000}`).limit(1, { skipBinding: true }); });
  console.log('knex builder in trx', ((performance.now() - s) / N * 1000).toFixed(1), 'us');
  const sql = knex('mtb_payments').select('*').where('order_id', 'x').limit(1, { skipBinding: true }).toSQL().sql;
  s = performance.now();
  await knex.transaction(async (trx) => { for (let i = 0; i < N; i++) await trx.raw(sql, [`WH-${i % 3000}`]); });
  console.log('knex raw in trx', ((performance.now() - s) / N * 1000).toFixed(1), 'us');
  s = performance.now();
  await knex.transaction(async (trx) => { const conn = await (trx as unknown as { client: { acquireConnection(): Promise<{ prepare(s: string): { all(...a: unknown[]): unknown } }> } }).client.acquireConnection(); for (let i = 0; i < N; i++) { await conn.prepare(sql).all(`WH-${i % 3000}`); } });
  console.log('raw conn (cached prepare) in trx', ((performance.now() - s) / N * 1000).toFixed(1), 'us');
  s = performance.now();
  for (let i = 0; i < N / 5; i++) await knex('mtb_payments').select('*').where('order_id', `WH-${i % 3000}`).limit(1, { skipBinding: true });
  console.log('knex builder no trx', ((performance.now() - s) / (N / 5) * 1000).toFixed(1), 'us');
}
await kit.close(); await db.drop();
