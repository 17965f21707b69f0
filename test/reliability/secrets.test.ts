/**
 * The server key leaks nowhere: a kit with a logger that keeps every line (every level) goes
 * through successes, validation errors, Midtrans errors, timeouts, dropped connections, a wrong
 * server key (Midtrans answers 401), bad webhooks and config errors — through the HTTP surface and
 * the services. Every log line, every error (inspected in full: message, stack, cause, own
 * properties), every HTTP response (status line, headers, body) and every stored row of every
 * table is scanned for the key, its Basic-auth encoding, and its URL encoding.
 */
import { inspect } from 'node:util';
import request from 'supertest';
import { expect, it } from 'vitest';
import { createMidtrans, type MidtransKit } from '../../src/kit.js';
import { buildApp } from '../http/apps.js';
import { AS } from '../http/support.js';
import { deliver, orderId, signedBody } from '../services/webhook-helpers.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { capturingLogger, report, safeJson } from './support.js';

const WRONG_KEY = 'SB-Mid-server-WRONG-KEY-for-the-leak-test';

/** Every form a key could leak in. */
function forms(key: string): string[] {
  return [key, Buffer.from(`${key}:`).toString('base64'), encodeURIComponent(key), key.slice(14)];
}

describeWithKit(
  'reliability: secrets',
  (h) => {
    it('never shows the server key in a log line, error, response or stored row', async () => {
      const logs: string[] = [];
      const errors: string[] = [];
      const responses: string[] = [];
      const kit = await h.createKit(
        { logger: capturingLogger(logs), timeoutMs: 300, maxRetries: 1 },
        { useForNotifications: true },
      );
      const wrong = await h.createKit({ serverKey: WRONG_KEY, logger: capturingLogger(logs), maxRetries: 0 });
      const keep = (error: unknown) => {
        errors.push(`${safeJson(error)} ${inspect(error, { depth: 8, showHidden: true })} ${String(error)}`);
      };
      const attempt = async (work: () => Promise<unknown>) => {
        try {
          await work();
        } catch (error) {
          keep(error);
        }
      };
      const app = buildApp('express', kit, { errors: [] });
      const http = async (method: 'get' | 'post', path: string, role: keyof typeof AS, body?: unknown) => {
        const req = request(app)[method](`/midtrans${path}`).set(AS[role]);
        const res = await (body === undefined ? req : req.send(body as object));
        responses.push(`${res.status} ${JSON.stringify(res.headers)} ${res.text}`);
        return res;
      };

      // Successes, through HTTP and the services.
      const created = await http('post', '/payments', 'owner', { paymentType: 'gopay', grossAmount: 25_000 });
      const id = (created.body as { payment?: { orderId?: string } }).payment?.orderId ?? '';
      h.sim.controls.pay(id);
      await h.settle();
      await http('get', `/payments/${id}`, 'owner');
      await http('post', `/payments/${id}/refunds`, 'staff', { amount: 5_000 });
      // Refusals and failures.
      await http('post', '/payments', 'owner', { paymentType: 'gopay', grossAmount: -1 });
      await http('post', `/payments/${id}/refunds`, 'staff', { amount: 999_999_999 });
      for (const fault of [
        { kind: 'status', status: 500 },
        { kind: 'hang', ms: 800 },
        { kind: 'drop' },
      ] as const) {
        h.sim.controls.fault({ ...fault, path: '/v2/**', times: 2 });
        await http('post', '/payments', 'owner', { paymentType: 'gopay', grossAmount: 11_000 });
        h.sim.controls.clearFaults();
        h.sim.controls.fault({ ...fault, path: '/v2/**', times: 2 });
        await attempt(() => kit.payments.getStatus(id));
        h.sim.controls.clearFaults();
      }
      // Nothing to wait for: the kit gave up on the hung requests (their sockets are closed), so
      // the simulator drops them when they wake. Status reads hold no state, and the hung charge's
      // idempotency key is not used again.
      // Midtrans refuses the wrong key (401), through the services and the HTTP surface.
      await attempt(() =>
        wrong.payments.createCharge({ orderId: orderId('LEAK'), paymentType: 'gopay', grossAmount: 12_000 }),
      );
      await attempt(() => wrong.client.core.status(id));
      const wrongApp = buildApp('express', wrong, { errors: [] });
      const wrongRes = await request(wrongApp)
        .post('/midtrans/payments')
        .set(AS.owner)
        .send({ paymentType: 'gopay', grossAmount: 12_000 });
      responses.push(`${wrongRes.status} ${JSON.stringify(wrongRes.headers)} ${wrongRes.text}`);
      // Webhooks: bad signature, signed with the wrong key, malformed, unknown order.
      const good = signedBody(id, 'settlement', 25_000);
      for (const body of [
        { ...good, signature_key: 'f'.repeat(128) },
        good,
        '{"order_id":',
        signedBody('NOT-OURS', 'settlement', 1_000),
      ]) {
        const result = await deliver(kit, body);
        responses.push(JSON.stringify(result));
        responses.push(JSON.stringify(await deliver(wrong, body)));
      }
      await http('post', '/notifications', 'anonymous', { ...good, signature_key: 'bad' });
      // Config errors name the option, never the key.
      await attempt(async () => createMidtrans({ serverKey: TEST_SERVER_KEY, timeoutMs: -5 } as never));
      await attempt(async () => createMidtrans({ serverKey: `${TEST_SERVER_KEY} ` }));
      await h.settle();

      // Stored rows of both kits, every table.
      const rows: string[] = [];
      for (const k of [kit, wrong] as MidtransKit[]) {
        for (const [name, table] of Object.entries(k.store.tables)) {
          if (name === 'prefix') continue;
          for (const row of await k.store.knex(table).select('*')) rows.push(safeJson(row));
        }
      }
      const secrets = [...forms(TEST_SERVER_KEY), ...forms(WRONG_KEY)];
      const leaks = (texts: string[]) =>
        texts.filter((text) => secrets.some((secret) => text.includes(secret)));
      const found = {
        logs: leaks(logs),
        errors: leaks(errors),
        responses: leaks(responses),
        rows: leaks(rows),
      };
      report(`secrets [${h.kind}]`, {
        logLines: logs.length,
        errors: errors.length,
        responses: responses.length,
        storedRows: rows.length,
        leaks: Object.values(found).reduce((n, list) => n + list.length, 0),
      });
      expect(logs.length).toBeGreaterThan(0);
      expect(errors.length).toBeGreaterThan(3);
      expect(found).toEqual({ logs: [], errors: [], responses: [], rows: [] });
    }, 60_000);
  },
  { databases: ['sqlite'] },
);
