/**
 * Idempotency keys (docs/midtrans-wire.md §1.1): at most 46 characters (longer keys are ignored),
 * one key space for all endpoints, only successful answers stored, replayed whatever the new body
 * says, for a window on the simulator clock (Core and Invoicing 5 min, Subscriptions 3 min). A key
 * whose first request is still running gets body 202.
 */

import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../constants.js';
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import type { SimResponse } from './router.js';

/** Core API and Invoicing window. */
export const IDEMPOTENCY_TTL_MS = 5 * 60_000;
/** Subscriptions window. */
export const SUBSCRIPTION_IDEMPOTENCY_TTL_MS = 3 * 60_000;

/** A usable key from a header value, or undefined (absent or too long). */
export function idempotencyKey(raw: string | string[] | undefined): string | undefined {
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) return undefined;
  return key;
}

/** The stored (or in-progress) answer for a key, if any. */
export function replay(ctx: SimContext, key: string): SimResponse | undefined {
  const entry = ctx.state.idempotency.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= ctx.clock.nowMs()) {
    ctx.state.idempotency.delete(key);
    return undefined;
  }
  if (entry.status === undefined || entry.body === undefined) {
    return {
      status: 200,
      body: { status_code: '202', status_message: 'The request is being processed, please try again later' },
    };
  }
  return { status: entry.status, body: entry.body };
}

/** Mark a key as in progress (its first request has started). */
export function begin(ctx: SimContext, key: string, ttlMs: number): void {
  ctx.state.idempotency.set(key, {
    expiresAt: ctx.clock.nowMs() + ttlMs,
    status: undefined,
    body: undefined,
  });
}

/** Store the answer when it is a success, forget the key otherwise. */
export function finish(ctx: SimContext, key: string, response: SimResponse, ttlMs: number): void {
  const body = typeof response.body === 'string' ? safeParse(response.body) : response.body;
  const bodyCode =
    body && typeof body === 'object' && !Array.isArray(body) ? Number(body.status_code ?? 200) : 200;
  if (response.status < 300 && bodyCode < 400 && body && typeof body === 'object' && !Array.isArray(body)) {
    const entry = { expiresAt: ctx.clock.nowMs() + ttlMs, status: response.status, body };
    const state = ctx.state;
    state.idempotency.set(key, entry);
    // Forget the key when its window closes, so a long run does not accumulate them.
    ctx.scheduler.at(entry.expiresAt, () => {
      if (state.idempotency.get(key) === entry) state.idempotency.delete(key);
    });
  } else {
    ctx.state.idempotency.delete(key);
  }
}

function safeParse(text: string): JsonObject | undefined {
  try {
    return JSON.parse(text) as JsonObject;
  } catch {
    return undefined;
  }
}

/** Release a key whose first request ended without an answer worth storing. */
export function forget(ctx: SimContext, key: string): void {
  const entry = ctx.state.idempotency.get(key);
  if (entry && entry.status === undefined) ctx.state.idempotency.delete(key);
}
