/**
 * The official `midtrans-client` package (1.4.3) against the simulator. It has no option for
 * a custom host: its base URLs come from `apiConfig.getCoreApiBaseUrl()` /
 * `getSnapApiBaseUrl()`, so each instance gets those two methods replaced — nothing patched
 * in the package, only instance properties set.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { CLIENT_KEY, type Receiver, SERVER_KEY, startReceiver, startTestSimulator } from './harness.js';

type Json = Record<string, unknown>;
interface ApiConfig {
  getCoreApiBaseUrl(): string;
  getSnapApiBaseUrl(): string;
}
interface Transaction {
  status(id: string): Promise<Json>;
  cancel(id: string): Promise<Json>;
  expire(id: string): Promise<Json>;
  refund(id: string, body?: Json): Promise<Json>;
  refundDirect(id: string, body?: Json): Promise<Json>;
  notification(body: Json | string): Promise<Json>;
}
interface CoreApi {
  apiConfig: ApiConfig;
  transaction: Transaction;
  charge(body: Json): Promise<Json>;
  capture(body: Json): Promise<Json>;
  cardToken(query: Json): Promise<Json>;
}
interface Snap {
  apiConfig: ApiConfig;
  createTransaction(body: Json): Promise<Json>;
}
interface MidtransError extends Error {
  httpStatusCode: number | string | null;
  ApiResponse: unknown;
}
interface MidtransClientModule {
  CoreApi: new (options: { isProduction: boolean; serverKey: string; clientKey: string }) => CoreApi;
  Snap: new (options: { isProduction: boolean; serverKey: string; clientKey: string }) => Snap;
}

const midtransClient = createRequire(import.meta.url)('midtrans-client') as MidtransClientModule;

let sim: Simulator;
let receiver: Receiver;
let core: CoreApi;
let snap: Snap;

function pointAt<T extends { apiConfig: ApiConfig }>(client: T): T {
  client.apiConfig.getCoreApiBaseUrl = () => sim.apiUrl;
  client.apiConfig.getSnapApiBaseUrl = () => sim.snapUrl;
  return client;
}

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/notify` });
  const keys = { isProduction: false, serverKey: SERVER_KEY, clientKey: CLIENT_KEY };
  core = pointAt(new midtransClient.CoreApi(keys));
  snap = pointAt(new midtransClient.Snap(keys));
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

async function token(cardNumber = '4811111111111114'): Promise<string> {
  const answer = await core.cardToken({
    card_number: cardNumber,
    card_exp_month: '12',
    card_exp_year: '2030',
    card_cvv: '123',
    client_key: CLIENT_KEY,
  });
  expect(answer.status_code).toBe('200');
  return String(answer.token_id);
}

describe('official midtrans-client against the simulator', () => {
  it('charges a bank transfer, reads its status, cancels it', async () => {
    const charged = await core.charge({
      payment_type: 'bank_transfer',
      transaction_details: { order_id: 'OC-BT-1', gross_amount: 150000 },
      bank_transfer: { bank: 'bni' },
    });
    expect(charged.status_code).toBe('201');
    expect((charged.va_numbers as { bank: string }[])[0]?.bank).toBe('bni');
    const status = await core.transaction.status('OC-BT-1');
    expect(status.transaction_status).toBe('pending');
    const cancelled = await core.transaction.cancel(String(charged.transaction_id));
    expect(cancelled.transaction_status).toBe('cancel');
  });

  it('charges GoPay and expires it (body 407 is not an error for the client)', async () => {
    const charged = await core.charge({
      payment_type: 'gopay',
      transaction_details: { order_id: 'OC-GP-1', gross_amount: 75000 },
    });
    expect((charged.actions as { name: string }[]).map((action) => action.name)).toContain(
      'generate-qr-code',
    );
    const expired = await core.transaction.expire('OC-GP-1');
    expect(expired.status_code).toBe('407');
    const status = await core.transaction.status('OC-GP-1');
    expect(status.transaction_status).toBe('expire');
  });

  it('tokenises a card with cardToken, charges it, refunds it after settlement', async () => {
    const charged = await core.charge({
      payment_type: 'credit_card',
      transaction_details: { order_id: 'OC-CC-1', gross_amount: 250000 },
      credit_card: { token_id: await token() },
    });
    expect(charged.transaction_status).toBe('capture');
    sim.controls.settle('OC-CC-1');
    const refunded = await core.transaction.refund('OC-CC-1', { refund_key: 'OC-R1', amount: 50000 });
    expect(refunded.transaction_status).toBe('partial_refund');
    const direct = await core.transaction.refundDirect('OC-CC-1', { refund_key: 'OC-R2' });
    expect(direct.transaction_status).toBe('refund');
  });

  it('rejects errors the way the client expects (HTTP 404, 412, 401)', async () => {
    const missing = await core.transaction.status('OC-NONE').catch((error: MidtransError) => error);
    expect((missing as MidtransError).httpStatusCode).toBe(404);
    const refused = await core.transaction.cancel('OC-CC-1').catch((error: MidtransError) => error);
    expect((refused as MidtransError).httpStatusCode).toBe(412);
    const wrong = pointAt(
      new midtransClient.CoreApi({ isProduction: false, serverKey: 'SB-Mid-server-x', clientKey: '' }),
    );
    const denied = await wrong.transaction.status('OC-CC-1').catch((error: MidtransError) => error);
    expect((denied as MidtransError).httpStatusCode).toBe(401);
  });

  it('creates a Snap transaction', async () => {
    const created = await snap.createTransaction({
      transaction_details: { order_id: 'OC-SNAP-1', gross_amount: 10000 },
    });
    expect(typeof created.token).toBe('string');
    expect(String(created.redirect_url)).toBe(`${sim.apiUrl}/snap/v2/vtweb/${String(created.token)}`);
    const notYet = await core.transaction.status('OC-SNAP-1').catch((error: MidtransError) => error);
    expect((notYet as MidtransError).httpStatusCode).toBe(404);
  });

  it('its notification helper resolves a simulator notification to the current status', async () => {
    await core.charge({
      payment_type: 'qris',
      transaction_details: { order_id: 'OC-QR-1', gross_amount: 20000 },
    });
    sim.controls.pay('OC-QR-1');
    await sim.controls.idle();
    const settlement = receiver.received.find(
      (entry) => entry.body.order_id === 'OC-QR-1' && entry.body.transaction_status === 'settlement',
    );
    expect(settlement).toBeDefined();
    const viaObject = await core.transaction.notification(settlement?.body ?? {});
    expect(viaObject.transaction_status).toBe('settlement');
    expect(viaObject.order_id).toBe('OC-QR-1');
    const viaString = await core.transaction.notification(JSON.stringify(settlement?.body));
    expect(viaString.transaction_id).toBe(settlement?.body.transaction_id);
  });
});
