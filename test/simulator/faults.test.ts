/** Fault injection: request faults (5xx, hang, drop) and notification faults (duplicate, order, delay). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, type Receiver, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/n` });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const gopay = (orderId: string) => chargeBody(orderId, 10000, { payment_type: 'gopay' });

describe('request faults', () => {
  it('answers the chosen 5xx for the next N matching requests, in the family shape', async () => {
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('F-1'));
    sim.controls.fault({ path: '/v2/*/status', kind: 'status', status: 503, times: 2 });
    const first = await call(sim.apiUrl, 'GET', '/v2/F-1/status');
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ status_code: '503' });
    expect((await call(sim.apiUrl, 'GET', '/v2/F-1/status')).status).toBe(503);
    expect((await call(sim.apiUrl, 'GET', '/v2/F-1/status')).status).toBe(200);
    sim.controls.fault({ path: '/snap/**', kind: 'status' });
    const snap = await call(sim.apiUrl, 'POST', '/snap/v1/transactions', {
      transaction_details: { order_id: 'F-S', gross_amount: 1 },
    });
    expect(snap.status).toBe(500);
    expect(Array.isArray(snap.body.error_messages)).toBe(true);
  });

  it('hang delays the answer; the client gives up first', async () => {
    sim.controls.fault({ path: '/v2/charge', method: 'POST', kind: 'hang', ms: 5000 });
    const started = Date.now();
    const aborted = await fetch(`${sim.apiUrl}/v2/charge`, {
      method: 'POST',
      body: JSON.stringify(gopay('F-H')),
      headers: { authorization: `Basic ${Buffer.from('SB-Mid-server-TEST-KEY-0000:').toString('base64')}` },
      signal: AbortSignal.timeout(150),
    }).catch((error: Error) => error);
    expect(aborted).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(2000);
    sim.controls.fault({ path: '/v2/*/status', kind: 'hang', ms: 120 });
    const slowStarted = Date.now();
    expect((await call(sim.apiUrl, 'GET', '/v2/none/status')).status).toBe(404);
    expect(Date.now() - slowStarted).toBeGreaterThanOrEqual(100);
  });

  it('drop destroys the connection', async () => {
    sim.controls.fault({ path: '**', kind: 'drop' });
    const dropped = await call(sim.apiUrl, 'GET', '/v2/x/status').catch((error: Error) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect((await call(sim.apiUrl, 'GET', '/v2/x/status')).status).toBe(404);
  });

  it('faults are also set over HTTP and cleared', async () => {
    const set = await fetch(`${sim.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/v2/*/status', kind: 'status', status: 502, times: 5 }),
    });
    expect(set.status).toBe(200);
    expect((await call(sim.apiUrl, 'GET', '/v2/x/status')).status).toBe(502);
    await fetch(`${sim.controlUrl}/faults`, { method: 'DELETE' });
    expect((await call(sim.apiUrl, 'GET', '/v2/x/status')).status).toBe(404);
  });
});

describe('notification faults', () => {
  const orders = async (): Promise<string[]> => {
    await sim.controls.idle();
    return receiver.received.map(
      (entry) => `${String(entry.body.order_id)}:${String(entry.body.transaction_status)}`,
    );
  };

  it('duplicate sends the next notification twice', async () => {
    sim.controls.notificationFault({ kind: 'duplicate' });
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('D-1'));
    sim.controls.pay('D-1');
    expect(await orders()).toEqual(['D-1:pending', 'D-1:pending', 'D-1:settlement']);
  });

  it('out-of-order holds one notification and sends it after the next', async () => {
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('O-1'));
    await sim.controls.idle();
    sim.controls.notificationFault({ kind: 'out-of-order' });
    sim.controls.pay('O-1');
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('O-2'));
    expect(await orders()).toEqual(['O-1:pending', 'O-2:pending', 'O-1:settlement']);
  });

  it('delay holds the next notification for X ms (idle waits for it)', async () => {
    sim.controls.notificationFault({ kind: 'delay', ms: 150 });
    const started = Date.now();
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('L-1'));
    await sim.controls.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await orders()).toEqual(['L-1:pending']);
  });

  it('notification faults over HTTP', async () => {
    await fetch(`${sim.controlUrl}/notification-faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'duplicate', times: 2 }),
    });
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('H-1'));
    await call(sim.apiUrl, 'POST', '/v2/charge', gopay('H-2'));
    expect(await orders()).toEqual(['H-1:pending', 'H-1:pending', 'H-2:pending', 'H-2:pending']);
  });
});
