/** The pure parts of the webhook engine, the reconciler's helpers and the CLI's environment. */
import { describe, expect, it } from 'vitest';
import { databaseFromUrl, kitOptionsFromEnv } from '../../src/cli-env.js';
import { ConfigError } from '../../src/errors.js';
import { forEachBounded } from '../../src/services/core/bounded.js';
import { isTransientTransactionError, retryTransient } from '../../src/services/core/transaction-retry.js';
import { headersJson, parseNotification } from '../../src/services/notifications/notification-parse.js';
import {
  NOTIFICATION_VERDICTS,
  VERDICT_HTTP_STATUS,
  VERDICT_OUTCOME,
  verdictOfOutcome,
} from '../../src/services/notifications/notification-verdicts.js';
import { subscriptionNameOf } from '../../src/services/subscriptions/subscription-order.js';
import { fixtureText } from '../support/fixtures.js';

const fixture = fixtureText;

describe('parseNotification', () => {
  it('reads every payment notification fixture as a payment, with its summary', () => {
    for (const name of [
      'notification-bank_transfer-settlement.json',
      'notification-cstore-settlement.json',
    ]) {
      const parsed = parseNotification(fixture(name));
      expect(parsed.kind).toBe('payment');
      expect(parsed.summary.orderId).toBeTruthy();
      expect(parsed.summary.grossAmount).toMatch(/^\d+\.00$/);
    }
  });

  it('tells recurring events apart: charge, failed charge and the subscription object', () => {
    for (const name of [
      'notification-subscription-charge.json',
      'notification-subscription-charge-failed.json',
      'subscription-create.response.json',
    ]) {
      expect(parseNotification(fixture(name)).kind).toBe('recurring');
    }
  });

  it('names what is wrong with a malformed body', () => {
    expect(parseNotification('{')).toMatchObject({ kind: 'malformed', reason: 'body is not valid JSON' });
    expect(parseNotification('null')).toMatchObject({
      kind: 'malformed',
      reason: 'body is not a JSON object',
    });
    const numeric = parseNotification(
      JSON.stringify({
        order_id: 'A',
        status_code: '200',
        gross_amount: 100,
        transaction_status: 'settlement',
        signature_key: 'x',
      }),
    );
    expect(numeric).toMatchObject({ kind: 'malformed', summary: { grossAmount: '100' } });
    expect(numeric.kind === 'malformed' && numeric.reason).toContain('gross_amount');
    const badId = parseNotification(
      JSON.stringify({
        order_id: 'A',
        status_code: '200',
        gross_amount: '1.00',
        transaction_status: 'settlement',
        signature_key: 'x',
        transaction_id: 7,
      }),
    );
    expect(badId).toMatchObject({ kind: 'malformed', reason: 'transaction_id is not a string' });
  });

  it('keeps headers as JSON with lower-case names and no absent values', () => {
    expect(
      headersJson({ 'Content-Type': 'application/json', 'X-Many': ['a', 'b'], Gone: undefined }),
    ).toEqual({
      'content-type': 'application/json',
      'x-many': ['a', 'b'],
    });
  });
});

describe('verdicts', () => {
  it('answer 2xx only where a retry cannot help, and map to outcomes both ways', () => {
    const retried = NOTIFICATION_VERDICTS.filter((verdict) => VERDICT_HTTP_STATUS[verdict] >= 300);
    expect(retried.sort()).toEqual(['error', 'malformed', 'rejected_signature', 'unknown_order']);
    // 500 (one retry) and 503 (four) would buy fewer retries than "anything else".
    expect([VERDICT_HTTP_STATUS.error, VERDICT_HTTP_STATUS.rejected_signature]).not.toContain(500);
    expect([VERDICT_HTTP_STATUS.error, VERDICT_HTTP_STATUS.rejected_signature]).not.toContain(503);
    for (const verdict of NOTIFICATION_VERDICTS)
      expect(verdictOfOutcome(VERDICT_OUTCOME[verdict])).toBe(verdict);
    expect(verdictOfOutcome('received')).toBe('received');
  });
});

describe('reconciler and engine helpers', () => {
  it('finds the subscription name in a generated order id', () => {
    expect(subscriptionNameOf(`PLAN-7${'1'.repeat(32)}`)).toBe('PLAN-7');
    expect(subscriptionNameOf(`${'1'.repeat(40)}`)).toBe('1'.repeat(8));
    expect(subscriptionNameOf('ORDER-123')).toBeUndefined();
    // The documented form (name + 10 digits) and the SUBS- prefix of August 2023.
    expect(subscriptionNameOf('GOLD-PLAN0000000042')).toBe('GOLD-PLAN');
    expect(subscriptionNameOf('SUBS-GOLD-PLAN0000000042')).toBe('GOLD-PLAN');
  });

  it('runs at most `limit` at once and every item once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('retries deadlock victims only', async () => {
    const deadlock = Object.assign(new Error('deadlock'), { code: '40P01' });
    expect(isTransientTransactionError(new Error('wrapped', { cause: deadlock }))).toBe(true);
    expect(isTransientTransactionError(new Error('other'))).toBe(false);
    let calls = 0;
    expect(await retryTransient(async () => (++calls < 3 ? Promise.reject(deadlock) : 'ok'))).toBe('ok');
    calls = 0;
    const failing = async (): Promise<string> => {
      calls += 1;
      throw new Error('no');
    };
    await expect(retryTransient(failing)).rejects.toThrow('no');
    expect(calls).toBe(1);
  });
});

describe('CLI environment', () => {
  it('chooses the Knex client from MIDTRANS_DATABASE_URL', () => {
    expect(databaseFromUrl('mariadb://root@db/shop')).toEqual({
      client: 'mysql2',
      connection: 'mysql://root@db/shop',
    });
    expect(databaseFromUrl('postgresql://u@db/shop')).toMatchObject({ client: 'pg' });
    expect(databaseFromUrl('/var/lib/shop.sqlite')).toMatchObject({
      client: 'better-sqlite3',
      connection: { filename: '/var/lib/shop.sqlite' },
    });
    expect(databaseFromUrl('file:///tmp/a.sqlite')).toMatchObject({
      connection: { filename: '/tmp/a.sqlite' },
    });
    expect(databaseFromUrl(undefined)).toMatchObject({ connection: { filename: './midtrans.sqlite' } });
    expect(() => databaseFromUrl('mongodb://x')).toThrow(ConfigError);
  });

  it('reads the kit options and counts', () => {
    expect(
      kitOptionsFromEnv({
        MIDTRANS_SERVER_KEY: 'k',
        MIDTRANS_IS_PRODUCTION: 'yes',
        MIDTRANS_TABLE_PREFIX: 'x_',
      }),
    ).toMatchObject({
      serverKey: 'k',
      isProduction: true,
      tablePrefix: 'x_',
    });
    expect(() => kitOptionsFromEnv({ MIDTRANS_IS_PRODUCTION: 'maybe' })).toThrow(ConfigError);
  });
});
