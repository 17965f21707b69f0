/** The shared shape of payment-type builders and the defaults of their specs. */
import type { JsonObject, JsonValue } from '../wire-types.js';
import type { IdSource } from './ids.js';
import type { MethodSpec } from './transaction.js';

/** One minute in ms. */
export const MINUTE = 60_000;
/** One hour in ms. */
export const HOUR = 60 * MINUTE;

/** What a payment type contributes to a new transaction. */
export interface MethodBuild {
  spec: MethodSpec;
  fields: Record<string, JsonValue>;
  chargeFields: Record<string, JsonValue>;
  /** Default time to expiry in ms. */
  expiryMs: number;
}

/** Inputs a builder needs. */
export interface MethodInput {
  request: JsonObject;
  transactionId: string;
  orderId: string;
  grossAmount: number;
  baseUrl: string;
  ids: IdSource;
  nowMs: number;
}

const SPEC_DEFAULTS: Omit<MethodSpec, 'chargeMessage'> = {
  merchantIdInCharge: true,
  expiryInCharge: false,
  fraud: true,
  paymentAmounts: false,
  refundable: false,
  partialRefund: true,
  reversible: false,
};

/** A spec with defaults (not refundable, fraud_status present, merchant_id in the charge). */
export function spec(chargeMessage: string, overrides: Partial<MethodSpec> = {}): MethodSpec {
  return { ...SPEC_DEFAULTS, chargeMessage, ...overrides };
}
