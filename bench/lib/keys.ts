import type { JsonObject, WireChargeRequest } from '../../src/wire-types.js';

/** Sandbox-shaped keys, so the kit's environment checks pass; the simulator accepts them. */
export const SERVER_KEY = 'SB-Mid-server-BENCHMIDTRANSKIT';
/** Client key matching {@link SERVER_KEY}. */
export const CLIENT_KEY = 'SB-Mid-client-BENCHMIDTRANSKIT';

/** The Basic auth header Midtrans expects: server key as user name, empty password. */
export const AUTH_HEADER = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;

/** A bank-transfer charge body the simulator accepts. */
export function chargeBody(orderId: string, grossAmount = 10_000): WireChargeRequest {
  return {
    payment_type: 'bank_transfer',
    transaction_details: { order_id: orderId, gross_amount: grossAmount },
    bank_transfer: { bank: 'bca' },
  };
}

/** The same body as plain JSON, for the simulator's seed control. */
export function chargeJson(orderId: string, grossAmount = 10_000): JsonObject {
  return {
    payment_type: 'bank_transfer',
    transaction_details: { order_id: orderId, gross_amount: grossAmount },
    bank_transfer: { bank: 'bca' },
  };
}
