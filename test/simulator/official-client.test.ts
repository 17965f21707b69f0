/**
 * Contract of the official `midtrans-client` package (1.4.3) with the simulator: every public
 * method of its CoreApi, Snap and transaction object runs against the simulator
 * (official-client-rows.ts, one row per method) and its answer must have the keys, JSON types
 * and formats of the row's fixture. The package has no option for a custom host: its base URLs
 * come from `apiConfig.getCoreApiBaseUrl()` / `getSnapApiBaseUrl()`, so each instance gets those
 * two methods replaced — nothing patched in the package, only instance properties set.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { fixture } from '../support/fixtures.js';
import { CLIENT_KEY, SERVER_KEY, startTestSimulator } from './harness.js';
import { CONTRACT, type Json, type OfficialClients, type RunState } from './official-client-rows.js';
import { sameShapeMismatches } from './shape.js';

interface ApiConfig {
  getCoreApiBaseUrl(): string;
  getSnapApiBaseUrl(): string;
}
interface WithConfig {
  apiConfig: ApiConfig;
}
type Keys = { isProduction: boolean; serverKey: string; clientKey: string };
interface MidtransClientModule {
  CoreApi: (new (keys: Keys) => OfficialClients['core'] & WithConfig) & { prototype: object };
  Snap: (new (keys: Keys) => OfficialClients['snap'] & WithConfig) & { prototype: object };
}
interface MidtransError extends Error {
  httpStatusCode: number | string | null;
  ApiResponse: unknown;
}

const midtransClient = createRequire(import.meta.url)('midtrans-client') as MidtransClientModule;

let sim: Simulator;
let state: RunState;

function pointAt<T extends WithConfig>(client: T): T {
  client.apiConfig.getCoreApiBaseUrl = () => sim.apiUrl;
  client.apiConfig.getSnapApiBaseUrl = () => sim.snapUrl;
  return client;
}

/** The public methods a prototype defines (what a caller of the package can call). */
function methodsOf(prototype: object, label: string): string[] {
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor' && !name.startsWith('_'))
    .filter((name) => typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function')
    .map((name) => `${label}.${name}`);
}

beforeAll(async () => {
  sim = await startTestSimulator();
  const keys = { isProduction: false, serverKey: SERVER_KEY, clientKey: CLIENT_KEY };
  const core = pointAt(new midtransClient.CoreApi(keys));
  const snap = pointAt(new midtransClient.Snap(keys));
  state = { sim, clients: { core, snap }, saved: new Map() };
});
afterAll(async () => {
  await sim.close();
});

describe('official midtrans-client: every public method', () => {
  it('has a contract row for each method of CoreApi, its transaction object and Snap, and no other', () => {
    const transactionPrototype = Object.getPrototypeOf(state.clients.core.transaction) as object;
    const methods = [
      ...methodsOf(midtransClient.CoreApi.prototype, 'CoreApi'),
      ...methodsOf(transactionPrototype, 'Transaction'),
      ...methodsOf(midtransClient.Snap.prototype, 'Snap'),
    ].sort();
    expect(methods.length).toBeGreaterThanOrEqual(25);
    // Snap's transaction object is the same class as CoreApi's, so its rows cover both.
    expect(Object.getPrototypeOf(state.clients.snap.transaction)).toBe(transactionPrototype);
    expect(CONTRACT.map((row) => row.method).sort()).toEqual(methods);
  });

  // The rows share state (a token, an account, a subscription), so they run in table order.
  it.each(CONTRACT.map((row) => [row.method, row] as const))(
    '%s answers like its fixture',
    async (_, row) => {
      const answer = await row.run(state);
      const expected = row.field === undefined ? fixture(row.fixture) : fixture<Json>(row.fixture)[row.field];
      const mismatches = sameShapeMismatches(answer, expected, row.fixture, { optional: row.optional ?? [] });
      expect(mismatches).toEqual([]);
    },
  );
});

describe('official midtrans-client: errors', () => {
  const failure = (promise: Promise<unknown>): Promise<MidtransError> =>
    promise.then(
      () => {
        throw new Error('expected a MidtransError');
      },
      (error: MidtransError) => error,
    );

  it('rejects the way the client expects (HTTP 404, 412, 401) with the documented bodies', async () => {
    const { core } = state.clients;
    const transaction = core.transaction;
    const missing = await failure(transaction.status?.('OC-NONE') ?? Promise.resolve());
    expect(missing.httpStatusCode).toBe(404);
    expect(sameShapeMismatches(missing.ApiResponse, fixture('error-404.json'))).toEqual([]);
    await core.charge?.({
      payment_type: 'qris',
      transaction_details: { order_id: 'OC-ERR-1', gross_amount: 20000 },
    });
    sim.controls.pay('OC-ERR-1');
    const refused = await failure(transaction.expire?.('OC-ERR-1') ?? Promise.resolve());
    expect(refused.httpStatusCode).toBe(412);
    expect(sameShapeMismatches(refused.ApiResponse, fixture('error-412.json'))).toEqual([]);
    const wrong = pointAt(
      new midtransClient.CoreApi({ isProduction: false, serverKey: 'SB-Mid-server-x', clientKey: '' }),
    );
    const denied = await failure(wrong.transaction.status?.('OC-ERR-1') ?? Promise.resolve());
    expect(denied.httpStatusCode).toBe(401);
    expect(sameShapeMismatches(denied.ApiResponse, fixture('error-401.json'))).toEqual([]);
  });

  it('surfaces the new endpoints’ 4xx: unknown point-inquiry token (411), wrong client key (401)', async () => {
    const { core } = state.clients;
    const unknown = await failure(core.cardPointInquiry?.('48111111-1114-none') ?? Promise.resolve());
    expect(unknown.httpStatusCode).toBe(411);
    expect(sameShapeMismatches(unknown.ApiResponse, fixture('error-411.json'))).toEqual([]);
    const denied = await failure(
      core.cardRegister?.({
        card_number: '4811111111111114',
        card_exp_month: '12',
        card_exp_year: '2030',
        client_key: 'SB-Mid-client-wrong',
      }) ?? Promise.resolve(),
    );
    expect(denied.httpStatusCode).toBe(401);
    expect(sameShapeMismatches(denied.ApiResponse, fixture('error-401.json'))).toEqual([]);
  });
});
