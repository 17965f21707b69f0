/**
 * `GET /v2/token`: card tokenisation, authenticated by the client key in the query
 * (docs/midtrans-wire.md §3.4). Tokens are single-use and live 10 minutes on the simulator clock
 * (Midtrans's TTL is unconfirmed; this is the simulator's choice).
 */

import { luhnValid } from './cards.js';
import type { SimContext } from './context.js';
import type { SimRequest, SimResponse } from './router.js';
import { coreError, coreValidation } from './wire-errors.js';

const TOKEN_TTL_MS = 10 * 60_000;

/** Whether a client key (from a query or Basic auth) is this merchant's. */
export function clientKeyValid(ctx: SimContext, key: string | null): boolean {
  if (!key) return false;
  if (ctx.options.clientKey !== undefined) return key === ctx.options.clientKey;
  return key.startsWith('SB-Mid-client-') || key.startsWith('Mid-client-');
}

function issue(ctx: SimContext, cardNumber: string): SimResponse {
  const head = `${cardNumber.slice(0, 8)}-${cardNumber.slice(-4)}`;
  const tokenId = `${head}-${ctx.ids.uuid()}`;
  ctx.state.tokens.set(tokenId, {
    cardNumber,
    expiresAt: ctx.clock.nowMs() + TOKEN_TTL_MS,
    reusable: false,
    used: false,
  });
  return {
    status: 200,
    body: {
      status_code: '200',
      status_message: 'Credit card token is created as Token ID.',
      token_id: tokenId,
      hash: `${head}-mami`,
    },
  };
}

/** Handle `GET /v2/token`. */
export function handleToken(ctx: SimContext, req: SimRequest): SimResponse {
  const q = req.query;
  if (!clientKeyValid(ctx, q.get('client_key'))) {
    return coreError('401', 'Transaction cannot be authorized with the current client/server key.');
  }
  const cvv = q.get('card_cvv') ?? '';
  const saved = q.get('token_id');
  if (saved) {
    const record = ctx.state.tokens.get(saved);
    if (!record?.reusable || record.expiresAt <= ctx.clock.nowMs()) {
      return coreError('411', 'Token id is missing, invalid, or timed out', {}, false);
    }
    if (!/^\d{3,4}$/.test(cvv)) return coreValidation(['card_cvv is required']);
    return issue(ctx, record.cardNumber);
  }
  const errors: string[] = [];
  const number = cardFieldErrors(ctx, q, errors);
  if (!/^\d{3,4}$/.test(cvv)) errors.push('card_cvv must be 3 or 4 digits');
  if (errors.length > 0) return coreValidation(errors);
  return issue(ctx, number);
}

/**
 * Check the card number (Luhn) and expiry of a query, adding each problem to `errors`; answers
 * the card number as digits. Shared by `/v2/token` and `/v2/card/register`.
 */
export function cardFieldErrors(ctx: SimContext, q: URLSearchParams, errors: string[]): string {
  const number = (q.get('card_number') ?? '').replace(/[\s-]/g, '');
  if (!number) errors.push('card_number is required');
  else if (!luhnValid(number)) errors.push('card_number does not match with luhn algorithm');
  const month = Number(q.get('card_exp_month'));
  const year = Number(q.get('card_exp_year'));
  if (!Number.isInteger(month) || month < 1 || month > 12) errors.push('card_exp_month must be 01 to 12');
  if (!Number.isInteger(year) || year < 1000) errors.push('card_exp_year must be a 4-digit year');
  else {
    const now = ctx.clock.now();
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    if (year * 12 + month < current) errors.push('card is expired');
  }
  return number;
}
