/**
 * Helpers of the webhook and reconciler suites. Payments are written straight into the store and
 * charged straight through the client, so these suites test the engine and the reconciler alone,
 * whatever PaymentService does.
 */
import { randomBytes } from 'node:crypto';
import type { PaymentStatus } from '../../src/constants.js';
import { formatAmount } from '../../src/domain/money.js';
import { signNotification } from '../../src/domain/signature.js';
import type { MidtransKit } from '../../src/kit.js';
import type { NotificationResult } from '../../src/services/notifications/notification-verdicts.js';
import type { Payment } from '../../src/storage/records/payment.js';
import type { WireChargeRequest } from '../../src/wire-types.js';
import { TEST_SERVER_KEY } from '../support/kit-harness.js';

/** A fresh order id. */
export function orderId(label = 'WH'): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Store a payment record, as the kit does before calling Midtrans. */
export function storePayment(
  kit: MidtransKit,
  id: string,
  grossAmount: number,
  fields: Partial<Payment> & { status?: PaymentStatus } = {},
): Promise<Payment> {
  return kit.store.payments.insert({ orderId: id, grossAmount, ...fields });
}

/** A BCA virtual-account charge request. */
export function vaCharge(id: string, grossAmount: number): WireChargeRequest {
  return {
    payment_type: 'bank_transfer',
    transaction_details: { order_id: id, gross_amount: grossAmount },
    bank_transfer: { bank: 'bca' },
  };
}

/** Store a payment and charge it at the simulator (BCA VA); returns the transaction id. */
export async function chargeVa(kit: MidtransKit, id: string, grossAmount = 150_000): Promise<string> {
  await storePayment(kit, id, grossAmount);
  const response = await kit.client.core.charge(vaCharge(id, grossAmount));
  return response.transaction_id;
}

/** A correctly signed notification body in Midtrans's shape. */
export function signedBody(
  id: string,
  transactionStatus: string,
  grossAmount: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  const statusCode =
    transactionStatus === 'pending' ? '201' : transactionStatus === 'settlement' ? '200' : '202';
  return signNotification(
    {
      transaction_time: '2025-01-15 10:00:00',
      transaction_status: transactionStatus,
      transaction_id: `tx-${id}`,
      status_message: 'midtrans payment notification',
      status_code: statusCode,
      payment_type: 'bank_transfer',
      order_id: id,
      merchant_id: 'G000000001',
      gross_amount: formatAmount(grossAmount),
      fraud_status: 'accept',
      currency: 'IDR',
      ...extra,
    },
    TEST_SERVER_KEY,
  );
}

/** Deliver a body to a kit's engine as a web server would. */
export function deliver(kit: MidtransKit, body: unknown): Promise<NotificationResult> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return kit.notifications.handle(Buffer.from(raw, 'utf8'), {
    'content-type': 'application/json',
    'user-agent': 'Veritrans',
  });
}

/** Every stored delivery of an order, oldest first. */
export async function deliveriesOf(kit: MidtransKit, id: string) {
  const page = await kit.store.notifications.list({ orderId: id, limit: 1000 });
  return [...page.items].reverse();
}

/** The payment of an order (fails the test when absent). */
export async function paymentOf(kit: MidtransKit, id: string): Promise<Payment> {
  const payment = await kit.store.payments.findByOrderId(id);
  if (payment === undefined) throw new Error(`no payment ${id}`);
  return payment;
}

/** Outbox rows of a type for one payment (or any payload mentioning the order id). */
export async function outboxEvents(kit: MidtransKit, type: string, id: string): Promise<unknown[]> {
  const rows: { type: string; payload: unknown }[] = await kit.store
    .knex(kit.store.tables.outbox)
    .select('type', 'payload')
    .where('type', type);
  return rows.filter((row) => JSON.stringify(row.payload).includes(id));
}
