/**
 * All simulator state, in Maps keyed by what requests look things up by.
 * Nothing here is ever scanned per request.
 */
import type { JsonObject } from '../wire-types.js';
import type { CardTokenRecord } from './cards.js';
import type { PayAccount, SimInvoice, SimPaymentLink, SimSubscription, SnapSession } from './records.js';
import type { SimTransaction } from './transaction.js';

/** A stored idempotent response. */
export interface IdempotentEntry {
  expiresAt: number;
  /** Undefined while the first request is still being processed. */
  status: number | undefined;
  body: JsonObject | undefined;
}

/** The simulator's memory. */
export interface SimState {
  byOrderId: Map<string, SimTransaction>;
  byTransactionId: Map<string, SimTransaction>;
  /** Every transaction ever created, in creation order (controls list them; requests never scan it). */
  all: SimTransaction[];
  tokens: Map<string, CardTokenRecord>;
  snapByToken: Map<string, SnapSession>;
  snapByOrderId: Map<string, SnapSession>;
  idempotency: Map<string, IdempotentEntry>;
  subscriptions: Map<string, SimSubscription>;
  invoices: Map<string, SimInvoice>;
  invoiceOrderIds: Set<string>;
  /** Payment links by their order id (also after deletion: the id stays taken). */
  paymentLinks: Map<string, SimPaymentLink>;
  /** Payment links by `payment_link_id` (the pay page's address). */
  paymentLinksById: Map<string, SimPaymentLink>;
  payAccounts: Map<string, PayAccount>;
  /** Next `refund_chargeback_id`. */
  refundSeq: number;
}

/** Create empty state. */
export function createState(): SimState {
  return {
    byOrderId: new Map(),
    byTransactionId: new Map(),
    all: [],
    tokens: new Map(),
    snapByToken: new Map(),
    snapByOrderId: new Map(),
    idempotency: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    invoiceOrderIds: new Set(),
    paymentLinks: new Map(),
    paymentLinksById: new Map(),
    payAccounts: new Map(),
    refundSeq: 1,
  };
}

/** Find a transaction by transaction_id or order_id (every `{id}` path accepts both). */
export function findTransaction(state: SimState, id: string): SimTransaction | undefined {
  return state.byTransactionId.get(id) ?? state.byOrderId.get(id);
}
