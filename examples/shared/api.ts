/** The example's own small JSON answers, shared by both apps (the kit's routes do the payments). */
import { type DemoUser, PRODUCTS, USERS } from './catalog.js';
import type { Demo } from './demo.js';

/** `GET /api/session`: who is signed in, and what the pages need to render. */
export function sessionBody(demo: Demo, user: DemoUser | undefined) {
  return {
    user: user ?? null,
    users: USERS,
    products: PRODUCTS,
    mode: demo.mode,
    simulatorUrl: demo.simulatorUrl,
  };
}

/**
 * `GET /api/staff/payments`: every customer's payments, newest first. The kit's `GET /payments`
 * lists only the caller's own, so the staff view reads the store directly.
 */
export async function staffPaymentsBody(demo: Demo) {
  const page = await demo.kit.store.payments.list({ limit: 100 });
  // Leave out the raw Midtrans bodies and bookkeeping, as the kit's own views do.
  const items = page.items.map(
    ({ chargeRequest, chargeResponse, lastResponse, idempotencyKey, reconcileLeaseUntil, ...shown }) => shown,
  );
  return { items };
}

/** The `authorize` option of the kit's routers: staff may do staff actions on anyone's record. */
export function staffOnly({ user }: { user: DemoUser }): boolean {
  return user.isStaff;
}

/** Read a small JSON body from a Node request (the Koa app has no body parser of its own). */
export async function readSmallJson(stream: AsyncIterable<Buffer | string>): Promise<unknown> {
  let text = '';
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.length > 4096) throw Object.assign(new Error('Body too large'), { status: 413 });
  }
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    throw Object.assign(new Error('Body is not JSON'), { status: 400 });
  }
}

/**
 * `POST /api/card-token`: a sandbox test card's token for the subscription demo. A real shop
 * never sees card numbers: the browser tokenises with Midtrans's JavaScript and posts the token.
 */
export async function demoCardTokenBody(demo: Demo) {
  const response = await demo.kit.client.core.cardToken({
    card_number: '4811111111111114',
    card_exp_month: '12',
    card_exp_year: String(new Date().getFullYear() + 2),
    card_cvv: '123',
  });
  return { token: response.token_id };
}
