/**
 * Hooks: the host's small customisations, all optional. `beforeCharge` may change the request or
 * veto the charge by throwing; `afterCharge` and `onStatusChange` are event-like and never break
 * the request (their errors are logged); `generateOrderId` and `customerDetailsFor` fill in
 * defaults. Anything beyond these is done by subclassing a service.
 */

import type { PaymentStatus } from '../../constants.js';
import { generateOrderId } from '../../domain/order-id.js';
import type { CustomerDetails } from '../../domain/types.js';
import { ConfigError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { PaymentEventSource } from '../../storage/records/payment-event.js';
import type {
  WireChargeRequest,
  WireInvoiceCreateRequest,
  WireSnapRequest,
  WireSubscriptionCreateRequest,
} from '../../wire-types.js';
import { errorDetail, type KitLogger } from './logger.js';

/** A host user: any object with an id (a number is stored as text). */
export interface KitUser {
  /** The host's user id. */
  readonly id: string | number;
}

/** What `generateOrderId` is told. */
export interface OrderIdContext {
  /** Core API payment type, or undefined for a Snap transaction. */
  paymentType: string | undefined;
  /** The user the payment is for, if any. */
  user: KitUser | undefined;
  /** The configured `orderIdPrefix`. */
  prefix: string;
}

/** What `beforeCharge` sees: the exact request about to be sent, which it may edit in place. */
export type BeforeChargeContext =
  | {
      /** A Core API charge. */
      kind: 'charge';
      /** The `POST /v2/charge` body (snake_case); edit it, or return a replacement. */
      request: WireChargeRequest;
      /** The user, if any. */
      user: KitUser | undefined;
    }
  | {
      /** A Snap transaction. */
      kind: 'snap';
      /** The Snap body (snake_case); edit it, or return a replacement. */
      request: WireSnapRequest;
      /** The user, if any. */
      user: KitUser | undefined;
    };

/** What `beforeInvoice` sees: the `POST /v1/invoices` body about to be sent, editable in place. */
export interface BeforeInvoiceContext {
  /** The body (snake_case); edit it, or return a replacement. */
  request: WireInvoiceCreateRequest;
  /** The user, if any. */
  user: KitUser | undefined;
}

/** What `beforeSubscription` sees: the `POST /v1/subscriptions` body about to be sent, editable in place. */
export interface BeforeSubscriptionContext {
  /** The body (snake_case); edit it, or return a replacement. */
  request: WireSubscriptionCreateRequest;
  /** The user, if any. */
  user: KitUser | undefined;
}

/** What `afterCharge` sees, once the outcome is stored. */
export interface AfterChargeContext {
  /** The stored payment (status pending, paid, failed, unknown…). */
  payment: Payment;
  /** Midtrans's answer, absent when the call failed. */
  response: Record<string, unknown> | undefined;
  /** The error of a failed call (MidtransApiError / MidtransNetworkError). */
  error: unknown;
}

/** What `onStatusChange` sees, after the change is committed. */
export interface StatusChangeContext {
  /** The payment after the change. */
  payment: Payment;
  /** Status before. */
  from: PaymentStatus;
  /** Status after. */
  to: PaymentStatus;
  /** What caused it. */
  source: PaymentEventSource;
}

/** Hooks a host may pass as `createMidtrans({ hooks })`. Each may be async. */
export interface MidtransHooks {
  /** Make the order id when the caller gives none. Must return a valid Midtrans order id. */
  generateOrderId?(ctx: OrderIdContext): string | Promise<string>;
  /**
   * Last look at the request before anything is written. Edit `ctx.request` or return a new
   * one; throw to veto: nothing is stored and Midtrans is not called.
   */
  beforeCharge?(
    ctx: BeforeChargeContext,
  ):
    | undefined
    | WireChargeRequest
    | WireSnapRequest
    | Promise<undefined | WireChargeRequest | WireSnapRequest>;
  /** Like `beforeCharge`, for `createInvoice`: edit, replace or veto (throw) the request. */
  beforeInvoice?(
    ctx: BeforeInvoiceContext,
  ): undefined | WireInvoiceCreateRequest | Promise<undefined | WireInvoiceCreateRequest>;
  /** Like `beforeCharge`, for `createSubscription`: edit, replace or veto (throw) the request. */
  beforeSubscription?(
    ctx: BeforeSubscriptionContext,
  ): undefined | WireSubscriptionCreateRequest | Promise<undefined | WireSubscriptionCreateRequest>;
  /** After a charge's outcome is stored (success or failure). Errors are logged, never thrown. */
  afterCharge?(ctx: AfterChargeContext): void | Promise<void>;
  /** After any committed status change. Errors are logged, never thrown. */
  onStatusChange?(ctx: StatusChangeContext): void | Promise<void>;
  /** Customer details for a user, used when a charge gives none. */
  customerDetailsFor?(user: KitUser): CustomerDetails | undefined | Promise<CustomerDetails | undefined>;
}

/** Hooks with defaults filled in; the event-like ones are wrapped so they never throw. */
export interface ResolvedHooks {
  /** Host hook or `generateOrderId(prefix)`. */
  generateOrderId(ctx: OrderIdContext): Promise<string>;
  /** Host hook or no change; its errors (vetoes) propagate. */
  beforeCharge(ctx: BeforeChargeContext): Promise<WireChargeRequest | WireSnapRequest>;
  /** Host hook or no change; its errors (vetoes) propagate. */
  beforeInvoice(ctx: BeforeInvoiceContext): Promise<WireInvoiceCreateRequest>;
  /** Host hook or no change; its errors (vetoes) propagate. */
  beforeSubscription(ctx: BeforeSubscriptionContext): Promise<WireSubscriptionCreateRequest>;
  /** Host hook or nothing; never throws. */
  afterCharge(ctx: AfterChargeContext): Promise<void>;
  /** Host hook or nothing; never throws. */
  onStatusChange(ctx: StatusChangeContext): Promise<void>;
  /** Host hook or undefined; its errors propagate (the charge has not started). */
  customerDetailsFor(user: KitUser): Promise<CustomerDetails | undefined>;
}

const HOOK_NAMES = [
  'generateOrderId',
  'beforeCharge',
  'beforeInvoice',
  'beforeSubscription',
  'afterCharge',
  'onStatusChange',
  'customerDetailsFor',
];

/** Check the host's hooks and fill in defaults. Throws ConfigError for an unknown or non-function hook. */
export function resolveHooks(hooks: unknown, logger: KitLogger): ResolvedHooks {
  const given = (hooks ?? {}) as MidtransHooks & Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (!HOOK_NAMES.includes(name)) throw new ConfigError(`hooks.${name}`, 'is not a known hook');
    if (typeof value !== 'function') throw new ConfigError(`hooks.${name}`, 'must be a function');
  }
  const guarded =
    <T>(name: string, fn: ((ctx: T) => unknown) | undefined) =>
    async (ctx: T): Promise<void> => {
      if (fn === undefined) return;
      try {
        await fn.call(given, ctx);
      } catch (error) {
        logger.error({ hook: name, ...errorDetail(error) }, `midtrans-kit: hook ${name} failed (ignored)`);
      }
    };
  return {
    async generateOrderId(ctx) {
      return given.generateOrderId ? given.generateOrderId(ctx) : generateOrderId({ prefix: ctx.prefix });
    },
    async beforeCharge(ctx) {
      const replaced = given.beforeCharge ? await given.beforeCharge(ctx) : undefined;
      return replaced ?? ctx.request;
    },
    async beforeInvoice(ctx) {
      return (given.beforeInvoice ? await given.beforeInvoice(ctx) : undefined) ?? ctx.request;
    },
    async beforeSubscription(ctx) {
      return (given.beforeSubscription ? await given.beforeSubscription(ctx) : undefined) ?? ctx.request;
    },
    afterCharge: guarded('afterCharge', given.afterCharge),
    onStatusChange: guarded('onStatusChange', given.onStatusChange),
    async customerDetailsFor(user) {
      return given.customerDetailsFor ? given.customerDetailsFor(user) : undefined;
    },
  };
}
