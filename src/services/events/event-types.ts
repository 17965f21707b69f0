/**
 * The lifecycle events, typed. Each is written to the outbox in the transaction of the change it
 * describes and dispatched after commit, at least once, under a stable `id` a host can use to
 * drop repeats. `payment.failed` covers both `denied` (bank or fraud detection said no) and
 * `failed` (provider failure, or Midtrans refused the charge): `payment.status` tells them apart.
 */
import type { PaymentStatus } from '../../constants.js';
import type { GopayAccount } from '../../storage/records/gopay-account.js';
import type { Invoice } from '../../storage/records/invoice.js';
import type { Notification } from '../../storage/records/notification.js';
import type { Payment } from '../../storage/records/payment.js';
import type { PaymentEventSource } from '../../storage/records/payment-event.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { Refund } from '../../storage/records/refund.js';
import type { Subscription } from '../../storage/records/subscription.js';

/** What caused an invoice or subscription change. */
export type RecordEventSource = 'api' | 'notification' | 'reconciler';

/** Payload of every `payment.*` event. */
export interface PaymentEventPayload {
  /** The payment as committed by the change. */
  payment: Payment;
  /** Status before the change (null for `payment.created`). */
  from: PaymentStatus | null;
  /** What caused it. */
  source: PaymentEventSource;
}

/** Payload of `payment.refunded` / `payment.partially_refunded`. */
export interface RefundEventPayload extends PaymentEventPayload {
  /** The refund row behind it, when the refund was made through the kit. */
  refund: Refund | null;
}

/** Payload of `notification.rejected`. */
export interface NotificationRejectedPayload {
  /** The stored delivery. */
  notification: Notification;
  /** Why it was rejected (the notification's outcome, e.g. `rejected_signature`). */
  verdict: string;
}

/** Payload of every `invoice.*` event. */
export interface InvoiceEventPayload {
  /** The invoice as committed by the change. */
  invoice: Invoice;
  /** Status before the change (null for `invoice.created`). */
  from: string | null;
  /** What caused it. */
  source: RecordEventSource;
  /** For `invoice.paid`: the payment that paid it, when the kit knows it. */
  payment?: Payment | null;
}

/** Payload of every `payment_link.*` event. */
export interface PaymentLinkEventPayload {
  /** The payment link as committed by the change. */
  paymentLink: PaymentLink;
  /** Status before the change (null for `payment_link.created`). */
  from: string | null;
  /** What caused it. */
  source: RecordEventSource;
  /** For `payment_link.paid`: the payment made through the link. */
  payment?: Payment | null;
}

/** Payload of the `subscription.*` state events (created, disabled, enabled, cancelled, updated). */
export interface SubscriptionEventPayload {
  /** The subscription as committed by the change. */
  subscription: Subscription;
  /** Status before the change (null for `subscription.created`). */
  from: string | null;
  /** What caused it. */
  source: RecordEventSource;
}

/** Payload of `subscription.charged` / `subscription.charge_failed`. */
export interface SubscriptionChargeEventPayload extends SubscriptionEventPayload {
  /** The payment of the charge, when Midtrans created a transaction for it. */
  payment: Payment | null;
  /** Midtrans `transaction_id`, when a transaction was created. */
  transactionId: string | null;
  /** The charge's `status_code` (e.g. `200`, `202`, `411`). */
  statusCode: string | null;
  /** Midtrans's message (failures), or the channel response message. */
  statusMessage: string | null;
}

/** Payload of `gopay_account.linked` / `gopay_account.unlinked`. */
export interface GopayAccountEventPayload {
  /** The account as committed by the change (relays withhold its payment-option token). */
  gopayAccount: GopayAccount;
  /** Status before the change. */
  from: string | null;
  /** What caused it. */
  source: RecordEventSource;
}

/** Every event type and its payload. */
export interface KitEvents {
  /** A payment record was written (before Midtrans is called). */
  'payment.created': PaymentEventPayload;
  /** Waiting for the customer (VA issued, QR shown, 3DS page…), or authorised and awaiting capture. */
  'payment.pending': PaymentEventPayload;
  /** Money received. */
  'payment.paid': PaymentEventPayload;
  /** Denied (bank, fraud detection) or failed (provider failure, Midtrans refused the charge). */
  'payment.failed': PaymentEventPayload;
  /** Not paid in time (or expired by the merchant). */
  'payment.expired': PaymentEventPayload;
  /** Cancelled. */
  'payment.cancelled': PaymentEventPayload;
  /** Flagged by fraud detection: approve or deny it. */
  'payment.challenged': PaymentEventPayload;
  /** Fully refunded. */
  'payment.refunded': RefundEventPayload;
  /** Partly refunded (sent once per refund). */
  'payment.partially_refunded': RefundEventPayload;
  /** Charged back, in part or in full. */
  'payment.chargeback': PaymentEventPayload;
  /** A webhook delivery was refused (bad signature, amount mismatch, unknown order…). */
  'notification.rejected': NotificationRejectedPayload;
  /** Midtrans created the invoice (it has its payment link / VA numbers). */
  'invoice.created': InvoiceEventPayload;
  /** The invoice was paid. */
  'invoice.paid': InvoiceEventPayload;
  /** The invoice was voided. */
  'invoice.voided': InvoiceEventPayload;
  /** Midtrans reports the invoice expired (its payment link's custom expiry passed). */
  'invoice.expired': InvoiceEventPayload;
  /** Midtrans created the payment link (it has its payment URL). */
  'payment_link.created': PaymentLinkEventPayload;
  /** A payment through the link was paid (once per payment; `paymentLink.usageCount` counts them). */
  'payment_link.paid': PaymentLinkEventPayload;
  /** The payment link was deleted: customers can no longer pay through it. */
  'payment_link.deleted': PaymentLinkEventPayload;
  /** Midtrans created the subscription (status active). */
  'subscription.created': SubscriptionEventPayload;
  /** A recurring charge succeeded. */
  'subscription.charged': SubscriptionChargeEventPayload;
  /** A recurring charge failed (Midtrans retries it per `retry_schedule` while retries remain). */
  'subscription.charge_failed': SubscriptionChargeEventPayload;
  /** Disabled through the kit. */
  'subscription.disabled': SubscriptionEventPayload;
  /** Enabled again through the kit. */
  'subscription.enabled': SubscriptionEventPayload;
  /** Cancelled through the kit (final). */
  'subscription.cancelled': SubscriptionEventPayload;
  /** Name, amount or schedule changed through the kit. */
  'subscription.updated': SubscriptionEventPayload;
  /** A GoPay account became usable (the customer activated the link). */
  'gopay_account.linked': GopayAccountEventPayload;
  /** A linked GoPay account stopped being usable (unlinked through the kit or at GoPay, or expired). */
  'gopay_account.unlinked': GopayAccountEventPayload;
}

/** An event type. */
export type KitEventType = keyof KitEvents;

/** Every event type, in a stable order. */
export const KIT_EVENT_TYPES: readonly KitEventType[] = [
  'payment.created',
  'payment.pending',
  'payment.paid',
  'payment.failed',
  'payment.expired',
  'payment.cancelled',
  'payment.challenged',
  'payment.refunded',
  'payment.partially_refunded',
  'payment.chargeback',
  'notification.rejected',
  'invoice.created',
  'invoice.paid',
  'invoice.voided',
  'invoice.expired',
  'payment_link.created',
  'payment_link.paid',
  'payment_link.deleted',
  'subscription.created',
  'subscription.charged',
  'subscription.charge_failed',
  'subscription.disabled',
  'subscription.enabled',
  'subscription.cancelled',
  'subscription.updated',
  'gopay_account.linked',
  'gopay_account.unlinked',
];

/** Envelope fields of every event. */
export interface KitEventEnvelope<T extends KitEventType = KitEventType> {
  /** Stable id: the same on every delivery of this event (deduplicate on it). */
  id: string;
  /** The event type. */
  type: T;
  /** When the change was committed (the outbox row's creation time). */
  occurredAt: Date;
  /** 1 on the first delivery, more on retries. */
  attempt: number;
  /** The payload (its fields are also on the event itself: `event.payment`). */
  payload: KitEvents[T];
}

/** What a listener receives: the envelope plus the payload's fields (`event.payment`, `event.from`…). */
export type KitEvent<T extends KitEventType = KitEventType> = KitEventEnvelope<T> & KitEvents[T];

/** A listener; may be async. A throw is logged and the event retried later. */
export type KitEventListener<T extends KitEventType = KitEventType> = (
  event: KitEvent<T>,
) => void | Promise<void>;

/** The event a payment status is announced with (none for `created`/`unknown`, which have their own paths). */
export function eventForStatus(status: PaymentStatus): KitEventType | undefined {
  switch (status) {
    case 'pending':
    case 'authorized':
      return 'payment.pending';
    case 'paid':
      return 'payment.paid';
    case 'denied':
    case 'failed':
      return 'payment.failed';
    case 'expired':
      return 'payment.expired';
    case 'cancelled':
      return 'payment.cancelled';
    case 'challenge':
      return 'payment.challenged';
    case 'refunded':
      return 'payment.refunded';
    case 'partially_refunded':
      return 'payment.partially_refunded';
    case 'charged_back':
    case 'partially_charged_back':
      return 'payment.chargeback';
    default:
      return undefined;
  }
}

/** Handlers by event type, as a consumer takes them; a type without a handler is acknowledged unhandled. */
export type KitEventHandlers = { [T in KitEventType]?: KitEventListener<T> };

/** Run the handler of `event.type`, if any (a throw propagates: the consumer retries the event). */
export async function runHandler(handlers: KitEventHandlers, event: KitEvent): Promise<void> {
  const handler = handlers[event.type] as KitEventListener | undefined;
  if (handler !== undefined) await handler(event);
}
