/**
 * Child process of the crash test: charges once and kills itself with SIGKILL right after the
 * charge's answer is committed, before its events are dispatched (the `afterCharge` hook runs in
 * that gap). Configuration comes from the environment.
 */
import { createMidtrans } from '../../src/kit.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const kit = createMidtrans({
  serverKey: env('CRASH_SERVER_KEY'),
  apiBaseUrl: env('CRASH_API_URL'),
  database: JSON.parse(env('CRASH_DATABASE')) as never,
  tablePrefix: env('CRASH_PREFIX'),
  hooks: {
    afterCharge() {
      process.kill(process.pid, 'SIGKILL');
    },
  },
});
await kit.payments.createCharge({ orderId: env('CRASH_ORDER_ID'), paymentType: 'qris', grossAmount: 10_000 });
// Not reached: the hook killed the process.
process.exit(3);
