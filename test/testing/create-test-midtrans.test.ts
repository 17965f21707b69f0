/** `midtrans-kit/testing`: the helper hosts use in their own tests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMidtrans, type TestMidtrans } from '../../src/testing/index.js';

describe('createTestMidtrans', () => {
  let t: TestMidtrans;
  beforeAll(async () => {
    t = await createTestMidtrans();
  });
  afterAll(async () => t.close());

  it('pays, fails and expires through notifications', async () => {
    const paid = await t.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    expect((await t.pay(paid.payment.orderId)).status).toBe('paid');
    const failed = await t.kit.payments.createCharge({
      paymentType: 'bank_transfer',
      grossAmount: 10_000,
      paymentOptions: { bank: 'bri' },
    });
    expect((await t.fail(failed.payment.orderId)).status).toBe('denied');
    const expired = await t.kit.payments.createCharge({ paymentType: 'gopay', grossAmount: 10_000 });
    expect((await t.expire(expired.payment.orderId)).status).toBe('expired');
  });

  it('challenges a card payment, which a staff member then approves', async () => {
    const token = await t.kit.client.core.cardToken({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: String(new Date().getFullYear() + 1),
    });
    const { payment } = await t.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 50_000,
      paymentOptions: { tokenId: token.token_id, authentication: true },
    });
    expect((await t.challenge(payment.orderId)).status).toBe('challenge');
    expect((await t.kit.payments.approvePayment(payment.orderId)).payment.status).toBe('paid');
  });

  it('hears events', async () => {
    const own = await createTestMidtrans();
    try {
      const seen: string[] = [];
      const off = own.kit.events.on('payment.paid', (e) => {
        seen.push(e.payment.orderId);
      });
      const { payment } = await own.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
      await own.pay(payment.orderId);
      off();
      expect(seen).toEqual([payment.orderId]);
    } finally {
      await own.close();
    }
  });

  it('a listener registered later hears what was recorded while nobody listened', async () => {
    const own = await createTestMidtrans();
    try {
      const { payment } = await own.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
      await own.pay(payment.orderId);
      const seen: string[] = [];
      const off = own.kit.events.on('payment.paid', (e) => {
        seen.push(e.payment.orderId);
      });
      await own.kit.events.dispatchPending();
      off();
      expect(seen).toEqual([payment.orderId]);
    } finally {
      await own.close();
    }
  });

  it('two test kits in one process share nothing', async () => {
    const other = await createTestMidtrans();
    try {
      const { payment } = await other.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
      expect(await t.kit.store.payments.findByOrderId(payment.orderId)).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
