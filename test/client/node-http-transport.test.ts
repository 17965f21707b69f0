import type { Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../src/client/index.js';
import { createMidtransClient, nodeHttpTransport } from '../../src/client/index.js';
import { waitFor } from '../support/wait-for.js';
import { BASIC_AUTH, SERVER_KEY } from './local-server.js';

// A server that counts connections: paths containing HANG are never answered, the rest get a status.
let server: Server;
let url: string;
const sockets = new Set<Socket>();
let connections = 0;
const hanging: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.includes('HANG')) {
      hanging.push(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status_code: '200', transaction_status: 'settlement', order_id: 'X' }));
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(async () => {
  // Every test starts with no connection open, so it counts only its own.
  server.closeAllConnections();
  await waitFor(() => sockets.size === 0, { what: 'the previous test’s connections to close' });
  connections = 0;
  hanging.length = 0;
});

const client = (options: { timeoutMs?: number; transport?: Transport } = {}) =>
  createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: url, maxRetries: 0, ...options });

describe('nodeHttpTransport connections', () => {
  it('keeps connections alive and reuses them, one after another and side by side', async () => {
    const midtrans = client();
    for (let i = 0; i < 5; i++) await midtrans.core.status(`ORDER-${i}`);
    expect(connections).toBe(1);
    const batch = () => Promise.all(Array.from({ length: 8 }, (_, i) => midtrans.core.status(`B-${i}`)));
    await batch();
    const afterFirstBatch = connections;
    expect(afterFirstBatch).toBeLessThanOrEqual(8);
    await batch();
    await batch();
    expect(connections).toBe(afterFirstBatch);
  });

  it('closes the connection when the deadline passes', async () => {
    const error = await client({ timeoutMs: 150 })
      .core.status('HANG-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    await waitFor(() => sockets.size === 0, { what: 'the timed-out connection to close' });
    expect(hanging).toHaveLength(1);
  });

  it("closes the connection when the caller aborts, with the caller's reason", async () => {
    const caller = new AbortController();
    const pending = client()
      .core.status('HANG-2', { signal: caller.signal })
      .catch((e: unknown) => e);
    await waitFor(() => hanging.length === 1, { what: 'the request to arrive' });
    caller.abort(new Error('user went away'));
    expect(await pending).toMatchObject({ message: 'user went away' });
    await waitFor(() => sockets.size === 0, { what: 'the aborted connection to close' });
  });

  it('still honours a transport wrapper that copies the request', async () => {
    const wrapper: Transport = (request) =>
      nodeHttpTransport({ ...request, headers: { ...request.headers } });
    const error = await client({ timeoutMs: 150, transport: wrapper })
      .core.status('HANG-3')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    await waitFor(() => sockets.size === 0, { what: 'the timed-out connection to close' });
  });

  it('called on its own, follows the request signal', async () => {
    const caller = new AbortController();
    const pending = nodeHttpTransport({
      method: 'GET',
      url: `${url}/v2/HANG-4/status`,
      headers: { Authorization: BASIC_AUTH },
      signal: caller.signal,
    }).catch((e: unknown) => e);
    await waitFor(() => hanging.length === 1, { what: 'the request to arrive' });
    caller.abort(new Error('stop'));
    expect(await pending).toBeInstanceOf(Error);
    await waitFor(() => sockets.size === 0, { what: 'the aborted connection to close' });
    const answer = await nodeHttpTransport({
      method: 'GET',
      url: `${url}/v2/OK/status`,
      headers: {},
      signal: AbortSignal.abort(new Error('already gone')),
    }).catch((e: unknown) => e);
    expect(answer).toBeInstanceOf(Error);
  });
});

describe('transports that use the signal', () => {
  it('see it abort with a TimeoutError when the deadline passes', async () => {
    let seen: AbortSignal | undefined;
    const listening: Transport = (request) =>
      new Promise((_, reject) => {
        seen = request.signal;
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    const error = await client({ timeoutMs: 50, transport: listening })
      .core.status('ANY')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toMatchObject({ name: 'TimeoutError' });
  });
});
