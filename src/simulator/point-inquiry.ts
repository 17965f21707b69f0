/**
 * `GET /v2/point_inquiry/{token_id}`: the bank-point balance of a tokenised card. Midtrans asks
 * the issuer; the simulator derives a deterministic balance from the card number
 * ({@link pointBalance}), so tests can predict it. With `gross_amount` (required by Mandiri
 * points) the answer is what can be spent on that amount: the smaller of the two.
 */
import { formatAmount } from '../domain/money.js';
import { formatMidtransTime } from '../domain/wire-time.js';
import type { SimContext } from './context.js';
import type { SimRequest, SimResponse } from './router.js';
import { coreError, coreValidation } from './wire-errors.js';

/** The simulator's point balance of a card in IDR: its last four digits × 100. */
export function pointBalance(cardNumber: string): number {
  return Number(cardNumber.slice(-4)) * 100;
}

/** Handle `GET /v2/point_inquiry/{token_id}`. */
export function handlePointInquiry(ctx: SimContext, req: SimRequest): SimResponse {
  const gross = req.query.get('gross_amount');
  if (gross !== null && !/^[1-9]\d{0,14}$/.test(gross)) {
    return coreValidation(['gross_amount must be a positive integer']);
  }
  const record = ctx.state.tokens.get(req.params[0] ?? '');
  // A charged one-time token is spent; an unknown or timed-out one is the documented 411.
  if (!record || record.used || record.expiresAt <= ctx.clock.nowMs()) {
    return coreError('411', 'Token id is missing, invalid, or timed out', {}, false);
  }
  const balance = pointBalance(record.cardNumber);
  const usable = gross === null ? balance : Math.min(balance, Number(gross));
  return {
    status: 200,
    body: {
      status_code: '200',
      status_message: 'Success, Credit Card Point inquiry is successful',
      transaction_time: formatMidtransTime(ctx.clock.now()),
      point_balance_amount: formatAmount(usable),
    },
  };
}
