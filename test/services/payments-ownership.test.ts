/**
 * Issue 17.2: an order id that is already stored is retried only by its owner with the same
 * request. Anyone else gets a ConflictError on `orderId` that reveals nothing of the record and
 * changes nothing: not after a failed charge (a), not inside Midtrans's idempotency window after an
 * unknown one (b).
 */
import { expect } from 'vitest';
import { nodeHttpTransport } from '../../src/client/node-http-transport.js';
import type { Transport } from '../../src/client/transport.js';
import { ConflictError, MidtransApiError, MidtransNetworkError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import type { CreateChargeOptions } from '../../src/services/payments/charge-input.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { orderId } from './payment-helpers.js';

const ALICE = { id: 'alice' };
const BOB = { id: 'bob' };

type VaCharge = Extract<CreateChargeOptions, { paymentType: 'bank_transfer' }>;

function aliceVa(id: string): VaCharge {
  return {
    orderId: id,
    paymentType: 'bank_transfer',
    grossAmount: 150_000,
    paymentOptions: { bank: 'bni' },
    customerDetails: { firstName: 'Alice', email: 'alice@example.com', phone: '+628111111111' },
    user: ALICE,
  };
}

/** The refusal a stranger gets: a conflict on orderId that tells nothing of the record. */
async function expectRefused(attempt: Promise<unknown>): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  const conflict = error as ConflictError;
  expect(conflict.field).toBe('orderId');
  const told = JSON.stringify({ ...conflict, message: conflict.message });
  for (const secret of ['150000', '150.000', 'Alice', 'alice@', '628111111111', 'failed', 'unknown']) {
    expect(told).not.toContain(secret);
  }
}

/** A transport that loses the first charge answer after Midtrans created the charge. */
function losingFirstCharge(): Transport {
  let lose = 1;
  return async (request) => {
    const response = await nodeHttpTransport(request);
    if (request.url.endsWith('/v2/charge') && lose-- > 0) throw new Error('socket hang up');
    return response;
  };
}

describeWithKit('payments: an order id belongs to its owner', (h) => {
  itWithKit(h, "(a) after Alice's charge failed, Bob cannot take her order id", async () => {
    h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 503, times: 3 });
    const id = orderId('own-a');
    await expect(h.kit.payments.createCharge(aliceVa(id))).rejects.toBeInstanceOf(MidtransApiError);
    const before = await h.kit.payments.getPayment(id);
    expect(before).toMatchObject({ status: 'failed', userId: 'alice', grossAmount: 150_000 });

    await expectRefused(
      h.kit.payments.createCharge({
        orderId: id,
        paymentType: 'bank_transfer',
        grossAmount: 1_000,
        paymentOptions: { bank: 'bni' },
        user: BOB,
      }),
    );
    // Anonymous (no user) is another owner too.
    await expectRefused(h.kit.payments.createCharge({ ...aliceVa(id), user: undefined }));
    const after = await h.kit.payments.getPayment(id);
    expect(after).toEqual(before);
    expect(h.sim.controls.transaction(id)).toBeUndefined();
    expect(await h.kit.payments.listPayments({ user: BOB })).toMatchObject({ items: [] });

    // Alice herself may charge it again, since Midtrans created no transaction for it.
    const { payment } = await h.kit.payments.createCharge(aliceVa(id));
    expect(payment).toMatchObject({ status: 'pending', userId: 'alice', grossAmount: 150_000 });
  });

  itWithKit(
    h,
    "(b) after Alice's charge ended unknown, Bob's identical charge does not get hers",
    async () => {
      const kit: MidtransKit = await h.createKit({ transport: losingFirstCharge(), maxRetries: 0 });
      const id = orderId('own-b');
      await expect(kit.payments.createCharge(aliceVa(id))).rejects.toBeInstanceOf(MidtransNetworkError);
      const before = await kit.payments.getPayment(id);
      expect(before).toMatchObject({ status: 'unknown', userId: 'alice' });

      const bobs = { ...aliceVa(id), customerDetails: { firstName: 'Bob' }, user: BOB };
      await expectRefused(kit.payments.createCharge(bobs));
      await expectRefused(kit.payments.createCharge({ ...aliceVa(id), user: BOB }));
      expect(await kit.payments.getPayment(id)).toEqual(before);

      // Alice's own retry, unchanged, gets her payment (Midtrans answers the stored key).
      const { payment } = await kit.payments.createCharge(aliceVa(id));
      expect(payment).toMatchObject({ status: 'pending', userId: 'alice', customerFirstName: 'Alice' });
      expect(payment.idempotencyKey).toBe(before.idempotencyKey);
      expect(h.sim.controls.transactions().filter((t) => t.orderId === id)).toHaveLength(1);
    },
  );

  itWithKit(h, 'the owner retrying an open charge with another request is refused too', async () => {
    const kit: MidtransKit = await h.createKit({ transport: losingFirstCharge(), maxRetries: 0 });
    const id = orderId('own-c');
    await expect(kit.payments.createCharge(aliceVa(id))).rejects.toBeInstanceOf(MidtransNetworkError);
    const before = await kit.payments.getPayment(id);
    const changed: CreateChargeOptions[] = [
      { ...aliceVa(id), grossAmount: 1_000 },
      { ...aliceVa(id), paymentOptions: { bank: 'permata' } },
      { ...aliceVa(id), customerDetails: { firstName: 'Mallory' } },
      { ...aliceVa(id), metadata: { note: 'other' } },
    ];
    for (const input of changed) {
      const error = await kit.payments.createCharge(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).field).toBe('orderId');
    }
    expect(await kit.payments.getPayment(id)).toEqual(before);
  });
});
