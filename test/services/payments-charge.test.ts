/** Every payment type: charged, instructions stored, paid through the simulator, notified, `paid`. */
import { expect, it } from 'vitest';
import { parseMidtransTime } from '../../src/domain/wire-time.js';
import { ValidationError } from '../../src/errors.js';
import type { KitEvent } from '../../src/services/events/events.js';
import { describeWithKit } from '../support/kit-harness.js';
import { cardToken, chargeCases, orderId } from './payment-helpers.js';

describeWithKit('payments: charge and pay', (h) => {
  for (const { name, input } of chargeCases()) {
    it(`${name}: pending with instructions, then paid by notification`, async () => {
      const id = orderId(name.replace(/\s/g, ''));
      const { payment, response } = await h.kit.payments.createCharge({
        ...input,
        orderId: id,
        user: { id: 42 },
      } as never);
      expect(response.transaction_status).toBe('pending');
      expect(payment).toMatchObject({ orderId: id, status: 'pending', userId: '42', grossAmount: 50_000 });
      expect(payment.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      const instructions = [
        payment.vaNumber,
        payment.billKey,
        payment.paymentCode,
        payment.qrString,
        payment.redirectUrl,
        payment.deeplinkUrl,
        payment.actions,
      ];
      expect(instructions.some((value) => value !== null)).toBe(true);
      h.sim.controls.pay(id);
      await h.settle();
      const stored = await h.kit.payments.getPayment(id);
      expect(stored.status).toBe('paid');
      expect(stored.settlementTime).toBeInstanceOf(Date);
    });
  }

  it('bank transfer keeps the VA number and bank; Mandiri keeps bill key and biller code', async () => {
    const bca = await h.kit.payments.createCharge({
      paymentType: 'bank_transfer',
      grossAmount: 20_000,
      paymentOptions: { bank: 'bca' },
    });
    expect(bca.payment.bank).toBe('bca');
    expect(bca.payment.vaNumber).toMatch(/^\d+$/);
    expect(bca.payment.expiryTime).toBeInstanceOf(Date);
    const permata = await h.kit.payments.createCharge({
      paymentType: 'bank_transfer',
      grossAmount: 20_000,
      paymentOptions: { bank: 'permata' },
    });
    expect(permata.payment).toMatchObject({ bank: 'permata', vaNumber: expect.stringMatching(/^\d+$/) });
    const bill = await h.kit.payments.createCharge({
      paymentType: 'echannel',
      grossAmount: 20_000,
      paymentOptions: { billInfo1: 'a', billInfo2: 'b' },
    });
    expect(bill.payment).toMatchObject({ billerCode: '70012', billKey: expect.any(String) });
    const store = await h.kit.payments.createCharge({
      paymentType: 'cstore',
      grossAmount: 20_000,
      paymentOptions: { store: 'indomaret' },
    });
    expect(store.payment).toMatchObject({ store: 'indomaret', paymentCode: expect.any(String) });
    const qris = await h.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 20_000 });
    expect(qris.payment.qrString).toEqual(expect.any(String));
  });

  // docs.midtrans.com/reference/custom-expiry-object: expiry_duration is String(50), unit defaults
  // to minute; GoPay's window is at most 7 days (deployment notice, 30 August 2022).
  it('custom expiry as Midtrans takes it: "90" without unit is 90 minutes; GoPay beyond 7 days is refused', async () => {
    const { payment, response } = await h.kit.payments.createCharge({
      paymentType: 'cstore',
      grossAmount: 20_000,
      paymentOptions: { store: 'alfamart' },
      customExpiry: { expiryDuration: '90' },
    });
    const chargedAt = parseMidtransTime(String(response.transaction_time)).getTime();
    expect(payment.expiryTime?.getTime()).toBe(chargedAt + 90 * 60_000);
    const id = orderId('gopay-8d');
    const refused = await h.kit.payments
      .createCharge({
        orderId: id,
        paymentType: 'gopay',
        grossAmount: 20_000,
        customExpiry: { expiryDuration: 8, unit: 'day' },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { field: 'customExpiry.expiryDuration', reason: 'must last between 20 seconds and 7 days' },
    ]);
    await expect(h.kit.payments.getPayment(id)).rejects.toThrow();
    expect(h.sim.controls.transactions().some((txn) => txn.orderId === id)).toBe(false);
  });

  it('a store payment with a custom expiry keeps it, although Midtrans does not echo it', async () => {
    const { payment, response } = await h.kit.payments.createCharge({
      paymentType: 'cstore',
      grossAmount: 20_000,
      paymentOptions: { store: 'indomaret' },
      customExpiry: { expiryDuration: 90, unit: 'minute' },
    });
    expect(response.expiry_time).toBeUndefined();
    const chargedAt = parseMidtransTime(String(response.transaction_time)).getTime();
    expect(payment.expiryTime?.getTime()).toBe(chargedAt + 90 * 60_000);
    // Without a window of its own, nothing is made up.
    const plain = await h.kit.payments.createCharge({
      paymentType: 'cstore',
      grossAmount: 20_000,
      paymentOptions: { store: 'indomaret' },
    });
    expect(plain.payment.expiryTime).toBeNull();
  });

  it('card without 3DS is paid at once; with 3DS pending until the customer completes it', async () => {
    const direct = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 150_000,
      paymentOptions: { tokenId: await cardToken(h.kit) },
    });
    expect(direct.payment.status).toBe('paid');
    const secure = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 150_000,
      paymentOptions: { tokenId: await cardToken(h.kit), authentication: true },
    });
    expect(secure.payment).toMatchObject({ status: 'pending', redirectUrl: expect.stringContaining('3ds') });
    h.sim.controls.pay(secure.payment.orderId);
    await h.settle();
    expect((await h.kit.payments.getPayment(secure.payment.orderId)).status).toBe('paid');
  });

  it('emits created, pending and paid once each, with stable ids', async () => {
    const seen: KitEvent<'payment.created' | 'payment.pending' | 'payment.paid'>[] = [];
    const offs = (['payment.created', 'payment.pending', 'payment.paid'] as const).map((type) =>
      h.kit.events.on(type, (event) => {
        if (event.payment.orderId === id) seen.push(event);
      }),
    );
    const id = orderId('events');
    await h.kit.payments.createCharge({ orderId: id, paymentType: 'gopay', grossAmount: 10_000 });
    h.sim.controls.pay(id);
    await h.settle();
    await h.kit.events.dispatchPending();
    for (const off of offs) off();
    expect(seen.map((e) => e.type)).toEqual(['payment.created', 'payment.pending', 'payment.paid']);
    expect(seen[2]?.payment.status).toBe('paid');
    expect(seen[2]?.payment.createdAt).toBeInstanceOf(Date);
    expect(new Set(seen.map((e) => e.id)).size).toBe(3);
  });

  it('getStatus updates the record and the object it was given', async () => {
    const { payment } = await h.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    // Paid at Midtrans while our receiver is unaware: notifications are dropped for this order.
    h.sim.controls.notificationFault({ kind: 'delay', ms: 60_000, times: 1 });
    h.sim.controls.pay(payment.orderId);
    const response = await h.kit.payments.getStatus(payment);
    expect(response.transaction_status).toBe('settlement');
    expect(payment.status).toBe('paid');
    expect((await h.kit.payments.getPayment(payment.orderId)).status).toBe('paid');
    h.sim.controls.clearFaults();
  });

  it('lists a user’s payments, newest first, by status', async () => {
    const user = { id: `u-${Date.now()}` };
    const a = await h.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000, user });
    const b = await h.kit.payments.createCharge({ paymentType: 'gopay', grossAmount: 10_000, user });
    const page = await h.kit.payments.listPayments({ user });
    expect(page.items.map((p) => p.orderId)).toEqual([b.payment.orderId, a.payment.orderId]);
    const one = await h.kit.payments.listPayments({ user, limit: 1 });
    expect(one.nextCursor).not.toBeNull();
    const next = await h.kit.payments.listPayments({ user, limit: 1, cursor: one.nextCursor ?? '' });
    expect(next.items[0]?.orderId).toBe(a.payment.orderId);
    expect((await h.kit.payments.listPayments({ user, status: 'paid' })).items).toEqual([]);
  });
});
