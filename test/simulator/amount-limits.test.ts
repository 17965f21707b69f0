/**
 * Per-method amount limits (issue 19, item 4.3). The limits are the acquirer ranges of
 * docs/midtrans-wire.md §12 (from the docs.midtrans.com pages of each method; e.g. card
 * 10,000–999,999,999, BCA VA from 10,000, QRIS up to 10,000,000, GoPay up to 20,000,000 for a
 * verified user, Indomaret/Alfamart up to 5,000,000), kept in one table, src/domain/amount-limits.ts,
 * that the kit and the simulator share. Midtrans does not document the wording of its refusal, so
 * the simulator answers its usual 400 with `validation_messages` naming `gross_amount`, and
 * creates nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, startTestSimulator } from './harness.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await sim.close();
});

const cases: [string, Record<string, unknown>, number, number][] = [
  // name, method fields, last accepted amount, first refused amount
  ['Indomaret max', { payment_type: 'cstore', cstore: { store: 'indomaret' } }, 5_000_000, 5_000_001],
  ['Alfamart max', { payment_type: 'cstore', cstore: { store: 'alfamart' } }, 5_000_000, 5_000_001],
  ['QRIS max', { payment_type: 'qris' }, 10_000_000, 10_000_001],
  ['GoPay max', { payment_type: 'gopay' }, 20_000_000, 20_000_001],
  [
    'CIMB VA max',
    { payment_type: 'bank_transfer', bank_transfer: { bank: 'cimb' } },
    250_000_000,
    250_000_001,
  ],
  ['BCA VA min', { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } }, 10_000, 9_999],
  ['Indomaret min', { payment_type: 'cstore', cstore: { store: 'indomaret' } }, 10_000, 9_999],
];

describe('amount limits per payment method', () => {
  it.each(cases)('%s: the edge is accepted, one past it refused', async (name, method, ok, refused) => {
    const tag = name.replace(/\W+/g, '-');
    const accepted = await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody(`AL-${tag}-ok`, ok, method));
    expect(accepted.body.status_code).toBe('201');
    const answer = await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody(`AL-${tag}-no`, refused, method));
    expect(answer.status).toBe(400);
    expect(answer.body.status_code).toBe('400');
    expect(JSON.stringify(answer.body.validation_messages)).toContain(
      'transaction_details.gross_amount must be',
    );
    expect(sim.controls.transactions().some((txn) => txn.orderId === `AL-${tag}-no`)).toBe(false);
  });
});
