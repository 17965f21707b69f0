import { performance } from 'node:perf_hooks';
import { createMidtrans } from '/work/main/src/index.js';
import { createRabbitMqSink } from '/work/main/src/relay/rabbitmq.js';
import { startRelay } from '/work/main/src/relay/relay.js';
const count = 10000;
const kit = createMidtrans({ serverKey: 'SB-Mid-server-BENCH', database: { client: 'better-sqlite3', connection: { filename: `/tmp/prof-${process.pid}.sqlite` }, useNullAsDefault: true }, tablePrefix: 'r_', events: { pollMs: 0 } });
await kit.migrate();
for (let start = 0; start < count; start += 500) {
  await kit.store.transaction(async (tx) => {
    for (let i = start; i < start + 500; i++) await tx.outbox.insert({ eventId: `E${i}`, type: 'payment.paid', payload: { payment: { id: `P${i % 100}`, orderId: `P${i % 100}`, grossAmount: 10_000, createdAt: new Date().toISOString() }, from: 'pending', source: 'notification' } });
  });
}
const sink = await createRabbitMqSink({ url: 'amqp://guest:guest@127.0.0.1:5672', exchange: 'prof.x' });
const nullSink = { name: 'null', publish: async () => ({ duplicates: 0 }), close: async () => {} };
const knex = kit.store.knex;
const times = new Map<string, number>(); const starts = new Map<string, number>();
knex.on('query', (q: { __knexQueryUid: string }) => starts.set(q.__knexQueryUid, performance.now()));
knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => { const k = q.sql.slice(0, 60); times.set(k, (times.get(k) ?? 0) + performance.now() - (starts.get(q.__knexQueryUid) ?? 0)); });
const started = performance.now();
const relay = startRelay(kit, process.env.NULL ? nullSink : sink, { batchSize: 200, pollMs: 0 });
while ((await relay.deliverPending()).delivered > 0) {}
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(0).padStart(6), k);
console.log('events/s', (count / (performance.now() - started)) * 1000);
await relay.stop(); await sink.close(); await kit.close();
