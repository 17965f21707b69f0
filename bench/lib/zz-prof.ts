import { createBenchDatabase } from '/work/main/bench/lib/db.js';
import { createBenchKit } from '/work/main/bench/lib/kit.js';
import { settlementNotification } from '/work/main/bench/lib/notification.js';
import { seedPendingPayments } from '/work/main/bench/lib/seed.js';
import { sqliteHandWebhook } from '/work/main/bench/lib/hand-webhook.js';

const n = Number(process.env.N ?? 3000);
const db = await createBenchDatabase((process.env.DB ?? 'sqlite') as 'sqlite', 8);
const kit = await createBenchKit(db, { apiUrl: 'http://127.0.0.1:9', snapUrl: 'http://127.0.0.1:9/snap/v1' }, { trustSignature: true });
const store = kit.store;
await seedPendingPayments(store, 'WH', n, new Date(Date.now() - 3_600_000));
const hand = process.env.MODE === 'hand' ? sqliteHandWebhook(db.name) : undefined;
const bodies = Array.from({ length: n }, (_, i) => settlementNotification(`WH-${i}`));
const t0 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: Number(process.env.C ?? 16) }, async () => {
  while (next < n) { const i = next++; if (hand) await hand(bodies[i] as string, {}); else await kit.notifications.handle(bodies[i] as string, { 'content-type': 'application/json' }); }
}));
const ms = performance.now() - t0;
console.log(`${n} in ${ms.toFixed(0)} ms = ${(n / ms * 1000).toFixed(0)}/s`);
await kit.close(); await db.drop();
