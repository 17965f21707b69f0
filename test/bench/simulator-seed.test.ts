/**
 * The simulator's bulk `seed` control the benches rely on: transactions created as a charge would
 * create them, optionally settled, never notified; a refused body stops the seed with its index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, SimulatorControlError, startSimulator } from '../../src/simulator/index.js';

const SERVER_KEY = 'SB-Mid-server-SEEDTEST';
const charge = (orderId: string) => ({
  payment_type: 'bank_transfer',
  transaction_details: { order_id: orderId, gross_amount: 10_000 },
  bank_transfer: { bank: 'bca' },
});

let sim: Simulator;
beforeAll(async () => {
  // A notification URL nothing listens on: a seeded transaction must never try it.
  sim = await startSimulator({ serverKey: SERVER_KEY, notificationUrl: 'http://127.0.0.1:9/hook' });
});
afterAll(() => sim.close());

describe('simulator seed control', () => {
  it('creates pending or settled transactions without notifications', async () => {
    const pending = sim.controls.seed([charge('SEED-1'), charge('SEED-2')]);
    const settled = sim.controls.seed([charge('SEED-3')], { settle: true });
    expect(pending.map((t) => t.orderId)).toEqual(['SEED-1', 'SEED-2']);
    expect(pending[0]?.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.controls.transaction('SEED-1')?.transactionStatus).toBe('pending');
    expect(sim.controls.transaction(settled[0]?.transactionId ?? '')?.transactionStatus).toBe('settlement');
    sim.controls.pay('SEED-2');
    expect(sim.controls.deliveries()).toEqual([]);
  });

  it('stops at a refused body and names it', () => {
    expect(() => sim.controls.seed([charge('SEED-4'), charge('SEED-1')])).toThrow(SimulatorControlError);
    expect(() => sim.controls.seed([charge('SEED-5'), { payment_type: 'nope' }])).toThrow(/charges\[1\]/);
    expect(sim.controls.transaction('SEED-4')?.transactionStatus).toBe('pending');
  });

  it('is reachable over HTTP', async () => {
    const response = await fetch(`${sim.controlUrl}/transactions/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ charges: [charge('SEED-HTTP')], settle: true }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { orderId: string }[])[0]?.orderId).toBe('SEED-HTTP');
    expect(sim.controls.transaction('SEED-HTTP')?.transactionStatus).toBe('settlement');
    const bad = await fetch(`${sim.controlUrl}/transactions/seed`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
  });
});
