/**
 * Scheduled subscription charges. A successful charge is an ordinary transaction (card:
 * capture/accept, GoPay: settlement) whose id joins `transaction_ids`; a failed one is retried
 * per `retry_schedule`; when retries (or intervals) run out the subscription turns inactive.
 */
import type { JsonObject } from '../wire-types.js';
import { cardBehaviour, maskCard } from './cards.js';
import type { SimContext } from './context.js';
import { createTransaction } from './create-transaction.js';
import { notifyPayment } from './engine.js';
import { gopayTokenValid } from './pay-account.js';
import { CARD_SPEC, METHOD_BUILDERS } from './payment-types.js';
import type { SimSubscription } from './records.js';
import { findTransaction } from './state.js';
import { addInterval } from './subscription-time.js';
import { chargeLimit, recurringUrls, subscriptionNotificationView } from './subscriptions.js';

/** Schedule the subscription's next billing attempt at `at` (replacing any pending one). */
export function scheduleBilling(ctx: SimContext, sub: SimSubscription, at: number, dueAt: number): void {
  sub.task?.cancel();
  sub.task = ctx.scheduler.at(at, () => {
    sub.task = undefined;
    bill(ctx, sub, dueAt);
  });
}

function send(ctx: SimContext, sub: SimSubscription, transaction: JsonObject): void {
  const id = transaction.transaction_id;
  const charged = typeof id === 'string' ? findTransaction(ctx.state, id) : undefined;
  ctx.notifier.send({
    kind: 'recurring',
    // Since August 2023 Midtrans files a charge's notification under "SUBS-" + the charge's
    // order id (changelog "Subscription API Improvements"); before, "[GRIFFIN]-[random UUID]".
    orderId: charged ? `SUBS-${charged.orderId}` : sub.id,
    urls: recurringUrls(ctx),
    payload: {
      transaction,
      subscription: subscriptionNotificationView(ctx, sub),
      event_name: 'subscription.charge',
    },
  });
}

type Attempt =
  | { ok: true; transaction: JsonObject }
  | { ok: false; transaction: JsonObject; created: boolean };

function attempt(ctx: SimContext, sub: SimSubscription): Attempt {
  const forced = ctx.failNextSubscriptionCharges.get(sub.id) ?? 0;
  if (forced > 0) ctx.failNextSubscriptionCharges.set(sub.id, forced - 1);
  const amount = Number(sub.amount);
  // "Generated order ID will contain subscription name and 10 digits of unique number"
  // (docs.midtrans.com/reference/create-subscription); a 40-character name still fits in 50.
  const orderId = `${sub.name}${String(ctx.ids.next() % 10_000_000_000).padStart(10, '0')}`;
  const transactionId = ctx.ids.uuid();
  const common = {
    transactionId,
    orderId,
    grossAmount: amount,
    extras: {},
    notify: { override: undefined, append: [] },
    expiryAt: undefined,
  };
  if (sub.paymentType === 'credit_card') {
    const record = ctx.state.tokens.get(sub.token);
    if (!record?.reusable || record.expiresAt <= ctx.clock.nowMs()) {
      return {
        ok: false,
        created: false,
        transaction: { status_message: 'Token id is missing, invalid, or timed out', status_code: '411' },
      };
    }
    const behaviour = cardBehaviour(record.cardNumber);
    const accepted = forced === 0 && behaviour.outcome !== 'deny-bank' && behaviour.outcome !== 'deny-fds';
    const code = accepted
      ? behaviour.channelResponseCode
      : behaviour.outcome === 'accept'
        ? '05'
        : behaviour.channelResponseCode;
    const message = accepted
      ? behaviour.channelResponseMessage
      : code === '05'
        ? 'Do not honor'
        : behaviour.channelResponseMessage;
    const fields: Record<string, string> = {
      masked_card: maskCard(record.cardNumber),
      bank: 'bni',
      card_type: 'credit',
      channel_response_code: code,
      channel_response_message: message,
    };
    if (accepted) fields.approval_code = `${String(ctx.clock.nowMs()).slice(0, 10)}${ctx.ids.next()}`;
    const txn = createTransaction(ctx, {
      ...common,
      paymentType: 'credit_card',
      spec: CARD_SPEC,
      fields,
      chargeFields: {},
      status: accepted ? 'capture' : 'deny',
      fraudStatus: 'accept',
    });
    if (ctx.options.subscriptionPaymentNotifications) notifyPayment(ctx, txn);
    const transaction: JsonObject = {
      transaction_status: txn.status,
      transaction_id: txn.transactionId,
      status_code: accepted ? '200' : '202',
      channel_response_message: message,
      channel_response_code: code,
    };
    return accepted ? { ok: true, transaction } : { ok: false, created: true, transaction };
  }
  if (!gopayTokenValid(ctx, sub.token)) {
    return {
      ok: false,
      created: false,
      transaction: { status_message: 'Token id is missing, invalid, or timed out', status_code: '411' },
    };
  }
  const gopay = METHOD_BUILDERS.get('gopay');
  const build = gopay?.(
    {
      request: {},
      transactionId,
      orderId,
      grossAmount: amount,
      baseUrl: ctx.baseUrl,
      ids: ctx.ids,
      nowMs: ctx.clock.nowMs(),
    },
    [],
  );
  if (!build) throw new Error('gopay builder missing');
  const ok = forced === 0;
  const txn = createTransaction(ctx, {
    ...common,
    paymentType: 'gopay',
    spec: build.spec,
    fields: {},
    chargeFields: {},
    status: ok ? 'settlement' : 'deny',
    fraudStatus: 'accept',
  });
  if (ok) txn.settlementTime = ctx.clock.nowMs();
  if (ctx.options.subscriptionPaymentNotifications) notifyPayment(ctx, txn);
  const transaction: JsonObject = {
    transaction_status: txn.status,
    transaction_id: txn.transactionId,
    status_code: ok ? '200' : '202',
  };
  return ok ? { ok: true, transaction } : { ok: false, created: true, transaction };
}

/** Run one billing attempt for the billing time `dueAt`. */
export function bill(ctx: SimContext, sub: SimSubscription, dueAt: number): void {
  if (sub.status !== 'active') return;
  const result = attempt(ctx, sub);
  const now = ctx.clock.nowMs();
  if (result.ok) {
    sub.retriesUsed = 0;
    sub.currentInterval += 1;
    sub.previousExecutionAt = dueAt;
    const transactionId = result.transaction.transaction_id;
    if (typeof transactionId === 'string') sub.transactionIds.push(transactionId);
    if (sub.currentInterval >= chargeLimit(sub)) {
      sub.nextExecutionAt = undefined;
      sub.status = 'inactive';
    } else {
      const next = addInterval(dueAt, sub.interval, sub.intervalUnit);
      sub.nextExecutionAt = next;
      scheduleBilling(ctx, sub, next, next);
    }
    send(ctx, sub, result.transaction);
    return;
  }
  const retry = sub.retrySchedule;
  if (retry && sub.retriesUsed < retry.max_interval) {
    sub.retriesUsed += 1;
    scheduleBilling(ctx, sub, addInterval(now, retry.interval, retry.interval_unit), dueAt);
  } else {
    sub.retriesUsed = 0;
    sub.status = 'inactive';
  }
  send(ctx, sub, result.transaction);
}
