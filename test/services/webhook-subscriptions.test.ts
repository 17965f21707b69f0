/**
 * A subscription charged by the simulator: the charge's recurring event (naming the subscription by
 * Midtrans's id) creates and settles the payment of the stored subscription and updates the
 * subscription; its payment notification (order id = name + 32 digits) lands on the same payment;
 * the creation event is ignored.
 * A file of its own, because moving the simulator clock a day would expire other tests' payments.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeWithKit } from '../support/kit-harness.js';
import { orderId, outboxEvents, paymentOf } from './webhook-helpers.js';

const HOUR = 3_600_000;

describeWithKit('webhook subscription charges', (h) => {
  it('creates and settles the payment of each charge of a stored subscription', async () => {
    const { core, subscriptions } = h.kit.client;
    const card = await core.cardToken({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2035',
    });
    const saved = await core.charge({
      payment_type: 'credit_card',
      transaction_details: { order_id: orderId('SAVE'), gross_amount: 10_000 },
      credit_card: { token_id: card.token_id, save_token_id: true },
    });
    const name = `SUB-${randomBytes(4).toString('hex')}`;
    const remote = await subscriptions.create({
      name,
      amount: '7000',
      currency: 'IDR',
      payment_type: 'credit_card',
      token: String(saved.saved_token_id),
      schedule: { interval: 1, interval_unit: 'day', max_interval: 1 },
    });
    const local = await h.kit.store.subscriptions.insert({
      midtransSubscriptionId: remote.id,
      name,
      paymentType: 'credit_card',
      amount: 7_000,
      interval: 1,
      intervalUnit: 'day',
    });
    await h.settle();
    h.sim.controls.advanceClock(25 * HOUR);
    await h.settle();

    const charges = h.sim.controls.transactions().filter((t) => t.orderId.startsWith(name));
    expect(charges).toHaveLength(1);
    const id = charges[0]?.orderId ?? '?';
    // Midtrans: "subscription name and 10 digits of unique number" (reference/create-subscription).
    expect(id).toMatch(new RegExp(`^${name}\\d{10}$`));
    const payment = await paymentOf(h.kit, id);
    expect(payment).toMatchObject({ status: 'paid', subscriptionId: local.id, grossAmount: 7_000 });
    expect(await outboxEvents(h.kit, 'payment.paid', payment.id)).toHaveLength(1);

    const recurring = await h.kit.store.notifications.list({ limit: 100 });
    const events = recurring.items.filter((row) => row.rawBody.includes(remote.id) && row.orderId === null);
    // The subscription object on creation is ignored; the charge event updates the subscription.
    const kinds = events.map((row) => {
      const body = JSON.parse(row.rawBody) as { event_name?: string; id?: string };
      return `${body.event_name ?? (body.id === remote.id ? 'created' : 'other')}:${row.outcome}`;
    });
    expect(kinds.sort()).toEqual(['created:ignored', 'subscription.charge:applied']);
    const updated = await h.kit.store.subscriptions.findById(local.id);
    expect(updated).toMatchObject({ chargeCount: 1, failureCount: 0, lastChargeStatus: 'charged' });
  });
});
