/** Public types of the simulator: options, controls, delivery log, faults. */
import type { JsonObject } from '../wire-types.js';
import type { NowOption } from './clock.js';

/** How notification retries behave. */
export interface NotificationRetryOptions {
  /**
   * Multiplies every retry interval for the real timers (1 = Midtrans's minutes; 0.0001 turns
   * minutes into milliseconds for tests). The simulator clock still counts the unscaled interval.
   */
  timeScale?: number;
  /** Per-attempt timeout in real ms (Midtrans: 15 s). */
  timeoutMs?: number;
  /** Intervals between attempts in ms (Midtrans: ~2, 10, 30, 90, 210 minutes). */
  intervalsMs?: readonly number[];
  /** Random shift of each interval, as a fraction of it (Midtrans: up to the interval → 1). */
  jitter?: number;
}

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Server key every server-side request must authenticate with (Basic auth, empty password). */
  serverKey: string;
  /** Client key accepted by `GET /v2/token`; when omitted any `SB-Mid-client-`/`Mid-client-` key is accepted. */
  clientKey?: string;
  /** Payment Notification URL (the dashboard setting). */
  notificationUrl?: string;
  /** Recurring Notification URL for subscription events; defaults to `notificationUrl`. */
  recurringNotificationUrl?: string;
  /** Pay Account Notification URL (GoPay account linked/unlinked); defaults to `notificationUrl`. */
  payAccountNotificationUrl?: string;
  /** Simulator clock: a time source, or a start instant frozen until moved by the controls. */
  now?: NowOption;
  /** Notification retry behaviour. */
  notificationRetry?: NotificationRetryOptions;
  /** `merchant_id` in responses and notifications; default `G000000001`. */
  merchantId?: string;
  /** Whether transactions charged by subscriptions also send payment notifications (default true). */
  subscriptionPaymentNotifications?: boolean;
}

/** One notification POST attempt. */
export interface DeliveryAttempt {
  /** Id of the delivery (one notification to one URL); retries share it. */
  id: string;
  /** `payment` (Payment Notification URL) or `recurring` (subscription events). */
  kind: 'payment' | 'recurring' | 'pay_account';
  url: string;
  /** Order id of the transaction; recurring events: `SUBS-` + the charge's order id, or the subscription id when no transaction was made. */
  orderId: string;
  payload: JsonObject;
  /** 1 for the first attempt. */
  attempt: number;
  /** HTTP status of the reply, when there was one. */
  status?: number;
  /** Network error or timeout, when there was no reply. */
  error?: string;
  /** What happened next. */
  outcome: 'delivered' | 'retry-scheduled' | 'gave-up' | 'in-flight';
  /** Wall-clock times (ISO) of the attempt. */
  startedAt: string;
  finishedAt?: string;
  /** Simulator clock when the attempt started (ISO). */
  simulatorTime: string;
}

/** A fault applied to the next matching API requests. */
export interface RequestFault {
  /** Path pattern: `*` matches within a segment, `**` across segments (e.g. `/v2/*\/status`), or a RegExp. */
  path: string | RegExp;
  /** Only this method (default: any). */
  method?: string;
  /** How many requests it applies to (default 1). */
  times?: number;
  /** `status`: answer with an error status; `hang`: wait `ms` then answer normally; `drop`: destroy the socket. */
  kind: 'status' | 'hang' | 'drop';
  /** HTTP status for `status` (default 500). */
  status?: number;
  /** Delay for `hang` (default 30 000 ms). */
  ms?: number;
}

/** A fault applied to the next notifications. */
export interface NotificationFault {
  /** `duplicate`: send twice; `out-of-order`: hold one and send it after the next; `delay`: wait `ms` first. */
  kind: 'duplicate' | 'out-of-order' | 'delay';
  /** How many notifications it applies to (default 1). */
  times?: number;
  /** Delay for `delay`, real ms. */
  ms?: number;
}

/** A simulator transaction as the controls list it. */
export interface SimulatorTransactionSnapshot {
  orderId: string;
  transactionId: string;
  paymentType: string;
  grossAmount: number;
  transactionStatus: string;
  fraudStatus: string | undefined;
  /** The get-status body Midtrans would return now. */
  status: JsonObject;
}

/** A transaction created by {@link SimulatorControls.seed}. */
export interface SeededTransaction {
  orderId: string;
  transactionId: string;
}

/** Test controls; every method is also reachable over HTTP under `controlUrl`. */
export interface SimulatorControls {
  /** The customer pays: pending → settlement (card: → capture → settlement; capture → settlement). */
  pay(orderId: string): SimulatorTransactionSnapshot;
  /** The provider denies: pending/authorize/capture(challenge) → deny. */
  fail(orderId: string): SimulatorTransactionSnapshot;
  /** Expire now (pending only). */
  expire(orderId: string): SimulatorTransactionSnapshot;
  /** Fraud detection challenges a pending or captured card transaction: → capture + challenge. */
  challenge(orderId: string): SimulatorTransactionSnapshot;
  /** Settle a captured card transaction: capture → settlement. */
  settle(orderId: string): SimulatorTransactionSnapshot;
  /** Provider reversal: settlement → deny (Permata, Mandiri Bill, Indomaret only). */
  reverse(orderId: string): SimulatorTransactionSnapshot;
  /** Card chargeback of `amount` (default: all that remains). */
  chargeback(orderId: string, options?: { amount?: number }): SimulatorTransactionSnapshot;
  /** The provider rejects the next `count` direct refunds (body 202). */
  rejectNextDirectRefunds(count?: number): void;
  /** The next `count` scheduled charges of a subscription fail. */
  failNextSubscriptionCharges(subscriptionId: string, count?: number): void;
  /** Pay an invoice (pending/overdue → paid) through a settled VA transaction. */
  payInvoice(invoiceId: string): SimulatorTransactionSnapshot;
  /**
   * A customer pays through a payment link (by its order id): a new settled transaction whose order
   * id starts with the link's. Refused (`invalid_state`) when the link is deleted, expired or used up.
   */
  payPaymentLink(orderId: string): SimulatorTransactionSnapshot;
  /** Move the clock forward, running everything that falls due, in time order. */
  advanceClock(ms: number): Date;
  /**
   * Move the clock forward like {@link SimulatorControls.advanceClock}, but wait at each due
   * instant for the notification attempts it started to be answered, so retries (and retries of
   * retries) that fall inside the jump run at their own instant, with `now` equal to it.
   */
  advanceClockSettled(ms: number): Promise<Date>;
  /** Set the clock (forward runs due work like advanceClock). */
  setNow(date: Date | string | number): Date;
  /** Current simulator time. */
  now(): Date;
  /** Forget all state, faults, pending retries and the delivery log (the clock stays). */
  reset(): void;
  /**
   * Create transactions in bulk, as if each body had been sent to `POST /v2/charge` (same
   * validation), but without HTTP and without notifications: for load tests and benchmarks that
   * need thousands of transactions Midtrans "already knows". With `settle: true` each one is then
   * paid. Seeded transactions never notify, also on later transitions (a missed-notification
   * backlog). Throws `invalid_input` at the first refused body; the ones before it stay.
   */
  seed(charges: readonly JsonObject[], options?: { settle?: boolean }): SeededTransaction[];
  /** Every transaction, oldest first. */
  transactions(): SimulatorTransactionSnapshot[];
  /** One transaction by order id or transaction id. */
  transaction(id: string): SimulatorTransactionSnapshot | undefined;
  /** The delivery log, oldest attempt first (optionally only one order's). */
  deliveries(orderId?: string): DeliveryAttempt[];
  /** Inject a fault for the next matching API requests. */
  fault(fault: RequestFault): void;
  /** Inject a notification fault. */
  notificationFault(fault: NotificationFault): void;
  /** Remove all injected faults. */
  clearFaults(): void;
  /** Resolve once no notification is in flight or waiting for a retry (held out-of-order ones excepted). */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Resolve with the log once at least `count` deliveries reached a final outcome (delivered or
   * gave up) — or, without `count`, once idle.
   */
  waitForDeliveries(options?: { count?: number; timeoutMs?: number }): Promise<DeliveryAttempt[]>;
}

/** A running simulator. */
export interface Simulator {
  /** Core API base (`http://127.0.0.1:port`); also Subscriptions, Invoicing and the pages. */
  apiUrl: string;
  /** Snap API base (`…/snap/v1`), what a client uses as its Snap base URL. */
  snapUrl: string;
  /** HTTP controls base (`…/__sim`). */
  controlUrl: string;
  controls: SimulatorControls;
  /** Stop listening, cancel timers and pending notifications. */
  close(): Promise<void>;
}
