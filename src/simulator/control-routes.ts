/**
 * The controls over HTTP, under `/__sim` (a prefix Midtrans never uses). JSON in and out;
 * a refused control answers 404 (unknown id) or 409 (wrong state) with `{error:{code,message}}`.
 */
import type { JsonObject, JsonValue } from '../wire-types.js';
import { SimulatorControlError } from './controls.js';
import { isObject, numberAt, stringAt } from './json.js';
import type { Router, SimRequest, SimResponse } from './router.js';
import type { NotificationFault, RequestFault, SimulatorControls } from './types.js';

/** Path prefix of the HTTP controls. */
export const CONTROL_PREFIX = '/__sim';

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function guard(run: () => unknown): SimResponse | Promise<SimResponse> {
  try {
    const result = run();
    if (result instanceof Promise) {
      return result.then(
        (value) => ({ status: 200, body: toJson(value ?? { ok: true }) }),
        (error: unknown) => failure(error),
      );
    }
    return { status: 200, body: toJson(result ?? { ok: true }) };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): SimResponse {
  if (error instanceof SimulatorControlError) {
    const status = error.code === 'not_found' ? 404 : error.code === 'invalid_state' ? 409 : 400;
    return { status, body: { error: { code: error.code, message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: (error as Error).message } } };
}

const body = (req: SimRequest): JsonObject => (isObject(req.body) ? req.body : {});

/** Register the control routes. */
export function addControlRoutes(router: Router, controls: SimulatorControls): void {
  const route = (method: string, path: string, handler: (req: SimRequest) => unknown) =>
    router.add(method, `${CONTROL_PREFIX}${path}`, {
      family: 'control',
      handler: (_ctx, req) => guard(() => handler(req)),
    });

  const id = (req: SimRequest): string => req.params[0] ?? '';
  for (const action of ['pay', 'fail', 'expire', 'challenge', 'settle', 'reverse'] as const) {
    route('POST', `/transactions/:id/${action}`, (req) => controls[action](id(req)));
  }
  route('POST', '/transactions/:id/chargeback', (req) => {
    const amount = numberAt(body(req), 'amount');
    return controls.chargeback(id(req), amount === undefined ? {} : { amount });
  });
  route('GET', '/transactions', () => controls.transactions());
  route('POST', '/transactions/seed', (req) => {
    const charges = body(req).charges;
    if (!Array.isArray(charges) || !charges.every(isObject)) {
      throw new SimulatorControlError('invalid_input', 'charges (an array of charge bodies) is required');
    }
    return controls.seed(charges, { settle: body(req).settle === true });
  });
  route('GET', '/transactions/:id', (req) => {
    const found = controls.transaction(id(req));
    if (!found) throw new SimulatorControlError('not_found', `No transaction ${id(req)}`);
    return found;
  });
  route('POST', '/invoices/:id/pay', (req) => controls.payInvoice(id(req)));
  route('POST', '/payment-links/:id/pay', (req) => controls.payPaymentLink(id(req)));
  route('POST', '/subscriptions/:id/fail-next', (req) =>
    controls.failNextSubscriptionCharges(id(req), numberAt(body(req), 'count') ?? 1),
  );
  route('POST', '/direct-refunds/reject-next', (req) =>
    controls.rejectNextDirectRefunds(numberAt(body(req), 'count') ?? 1),
  );
  route('GET', '/clock', () => ({ now: controls.now().toISOString() }));
  route('POST', '/clock/advance', async (req) => {
    const ms = numberAt(body(req), 'ms') ?? 0;
    // `settle: true` waits for notification replies at each instant (retries inside the jump).
    const now =
      body(req).settle === true ? await controls.advanceClockSettled(ms) : controls.advanceClock(ms);
    return { now: now.toISOString() };
  });
  route('POST', '/clock', (req) => {
    const now = body(req).now;
    if (typeof now !== 'string' && typeof now !== 'number') {
      throw new SimulatorControlError('invalid_input', 'now (ISO string or epoch ms) is required');
    }
    return { now: controls.setNow(now).toISOString() };
  });
  route('POST', '/reset', () => controls.reset());
  route('GET', '/deliveries', (req) => controls.deliveries(req.query.get('orderId') ?? undefined));
  route('POST', '/idle', (req) => controls.idle({ timeoutMs: numberAt(body(req), 'timeoutMs') ?? 10_000 }));
  route('POST', '/deliveries/wait', (req) => {
    const count = numberAt(body(req), 'count');
    const timeoutMs = numberAt(body(req), 'timeoutMs') ?? 10_000;
    return controls.waitForDeliveries(count === undefined ? { timeoutMs } : { count, timeoutMs });
  });
  route('POST', '/faults', (req) => {
    const input = body(req);
    const kind = stringAt(input, 'kind');
    const path = stringAt(input, 'path');
    if ((kind !== 'status' && kind !== 'hang' && kind !== 'drop') || !path) {
      throw new SimulatorControlError('invalid_input', 'path and kind (status | hang | drop) are required');
    }
    const fault: RequestFault = { path, kind };
    const method = stringAt(input, 'method');
    if (method) fault.method = method;
    const times = numberAt(input, 'times');
    if (times !== undefined) fault.times = times;
    const status = numberAt(input, 'status');
    if (status !== undefined) fault.status = status;
    const ms = numberAt(input, 'ms');
    if (ms !== undefined) fault.ms = ms;
    controls.fault(fault);
  });
  route('POST', '/notification-faults', (req) => {
    const input = body(req);
    const kind = stringAt(input, 'kind');
    if (kind !== 'duplicate' && kind !== 'out-of-order' && kind !== 'delay') {
      throw new SimulatorControlError('invalid_input', 'kind must be duplicate, out-of-order or delay');
    }
    const fault: NotificationFault = { kind };
    const times = numberAt(input, 'times');
    if (times !== undefined) fault.times = times;
    const ms = numberAt(input, 'ms');
    if (ms !== undefined) fault.ms = ms;
    controls.notificationFault(fault);
  });
  route('DELETE', '/faults', () => controls.clearFaults());
}
