/** Shared pieces of the HTTP suite: who is asking, the app under test, small request helpers. */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { beforeAll } from 'vitest';
import type { MidtransKit } from '../../src/kit.js';
import type { KitHarness } from '../support/kit-harness.js';
import { type AdapterName, type AppSetup, buildApp } from './apps.js';

/** The roles of the authorisation matrix. */
export type Role = 'anonymous' | 'owner' | 'other' | 'staff';

/** Headers the test host's auth middleware turns into a user. */
export const AS: Readonly<Record<Role, Record<string, string>>> = {
  anonymous: {},
  owner: { 'x-test-user': 'owner-1' },
  other: { 'x-test-user': 'other-1' },
  staff: { 'x-test-user': 'staff-1', 'x-test-role': 'staff' },
};

/** The owner's user id (as stored on records). */
export const OWNER_ID = 'owner-1';

/** Where the suite's router is mounted. */
export const P = '/midtrans';

/** What each part of the suite gets. */
export interface Suite {
  /** The kit harness (kit, simulator, receiver). */
  readonly h: KitHarness;
  /** Which adapter. */
  readonly adapter: AdapterName;
  /** The default host app on `h.kit`. */
  readonly app: RequestListener;
  /** Another host app for the adapter. */
  appFor(kit: MidtransKit, setup?: AppSetup): RequestListener;
}

/** The suite state; the default app is built once the harness is up. */
export function createSuite(h: KitHarness, adapter: AdapterName): Suite {
  let app: RequestListener | undefined;
  beforeAll(() => {
    if (!(h as unknown as { skipped: boolean }).skipped) app = buildApp(adapter, h.kit);
  });
  return {
    h,
    adapter,
    get app() {
      if (app === undefined) throw new Error('app not built');
      return app;
    },
    appFor: (kit, setup) => buildApp(adapter, kit, setup),
  };
}

/** A supertest agent for `app`, acting as `role`. */
export function as(app: RequestListener, role: Role) {
  const headers = AS[role];
  return {
    get: (path: string) => request(app).get(path).set(headers),
    post: (path: string) => request(app).post(path).set(headers),
    patch: (path: string) => request(app).patch(path).set(headers),
    delete: (path: string) => request(app).delete(path).set(headers),
  };
}

/** A unique order id. */
let counter = 0;
export function newOrderId(label: string): string {
  counter += 1;
  return `H-${label}-${Date.now().toString(36)}-${counter}`.slice(0, 50);
}

/** A fresh single-use card token from the simulator (shared with the service tests). */
export { cardToken } from '../services/payment-helpers.js';

/** Wait until `check` passes (polling), for things that happen on their own (notifications). */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A due date a week ahead (ISO). */
export function dueInAWeek(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString();
}
