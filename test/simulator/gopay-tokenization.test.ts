/**
 * GoPay tokenization in the simulator: the activation page, the Pay Account notifications (200
 * ENABLED, 204 DISABLED) sent to the pay-account URL, and charges with `payment_option_token`:
 * settled at once and debited with a valid token; refused with body 411 for a wrong token,
 * another account's token, or after unbind; denied when the wallet is short.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, type Receiver, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({
    notificationUrl: `${receiver.url}/n`,
    payAccountNotificationUrl: `${receiver.url}/account`,
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

async function linkedAccount(): Promise<{ accountId: string; token: string }> {
  const created = await call(sim.apiUrl, 'POST', '/v2/pay/account', {
    payment_type: 'gopay',
    gopay_partner: { phone_number: '81234567890', country_code: '62' },
  });
  const accountId = String(created.body.account_id);
  const link = (created.body.actions as { url: string }[])[0]?.url ?? '';
  await fetch(link, { method: 'POST', redirect: 'manual' });
  const got = await call(sim.apiUrl, 'GET', `/v2/pay/account/${accountId}`);
  const options = (got.body.metadata as { payment_options: { token: string }[] }).payment_options;
  return { accountId, token: options[0]?.token ?? '' };
}

const gopayCharge = (order: string, amount: number, account_id: string, payment_option_token: string) =>
  call(
    sim.apiUrl,
    'POST',
    '/v2/charge',
    chargeBody(order, amount, { payment_type: 'gopay', gopay: { account_id, payment_option_token } }),
  );

it('notifies the pay-account URL when an account is linked and unlinked', async () => {
  const { accountId } = await linkedAccount();
  await call(sim.apiUrl, 'POST', `/v2/pay/account/${accountId}/unbind`);
  await sim.controls.idle();
  const bodies = receiver.received.filter((entry) => entry.path === '/account').map((entry) => entry.body);
  expect(bodies).toEqual([
    expect.objectContaining({ account_id: accountId, status_code: '200', account_status: 'ENABLED' }),
    expect.objectContaining({ account_id: accountId, status_code: '204', account_status: 'DISABLED' }),
  ]);
  for (const body of bodies) {
    expect(body).toMatchObject({ payment_type: 'gopay', merchant_id: expect.any(String) });
    expect(body.signature_key).toMatch(/^[0-9a-f]{128}$/);
  }
});

it('settles a token charge at once and debits the wallet; refuses bad tokens with 411', async () => {
  const mine = await linkedAccount();
  const other = await linkedAccount();
  const paid = await gopayCharge('TOK-1', 300_000, mine.accountId, mine.token);
  expect(paid.body).toMatchObject({
    status_code: '200',
    transaction_status: 'settlement',
    gross_amount: '300000.00',
  });
  const wallet = await call(sim.apiUrl, 'GET', `/v2/pay/account/${mine.accountId}`);
  expect(JSON.stringify(wallet.body)).toContain('"700000.00"');

  for (const [order, token, account] of [
    ['TOK-2', 'bm9wZQ==', mine.accountId],
    ['TOK-3', other.token, mine.accountId],
  ] as const) {
    const refused = await gopayCharge(order, 1_000, account, token);
    expect(refused.body).toMatchObject({ status_code: '411' });
    expect((await call(sim.apiUrl, 'GET', `/v2/${order}/status`)).body.status_code).toBe('404');
  }
  const short = await gopayCharge('TOK-4', 800_000, mine.accountId, mine.token);
  expect(short.body).toMatchObject({ status_code: '202', transaction_status: 'deny' });

  await call(sim.apiUrl, 'POST', `/v2/pay/account/${mine.accountId}/unbind`);
  const after = await gopayCharge('TOK-5', 1_000, mine.accountId, mine.token);
  expect(after.body).toMatchObject({ status_code: '411' });
});
