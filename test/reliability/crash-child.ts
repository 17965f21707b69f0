/**
 * Child process of the crash test. It runs one `createCharge` or `refundPayment` and kills itself
 * with SIGKILL at the step named by CRASH_STEP, through the kit's own `transport` option (no test
 * seam in the library): `*-before` dies just before the request leaves, `*-after` just after
 * Midtrans's answer arrived, before the kit could record it.
 */
import type { Knex } from 'knex';
import { nodeHttpTransport, type Transport } from '../../src/client/index.js';
import { createMidtrans } from '../../src/kit.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const step = env('CRASH_STEP');
const [operation, moment] = step.split('-');
const target = operation === 'charge' ? /\/v2\/charge$/ : /\/v2\/[^/]+\/refund$/;

const dying: Transport = async (request) => {
  const hit = target.test(new URL(request.url).pathname);
  if (hit && moment === 'before') process.kill(process.pid, 'SIGKILL');
  const response = await nodeHttpTransport(request);
  if (hit && moment === 'after') process.kill(process.pid, 'SIGKILL');
  return response;
};

const kit = createMidtrans({
  serverKey: env('CRASH_SERVER_KEY'),
  apiBaseUrl: env('CRASH_API_URL'),
  database: JSON.parse(env('CRASH_DATABASE')) as Knex.Config,
  tablePrefix: env('CRASH_PREFIX'),
  transport: dying,
});
const orderId = env('CRASH_ORDER_ID');
if (operation === 'charge') {
  await kit.payments.createCharge({ orderId, paymentType: 'gopay', grossAmount: 30_000 });
} else {
  await kit.payments.refundPayment(orderId, { amount: 10_000, refundKey: `${orderId}-rk` });
}
// Not reached: the transport killed the process.
process.exit(3);
