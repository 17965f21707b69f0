import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/client/backoff.js';
import type { HttpClientDeps } from '../../src/client/index.js';
import { createMidtransClient } from '../../src/client/index.js';
import { MidtransApiError, MidtransNetworkError } from '../../src/errors.js';
import type { WireChargeRequest, WireInvoiceCreateRequest } from '../../src/wire-types.js';
import { fixture } from '../support/fixtures.js';
import type { LocalServer, Recorded, Reply } from './local-server.js';
import { SERVER_KEY, startServer } from './local-server.js';

let server: LocalServer;
let reply: (req: Recorded, index: number) => Reply = () => ({ status: 500, body: {} });
let sleeps: number[];
let charge: WireChargeRequest;
let chargeResponse: unknown;

const unavailable: Reply = { status: 503, body: { status_code: '503', status_message: 'Bank offline' } };

beforeAll(async () => {
  server = await startServer((req, index) => reply(req, index));
  charge = fixture<WireChargeRequest>('charge-gopay.request.json');
  chargeResponse = fixture('charge-gopay.response.json');
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  sleeps = [];
});

/** A client whose backoff is recorded instead of waited for. */
function retryingClient(maxRetries = 2, deps: HttpClientDeps = {}) {
  return createMidtransClient(
    { serverKey: SERVER_KEY, apiBaseUrl: server.url, maxRetries },
    {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...deps,
    },
  );
}

/** Fail the first `failures` requests with `failure`, then answer `success`. */
function failThen(failures: number, failure: Reply, success: Reply): (req: Recorded, index: number) => Reply {
  return (_req, index) => (index < failures ? failure : success);
}

describe('which requests are retried', () => {
  it('GET is retried on 503 until it succeeds', async () => {
    const status = fixture('status.response.json');
    reply = failThen(2, unavailable, { status: 200, body: status });
    expect(await retryingClient().core.status('ORDER-1')).toEqual(status);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('DELETE is retried on 503 (a repeated delete removes nothing more); POST of a payment link is not', async () => {
    reply = failThen(1, unavailable, { status: 200, body: { message: 'deleted' } });
    expect(await retryingClient().paymentLinks.deletePaymentLink('PL-1')).toEqual({ message: 'deleted' });
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    server.requests.length = 0;
    reply = () => unavailable;
    await expect(
      retryingClient().paymentLinks.createPaymentLink({
        transaction_details: { order_id: 'PL-2', gross_amount: 1 },
      }),
    ).rejects.toBeInstanceOf(MidtransApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('GET gives up after maxRetries and throws the last retryable error', async () => {
    reply = () => unavailable;
    const error = await retryingClient(2)
      .core.status('ORDER-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({ statusCode: '503', retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it('GET is retried after a dropped connection', async () => {
    const status = fixture('status.response.json');
    reply = failThen(1, { destroy: true }, { status: 200, body: status });
    expect(await retryingClient().core.status('ORDER-1')).toEqual(status);
    expect(server.requests).toHaveLength(2);
  });

  it('POST without an idempotency key is NOT retried on 503', async () => {
    reply = failThen(1, unavailable, { status: 200, body: chargeResponse });
    await expect(retryingClient().core.charge(charge)).rejects.toBeInstanceOf(MidtransApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('POST without an idempotency key is NOT retried after a dropped connection', async () => {
    reply = failThen(1, { destroy: true }, { status: 200, body: chargeResponse });
    await expect(retryingClient().core.charge(charge)).rejects.toBeInstanceOf(MidtransNetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it('POST with an idempotency key is retried with the same key and body', async () => {
    reply = failThen(1, unavailable, { status: 200, body: chargeResponse });
    const result = await retryingClient().core.charge(charge, { idempotencyKey: 'charge-key-1' });
    expect(result).toEqual(chargeResponse);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'charge-key-1',
      'charge-key-1',
    ]);
    expect(server.requests[1]!.rawBody).toBe(server.requests[0]!.rawBody);
  });

  it('POST with an idempotency key is retried on 429 and on a dropped connection', async () => {
    const script: Reply[] = [
      { status: 429, body: { status_code: '429', status_message: 'Too many' } },
      { destroy: true },
      { status: 200, body: chargeResponse },
    ];
    reply = (_req, index) => script[index] ?? unavailable;
    await retryingClient().core.charge(charge, { idempotencyKey: 'charge-key-2' });
    expect(server.requests).toHaveLength(3);
  });

  it('body 202 "still in progress" under an idempotency key is retried', async () => {
    const inProgress = { status_code: '202', status_message: 'Request is being processed' };
    reply = failThen(1, { status: 200, body: inProgress }, { status: 200, body: chargeResponse });
    expect(await retryingClient().core.charge(charge, { idempotencyKey: 'k-202' })).toEqual(chargeResponse);
    expect(server.requests).toHaveLength(2);
  });

  it('a denied charge (body 202 with a transaction) is an answer, not retried', async () => {
    const denied = { ...(chargeResponse as object), status_code: '202', transaction_status: 'deny' };
    reply = () => ({ status: 200, body: denied });
    expect(await retryingClient().core.charge(charge, { idempotencyKey: 'k-deny' })).toEqual(denied);
    expect(server.requests).toHaveLength(1);
  });

  it('Invoicing create is retried when it carries X-Idempotency-Key', async () => {
    const created = fixture('invoice-create.response.json');
    reply = failThen(
      1,
      { status: 500, body: { error_messages: ['Internal server error'] } },
      { status: 201, body: created },
    );
    const body = fixture<WireInvoiceCreateRequest>('invoice-create.request.json');
    expect(await retryingClient().invoices.create(body, { idempotencyKey: 'inv-1' })).toEqual(created);
    expect(server.requests.map((r) => r.headers['x-idempotency-key'])).toEqual(['inv-1', 'inv-1']);
  });

  it.each([
    [400, { status_code: '400', status_message: 'Bad' }],
    [404, { status_code: '404', status_message: "Transaction doesn't exist." }],
    [200, { status_code: '412', status_message: 'Merchant cannot modify the status of the transaction' }],
    [501, { status_code: '501', status_message: 'Feature not available' }],
  ])('HTTP %s with %j is never retried, not even a GET', async (status, body) => {
    reply = () => ({ status, body });
    await expect(retryingClient().core.status('ORDER-1')).rejects.toBeInstanceOf(MidtransApiError);
    await expect(retryingClient().core.cancel('ORDER-1', { idempotencyKey: 'k' })).rejects.toBeInstanceOf(
      MidtransApiError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('maxRetries 0 disables retries', async () => {
    reply = () => unavailable;
    await expect(retryingClient(0).core.status('ORDER-1')).rejects.toBeInstanceOf(MidtransApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries are logged as warnings', async () => {
    const warnings: unknown[] = [];
    const logged = createMidtransClient(
      {
        serverKey: SERVER_KEY,
        apiBaseUrl: server.url,
        logger: { warn: (meta, message) => warnings.push({ message, meta }) },
      },
      { sleep: async () => {} },
    );
    reply = failThen(1, unavailable, { status: 200, body: chargeResponse });
    await logged.core.status('ORDER-1');
    expect(warnings).toEqual([
      {
        message: 'midtrans-kit: retrying Midtrans request',
        meta: expect.objectContaining({ request: 'GET /v2/ORDER-1/status', retry: 1 }),
      },
    ]);
  });
});

describe('backoff', () => {
  it('delays grow exponentially, are jittered by the random source, and stay bounded', async () => {
    reply = () => unavailable;
    const randoms = [0, 0.999, 0.5, 0.25, 0.75, 0.1, 0.9, 0.3, 0.6, 0.4];
    let i = 0;
    const client = retryingClient(10, {
      random: () => randoms[i++] ?? 0,
      baseDelayMs: 100,
      maxDelayMs: 1000,
    });
    await expect(client.core.status('ORDER-1')).rejects.toBeInstanceOf(MidtransApiError);
    expect(server.requests).toHaveLength(11);
    // ceilings: 100, 200, 400, 800, then capped at 1000; each delay lies in [ceiling/2, ceiling].
    expect(sleeps).toEqual([50, 200, 300, 500, 875, 550, 950, 650, 800, 700]);
  });

  it('equal jitter stays within [ceiling/2, ceiling] for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (attempt, r, base, max) => {
          const ceiling = Math.min(max, base * 2 ** attempt);
          const delay = backoffDelay(attempt, () => r, base, max);
          return delay >= Math.floor(ceiling / 2) && delay <= Math.ceil(ceiling) && delay <= max;
        },
      ),
    );
  });

  it('the default sleep really waits and stops when the caller aborts', async () => {
    reply = () => unavailable;
    const controller = new AbortController();
    const client = createMidtransClient(
      { serverKey: SERVER_KEY, apiBaseUrl: server.url, maxRetries: 5 },
      { baseDelayMs: 10_000, maxDelayMs: 10_000 },
    );
    const started = Date.now();
    const pending = client.core.status('ORDER-1', { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const error = await pending;
    expect((error as Error).message).toBe('stop');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('instances', () => {
  it('several clients in one process keep their own keys and settings', async () => {
    const other = 'SB-Mid-server-OTHER-MERCHANT-1';
    reply = () => unavailable;
    const a = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: server.url, maxRetries: 0 });
    const b = createMidtransClient(
      { serverKey: other, apiBaseUrl: server.url, maxRetries: 1 },
      { sleep: async () => {} },
    );
    await Promise.allSettled([a.core.status('A-1'), b.core.status('B-1')]);
    const auth = (id: string) =>
      server.requests.filter((r) => r.path === `/v2/${id}/status`).map((r) => r.headers.authorization);
    expect(auth('A-1')).toEqual([`Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`]);
    expect(auth('B-1')).toEqual(Array(2).fill(`Basic ${Buffer.from(`${other}:`).toString('base64')}`));
  });
});
