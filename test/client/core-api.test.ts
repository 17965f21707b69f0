import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MidtransClient } from '../../src/client/index.js';
import { createMidtransClient } from '../../src/client/index.js';
import { MidtransApiError, ValidationError } from '../../src/errors.js';
import type {
  WireCaptureRequest,
  WireChargeRequest,
  WirePayAccountRequest,
  WireRefundRequest,
} from '../../src/wire-types.js';
import { fixture, fixtureNames } from '../support/fixtures.js';
import type { LocalServer, Recorded, Reply } from './local-server.js';
import { BASIC_AUTH, CLIENT_KEY, SERVER_KEY, startServer } from './local-server.js';

let server: LocalServer;
let reply: (req: Recorded) => Reply = () => ({ status: 500, body: {} });
let client: MidtransClient;

beforeAll(async () => {
  server = await startServer((req) => reply(req));
  client = createMidtransClient(
    { serverKey: SERVER_KEY, clientKey: CLIENT_KEY, apiBaseUrl: server.url, maxRetries: 0 },
    { sleep: async () => {} },
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Answer every request with this fixture, HTTP status following the body code like Midtrans. */
async function answerWith(name: string): Promise<unknown> {
  const body = fixture(name);
  const code = Number((body as { status_code?: string }).status_code ?? 200);
  const status = code >= 400 && code !== 407 ? code : 200;
  reply = () => ({ status, body });
  return body;
}

/** The one request the client sent. */
function only(): Recorded {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

function expectServerAuthJson(req: Recorded): void {
  expect(req.headers.authorization).toBe(BASIC_AUTH);
  expect(req.headers.accept).toBe('application/json');
  expect(req.headers['content-type']).toBe('application/json');
  expect(req.headers['user-agent']).toMatch(/^midtrans-kit/);
}

type ChargeCase = [response: string, request: string | WireChargeRequest];
const bcaLike = (bank: 'bni' | 'bri' | 'cimb'): WireChargeRequest => ({
  payment_type: 'bank_transfer',
  transaction_details: { order_id: `ORDER-${bank}`, gross_amount: 150000 },
  bank_transfer: { bank },
});
const chargeCases: ChargeCase[] = [
  ['charge-bank_transfer-bca.response.json', 'charge-bank_transfer-bca.request.json'],
  ['charge-bank_transfer-bni.response.json', bcaLike('bni')],
  ['charge-bank_transfer-bri.response.json', bcaLike('bri')],
  ['charge-bank_transfer-cimb.response.json', bcaLike('cimb')],
  ['charge-permata.response.json', 'charge-permata.request.json'],
  ['charge-echannel.response.json', 'charge-echannel.request.json'],
  ['charge-credit_card.response.json', 'charge-credit_card.request.json'],
  ['charge-credit_card-capture.response.json', 'charge-credit_card-authorize.request.json'],
  ['charge-gopay.response.json', 'charge-gopay.request.json'],
  ['charge-qris.response.json', 'charge-qris.request.json'],
  ['charge-shopeepay.response.json', 'charge-shopeepay.request.json'],
  ['charge-cstore.response.json', 'charge-cstore.request.json'],
  ['charge-cstore-alfamart.response.json', 'charge-cstore-alfamart.request.json'],
  ['charge-bank_transfer-bca.response.json', 'charge-full.request.json'],
  [
    'charge-akulaku.response.json',
    {
      payment_type: 'akulaku',
      transaction_details: { order_id: 'ORDER-AK', gross_amount: 50000 },
      item_details: [{ id: 'A', price: 50000, quantity: 1, name: 'Teh' }],
      customer_details: { first_name: 'Budi', email: 'budi@example.com', phone: '08123' },
    },
  ],
];

describe('core.charge', () => {
  it('covers every charge fixture', async () => {
    const files = fixtureNames().filter((f) => f.startsWith('charge-'));
    const used = new Set(chargeCases.flatMap(([res, req]) => (typeof req === 'string' ? [res, req] : [res])));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(chargeCases)('replays %s for its request', async (responseName, requestSource) => {
    const expected = await answerWith(responseName);
    const body =
      typeof requestSource === 'string' ? fixture<WireChargeRequest>(requestSource) : requestSource;
    const result = await client.core.charge(body);
    expect(result).toEqual(expected);
    const req = only();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v2/charge');
    expectServerAuthJson(req);
    expect(req.json).toEqual(body);
    expect(req.headers['idempotency-key']).toBeUndefined();
  });

  it('sends Idempotency-Key and notification headers', async () => {
    await answerWith('charge-gopay.response.json');
    const body = fixture<WireChargeRequest>('charge-gopay.request.json');
    await client.core.charge(body, {
      idempotencyKey: '6f1c3b0e-6a0f-4e8e-9a57-1d2b3c4d5e6f',
      overrideNotification: ['https://a.example.com/n', 'https://b.example.com/n'],
      appendNotification: 'https://c.example.com/n',
    });
    const req = only();
    expect(req.headers['idempotency-key']).toBe('6f1c3b0e-6a0f-4e8e-9a57-1d2b3c4d5e6f');
    expect(req.headers['x-override-notification']).toBe('https://a.example.com/n,https://b.example.com/n');
    expect(req.headers['x-append-notification']).toBe('https://c.example.com/n');
  });

  it.each([
    [{ idempotencyKey: 'k'.repeat(47) }, 'idempotencyKey'],
    [{ idempotencyKey: '' }, 'idempotencyKey'],
    [{ idempotencyKey: 'has space' }, 'idempotencyKey'],
    [{ overrideNotification: [] }, 'overrideNotification'],
    [
      { overrideNotification: ['https://a.x', 'https://b.x', 'https://c.x', 'https://d.x'] },
      'overrideNotification',
    ],
    [{ appendNotification: 'not a url' }, 'appendNotification'],
    [{ appendNotification: 'https://a.example.com/n?x=1,2' }, 'appendNotification'],
    [{ appendNotification: 'ftp://a.example.com/n' }, 'appendNotification'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
  ])('rejects bad call options %j before sending', async (options, field) => {
    const body = fixture<WireChargeRequest>('charge-gopay.request.json');
    const error = await client.core.charge(body, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual([field]);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts a 46-character idempotency key', async () => {
    await answerWith('charge-gopay.response.json');
    await client.core.charge(fixture<WireChargeRequest>('charge-gopay.request.json'), {
      idempotencyKey: 'k'.repeat(46),
    });
    expect(only().headers['idempotency-key']).toBe('k'.repeat(46));
  });
});

describe('core status and actions', () => {
  it.each([
    ['status.response.json'],
    ['status-bank_transfer-pending.response.json'],
    ['status-partial_refund.response.json'],
    ['status-expired.response.json'],
  ])('status replays %s (body 407 is an answer, not an error)', async (name) => {
    const expected = await answerWith(name);
    expect(await client.core.status('ORDER-1001')).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.rawBody]).toEqual(['GET', '/v2/ORDER-1001/status', '']);
    expectServerAuthJson(req);
  });

  it('accepts body 407 even when the HTTP status line says 407', async () => {
    // Node's fetch turns an HTTP 407 into a network error, so this one goes through a custom transport.
    const body = fixture('status-expired.response.json');
    const viaTransport = createMidtransClient({
      serverKey: SERVER_KEY,
      transport: async () => ({ status: 407, headers: {}, body: JSON.stringify(body) }),
    });
    expect(await viaTransport.core.status('ORDER-1006')).toEqual(body);
  });

  it('treats body 407 as an error on calls other than status/expire', async () => {
    await answerWith('expire.response.json');
    const error = await client.core.cancel('ORDER-1006').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect((error as MidtransApiError).statusCode).toBe('407');
  });

  it('URL-encodes ids and refuses dot segments', async () => {
    await answerWith('status.response.json');
    await client.core.status('ORDER 1/2?x#y');
    expect(only().path).toBe('/v2/ORDER%201%2F2%3Fx%23y/status');
    for (const id of ['', '.', '..']) {
      await expect(client.core.status(id)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(server.requests).toHaveLength(1);
  });

  it('statusB2b calls /status/b2b, with the paging query when given', async () => {
    const expected = await answerWith('b2b-status.response.json');
    expect(await client.core.statusB2b('ORDER-1')).toEqual(expected);
    expect([only().path, only().query]).toEqual(['/v2/ORDER-1/status/b2b', {}]);
    server.requests.length = 0;
    await client.core.statusB2b('ORDER-1', { page: '1', per_page: '2' });
    expect(only().query).toEqual({ page: '1', per_page: '2' });
    expectServerAuthJson(only());
  });

  it.each([
    ['cancel', 'cancel.response.json'],
    ['expire', 'expire.response.json'],
    ['approve', 'approve.response.json'],
    ['deny', 'deny.response.json'],
  ] as const)('%s posts to /v2/{id}/%s without a body', async (action, name) => {
    const expected = await answerWith(name);
    expect(await client.core[action]('ORDER-2001', { idempotencyKey: `${action}-key` })).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.rawBody]).toEqual(['POST', `/v2/ORDER-2001/${action}`, '']);
    expect(req.headers['idempotency-key']).toBe(`${action}-key`);
    expectServerAuthJson(req);
  });

  it('capture posts the capture body to /v2/capture', async () => {
    const expected = await answerWith('capture.response.json');
    const body = fixture<WireCaptureRequest>('capture.request.json');
    expect(await client.core.capture(body)).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['POST', '/v2/capture']);
    expect(req.json).toEqual(body);
  });

  it('refund posts the refund body', async () => {
    const expected = await answerWith('refund.response.json');
    const body = fixture<WireRefundRequest>('refund.request.json');
    expect(await client.core.refund('ORDER-2002', body)).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['POST', '/v2/ORDER-2002/refund']);
    expect(req.json).toEqual(body);
  });

  it('refund without a body sends an empty object (full refund)', async () => {
    await answerWith('refund.response.json');
    await client.core.refund('ORDER-2002');
    expect(only().json).toEqual({});
  });

  it.each([['direct-refund.response.json'], ['direct-refund-rejected.response.json']])(
    'directRefund replays %s (body 202 rejection resolves)',
    async (name) => {
      const expected = await answerWith(name);
      const body = fixture<WireRefundRequest>('refund.request.json');
      expect(await client.core.directRefund('ORDER-3001', body)).toEqual(expected);
      const req = only();
      expect([req.method, req.path]).toEqual(['POST', '/v2/ORDER-3001/refund/online/direct']);
      expect(req.json).toEqual(body);
    },
  );
});

describe('core card token and pay account', () => {
  it('cardToken uses the client key in the query and no Basic auth', async () => {
    const expected = await answerWith('token.response.json');
    const result = await client.core.cardToken({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
    });
    expect(result).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['GET', '/v2/token']);
    expect(req.query).toEqual({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
      client_key: CLIENT_KEY,
    });
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers.accept).toBe('application/json');
  });

  it('cardToken without any client key fails before sending', async () => {
    const bare = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: server.url });
    await expect(bare.core.cardToken({ token_id: 't', card_cvv: '123' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('cardRegister uses the client key in the query and no Basic auth', async () => {
    const expected = await answerWith('card-register.response.json');
    const query = { card_number: '4811111111111114', card_exp_month: '12', card_exp_year: '2030' };
    expect(await client.core.cardRegister(query)).toEqual(expected);
    const req = only();
    expect([req.method, req.path, req.query]).toEqual([
      'GET',
      '/v2/card/register',
      { ...query, client_key: CLIENT_KEY },
    ]);
    expect(req.headers.authorization).toBeUndefined();
  });

  it('pointInquiry and binLookup are server-key GETs on their documented paths', async () => {
    const points = await answerWith('point-inquiry.response.json');
    expect(await client.core.pointInquiry('48111111-1114-a/b', { gross_amount: '50000' })).toEqual(points);
    expect([only().path, only().query]).toEqual([
      '/v2/point_inquiry/48111111-1114-a%2Fb',
      { gross_amount: '50000' },
    ]);
    expectServerAuthJson(only());
    server.requests.length = 0;
    const bin = await answerWith('bin.response.json');
    expect(await client.core.binLookup('45563300')).toEqual(bin);
    expect([only().method, only().path]).toEqual(['GET', '/v1/bins/45563300']);
    expectServerAuthJson(only());
  });

  it('binLookup surfaces the 404 of an unknown BIN as MidtransApiError', async () => {
    const body = fixture('error-bin-404.json');
    reply = () => ({ status: 404, body });
    const error = await client.core.binLookup('99999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect([(error as MidtransApiError).httpStatus, (error as MidtransApiError).statusCode]).toEqual([
      404,
      '404',
    ]);
  });

  it('createPayAccount posts the linking request', async () => {
    const expected = await answerWith('pay-account-create.response.json');
    const body = fixture<WirePayAccountRequest>('pay-account-create.request.json');
    expect(await client.core.createPayAccount(body)).toEqual(expected);
    const req = only();
    expect([req.method, req.path]).toEqual(['POST', '/v2/pay/account']);
    expect(req.json).toEqual(body);
    expectServerAuthJson(req);
  });

  it('getPayAccount and unbindPayAccount address the account', async () => {
    const expected = await answerWith('pay-account-get.response.json');
    expect(await client.core.getPayAccount('acc/1')).toEqual(expected);
    expect(only().path).toBe('/v2/pay/account/acc%2F1');
    server.requests.length = 0;
    await client.core.unbindPayAccount('acc-1');
    expect([only().method, only().path]).toEqual(['POST', '/v2/pay/account/acc-1/unbind']);
  });

  it('refuses an idempotency key where Midtrans takes none (pay account)', async () => {
    const body = fixture<WirePayAccountRequest>('pay-account-create.request.json');
    const sneaky = { idempotencyKey: 'k1' } as unknown as undefined;
    await expect(client.core.createPayAccount(body, sneaky)).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
