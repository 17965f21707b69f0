import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../src/client/index.js';
import { createMidtransClient, fetchTransport, nodeHttpTransport } from '../../src/client/index.js';
import { MidtransNetworkError } from '../../src/errors.js';
import type { WireChargeRequest } from '../../src/wire-types.js';
import { fixture } from '../support/fixtures.js';
import type { LocalServer, Recorded, Reply } from './local-server.js';
import { BASIC_AUTH, SERVER_KEY, startServer } from './local-server.js';

let server: LocalServer;
let reply: (req: Recorded) => Reply = () => ({ status: 500, body: {} });

beforeAll(async () => {
  server = await startServer((req) => reply(req));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const transports: [string, Transport][] = [
  ['fetchTransport', fetchTransport],
  ['nodeHttpTransport', nodeHttpTransport],
];

describe.each(transports)('%s', (name, transport) => {
  const client = () =>
    createMidtransClient({
      serverKey: SERVER_KEY,
      apiBaseUrl: server.url,
      maxRetries: 0,
      transport,
      timeoutMs: 300,
    });

  it('sends method, path, headers and JSON body; returns the parsed answer', async () => {
    const body = fixture<WireChargeRequest>('charge-qris.request.json');
    const answer = fixture('charge-qris.response.json');
    reply = () => ({ status: 200, body: answer });
    expect(await client().core.charge(body, { idempotencyKey: 'k-1' })).toEqual(answer);
    const req = server.requests[0]!;
    expect([req.method, req.path, req.headers.authorization, req.headers['idempotency-key']]).toEqual([
      'POST',
      '/v2/charge',
      BASIC_AUTH,
      'k-1',
    ]);
    expect(req.json).toEqual(body);
  });

  it('sends a bodyless POST with no body', async () => {
    reply = () => ({ status: 200, body: { status_code: '200', transaction_status: 'cancel' } });
    await client().core.cancel('ORDER-1');
    expect(server.requests[0]!.rawBody).toBe('');
    expect(server.requests[0]!.headers['transfer-encoding']).toBeUndefined();
  });

  it('sends a bodyless DELETE (payment links) with its path encoded', async () => {
    reply = () => ({ status: 200, body: { message: 'Payment Link with Order ID PL 1/2 deleted' } });
    expect((await client().paymentLinks.deletePaymentLink('PL 1/2')).message).toContain('deleted');
    const req = server.requests[0]!;
    expect([req.method, req.path, req.rawBody]).toEqual(['DELETE', '/v1/payment-links/PL%201%2F2', '']);
  });

  it('reports a dropped connection as a connection error', async () => {
    reply = () => ({ destroy: true });
    await expect(client().core.status('ORDER-1')).rejects.toMatchObject({ kind: 'connection' });
  });

  it('reports silence as a timeout', async () => {
    reply = () => ({ hang: true });
    await expect(client().core.status('ORDER-1')).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('handles HTTP 407 with body 407 on status', async () => {
    const expired = fixture('status-expired.response.json');
    reply = () => ({ status: 407, body: expired });
    const outcome = await client()
      .core.status('ORDER-1006')
      .catch((e: unknown) => e);
    if (name === 'fetchTransport') {
      // A Fetch-standard limitation worth knowing: the 407 answer never reaches us.
      expect(outcome).toBeInstanceOf(MidtransNetworkError);
    } else {
      expect(outcome).toEqual(expired);
    }
  });
});
