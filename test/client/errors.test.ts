import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MidtransClient } from '../../src/client/index.js';
import { createMidtransClient } from '../../src/client/index.js';
import { MidtransApiError, MidtransNetworkError } from '../../src/errors.js';
import type { WireChargeRequest } from '../../src/wire-types.js';
import { fixture } from '../support/fixtures.js';
import type { LocalServer, Recorded, Reply } from './local-server.js';
import { BASIC_AUTH, CLIENT_KEY, SERVER_KEY, startServer } from './local-server.js';

let server: LocalServer;
let reply: (req: Recorded, index: number) => Reply = () => ({ status: 500, body: {} });
let client: MidtransClient;
let charge: WireChargeRequest;

beforeAll(async () => {
  server = await startServer((req, index) => reply(req, index));
  client = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: server.url, maxRetries: 0 });
  charge = fixture<WireChargeRequest>('charge-bank_transfer-bca.request.json');
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

const ENCODED_KEY = BASIC_AUTH.slice('Basic '.length);

/** The server key, raw or base64, must not appear anywhere an error can be printed or serialised. */
function expectNoSecret(error: unknown): void {
  const e = error as Error & { body?: unknown };
  const views = [
    JSON.stringify(e),
    e.message,
    String(e.stack),
    String(JSON.stringify(e.body)),
    String(e.cause),
  ];
  for (const view of views) {
    expect(view).not.toContain(SERVER_KEY);
    expect(view).not.toContain(ENCODED_KEY);
  }
}

describe('Core API error bodies', () => {
  const cases: [string, boolean][] = [
    ['error-400-validation.json', false],
    ['error-401.json', false],
    ['error-402.json', false],
    ['error-404.json', false],
    ['error-406-duplicate-order.json', false],
    ['error-406-duplicate-refund.json', false],
    ['error-411.json', false],
    ['error-412.json', false],
    ['error-414-refund-amount.json', false],
  ];
  it.each(cases)('%s with the same HTTP status → MidtransApiError', async (name, retryable) => {
    const body = fixture<{
      status_code: string;
      status_message: string;
      id?: string;
      validation_messages?: string[];
    }>(name);
    reply = () => ({ status: Number(body.status_code), body });
    const error = await failure(client.core.charge(charge));
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({
      code: 'midtrans_api_error',
      httpStatus: Number(body.status_code),
      statusCode: body.status_code,
      messages: [body.status_message, ...(body.validation_messages ?? [])],
      errorId: body.id,
      retryable,
      body,
    });
    expect((error as Error).message).toContain(body.status_code);
    expect((error as Error).message).toContain(body.status_message);
  });

  it('an HTTP 200 carrying body status_code 412 is still an error', async () => {
    const body = fixture('error-412.json');
    reply = () => ({ status: 200, body });
    const error = await failure(client.core.cancel('ORDER-1'));
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({ httpStatus: 200, statusCode: '412', retryable: false });
  });

  it.each([
    ['500', true],
    ['501', false],
    ['502', true],
    ['503', true],
    ['504', true],
    ['505', true],
    ['429', true],
  ])('body %s → retryable %s', async (code, retryable) => {
    reply = () => ({ status: 200, body: { status_code: code, status_message: 'trouble' } });
    expect(await failure(client.core.status('ORDER-1'))).toMatchObject({ statusCode: code, retryable });
  });

  it('HTTP 503 with a non-JSON body → retryable MidtransApiError', async () => {
    reply = () => ({ status: 503, body: '<html>Service Unavailable</html>', raw: true });
    const error = await failure(client.core.status('ORDER-1'));
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({
      httpStatus: 503,
      retryable: true,
      body: '<html>Service Unavailable</html>',
    });
  });

  it('HTTP 200 with a non-JSON body → non-retryable MidtransApiError', async () => {
    reply = () => ({ status: 200, body: 'OK', raw: true });
    expect(await failure(client.core.status('ORDER-1'))).toMatchObject({ httpStatus: 200, retryable: false });
  });

  it('a redirect is not followed and not taken for a success', async () => {
    reply = () => ({ status: 302, body: {}, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    const error = await failure(client.core.charge(charge));
    expect(error).toMatchObject({ httpStatus: 302, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('a JSON array is not a Midtrans answer', async () => {
    reply = () => ({ status: 200, body: [] });
    expect(await failure(client.core.status('ORDER-1'))).toBeInstanceOf(MidtransApiError);
  });
});

describe('secrets never leak', () => {
  it('401 echoing the server key (raw and base64) → error without it', async () => {
    const body = {
      status_code: '401',
      status_message: `Unknown merchant server_key/id ${SERVER_KEY}`,
      validation_messages: [`Authorization ${BASIC_AUTH} rejected`],
      id: 'abc',
      [`echo-${SERVER_KEY}`]: { nested: [SERVER_KEY] },
    };
    reply = () => ({ status: 401, body });
    const error = await failure(client.core.charge(charge));
    expect(error).toBeInstanceOf(MidtransApiError);
    expectNoSecret(error);
    const apiError = error as MidtransApiError;
    expect(apiError.messages[0]).toBe('Unknown merchant server_key/id [redacted]');
    expect(apiError.messages[1]).toBe('Authorization Basic [redacted] rejected');
  });

  it('a non-JSON error page echoing the key → body snippet redacted', async () => {
    reply = () => ({ status: 500, body: `<pre>key=${SERVER_KEY}</pre>`, raw: true });
    const error = await failure(client.core.status('ORDER-1'));
    expectNoSecret(error);
    expect((error as MidtransApiError).body).toBe('<pre>key=[redacted]</pre>');
  });

  it('a transport error mentioning the key → redacted message and cause', async () => {
    const leaky = createMidtransClient({
      serverKey: SERVER_KEY,
      maxRetries: 0,
      transport: async (request) => {
        throw new Error(`cannot send ${request.headers.Authorization} for ${SERVER_KEY}`);
      },
    });
    const error = await failure(leaky.core.status('ORDER-1'));
    expect(error).toBeInstanceOf(MidtransNetworkError);
    expectNoSecret(error);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectNoSecret((error as Error).cause);
  });

  it('card data in the token query stays out of network errors and logs', async () => {
    const logged: unknown[] = [];
    const log = (meta: Record<string, unknown>, message?: string) => logged.push([message, meta]);
    const tokenClient = createMidtransClient(
      {
        serverKey: SERVER_KEY,
        clientKey: CLIENT_KEY,
        apiBaseUrl: server.url,
        maxRetries: 1,
        logger: { debug: log, warn: log },
      },
      { sleep: async () => {} },
    );
    reply = () => ({ destroy: true });
    const error = await failure(
      tokenClient.core.cardToken({ card_number: '4811111111111114', card_cvv: '123' }),
    );
    expect(error).toBeInstanceOf(MidtransNetworkError);
    expect(server.requests).toHaveLength(2);
    const printed = `${(error as Error).message} ${String((error as Error).stack)} ${JSON.stringify(logged)}`;
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of ['4811111111111114', CLIENT_KEY, SERVER_KEY, ENCODED_KEY]) {
      expect(printed).not.toContain(secret);
    }
  });
});

describe('network failures', () => {
  it('a server that never answers → MidtransNetworkError timeout within the deadline', async () => {
    reply = () => ({ hang: true });
    const started = Date.now();
    const error = await failure(client.core.charge(charge, { timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(MidtransNetworkError);
    expect(error).toMatchObject({ kind: 'timeout', code: 'midtrans_network_error' });
    expect((error as Error).message).toContain('POST /v2/charge');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
  });

  it('a transport that ignores the abort signal still times out', async () => {
    const stuck = createMidtransClient({
      serverKey: SERVER_KEY,
      timeoutMs: 100,
      maxRetries: 0,
      transport: () => new Promise(() => {}),
    });
    expect(await failure(stuck.core.status('ORDER-1'))).toMatchObject({ kind: 'timeout' });
  });

  it('a dropped connection → MidtransNetworkError connection', async () => {
    reply = () => ({ destroy: true });
    const error = await failure(client.core.charge(charge));
    expect(error).toBeInstanceOf(MidtransNetworkError);
    expect(error).toMatchObject({ kind: 'connection' });
    expect(server.requests).toHaveLength(1);
  });

  it('a refused connection → MidtransNetworkError connection', async () => {
    const nowhere = createMidtransClient({
      serverKey: SERVER_KEY,
      apiBaseUrl: 'http://127.0.0.1:9',
      maxRetries: 0,
    });
    expect(await failure(nowhere.core.status('ORDER-1'))).toMatchObject({ kind: 'connection' });
  });

  it("the caller's abort signal wins, with its own reason, and is not retried", async () => {
    reply = () => ({ hang: true });
    const controller = new AbortController();
    const retrying = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: server.url, maxRetries: 3 });
    const pending = failure(retrying.core.status('ORDER-1', { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user went away')), 50);
    const error = await pending;
    expect(error).not.toBeInstanceOf(MidtransNetworkError);
    expect((error as Error).message).toBe('user went away');
    expect(server.requests).toHaveLength(1);
  });
});
