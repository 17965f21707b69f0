/**
 * Issue 17.3 over HTTP, on every database: a correctly signed notification whose echoed
 * `custom_field1` holds the six characters `\u0000` (a backslash, then "u0000") and whose metadata
 * holds a real NUL is judged on its content: answered 200, the payment settles, and the stored
 * delivery and payment rows read back. Only a character the database cannot store (PostgreSQL:
 * NUL in text) is replaced in the stored copy.
 */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { expect } from 'vitest';
import { formatAmount } from '../../src/domain/money.js';
import { signNotification } from '../../src/domain/signature.js';
import type { MidtransKit } from '../../src/kit.js';
import { describeWithKit, itWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { buildApp } from './apps.js';
import { newOrderId, P } from './support.js';

const BACKSLASH_U0000 = '\\u0000';
const NOTE_WITH_NUL = 'gift\u0000wrap';
const MESSAGE_WITH_NUL = 'midtrans payment\u0000notification';

/** Deliver a body over HTTP as Midtrans does. */
function deliver(app: RequestListener, raw: string) {
  return request(app)
    .post(`${P}/notifications`)
    .set('content-type', 'application/json')
    .set('user-agent', 'Veritrans')
    .send(raw);
}

/** Charge a VA whose custom field and metadata Midtrans echoes, pay it there; the settlement body. */
async function paidAtMidtrans(h: { sim: { controls: { pay(id: string): void } } }, kit: MidtransKit) {
  const orderId = newOrderId('nul');
  const { payment } = await kit.payments.createCharge({
    orderId,
    paymentType: 'bank_transfer',
    grossAmount: 25_000,
    paymentOptions: { bank: 'bni' },
    customFields: [BACKSLASH_U0000],
    metadata: { note: NOTE_WITH_NUL },
  });
  h.sim.controls.pay(orderId);
  const body = signNotification(
    {
      transaction_time: '2025-01-15 10:00:00',
      settlement_time: '2025-01-15 10:05:00',
      transaction_status: 'settlement',
      transaction_id: payment.transactionId ?? '?',
      // Not signed; with trustSignature it is the truth and lands in a text column.
      status_message: MESSAGE_WITH_NUL,
      status_code: '200',
      payment_type: 'bank_transfer',
      order_id: orderId,
      gross_amount: formatAmount(25_000),
      fraud_status: 'accept',
      currency: 'IDR',
      va_numbers: [{ bank: 'bni', va_number: payment.vaNumber ?? '' }],
      custom_field1: BACKSLASH_U0000,
      metadata: { note: NOTE_WITH_NUL },
    },
    TEST_SERVER_KEY,
  );
  return { orderId, raw: JSON.stringify(body) };
}

describeWithKit('http webhook: NUL in echoed fields', (h) => {
  itWithKit(h, 'a signed delivery for an order id with a NUL is an unknown order, stored', async () => {
    const kit = await h.createKit();
    const app = buildApp('express', kit);
    const orderId = 'A\u0000B';
    const body = signNotification(
      {
        transaction_status: 'settlement',
        status_code: '200',
        order_id: orderId,
        gross_amount: formatAmount(1_000),
      },
      TEST_SERVER_KEY,
    );
    const res = await deliver(app, JSON.stringify(body));
    expect(res.status).toBe(404);
    const rows = await kit.store.notifications.list({ limit: 10 });
    expect(rows.items.map((row) => row.outcome)).toEqual(['unknown_order']);
  });

  for (const trustSignature of [false, true]) {
    itWithKit(
      h,
      `a signed delivery with \\u0000 text and a real NUL is answered 200 and settles (trustSignature ${trustSignature})`,
      async () => {
        // A kit the simulator does not notify: only this HTTP delivery reaches it.
        const kit = await h.createKit({ trustSignature });
        const app = buildApp('express', kit);
        const { orderId, raw } = await paidAtMidtrans(h, kit);
        // The text really holds both forms: the escaped backslash and an escaped NUL.
        expect(raw).toContain('"custom_field1":"\\\\u0000"');
        expect(raw).toContain('gift\\u0000wrap');

        const res = await deliver(app, raw);
        expect(res.status).toBe(200);
        const payment = await kit.payments.getPayment(orderId);
        expect(payment).toMatchObject({ status: 'paid', customField1: BACKSLASH_U0000 });
        const rows = await kit.store.notifications.list({ limit: 10 });
        const row = rows.items.find((item) => item.orderId === orderId);
        expect(row).toMatchObject({ outcome: 'applied', signatureValid: true, paymentId: payment.id });
        const stored = await kit.store.notifications.findById(row?.id ?? '?');
        expect(stored?.rawBody).toBe(raw);
        expect(payment.metadata).toEqual({ note: NOTE_WITH_NUL });
        if (trustSignature) {
          // Only the character the database cannot store is replaced, and only there.
          const kept =
            h.kind === 'postgres' ? MESSAGE_WITH_NUL.replace('\u0000', '\uFFFD') : MESSAGE_WITH_NUL;
          expect(payment.statusMessage).toBe(kept);
          expect(payment.lastResponse).toMatchObject({ metadata: { note: NOTE_WITH_NUL } });
        }
      },
    );
  }
});
