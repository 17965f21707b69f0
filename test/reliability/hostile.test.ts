/**
 * Hostile input, property-based: every route of the HTTP surface, through both adapters, gets
 * bodies it must refuse — malformed JSON, non-objects, wrong types, negative / fractional / huge
 * amounts, `__proto__` / `constructor` / unicode keys, wrong content types, oversized bodies, and
 * hostile path parameters. Each answer must be a 4xx with an `error.code` and `error.message`,
 * never a 5xx; nothing may be written (the webhook writes its audit row, and for a refusal the
 * `notification.rejected` event that goes with it); `Object.prototype` must stay clean.
 */
import type { RequestListener } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { expect } from 'vitest';
import type { RouteDefinition } from '../../src/http/route-types.js';
import { createRouteTable } from '../../src/http/routes.js';
import type { MidtransKit } from '../../src/kit.js';
import { type AdapterName, buildApp } from '../http/apps.js';
import { AS } from '../http/support.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { report } from './support.js';

const RUNS = 30;
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'ünïcödé', '😀', '\u0000', 'toString'];

/** One request the property sends. */
interface Attempt {
  label: string;
  contentType: string;
  body: string;
}

const amountKeys = (example: Record<string, unknown>) =>
  ['grossAmount', 'amount'].filter((key) => key in example);

const hostileAmount = fc.oneof(
  fc.integer({ min: -1e12, max: 0 }),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: 0.0001, max: 1e6 })
    .filter((n) => !Number.isInteger(n)),
  fc.constantFrom(1e21, 2 ** 53, Number.MAX_VALUE, -0.5),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
);

/** A value of another JSON type than `value`'s. */
function wrongTypeFor(value: unknown): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (typeof value !== 'number')
    options.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (typeof value !== 'string') options.push(fc.string({ unit: 'grapheme', maxLength: 12 }));
  if (typeof value !== 'boolean') options.push(fc.boolean());
  if (!Array.isArray(value)) options.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    options.push(fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
  }
  return fc.oneof(...options);
}

function attempts(route: RouteDefinition): fc.Arbitrary<Attempt> {
  const example = (route.example ?? {}) as Record<string, unknown>;
  const json = (label: string, value: unknown): Attempt => ({
    label,
    contentType: 'application/json',
    body: JSON.stringify(value),
  });
  const malformed = fc
    .string({ unit: 'grapheme', maxLength: 40 })
    .map((text) => `{${text}`)
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    })
    .map((body): Attempt => ({ label: 'malformed', contentType: 'application/json', body }));
  const nonObject = fc
    .oneof(
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    )
    .map((value) => json('non-object', value));
  // `__proto__` written as JSON text is an own key after JSON.parse: the pollution attempt.
  const hostileKey = fc.constantFrom(...HOSTILE_KEYS).map((key): Attempt => {
    const inner = JSON.stringify(example).slice(1, -1);
    const payload = `${JSON.stringify(key)}:{"polluted":"yes","toString":"x"}`;
    return {
      label: 'hostile-key',
      contentType: 'application/json',
      body: `{${inner}${inner ? ',' : ''}${payload}}`,
    };
  });
  const wrongContentType = fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    )
    .map((contentType): Attempt => ({ label: 'content-type', contentType, body: JSON.stringify(example) }));
  const choices: fc.Arbitrary<Attempt>[] = [malformed, nonObject, hostileKey, wrongContentType];
  const keys = Object.keys(example);
  if (keys.length > 0) {
    choices.push(
      fc
        .constantFrom(...keys)
        .chain((key) =>
          wrongTypeFor(example[key]).map((value) => json(`wrong-type ${key}`, { ...example, [key]: value })),
        ),
    );
  }
  const amounts = amountKeys(example);
  if (amounts.length > 0) {
    choices.push(
      fc
        .tuple(fc.constantFrom(...amounts), hostileAmount)
        .map(([key, value]) => json(`amount ${key}=${String(value)}`, { ...example, [key]: value })),
    );
  }
  return fc.oneof(...choices);
}

/** A concrete path for a route, its parameters replaced by a hostile id no record has. */
const hostileId = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'ORDER-ünï', '%00', '..%2F..'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((text) => encodeURIComponent(text)),
);

/** A query string no list route accepts: bad limits, statuses, cursors, unknown and prototype keys. */
const hostileQuery = fc.oneof(
  fc.constantFrom('-1', '0', '1.5', '1e9', 'abc', '', '%00').map((v) => `limit=${v}`),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
    .map((v) => `status=${encodeURIComponent(`x${v}`)}`),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .map((v) => `cursor=${encodeURIComponent(`~${v}`)}`),
  fc
    .constantFrom(...HOSTILE_KEYS)
    .map((key) => `${encodeURIComponent(key)}=yes&${encodeURIComponent(key)}[polluted]=yes`),
);

async function rowCounts(kit: MidtransKit): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(kit.store.tables)) {
    if (name === 'prefix') continue;
    const [row] = await kit.store.knex(table).count({ n: '*' });
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

function send(app: RequestListener, route: RouteDefinition, path: string, attempt: Attempt) {
  const method =
    route.method === 'GET'
      ? 'get'
      : route.method === 'PATCH'
        ? 'patch'
        : route.method === 'DELETE'
          ? 'delete'
          : 'post';
  const req = request(app)[method](path).set(AS.staff).set('content-type', attempt.contentType);
  return route.method === 'GET' ? req : req.send(attempt.body);
}

describeWithKit(
  'reliability: hostile input',
  (h) => {
    for (const adapter of ['express', 'koa'] as const satisfies readonly AdapterName[]) {
      itWithKit(
        h,
        `${adapter}: every route answers hostile input with a clear 4xx and writes nothing`,
        async () => {
          const app = buildApp(adapter, h.kit);
          const before = await rowCounts(h.kit);
          const tally = { inputs: 0, fourXx: 0, fiveXx: 0, unclear: 0, webhookCalls: 0 };
          const failures: string[] = [];
          const routes = createRouteTable().filter((route) => route.path !== '/openapi.json');
          for (const route of routes) {
            const base = route.path.includes(':')
              ? hostileId.map((id) => `/midtrans${route.path.replace(/:[a-zA-Z]+/, id)}`)
              : fc.constant(`/midtrans${route.path}`);
            // A GET without parameters can only be attacked through its query string.
            const pathArb =
              route.method === 'GET' && !route.path.includes(':')
                ? fc.tuple(base, hostileQuery).map(([path, query]) => `${path}?${query}`)
                : base;
            const printFailures = () => {
              if (failures.length > 0) console.error(failures.slice(0, 20).join('\n'));
            };
            await fc
              .assert(
                fc.asyncProperty(pathArb, attempts(route), async (path, attempt) => {
                  tally.inputs += 1;
                  if (route.path === '/notifications') tally.webhookCalls += 1;
                  const res = await send(app, route, path, attempt);
                  const error = (res.body as { error?: { code?: unknown; message?: unknown } }).error;
                  const clear = typeof error?.code === 'string' && typeof error.message === 'string';
                  const webhookVerdict =
                    route.path === '/notifications' && typeof res.body?.verdict === 'string';
                  if (res.status >= 500) tally.fiveXx += 1;
                  else if (res.status >= 400) tally.fourXx += 1;
                  if (!clear && !webhookVerdict) tally.unclear += 1;
                  if (res.status < 400 || res.status >= 500 || (!clear && !webhookVerdict)) {
                    failures.push(
                      `${route.method} ${path} [${attempt.label}] ${attempt.body.slice(0, 80)} → ${res.status} ${res.text.slice(0, 160)}`,
                    );
                  }
                  return res.status >= 400 && res.status < 500;
                }),
                { numRuns: route.method === 'GET' ? 10 : RUNS, endOnFailure: true },
              )
              .catch((error: unknown) => {
                printFailures();
                throw error;
              });
          }
          // Oversized bodies, one per body-taking route (fast-check would only slow this down).
          for (const route of routes.filter((r) => r.method !== 'GET')) {
            const path = `/midtrans${route.path.replace(/:[a-zA-Z]+/, 'NO-SUCH-ORDER')}`;
            const big = JSON.stringify({ ...(route.example as object), pad: 'x'.repeat(70 * 1024) });
            const res = await send(app, route, path, {
              label: 'oversized',
              contentType: 'application/json',
              body: big,
            });
            tally.inputs += 1;
            if (res.status !== 413) failures.push(`${route.method} ${path} oversized → ${res.status}`);
            else tally.fourXx += 1;
          }
          // Deep nesting inside the free-form fields, under the size limit: a recursive step
          // (a clone, a serialiser) must not turn it into a stack overflow and a 500.
          for (const route of routes.filter((r) => r.method !== 'GET')) {
            const path = `/midtrans${route.path.replace(/:[a-zA-Z]+/, 'NO-SUCH-ORDER')}`;
            const inner = JSON.stringify(route.example ?? {}).slice(1, -1);
            for (const nested of [
              `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
              `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
            ]) {
              const body = `{${inner}${inner ? ',' : ''}"metadata":${nested}}`;
              const res = await send(app, route, path, {
                label: 'deep',
                contentType: 'application/json',
                body,
              });
              tally.inputs += 1;
              if (route.path === '/notifications') tally.webhookCalls += 1;
              if (res.status >= 500) tally.fiveXx += 1;
              if (res.status < 400 || res.status >= 500)
                failures.push(`${route.method} ${path} deep → ${res.status} ${res.text.slice(0, 120)}`);
              else tally.fourXx += 1;
            }
          }
          const after = await rowCounts(h.kit);
          const rejected = await h.kit.store
            .knex(h.kit.store.tables.outbox)
            .whereNot('type', 'notification.rejected')
            .count({ n: '*' });
          const polluted =
            Object.keys(Object.prototype).length +
            Object.getOwnPropertyNames(Object.prototype).filter((k) => k === 'polluted').length;
          const written = Object.entries(after)
            .filter(([name]) => name !== 'notifications' && name !== 'outbox')
            .reduce((n, [name, count]) => n + count - (before[name] ?? 0), 0);
          report(`hostile input ${adapter} [${h.kind}]`, {
            routes: routes.length,
            inputsTried: tally.inputs,
            answered4xx: tally.fourXx,
            answered5xx: tally.fiveXx,
            unclearErrors: tally.unclear,
            webhookAuditRows: (after.notifications ?? 0) - (before.notifications ?? 0),
            rowsWrittenElsewhere: written,
            prototypePolluted: polluted,
          });
          expect(failures).toEqual([]);
          expect(written).toBe(0);
          // Every webhook delivery that reached the engine is audited, hostile or not.
          expect((after.notifications ?? 0) - (before.notifications ?? 0)).toBe(tally.webhookCalls);
          expect(Number(rejected[0]?.n ?? 0)).toBe(0);
          expect(polluted).toBe(0);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
        120_000,
      );
    }
    itWithKit(h, 'accepts prototype keys inside free-form metadata without polluting anything', async () => {
      const app = buildApp('express', h.kit);
      const body = `{"paymentType":"gopay","grossAmount":10000,"metadata":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"nested":{"__proto__":{"polluted":"yes"}}}}`;
      const res = await request(app)
        .post('/midtrans/payments')
        .set(AS.owner)
        .set('content-type', 'application/json')
        .send(body);
      const id = (res.body as { payment?: { orderId?: string } }).payment?.orderId ?? '';
      const stored = await h.kit.store.payments.findByOrderId(id);
      const polluted =
        ({} as Record<string, unknown>).polluted !== undefined || Object.keys(Object.prototype).length > 0;
      report(`prototype keys in metadata [${h.kind}]`, {
        status: res.status,
        stored: stored ? 1 : 0,
        prototypePolluted: polluted ? 1 : 0,
      });
      expect(res.status).toBe(201);
      expect(polluted).toBe(false);
      // Kept as data, not as a prototype: the stored metadata still has the key as its own.
      expect(Object.hasOwn(stored?.metadata ?? {}, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(stored?.metadata ?? {})).toBe(Object.prototype);
      await h.settle();
    });
  },
  { databases: ['sqlite'] },
);
