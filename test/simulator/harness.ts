/** Test harness: a simulator, a notification receiver, and a small authenticated fetch. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';

/** The fixtures' server key (their signatures are computed with it). */
export const SERVER_KEY = 'SB-Mid-server-TEST-KEY-0000';
/** A client key the simulator accepts. */
export const CLIENT_KEY = 'SB-Mid-client-TEST-KEY-0000';
/** A fixed start instant: 2025-01-15 10:00:00 GMT+7. */
export const START = new Date('2025-01-15T03:00:00Z');

/** One received notification. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local HTTP server standing in for the merchant's notification endpoint. */
export interface Receiver {
  url: string;
  received: Received[];
  /** Status to answer for the n-th request (0-based) on a path; default 200. */
  respond: (index: number, path: string) => number | { status: number; location?: string } | 'hang';
  close(): Promise<void>;
}

/** Start a receiver. */
export async function startReceiver(): Promise<Receiver> {
  const counts = new Map<string, number>();
  const receiver: Receiver = {
    url: '',
    received: [],
    respond: () => 200,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      const index = counts.get(path) ?? 0;
      counts.set(path, index + 1);
      receiver.received.push({
        path,
        headers: req.headers,
        body: JSON.parse(text || '{}') as Record<string, unknown>,
      });
      const answer = receiver.respond(index, path);
      if (answer === 'hang') return;
      const { status, location } =
        typeof answer === 'number' ? { status: answer, location: undefined } : answer;
      res.writeHead(status, location ? { Location: location } : {});
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Start a simulator on a free port with the fixtures' key and a frozen clock at {@link START}. */
export function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({
    serverKey: SERVER_KEY,
    clientKey: CLIENT_KEY,
    now: new Date(START),
    notificationRetry: { timeScale: 0.00002, jitter: 0 },
    ...options,
  });
}

/** A JSON answer. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Call the simulator with Basic auth (or `auth: null` for none). */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  options: { auth?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const key = options.auth === undefined ? SERVER_KEY : options.auth;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...options.headers,
  };
  if (key !== null) headers.authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** Tokenise a card through `GET /v2/token`. */
export async function cardToken(sim: Simulator, cardNumber: string): Promise<string> {
  const query = new URLSearchParams({
    client_key: CLIENT_KEY,
    card_number: cardNumber,
    card_cvv: '123',
    card_exp_month: '12',
    card_exp_year: '2030',
  });
  const response = await fetch(`${sim.apiUrl}/v2/token?${query}`);
  const body = (await response.json()) as { token_id?: string };
  if (!body.token_id) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.token_id;
}

/** A charge body for a payment type. */
export function chargeBody(
  orderId: string,
  amount: number,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return { transaction_details: { order_id: orderId, gross_amount: amount }, ...extra };
}

/** Wait until `check` is true (polling a few ms); for receivers that are not the simulator's log. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
