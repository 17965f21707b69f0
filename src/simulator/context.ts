/** The shared context every simulator module works through. */
import type { SimClock } from './clock.js';
import type { IdSource } from './ids.js';
import type { Notifier } from './notifier.js';
import type { Scheduler } from './scheduler.js';
import type { SimState } from './state.js';

/** Options after defaults are applied. */
export interface ResolvedOptions {
  serverKey: string;
  clientKey: string | undefined;
  notificationUrl: string | undefined;
  recurringNotificationUrl: string | undefined;
  payAccountNotificationUrl: string | undefined;
  merchantId: string;
  /** Whether transactions created by subscriptions also send payment notifications. */
  subscriptionPaymentNotifications: boolean;
}

/** Everything a handler needs. */
export interface SimContext {
  readonly options: ResolvedOptions;
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly ids: IdSource;
  readonly notifier: Notifier;
  state: SimState;
  /** `http://host:port`, known once the server listens. */
  baseUrl: string;
  /** Remaining forced outcomes of subscription charges, by subscription id. */
  failNextSubscriptionCharges: Map<string, number>;
  /** Remaining direct refunds the provider will reject. */
  rejectDirectRefunds: number;
}
