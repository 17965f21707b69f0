/** Signed Payment Notification bodies, as Midtrans (and the simulator) send them. */
import { randomUUID } from 'node:crypto';
import { computeSignature } from '../../src/domain/signature.js';
import { SERVER_KEY } from './keys.js';

/** A settlement notification of a bank-transfer payment of 10,000 IDR, signed with the bench key. */
export function settlementNotification(orderId: string): string {
  const statusCode = '200';
  const grossAmount = '10000.00';
  return JSON.stringify({
    transaction_time: '2025-01-15 10:00:00',
    transaction_status: 'settlement',
    transaction_id: randomUUID(),
    status_message: 'midtrans payment notification',
    status_code: statusCode,
    signature_key: computeSignature(
      { order_id: orderId, status_code: statusCode, gross_amount: grossAmount },
      SERVER_KEY,
    ),
    settlement_time: '2025-01-15 10:05:00',
    payment_type: 'bank_transfer',
    order_id: orderId,
    merchant_id: 'G000000001',
    gross_amount: grossAmount,
    fraud_status: 'accept',
    currency: 'IDR',
    va_numbers: [{ va_number: '12345678901', bank: 'bca' }],
  });
}
