/**
 * Creating a subscription, in the same order as a charge:
 * 1. validate, fill in defaults (and a GoPay wallet token), run `beforeSubscription` (a veto ends here);
 * 2. write the record (`created`) with the request and the `Idempotency-Key` it will be sent with;
 * 3. call Midtrans;
 * 4. apply the answer under the row lock (`active`, Midtrans id, schedule, `subscription.created`);
 * 5. on a refusal mark it `failed`; on a network error leave it `created` (see `resumeCreate`).
 */
import { randomUUID } from 'node:crypto';
import { toWireSubscriptionCreate } from '../../domain/mapping.js';
import { InvalidStateError, MidtransApiError, ValidationError } from '../../errors.js';
import { toJsonObject } from '../../storage/json.js';
import type { Subscription } from '../../storage/records/subscription.js';
import type { WireSubscription, WireSubscriptionCreateRequest } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import type { KitUser } from '../core/hooks.js';
import { linkedGopayToken } from '../gopay-accounts/gopay-account-charge.js';
import { errorText } from '../invoices/invoice-records.js';
import { assertSubscriptionInput, type CreateSubscriptionOptions } from './subscription-input.js';
import { applySubscriptionObject, enqueueStateEvent } from './subscription-sync.js';

/** What the subscription methods return. */
export interface SubscriptionResult<R = WireSubscription> {
  /** The stored subscription after Midtrans's answer. */
  subscription: Subscription;
  /** Midtrans's answer, as received. */
  response: R;
}

/** Midtrans deduplicates a subscription create by its key for 3 minutes; stay clear of the edge. */
export const SUBSCRIPTION_KEY_WINDOW_MS = 2.5 * 60_000;

/** Run `createSubscription`. */
export async function runCreateSubscription(
  ctx: ServiceContext,
  input: CreateSubscriptionOptions,
): Promise<SubscriptionResult> {
  assertSubscriptionInput(input, ctx.now());
  const token = input.token ?? (await gopayToken(ctx, input.gopayAccountId ?? '', input.user));
  const draft = toWireSubscriptionCreate({
    name: input.name,
    amount: input.amount,
    paymentType: input.paymentType,
    token,
    schedule: {
      interval: input.interval ?? 1,
      intervalUnit: input.intervalUnit ?? 'month',
      maxInterval: input.maxInterval === undefined ? 12 : input.maxInterval,
      ...(input.startTime === undefined ? {} : { startTime: input.startTime }),
    },
    retrySchedule: {
      interval: input.retryInterval ?? 1,
      intervalUnit: input.retryIntervalUnit ?? 'day',
      maxInterval: input.retryMaxInterval ?? 3,
    },
    ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
    ...(input.customerDetails === undefined ? {} : { customerDetails: input.customerDetails }),
    ...(input.gopayAccountId === undefined ? {} : { gopayAccountId: input.gopayAccountId }),
  });
  const wire = await ctx.hooks.beforeSubscription({ request: draft, user: input.user });
  const userId = input.user === undefined ? null : String(input.user.id);
  const created = await ctx.store.transaction((tx) =>
    tx.subscriptions.insert({
      name: wire.name,
      paymentType: wire.payment_type,
      amount: Number(wire.amount),
      token: wire.token,
      interval: wire.schedule.interval,
      intervalUnit: wire.schedule.interval_unit,
      maxInterval: wire.schedule.max_interval ?? null,
      startTime: input.startTime ?? null,
      retryInterval: wire.retry_schedule?.interval ?? null,
      retryIntervalUnit: wire.retry_schedule?.interval_unit ?? null,
      retryMaxInterval: wire.retry_schedule?.max_interval ?? null,
      status: 'created',
      customerDetails: wire.customer_details ? toJsonObject(wire.customer_details) : null,
      customerEmail: wire.customer_details?.email ?? null,
      userId,
      gopayAccountId: wire.gopay?.account_id ?? null,
      metadata: input.metadata ?? null,
      request: toJsonObject(wire),
      idempotencyKey: randomUUID(),
    }),
  );
  return sendCreate(ctx, created, wire);
}

/**
 * Re-send the stored create of a `created` record whose outcome is unknown, with its stored key —
 * only while Midtrans still deduplicates it: later, a second subscription could be made.
 */
export async function resumeCreate(ctx: ServiceContext, current: Subscription): Promise<SubscriptionResult> {
  const fresh = ctx.now().getTime() - current.createdAt.getTime() < SUBSCRIPTION_KEY_WINDOW_MS;
  if (current.status !== 'created' || current.request === null || !fresh) {
    throw new InvalidStateError(
      'getSubscriptionStatus',
      current.status,
      `Subscription "${current.name}" has no Midtrans id (status ${current.status}); ` +
        'its creation cannot be confirmed safely any more: check the Midtrans dashboard',
    );
  }
  return sendCreate(ctx, current, current.request as unknown as WireSubscriptionCreateRequest);
}

async function sendCreate(
  ctx: ServiceContext,
  record: Subscription,
  request: WireSubscriptionCreateRequest,
): Promise<SubscriptionResult> {
  await reachFault(ctx, 'subscription.recorded');
  let response: WireSubscription;
  try {
    response = await ctx.client.subscriptions.create(request, {
      idempotencyKey: record.idempotencyKey ?? undefined,
    });
  } catch (error) {
    await ctx.store.transaction(async (tx) => {
      const locked = await tx.subscriptions.lockById(record.id);
      if (locked === undefined || locked.status !== 'created') return;
      const refused = error instanceof MidtransApiError;
      await tx.subscriptions.update(locked.id, {
        lastError: errorText(error),
        ...(refused ? { status: 'failed' } : {}),
      });
    });
    ctx.logger.warn({ subscriptionId: record.id, err: error }, 'midtrans-kit: subscription create failed');
    throw error;
  }
  await reachFault(ctx, 'subscription.answered');
  const subscription = await ctx.store.transaction(async (tx) => {
    const locked = await tx.subscriptions.lockById(record.id);
    if (locked === undefined) throw new Error(`subscription ${record.id} vanished`);
    const updated = await applySubscriptionObject(tx, locked, response);
    if (locked.status === 'created' || locked.status === 'failed') {
      await enqueueStateEvent(ctx, tx, 'subscription.created', updated, null, 'api');
    }
    return updated;
  });
  return { subscription, response };
}

/**
 * The token of the GoPay wallet option of a linked account: the stored one when the account was
 * linked through the kit (then only its owner may subscribe with it), else Midtrans's (Pay Account API).
 */
async function gopayToken(
  ctx: ServiceContext,
  accountId: string,
  user: KitUser | undefined,
): Promise<string> {
  if ((await ctx.store.gopayAccounts.findByAccountId(accountId)) !== undefined) {
    return linkedGopayToken(ctx, user, accountId, 'gopayAccountId');
  }
  const account = await ctx.client.core.getPayAccount(accountId);
  const options = account.metadata?.payment_options ?? [];
  const wallet = options.find((option) => option.name === 'GOPAY_WALLET' && option.active) ?? options[0];
  if (wallet === undefined) {
    throw new ValidationError({
      field: 'gopayAccountId',
      reason: `has no payment option to charge (account status ${String(account.account_status)})`,
    });
  }
  return wallet.token;
}
