/**
 * Card charges: token → card number → sandbox outcome. Without 3DS the outcome is immediate;
 * with `authentication: true` the transaction waits (pending) on the simulator's 3DS page.
 */

import { formatMidtransTime } from '../domain/wire-time.js';
import type { JsonObject } from '../wire-types.js';
import { type CardBehaviour, cardBehaviour, maskCard } from './cards.js';
import type { CommonCharge } from './charge-input.js';
import type { SimContext } from './context.js';
import { createTransaction } from './create-transaction.js';
import { notifyPayment, transition } from './engine.js';
import { objectAt, stringAt } from './json.js';
import { CARD_3DS_EXPIRY_MS, CARD_AUTHORIZE_EXPIRY_MS, CARD_SPEC } from './payment-types.js';
import type { SimResponse } from './router.js';
import type { SimTransaction } from './transaction.js';
import { chargeView } from './transaction-views.js';
import { coreError } from './wire-errors.js';

const SAVED_TOKEN_TTL_MS = 5 * 365 * 86_400_000;

/** Take a token for a charge: 411 when missing, unknown, used or expired. */
export function consumeToken(ctx: SimContext, tokenId: string | undefined): string | undefined {
  if (!tokenId) return undefined;
  const record = ctx.state.tokens.get(tokenId);
  if (!record || record.used || record.expiresAt <= ctx.clock.nowMs()) return undefined;
  if (!record.reusable) record.used = true;
  return record.cardNumber;
}

/** Create a reusable saved token for a card (`save_token_id`). */
export function saveToken(ctx: SimContext, cardNumber: string): { id: string; expiresAt: number } {
  const id = `${cardNumber.slice(0, 8)}${ctx.ids.alnum(20)}${cardNumber.slice(-4)}`;
  const expiresAt = ctx.clock.nowMs() + SAVED_TOKEN_TTL_MS;
  ctx.state.tokens.set(id, { cardNumber, expiresAt, reusable: true, used: false });
  return { id, expiresAt };
}

function savedTokenFields(ctx: SimContext, txn: SimTransaction): Record<string, string> {
  if (!txn.card?.saveToken) return {};
  const saved = saveToken(ctx, txn.card.cardNumber);
  return {
    saved_token_id: saved.id,
    saved_token_id_expired_at: formatMidtransTime(new Date(saved.expiresAt)),
  };
}

function acquirer(txn: SimTransaction): string {
  return txn.card?.bank ?? 'bni';
}

/** Fields the acquirer adds once it has answered. */
function authFields(txn: SimTransaction, behaviour: CardBehaviour, unique: number): Record<string, string> {
  const fields: Record<string, string> = {
    channel_response_code: behaviour.channelResponseCode,
    channel_response_message: behaviour.channelResponseMessage,
  };
  // The acquiring bank is known once the acquirer answered (the 3DS pending sample has none).
  if (txn.fields.bank === undefined) fields.bank = acquirer(txn);
  if (behaviour.outcome !== 'deny-bank' && behaviour.outcome !== 'deny-fds') {
    fields.approval_code = String(txn.transactionTime).slice(0, 10) + String(unique).padStart(3, '0');
  }
  if (txn.card?.threeDs) fields.eci = '05';
  return fields;
}

/** Apply the card's outcome to a pending 3DS transaction (3DS page passed, or `pay` control). */
export function completeThreeDs(ctx: SimContext, txn: SimTransaction, outcome?: CardBehaviour): void {
  const card = txn.card;
  if (!card) return;
  const behaviour = outcome ?? cardBehaviour(card.cardNumber);
  const fields = { ...authFields(txn, behaviour, ctx.ids.next()) };
  if (behaviour.outcome === 'accept') Object.assign(fields, savedTokenFields(ctx, txn));
  switch (behaviour.outcome) {
    case 'accept':
      transition(ctx, txn, card.authorize ? 'authorize' : 'capture', { fraudStatus: 'accept', fields });
      if (card.authorize) scheduleAuthorizeRelease(ctx, txn);
      return;
    case 'challenge':
      transition(ctx, txn, 'capture', { fraudStatus: 'challenge', fields });
      return;
    case 'deny-bank':
      transition(ctx, txn, 'deny', { fraudStatus: 'accept', fields });
      return;
    case 'deny-fds':
      transition(ctx, txn, 'deny', { fraudStatus: 'deny', fields });
      return;
  }
}

function scheduleAuthorizeRelease(ctx: SimContext, txn: SimTransaction): void {
  txn.expiryAction = 'cancel';
  const at = ctx.clock.nowMs() + CARD_AUTHORIZE_EXPIRY_MS;
  txn.expiryTime = at;
  txn.expiryTask = ctx.scheduler.at(at, () => {
    txn.expiryTask = undefined;
    if (txn.status === 'authorize') transition(ctx, txn, 'cancel');
  });
}

/** Handle `payment_type: credit_card` of `POST /v2/charge`. */
export function chargeCard(
  ctx: SimContext,
  body: JsonObject,
  common: CommonCharge,
  notify: { override: string[] | undefined; append: string[] },
  expiryAt: number | undefined,
): SimResponse {
  const options = objectAt(body, 'credit_card');
  const cardNumber = consumeToken(ctx, stringAt(options, 'token_id'));
  if (cardNumber === undefined)
    return coreError('411', 'Token id is missing, invalid, or timed out', {}, false);
  const threeDs = options?.authentication === true;
  const card = {
    cardNumber,
    threeDs,
    authorize: options?.type === 'authorize',
    saveToken: options?.save_token_id === true,
    bank: stringAt(options, 'bank') ?? 'bni',
  };
  const transactionId = ctx.ids.uuid();
  const fields: Record<string, string | boolean> = { masked_card: maskCard(cardNumber), card_type: 'credit' };
  if (threeDs) {
    fields.three_ds_version = '2';
    fields.on_us = false;
  }
  const now = ctx.clock.nowMs();
  const txn = createTransaction(ctx, {
    transactionId,
    orderId: common.orderId,
    grossAmount: common.grossAmount,
    paymentType: 'credit_card',
    spec: { ...CARD_SPEC, expiryInCharge: !threeDs },
    fields,
    chargeFields: threeDs ? { redirect_url: `${ctx.baseUrl}/v2/3ds/redirect/${transactionId}` } : {},
    extras: common.extras,
    notify,
    status: 'pending',
    fraudStatus: 'accept',
    card,
    expiryAt: threeDs ? (expiryAt ?? now + CARD_3DS_EXPIRY_MS) : undefined,
  });
  if (threeDs) {
    notifyPayment(ctx, txn);
    return { status: 200, body: chargeView(txn, ctx.options.merchantId, '201', CARD_SPEC.chargeMessage) };
  }
  // The acquirer answers at once: the record shows the card's 10-minute window, like the samples.
  txn.expiryTime = now + CARD_3DS_EXPIRY_MS;
  const behaviour = cardBehaviour(cardNumber);
  const before = { ...txn.fields };
  completeThreeDs(ctx, txn, behaviour);
  const saved: JsonObject = {};
  for (const key of ['saved_token_id', 'saved_token_id_expired_at']) {
    const value = txn.fields[key];
    if (value !== undefined && before[key] === undefined) {
      saved[key] = value;
      // Midtrans shows the saved token in the charge reply only.
      delete txn.fields[key];
    }
  }
  txn.chargeFields = saved;
  if (txn.status === 'deny') {
    const message =
      txn.fraudStatus === 'deny'
        ? 'Deny by FDS'
        : `Deny by Bank [${String(txn.fields.bank).toUpperCase()}] with code [${String(txn.fields.channel_response_code)}] and message [${String(txn.fields.channel_response_message)}]`;
    return { status: 200, body: chargeView(txn, ctx.options.merchantId, '202', message) };
  }
  if (txn.fraudStatus === 'challenge') {
    return { status: 200, body: chargeView(txn, ctx.options.merchantId, '201', 'Challenge by FDS') };
  }
  return { status: 200, body: chargeView(txn, ctx.options.merchantId, '200', CARD_SPEC.chargeMessage) };
}
