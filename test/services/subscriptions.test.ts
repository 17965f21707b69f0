/**
 * SubscriptionService over the simulator on every database: a monthly card subscription driven by
 * the simulator clock through three charges, one failure and its retry, then disabled, enabled,
 * updated and cancelled — each event written once; refused transitions and bad input write nothing.
 * A file of its own: moving the simulator clock by months would expire other suites' payments.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { fromWireSubscription } from '../../src/domain/mapping.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import type { CreateSubscriptionOptions } from '../../src/services/subscriptions/subscription-input.js';
import type { Subscription } from '../../src/storage/records/subscription.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { orderId, outboxEvents } from './webhook-helpers.js';

const MINUTE = 60_000;
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

async function subscriptionCount(kit: MidtransKit): Promise<number> {
  return (await kit.store.subscriptions.list({ limit: 1000 })).items.length;
}

describeWithKit('subscriptions', (h) => {
  const name = `GYM-${randomBytes(3).toString('hex')}`;
  const stored = async (id: string): Promise<Subscription> => h.kit.subscriptions.getSubscription(id);
  const events = async (type: string, id: string) => (await outboxEvents(h.kit, type, id)).length;
  /** Move the simulator clock just past the subscription's next billing time and deliver everything. */
  const runNextCharge = async (sub: Subscription) => {
    const remote = await h.kit.client.subscriptions.get(sub.midtransSubscriptionId ?? '?');
    const next = fromWireSubscription(remote).schedule.nextExecutionAt;
    if (next === undefined) throw new Error('no next charge scheduled');
    h.sim.controls.setNow(new Date(next.getTime() + MINUTE));
    await h.settle();
  };

  itWithKit(
    h,
    'runs a monthly subscription through charges, a failure and its retry, and every action',
    async () => {
      const token = await savedCardToken(h.kit);
      const { subscription, response } = await h.kit.subscriptions.createSubscription({
        name,
        amount: 99_000,
        paymentType: 'credit_card',
        token,
        customerDetails: { firstName: 'Sari', email: 'sari@example.com' },
        user: { id: 'u-1' },
        metadata: { plan: 'gold' },
      });
      expect(subscription).toMatchObject({
        status: 'active',
        midtransSubscriptionId: response.id,
        amount: 99_000,
        interval: 1,
        intervalUnit: 'month',
        maxInterval: 12,
        retryInterval: 1,
        retryIntervalUnit: 'day',
        retryMaxInterval: 3,
        customerEmail: 'sari@example.com',
        userId: 'u-1',
        chargeCount: 0,
        failureCount: 0,
      });
      expect(subscription.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(await events('subscription.created', subscription.id)).toBe(1);
      await h.settle();

      // Charge 1 succeeds.
      await runNextCharge(subscription);
      let current = await stored(subscription.id);
      expect(current).toMatchObject({ chargeCount: 1, failureCount: 0, lastChargeStatus: 'charged' });
      const first = await h.kit.store.payments.findByTransactionId(current.lastTransactionId ?? '?');
      expect(first).toMatchObject({ status: 'paid', subscriptionId: subscription.id, grossAmount: 99_000 });

      // Charge 2 fails, then its retry a day later succeeds.
      h.sim.controls.failNextSubscriptionCharges(response.id, 1);
      await runNextCharge(current);
      current = await stored(subscription.id);
      expect(current).toMatchObject({ chargeCount: 1, failureCount: 1, lastChargeStatus: 'failed' });
      expect(current.lastError).not.toBeNull();
      const failed = await h.kit.store.payments.findByTransactionId(current.lastTransactionId ?? '?');
      expect(failed).toMatchObject({ status: 'denied', subscriptionId: subscription.id });
      h.sim.controls.advanceClock(DAY + MINUTE);
      await h.settle();
      current = await stored(subscription.id);
      expect(current).toMatchObject({ chargeCount: 2, failureCount: 0, lastChargeStatus: 'charged' });

      // Charge 3.
      await runNextCharge(current);
      current = await stored(subscription.id);
      expect(current).toMatchObject({ chargeCount: 3, failureCount: 0, status: 'active' });
      expect(current.lastChargeAt).toBeInstanceOf(Date);
      expect(await events('subscription.charged', subscription.id)).toBe(3);
      expect(await events('subscription.charge_failed', subscription.id)).toBe(1);
      // A repeated delivery of a charge (Midtrans's retry, or a replay) is recognised and counts nothing.
      const deliveries = await h.kit.store.notifications.list({ outcome: 'applied', limit: 200 });
      const chargeRow = deliveries.items.find(
        (row) =>
          row.orderId === null &&
          row.rawBody.includes(response.id) &&
          row.rawBody.includes('subscription.charge'),
      );
      const [replayed] = await h.kit.notifications.reprocess(chargeRow?.id ?? '?');
      expect(replayed?.verdict).toBe('duplicate');
      expect(await stored(subscription.id)).toMatchObject({ chargeCount: 3, failureCount: 0 });
      expect(await events('subscription.charged', subscription.id)).toBe(3);
      const payments = await h.kit.store.payments.list({ limit: 100 });
      expect(payments.items.filter((p) => p.subscriptionId === subscription.id)).toHaveLength(4);

      // Disable, enable, update the amount, cancel: each changes the record and raises its event once.
      const disabled = await h.kit.subscriptions.disableSubscription(current);
      expect(disabled.subscription.status).toBe('disabled');
      expect(current.status).toBe('disabled');
      expect((await h.kit.client.subscriptions.get(response.id)).status).toBe('inactive');
      await h.kit.subscriptions.getSubscriptionStatus(current);
      expect(current.status).toBe('disabled');
      const enabled = await h.kit.subscriptions.enableSubscription(current.id);
      expect(enabled.subscription.status).toBe('active');
      const updated = await h.kit.subscriptions.updateSubscription(current, { amount: 120_000 });
      expect(updated.subscription).toMatchObject({ amount: 120_000, status: 'active' });
      expect((await h.kit.client.subscriptions.get(response.id)).amount).toBe('120000');
      const cancelled = await h.kit.subscriptions.cancelSubscription(response.id);
      expect(cancelled.subscription.status).toBe('cancelled');
      for (const type of ['disabled', 'enabled', 'updated', 'cancelled']) {
        expect(await events(`subscription.${type}`, subscription.id)).toBe(1);
      }

      // A cancelled subscription cannot be enabled, disabled or updated; nothing is written.
      const final = await stored(subscription.id);
      for (const attempt of [
        () => h.kit.subscriptions.enableSubscription(final.id),
        () => h.kit.subscriptions.disableSubscription(final.id),
        () => h.kit.subscriptions.updateSubscription(final.id, { amount: 1000 }),
        () => h.kit.subscriptions.cancelSubscription(final.id),
      ]) {
        await expect(attempt()).rejects.toBeInstanceOf(InvalidStateError);
      }
      expect(await stored(subscription.id)).toMatchObject({ status: 'cancelled', version: final.version });
      expect(await events('subscription.enabled', subscription.id)).toBe(1);
    },
  );

  itWithKit(h, 'rejects bad input naming the field, writing nothing', async () => {
    const before = await subscriptionCount(h.kit);
    const base: CreateSubscriptionOptions = {
      name: 'PLAN',
      amount: 10_000,
      paymentType: 'credit_card',
      token: 't',
    };
    const cases: [Partial<CreateSubscriptionOptions> & Record<string, unknown>, string][] = [
      [{ token: undefined }, 'token'],
      [{ paymentType: 'gopay', token: 'x' }, 'gopayAccountId'],
      [{ name: 'has spaces' }, 'name'],
      [{ name: 'N'.repeat(41) }, 'name'],
      [{ amount: 0 }, 'amount'],
      [{ amount: 1.5 }, 'amount'],
      [{ interval: 0 }, 'interval'],
      [{ intervalUnit: 'year' as 'month' }, 'intervalUnit'],
      [{ maxInterval: -1 }, 'maxInterval'],
      [{ startTime: new Date(Date.now() - DAY) }, 'startTime'],
      [{ retryIntervalUnit: 'week' as 'day' }, 'retryIntervalUnit'],
      [{ retryMaxInterval: 4 }, 'retryMaxInterval'],
      [{ paymentType: 'bank_transfer' as 'gopay' }, 'paymentType'],
      [{ customerDetails: { email: 'nope' } }, 'customerDetails.email'],
    ];
    for (const [overrides, field] of cases) {
      const error = await h.kit.subscriptions
        .createSubscription({ ...base, ...overrides } as CreateSubscriptionOptions)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.field)).toContain(field);
    }
    const updateError = await h.kit.subscriptions
      .updateSubscription('missing', { schedule: { interval: 0 } })
      .catch((e: unknown) => e);
    expect((updateError as ValidationError).issues.map((issue) => issue.field)).toContain(
      'schedule.interval',
    );
    expect(await subscriptionCount(h.kit)).toBe(before);
  });

  itWithKit(h, 'records a refusal as failed and a lost answer as created, resumed with its key', async () => {
    const kit = await h.createKit({ maxRetries: 0 });
    const input = { amount: 10_000, paymentType: 'credit_card', token: 'tok' } as const;
    h.sim.controls.fault({ path: '/v1/subscriptions', method: 'POST', kind: 'status', status: 400 });
    await expect(kit.subscriptions.createSubscription({ ...input, name: 'REFUSED' })).rejects.toMatchObject({
      code: 'midtrans_api_error',
    });
    const [refused] = (await kit.store.subscriptions.list({ limit: 10 })).items;
    expect(refused).toMatchObject({ name: 'REFUSED', status: 'failed', midtransSubscriptionId: null });
    expect(refused?.lastError).toContain('400');
    await expect(kit.subscriptions.getSubscriptionStatus(refused?.id ?? '?')).rejects.toBeInstanceOf(
      InvalidStateError,
    );

    h.sim.controls.fault({ path: '/v1/subscriptions', method: 'POST', kind: 'drop' });
    await expect(kit.subscriptions.createSubscription({ ...input, name: 'LOST' })).rejects.toMatchObject({
      code: 'midtrans_network_error',
    });
    const lost = (await kit.store.subscriptions.list({ limit: 10 })).items.find((s) => s.name === 'LOST');
    expect(lost).toMatchObject({ status: 'created', midtransSubscriptionId: null });
    expect(lost?.lastError).not.toBeNull();
    const { subscription } = await kit.subscriptions.getSubscriptionStatus(lost?.id ?? '?');
    expect(subscription).toMatchObject({
      status: 'active',
      lastError: null,
      idempotencyKey: lost?.idempotencyKey,
    });
    expect(subscription.midtransSubscriptionId).not.toBeNull();
    expect(await outboxEvents(kit, 'subscription.created', subscription.id)).toHaveLength(1);
  });
});
