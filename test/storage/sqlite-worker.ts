/**
 * Child process of sqlite-processes.test.ts: increments a payment's refund count in `iterations`
 * separate transactions, each reading the row through a locking read first.
 * Arguments: <sqlite file> <table prefix> <payment id> <iterations>.
 */
import { createKnexStore } from '../../src/storage/index.js';

const [filename = '', tablePrefix = '', paymentId = '', iterations = '0'] = process.argv.slice(2);
const store = createKnexStore({
  database: { client: 'better-sqlite3', connection: { filename } },
  tablePrefix,
});
try {
  for (let i = 0; i < Number(iterations); i += 1) {
    await store.transaction(async (tx) => {
      const payment = await tx.payments.lockById(paymentId);
      if (payment === undefined) throw new Error('payment missing');
      // Yield between the read and the write so the other process gets every chance to interleave.
      await new Promise((resolve) => setImmediate(resolve));
      await tx.payments.update(paymentId, { refundCount: payment.refundCount + 1 });
    });
  }
} finally {
  await store.close();
}
