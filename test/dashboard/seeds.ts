/** Records the dashboard suites look at, made through the kit and the simulator like real ones. */
import type { MidtransKit } from '../../src/kit.js';
import type { Payment } from '../../src/storage/records/payment.js';
import type { KitHarness } from '../support/kit-harness.js';

let counter = 0;
/** A unique order id. */
export function orderId(label: string): string {
  counter += 1;
  return `D-${label}-${Date.now().toString(36)}-${counter}`;
}

/** The name the escaping checks look for. */
export const EVIL_NAME = '<script>alert("x")</script>';

/** A paid QRIS payment of Rp 150.000 (refundable, unlike a VA) whose customer has a hostile name. */
export async function paidPayment(h: KitHarness, label = 'PAID'): Promise<Payment> {
  const { payment } = await h.kit.payments.createCharge({
    orderId: orderId(label),
    paymentType: 'qris',
    grossAmount: 150_000,
    customerDetails: { firstName: EVIL_NAME, lastName: 'Santoso', email: 'budi@example.com' },
  });
  h.sim.controls.pay(payment.orderId);
  await h.settle();
  const paid = await h.kit.payments.getPayment(payment.orderId);
  if (paid.status !== 'paid') throw new Error(`seed: expected paid, got ${paid.status}`);
  return paid;
}

/** A pending payment. */
export async function pendingPayment(kit: MidtransKit, label = 'PEND'): Promise<Payment> {
  const { payment } = await kit.payments.createCharge({
    orderId: orderId(label),
    paymentType: 'bank_transfer',
    grossAmount: 75_000,
    paymentOptions: { bank: 'bni' },
  });
  return payment;
}

/** A delivery with a wrong signature for an existing order: stored as `rejected_signature`. */
export async function rejectedNotification(kit: MidtransKit, forOrderId: string): Promise<string> {
  const body = {
    order_id: forOrderId,
    status_code: '200',
    gross_amount: '150000.00',
    transaction_status: 'settlement',
    transaction_id: `tx-${forOrderId}`,
    payment_type: 'qris',
    signature_key: 'f'.repeat(128),
  };
  const result = await kit.notifications.handle(JSON.stringify(body));
  if (result.verdict !== 'rejected_signature' || result.notification === null) {
    throw new Error(`seed: expected rejected_signature, got ${result.verdict}`);
  }
  return result.notification.id;
}
