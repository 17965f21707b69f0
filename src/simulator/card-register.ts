/**
 * `GET /v2/card/register` (docs/midtrans-wire.md §3.4): saves a card's number and expiry (no CVV)
 * and answers a reusable `saved_token_id`, authenticated by the client key in the query like
 * `/v2/token`. The saved token then works for two-click (`/v2/token?token_id=…&card_cvv=…`) and
 * one-click charges. Midtrans's optional JSONP `callback` is not simulated: the answer is JSON.
 */
import { saveToken } from './card-charge.js';
import { cardFieldErrors, clientKeyValid } from './card-token.js';
import { maskCard } from './cards.js';
import type { SimContext } from './context.js';
import type { SimRequest, SimResponse } from './router.js';
import { coreError, coreValidation } from './wire-errors.js';

/** Handle `GET /v2/card/register`. */
export function handleCardRegister(ctx: SimContext, req: SimRequest): SimResponse {
  if (!clientKeyValid(ctx, req.query.get('client_key'))) {
    return coreError('401', 'Transaction cannot be authorized with the current client/server key.');
  }
  const errors: string[] = [];
  const cardNumber = cardFieldErrors(ctx, req.query, errors);
  if (errors.length > 0) return coreValidation(errors);
  const saved = saveToken(ctx, cardNumber);
  return {
    status: 200,
    body: {
      status_code: '200',
      saved_token_id: saved.id,
      transaction_id: ctx.ids.uuid(),
      masked_card: maskCard(cardNumber),
    },
  };
}
