import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MidtransClient } from '../../src/client/index.js';
import { createMidtransClient } from '../../src/client/index.js';
import { MidtransApiError } from '../../src/errors.js';
import type {
  WireInvoiceCreateRequest,
  WireSnapRequest,
  WireSubscriptionCreateRequest,
  WireSubscriptionUpdateRequest,
} from '../../src/wire-types.js';
import { fixture } from '../support/fixtures.js';
import type { LocalServer, Recorded, Reply } from './local-server.js';
import { BASIC_AUTH, SERVER_KEY, startServer } from './local-server.js';

let server: LocalServer;
let reply: (req: Recorded) => Reply = () => ({ status: 500, body: {} });
let client: MidtransClient;

beforeAll(async () => {
  server = await startServer((req) => reply(req));
  client = createMidtransClient({
    serverKey: SERVER_KEY,
    apiBaseUrl: server.url,
    snapBaseUrl: `${server.url}/snap/v1`,
    maxRetries: 0,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function answerWith(name: string, status = 200): Promise<unknown> {
  const body = fixture(name);
  reply = () => ({ status, body });
  return body;
}

function only(): Recorded {
  expect(server.requests).toHaveLength(1);
  const req = server.requests[0]!;
  expect(req.headers.authorization).toBe(BASIC_AUTH);
  expect(req.headers.accept).toBe('application/json');
  expect(req.headers['content-type']).toBe('application/json');
  return req;
}

describe('snap.createTransaction', () => {
  it('posts to {snapBaseUrl}/transactions and returns the 201 answer', async () => {
    const expected = await answerWith('snap-create.response.json', 201);
    const body = fixture<WireSnapRequest>('snap-create.request.json');
    const result = await client.snap.createTransaction(body, {
      overrideNotification: 'https://shop.example.com/n',
    });
    expect(result).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['POST', '/snap/v1/transactions']);
    expect(req.json).toEqual(body);
    expect(req.headers['x-override-notification']).toBe('https://shop.example.com/n');
  });

  it.each([
    ['error-snap-400.json', 400],
    ['error-snap-401.json', 401],
  ])('turns %s into MidtransApiError', async (name, status) => {
    const body = await answerWith(name, status);
    const error = await client.snap
      .createTransaction(fixture<WireSnapRequest>('snap-create.request.json'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    const apiError = error as MidtransApiError;
    expect(apiError.httpStatus).toBe(status);
    expect(apiError.statusCode).toBeUndefined();
    expect(apiError.messages).toEqual((body as { error_messages: string[] }).error_messages);
    expect(apiError.retryable).toBe(false);
  });
});

describe('snap.cancelTransaction', () => {
  it('posts to {snapBaseUrl}/transactions/{token}/cancel without a body', async () => {
    const expected = await answerWith('snap-cancel.response.json');
    expect(await client.snap.cancelTransaction('tok/1')).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.rawBody]).toEqual(['POST', '/snap/v1/transactions/tok%2F1/cancel', '']);
  });

  it('an unknown token is a MidtransApiError with the Snap messages', async () => {
    reply = () => ({ status: 404, body: fixture('error-snap-cancel-404.json') });
    const error = await client.snap.cancelTransaction('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect((error as MidtransApiError).messages).toEqual(['token not found']);
  });
});

describe('subscriptions', () => {
  const id = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

  it.each([['subscription-create.request.json'], ['subscription-create-gopay.request.json']])(
    'create posts %s',
    async (name) => {
      const expected = await answerWith('subscription-create.response.json');
      const body = fixture<WireSubscriptionCreateRequest>(name);
      expect(await client.subscriptions.create(body, { idempotencyKey: 'sub-key-1' })).toEqual(expected);
      const req = only();
      expect([req.method, req.path]).toEqual(['POST', '/v1/subscriptions']);
      expect(req.json).toEqual(body);
      expect(req.headers['idempotency-key']).toBe('sub-key-1');
    },
  );

  it('get reads one subscription', async () => {
    const expected = await answerWith('subscription-get.response.json');
    expect(await client.subscriptions.get(id)).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.rawBody]).toEqual(['GET', `/v1/subscriptions/${id}`, '']);
  });

  it.each(['enable', 'disable', 'cancel'] as const)(
    '%s posts to /v1/subscriptions/{id}/%s',
    async (action) => {
      const expected = await answerWith('subscription-action.response.json');
      expect(await client.subscriptions[action](id)).toEqual(expected);
      const req = only();
      expect([req.method, req.path, req.rawBody]).toEqual(['POST', `/v1/subscriptions/${id}/${action}`, '']);
    },
  );

  it('update patches the subscription', async () => {
    const expected = await answerWith('subscription-action.response.json');
    const body = fixture<WireSubscriptionUpdateRequest>('subscription-update.request.json');
    expect(await client.subscriptions.update(id, body)).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['PATCH', `/v1/subscriptions/${id}`]);
    expect(req.json).toEqual(body);
  });

  it.each([
    ['error-subscription-400.json', 400, ['Invalid parameter.', 'subscription.amount is required']],
    ['error-subscription-404.json', 404, ["Subscription doesn't exist."]],
  ])('turns %s into MidtransApiError', async (name, status, messages) => {
    await answerWith(name, status);
    const error = await client.subscriptions.get(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({ httpStatus: status, statusCode: undefined, messages, retryable: false });
  });
});

describe('invoices', () => {
  const id = '65e7e8e657389830d0480001';

  it.each([['invoice-create.request.json'], ['invoice-create-payment_link.request.json']])(
    'create posts %s with X-Idempotency-Key',
    async (name) => {
      const expected = await answerWith('invoice-create.response.json', 201);
      const body = fixture<WireInvoiceCreateRequest>(name);
      expect(await client.invoices.create(body, { idempotencyKey: 'inv-key-1' })).toEqual(expected);
      const req = only();
      expect([req.method, req.path]).toEqual(['POST', '/v1/invoices']);
      expect(req.json).toEqual(body);
      expect(req.headers['x-idempotency-key']).toBe('inv-key-1');
      expect(req.headers['idempotency-key']).toBeUndefined();
    },
  );

  it('get reads one invoice', async () => {
    const expected = await answerWith('invoice-create.response.json');
    expect(await client.invoices.get(id)).toEqual(expected);
    expect([only().method, server.requests[0]!.path]).toEqual(['GET', `/v1/invoices/${id}`]);
  });

  it('void patches /void, with or without a body', async () => {
    const expected = await answerWith('invoice-void.response.json');
    expect(await client.invoices.void(id)).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.rawBody]).toEqual(['PATCH', `/v1/invoices/${id}/void`, '']);
    server.requests.length = 0;
    await client.invoices.void(id, { cancel_as: 'client' });
    expect(only().json).toEqual({ cancel_as: 'client' });
  });

  it.each([
    ['error-invoice-400.json', 400],
    ['error-invoice-404.json', 404],
    ['error-invoice-409.json', 409],
  ])('turns %s into MidtransApiError', async (name, status) => {
    const body = await answerWith(name, status);
    const error = await client.invoices.void(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect(error).toMatchObject({
      httpStatus: status,
      statusCode: undefined,
      errorId: undefined,
      messages: (body as { error_messages: string[] }).error_messages,
      retryable: false,
      body,
    });
  });
});
