/**
 * Issue 17.1: a subscription's name is not unique. Two users each subscribe to a plan named
 * "GOLD-PLAN"; every charge Midtrans makes must land on its own subscription and owner, named by
 * Midtrans's subscription id, never by the name inside the generated order id. A payment
 * notification that only the name could attribute is refused and kept, not guessed.
 * A file of its own: moving the simulator clock a day would expire other suites' payments.
 */
import { expect } from 'vitest';
import type { MidtransKit } from '../../src/kit.js';
import type { Payment } from '../../src/storage/records/payment.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { orderId } from './webhook-helpers.js';

const DAY = 86_400_000;

async function savedCardToken(kit: MidtransKit): Promise<string> {
  const card = await kit.client.core.cardToken({
    card_number: '4811111111111114',
    card_cvv: '123',
    card_exp_month: '12',
    card_exp_year: '2035',
  });
  const saved = await kit.client.core.charge({
    payment_type: 'credit_card',
    transaction_details: { order_id: orderId('SAVE'), gross_amount: 10_000 },
    credit_card: { token_id: card.token_id, save_token_id: true },
  });
  return String(saved.saved_token_id);
}

interface PaidEvent {
  payment: Pick<Payment, 'orderId' | 'userId' | 'subscriptionId'>;
}

async function paidEvents(kit: MidtransKit): Promise<PaidEvent[]> {
  const rows: { payload: unknown }[] = await kit.store
    .knex(kit.store.tables.outbox)
    .select('payload')
    .where('type', 'payment.paid');
  return rows.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload));
}

describeWithKit('subscription charges are attributed by Midtrans subscription id', (h) => {
  itWithKit(h, 'two users with plans named GOLD-PLAN: each charge lands on its own owner', async () => {
    const subscribe = async (userId: string, amount: number) =>
      (
        await h.kit.subscriptions.createSubscription({
          name: 'GOLD-PLAN',
          amount,
          paymentType: 'credit_card',
          token: await savedCardToken(h.kit),
          interval: 1,
          intervalUnit: 'day',
          maxInterval: 1,
          user: { id: userId },
        })
      ).subscription;
    const alice = await subscribe('alice', 50_000);
    const bob = await subscribe('bob', 60_000);
    await h.settle();
    h.sim.controls.advanceClock(DAY + 60_000);
    await h.settle();

    const charges = h.sim.controls.transactions().filter((t) => t.orderId.startsWith('GOLD-PLAN'));
    expect(charges).toHaveLength(2);
    const byAmount = new Map(charges.map((t) => [t.grossAmount, t.orderId]));
    for (const [sub, amount] of [
      [alice, 50_000],
      [bob, 60_000],
    ] as const) {
      const id = byAmount.get(amount) ?? '?';
      const payment = await h.kit.store.payments.findByOrderId(id);
      expect(payment).toMatchObject({
        status: 'paid',
        grossAmount: amount,
        userId: sub.userId,
        subscriptionId: sub.id,
      });
      const paid = (await paidEvents(h.kit)).filter((e) => e.payment.orderId === id);
      expect(paid).toHaveLength(1);
      expect(paid[0]?.payment).toMatchObject({ userId: sub.userId, subscriptionId: sub.id });
      const current = await h.kit.subscriptions.getSubscription(sub.id);
      expect(current).toMatchObject({ chargeCount: 1, lastChargeStatus: 'charged' });
      expect(current.lastTransactionId).toBe(payment?.transactionId);
    }

    // A forged Recurring Notification (they are unsigned) naming Alice's subscription with Bob's
    // charge is refused: the charge is not among her subscription's transactions at Midtrans.
    const bobCharge = charges.find((t) => t.grossAmount === 60_000);
    const forged = {
      transaction: {
        transaction_status: 'capture',
        transaction_id: bobCharge?.transactionId,
        status_code: '200',
      },
      subscription: { id: alice.midtransSubscriptionId, name: 'GOLD-PLAN', status: 'active' },
      event_name: 'subscription.charge',
    };
    const result = await h.kit.notifications.handle(JSON.stringify(forged));
    expect(result.verdict).toBe('unknown_order');
    expect(await h.kit.subscriptions.getSubscription(alice.id)).toMatchObject({ chargeCount: 1 });
    expect(await h.kit.store.payments.findByOrderId(bobCharge?.orderId ?? '?')).toMatchObject({
      userId: bob.userId,
      subscriptionId: bob.id,
    });
  });
});
