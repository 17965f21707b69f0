/** The framework-free core: plain objects in and out, error mapping, matching. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  InvalidStateError,
  MidtransApiError,
  MidtransNetworkError,
  NotFoundError,
  ValidationError,
} from '../../src/errors.js';
import {
  createHttpHandler,
  createRouteTable,
  HttpProblem,
  matchRoute,
  problemOf,
} from '../../src/http/index.js';
import { matchPath, seg } from '../../src/http/match.js';
import { createTestMidtrans, type TestMidtrans } from '../../src/testing/index.js';

/** A Midtrans refusal as the client reports it: HTTP 200 with the code in the body, or the HTTP status. */
function refusal(statusCode: string, message: string): MidtransApiError {
  return new MidtransApiError({ httpStatus: 200, statusCode, messages: [message], retryable: false });
}

describe('problemOf', () => {
  it.each([
    [new ValidationError({ field: 'a', reason: 'is bad' }), 400, 'validation_error'],
    [new NotFoundError('No payment'), 404, 'not_found'],
    [new InvalidStateError('refund', 'pending'), 409, 'invalid_state'],
    [new ConflictError('Duplicate order id'), 409, 'conflict'],
    [new MidtransApiError({ httpStatus: 500, messages: ['boom'], retryable: true }), 502, 'midtrans_error'],
    // A refusal that follows from the request or the transaction's state is the client's business.
    [refusal('412', 'Merchant cannot modify the status of the transaction'), 409, 'midtrans_refused'],
    [refusal('406', 'Duplicate order ID'), 409, 'midtrans_refused'],
    [refusal('411', 'Token id is missing, invalid, or timed out'), 422, 'midtrans_refused'],
    [refusal('404', "Transaction doesn't exist."), 404, 'midtrans_not_found'],
    [refusal('429', 'Too many requests'), 503, 'midtrans_busy'],
    // What only the shop can fix stays a 502.
    [refusal('401', 'Access denied'), 502, 'midtrans_error'],
    [refusal('402', 'Payment channel is not activated'), 502, 'midtrans_error'],
    [new MidtransNetworkError('connection', 'ECONNRESET'), 503, 'midtrans_unreachable'],
    [new MidtransNetworkError('timeout', 'late'), 504, 'midtrans_timeout'],
    [new HttpProblem(415, 'unsupported_media_type', 'JSON only'), 415, 'unsupported_media_type'],
    [new TypeError('secret internals'), 500, 'internal_error'],
    ['a string', 500, 'internal_error'],
  ])('%s → %i %s', (error, status, code) => {
    const problem = problemOf(error);
    expect(problem.status).toBe(status);
    expect(problem.body.error.code).toBe(code);
    expect(JSON.stringify(problem.body)).not.toMatch(/secret internals|stack|at .*:\d+/);
  });

  it('lists the issues of a validation error as details', () => {
    const error = new ValidationError([
      { field: 'a', reason: 'is bad' },
      { field: 'b.0', reason: 'is worse' },
    ]);
    expect(problemOf(error).body.error.details).toEqual([
      { field: 'a', reason: 'is bad' },
      { field: 'b.0', reason: 'is worse' },
    ]);
  });
});

describe('matchRoute', () => {
  const routes = createRouteTable();
  it('matches literal segments before parameters and decodes parameters', () => {
    expect(matchRoute(routes, 'post', '/payments/snap')?.route.action).toBe('payments.snap');
    expect(matchRoute(routes, 'GET', '/payments/ORDER%2D1')).toMatchObject({
      route: { action: 'payments.get' },
      params: { orderId: 'ORDER-1' },
    });
    expect(matchRoute(routes, 'PATCH', '/subscriptions/abc')?.route.action).toBe('subscriptions.update');
  });
  it('does not match other methods, other lengths or other cases', () => {
    expect(matchRoute(routes, 'DELETE', '/payments')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/payments/a/b')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/Payments')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/payments/%E0%A4%A')).toBeUndefined();
  });
});

describe('matchPath (the dashboard uses the same matcher)', () => {
  it('matches a pattern, ignores the query and decodes what seg encoded', () => {
    const id = 'INV/1 ü?';
    expect(matchPath('/invoices/:id', `/invoices/${seg(id)}?flash=1`)).toEqual({ id });
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/payments/:orderId/refund', '/payments/A-1/refund/')).toEqual({ orderId: 'A-1' });
  });
  it('refuses other lengths, other cases and segments that do not decode', () => {
    expect(matchPath('/invoices/:id', '/invoices')).toBeUndefined();
    expect(matchPath('/invoices/:id', '/Invoices/1')).toBeUndefined();
    expect(matchPath('/invoices/:id', '/invoices/%E0%A4%A')).toBeUndefined();
  });
});

describe('createHttpHandler', () => {
  let t: TestMidtrans;
  beforeAll(async () => {
    t = await createTestMidtrans();
  });
  afterAll(async () => t.close());

  it('takes and returns plain objects, and leaves unknown paths to the caller', async () => {
    const http = createHttpHandler(t.kit);
    const created = await http.handle({
      method: 'POST',
      path: '/payments',
      headers: { 'content-type': 'application/json' },
      rawBody: Buffer.from('{"paymentType":"qris","grossAmount":10000}'),
      user: { id: 7 },
    });
    expect(created?.status).toBe(201);
    expect(JSON.parse(created?.body ?? '{}').payment.userId).toBe('7');
    expect(created?.headers['content-length']).toBe(String(Buffer.byteLength(created?.body ?? '')));
    expect(await http.handle({ method: 'GET', path: '/elsewhere', headers: {} })).toBeUndefined();
  });

  it('uses a parsed body when no raw body is given, and asks resolveUser with the request', async () => {
    const seen: unknown[] = [];
    const http = createHttpHandler(t.kit, {
      resolveUser: (request) => {
        seen.push(request.native);
        return { id: 'u1' };
      },
    });
    const res = await http.handle({
      method: 'POST',
      path: '/payments',
      headers: { 'content-type': 'application/json' },
      body: { paymentType: 'qris', grossAmount: 10_000 },
      native: 'the framework request',
    });
    expect(res?.status).toBe(201);
    expect(seen).toEqual(['the framework request']);
  });

  it('never asks resolveUser on the webhook', async () => {
    const http = createHttpHandler(t.kit, {
      resolveUser: () => {
        throw new Error('no token');
      },
    });
    const res = await http.handle({ method: 'POST', path: '/notifications', headers: {}, rawBody: '{}' });
    expect(res?.status).toBe(400);
    expect(JSON.parse(res?.body ?? '{}')).toEqual({ verdict: 'malformed' });
  });

  it('refuses a bad body limit at once', () => {
    expect(() => createHttpHandler(t.kit, { bodyLimit: 0 })).toThrow(/bodyLimit/);
  });
});

describe('readRawBody', () => {
  it('reads a body, stops keeping data past the limit, and fails when the client hangs up', async () => {
    const { PassThrough } = await import('node:stream');
    const { readRawBody } = await import('../../src/http/index.js');
    const whole = new PassThrough();
    const reading = readRawBody(whole, 10);
    whole.end('{"a":1}');
    expect((await reading)?.toString()).toBe('{"a":1}');
    const big = new PassThrough();
    const capped = readRawBody(big, 4);
    big.end('0123456789');
    expect((await capped)?.length).toBe(5);
    const cut = new PassThrough();
    const aborted = readRawBody(cut, 10);
    cut.write('{"a"');
    cut.destroy();
    await expect(aborted).rejects.toThrow(/closed before/);
  });
});
