/**
 * The webhook engine. A delivery is stored first (raw body and headers, before anything can fail),
 * then parsed, its signature verified, confirmed with a status call and applied to its payment
 * under a row lock; the stored row records what became of it. `handle` never throws: whatever
 * happens it returns the verdict and the HTTP status that gets Midtrans to retry when a retry can help.
 */
import { verifyNotification } from '../../domain/signature.js';
import type { Notification } from '../../storage/records/notification.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { findLinkOfOrder } from '../payment-links/payment-link-order.js';
import { invoiceIdOf, isKnownOrder, subscriptionNameOf } from '../subscriptions/subscription-order.js';
import { applyPayAccount } from './gopay-account-notification.js';
import { applyToPayment } from './notification-apply.js';
import { confirmWithStatus } from './notification-confirm.js';
import {
  bodyText,
  headersJson,
  type IncomingHeaders,
  type ParsedNotification,
  parseNotification,
} from './notification-parse.js';
import { type AppliedDelivery, recordFailure, reject } from './notification-record.js';
import { type ReprocessTarget, selectForReplay } from './notification-replay.js';
import {
  type NotificationResult,
  type NotificationVerdict,
  VERDICT_HTTP_STATUS,
} from './notification-verdicts.js';
import { applyRecurring } from './subscription-charge.js';

export type { IncomingHeaders } from './notification-parse.js';
export type { ReplayableVerdict, ReprocessFilter, ReprocessTarget } from './notification-replay.js';
export * from './notification-verdicts.js';

/** Options of the webhook engine. */
export interface NotificationServiceOptions {
  /**
   * Take a correctly signed body as the truth instead of confirming it with a status call.
   * Default: the kit option `trustSignature` (false): the status response decides the transition.
   */
  trustSignature?: boolean;
}

/** The webhook engine and the replay of stored deliveries. */
export class NotificationService {
  /** @param ctx the kit's shared services. @param options engine options. */
  constructor(
    protected readonly ctx: ServiceContext,
    protected readonly options: NotificationServiceOptions = {},
  ) {}

  /**
   * Handle one webhook delivery. Pass the body exactly as received (the signature is over its
   * text) and the request headers; answer Midtrans with the returned `httpStatus`. Never throws.
   */
  async handle(rawBody: string | Buffer, headers: IncomingHeaders = {}): Promise<NotificationResult> {
    // The answer to Midtrans never waits for the host's consumers (Midtrans gives up after 15 s and
    // retries): the events are written in the change's transaction and delivered by the consumers.
    return await this.receive(bodyText(rawBody), headersJson(headers), null);
  }

  /**
   * Run stored deliveries through the engine again (after a fix, or for deliveries that failed).
   * Each replay is stored as a new delivery whose `replayOf` is the original's id, and is decided
   * like a live one: replaying an applied delivery gives `duplicate`. Given an id, that delivery is
   * replayed (NotFoundError if absent); given a filter, the original (never replayed-copy) deliveries
   * received since `since` with one of the `verdict`s are replayed, oldest first.
   */
  async reprocess(target: ReprocessTarget): Promise<NotificationResult[]> {
    const originals = await selectForReplay(this.ctx.store, target);
    const results: NotificationResult[] = [];
    for (const original of originals) {
      const headers = original.headers ?? {};
      results.push(await this.receive(original.rawBody, headers, original.replayOf ?? original.id));
    }
    return results;
  }

  /** Store, then process. */
  protected async receive(
    text: string,
    headers: Notification['headers'],
    replayOf: string | null,
  ): Promise<NotificationResult> {
    // Judged on its content: a NUL (raw, or a `\u0000` escape in a string value) or the text
    // `\u0000` in an echoed field changes nothing. Where the database cannot store a character
    // (PostgreSQL: NUL in text), the store keeps a copy with it replaced; the signature and the
    // status are checked on the body as received.
    const parsed = parseNotification(text);
    let stored: Notification;
    try {
      stored = await this.ctx.store.notifications.insert({
        rawBody: text,
        headers,
        ...parsed.summary,
        receivedAt: this.ctx.now(),
        replayOf,
      });
    } catch (error) {
      this.ctx.logger.error(
        errorDetail(error),
        'midtrans-kit: could not store a notification; asking for a retry',
      );
      return { verdict: 'error', httpStatus: VERDICT_HTTP_STATUS.error, notification: null };
    }
    try {
      const { verdict, notification } = await this.decide(stored, parsed);
      return this.result(verdict, notification);
    } catch (error) {
      const signatureValid =
        parsed.kind === 'payment' ? verifyNotification(parsed.body, this.ctx.config.serverKey) : null;
      return this.result('error', await recordFailure(this.ctx, stored, error, signatureValid));
    }
  }

  /** Decide a stored delivery; throws only for failures worth a retry by Midtrans. */
  protected async decide(stored: Notification, parsed: ParsedNotification): Promise<AppliedDelivery> {
    const { ctx } = this;
    if (parsed.kind === 'malformed') return reject(ctx, stored, 'malformed', { error: parsed.reason });
    const trust = this.options.trustSignature ?? ctx.config.trustSignature;
    if (parsed.kind === 'recurring') return applyRecurring(ctx, stored, parsed.body, trust);
    if (parsed.kind === 'pay_account') return applyPayAccount(ctx, stored, parsed.body);
    if (!verifyNotification(parsed.body, ctx.config.serverKey)) {
      const error = 'signature_key does not match the server key';
      return reject(ctx, stored, 'rejected_signature', { error, signatureValid: false });
    }
    // Checked before the status call: deliveries for another system's orders cost no Midtrans call.
    const invoiceId = invoiceIdOf(parsed.body);
    const known = await isKnownOrder(ctx.store, parsed.body.order_id, invoiceId);
    // A payment through a payment link: Midtrans made the order id from the link's.
    const paymentLink = known ? undefined : await findLinkOfOrder(ctx.store, parsed.body.order_id);
    if (!known && paymentLink === undefined) {
      const error =
        subscriptionNameOf(parsed.body.order_id) !== undefined
          ? `no payment for order_id "${parsed.body.order_id}" yet: a subscription charge's payment is created by its Recurring Notification, which names the subscription`
          : `no payment or invoice for order_id "${parsed.body.order_id}"`;
      return reject(ctx, stored, 'unknown_order', { error, signatureValid: true });
    }
    const truth = trust ? parsed.body : await confirmWithStatus(ctx, parsed.body);
    return await applyToPayment(ctx, stored, truth, invoiceId, paymentLink);
  }

  private result(verdict: NotificationVerdict, notification: Notification): NotificationResult {
    return { verdict, httpStatus: VERDICT_HTTP_STATUS[verdict], notification };
  }
}
