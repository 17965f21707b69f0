/**
 * `midtrans-kit/testing`: a kit for a host's own tests, wired to an in-process Midtrans simulator
 * and an in-memory SQLite database, with the customer's side as awaitable calls:
 *
 * ```ts
 * const t = await createTestMidtrans();
 * const { payment } = await t.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
 * const paid = await t.pay(payment.orderId); // resolves once the notification was processed
 * expect(paid.status).toBe('paid');
 * await t.close();
 * ```
 */
import { createMidtrans, type MidtransKit, type MidtransOptions } from '../kit.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorOptions } from '../simulator/types.js';
import type { Payment } from '../storage/records/payment.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** The crash points a simulation arms (`ServiceContext.faults`); see docs/simulation.md. */
export { FAULT_POINTS, type FaultPoint, type FaultPoints } from '../services/core/fault-points.js';

/** Options of `createTestMidtrans`. Everything is optional. */
export interface TestMidtransOptions {
  /** Extra kit options (hooks, services, logger…); keys and URLs are set for you. */
  kit?: Partial<Omit<MidtransOptions, 'serverKey' | 'apiBaseUrl' | 'snapBaseUrl'>>;
  /** Extra simulator options (e.g. a frozen clock). */
  simulator?: Partial<Omit<SimulatorOptions, 'serverKey' | 'notificationUrl'>>;
}

/** A kit under test with its simulator. */
export interface TestMidtrans {
  /** The kit (migrated, in-memory SQLite). */
  readonly kit: MidtransKit;
  /** The simulator, for anything the shortcuts below do not cover (faults, clock, refunds…). */
  readonly simulator: Simulator;
  /** The customer pays; resolves with the stored payment once the notification was processed (events delivered). */
  pay(orderId: string): Promise<Payment>;
  /** The bank or fraud detection refuses it (→ `denied`). */
  fail(orderId: string): Promise<Payment>;
  /** It runs out of time (→ `expired`). */
  expire(orderId: string): Promise<Payment>;
  /** Fraud detection challenges a card payment (→ `challenge`). */
  challenge(orderId: string): Promise<Payment>;
  /** Wait until every notification in flight was processed and its events reached the kit's consumers. */
  settle(): Promise<void>;
  /** Stop the simulator and receiver and close the kit. */
  close(): Promise<void>;
}

/** Test keys: sandbox-shaped, so the kit's environment checks pass. */
const SERVER_KEY = 'SB-Mid-server-TESTMIDTRANSKIT';
const CLIENT_KEY = 'SB-Mid-client-TESTMIDTRANSKIT';

/** Create a kit on an in-process simulator and an in-memory SQLite database. */
export async function createTestMidtrans(options: TestMidtransOptions = {}): Promise<TestMidtrans> {
  let kit: MidtransKit | undefined;
  const receiver = await startWebhookReceiver(async (rawBody, headers) => {
    if (kit === undefined) return 503;
    return (await kit.notifications.handle(rawBody, headers)).httpStatus;
  });
  const simulator = await startSimulator({
    notificationRetry: { timeScale: 0.0001, jitter: 0 },
    ...options.simulator,
    serverKey: SERVER_KEY,
    clientKey: CLIENT_KEY,
    notificationUrl: receiver.url,
  });
  kit = createMidtrans({
    database: { client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true },
    ...options.kit,
    serverKey: SERVER_KEY,
    clientKey: CLIENT_KEY,
    apiBaseUrl: simulator.apiUrl,
    snapBaseUrl: simulator.snapUrl,
  });
  await kit.migrate();
  const ready = kit;

  // Nothing in the kit waits for its consumers; a test does, so that it can look at what they did.
  const settle = async () => {
    await simulator.controls.idle({ timeoutMs: 30_000 });
    await ready.events.dispatchPending();
  };
  const drive = (action: (orderId: string) => unknown) => async (orderId: string) => {
    action(orderId);
    await settle();
    return ready.payments.getPayment(orderId);
  };
  return {
    kit: ready,
    simulator,
    pay: drive((id) => simulator.controls.pay(id)),
    fail: drive((id) => simulator.controls.fail(id)),
    expire: drive((id) => simulator.controls.expire(id)),
    challenge: drive((id) => simulator.controls.challenge(id)),
    settle,
    async close() {
      await simulator.close();
      await receiver.close();
      await ready.close();
    },
  };
}
