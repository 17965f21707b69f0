/** createMidtrans: options checked at once, defaults that work with nothing but keys. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createMidtrans } from '../../src/kit.js';
import { NotificationService } from '../../src/services/notifications/notifications.js';
import { PaymentService } from '../../src/services/payments/payments.js';
import { Reconciler } from '../../src/services/reconciler/reconciler.js';
import { startSimulator } from '../../src/simulator/index.js';

const serverKey = 'SB-Mid-server-KITTEST';

describe('createMidtrans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'midtrans-kit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses unknown hooks, non-functions, foreign service classes and bad event options', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ hooks: { beforeCharges: () => {} } }, 'hooks.beforeCharges'],
      [{ hooks: { afterCharge: 'log' } }, 'hooks.afterCharge'],
      [{ services: { payments: class {} } }, 'services.payments'],
      [{ services: { billing: PaymentService } }, 'services.billing'],
      [{ events: { batchSize: 0 } }, 'events.batchSize'],
      [{ events: { retryBase: 10 } }, 'events.retryBase'],
      [{ trustSignature: 'yes' }, 'trustSignature'],
    ];
    for (const [extra, option] of bad) {
      const error = (() => {
        try {
          createMidtrans({
            serverKey,
            database: { client: 'better-sqlite3', connection: { filename: ':memory:' } },
            ...extra,
          });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, option).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option, option).toBe(option);
    }
  });

  it('builds the services (or the subclasses given) from one context', async () => {
    class MyReconciler extends Reconciler {}
    const kit = createMidtrans({
      serverKey,
      database: { client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true },
      services: { reconciler: MyReconciler },
    });
    expect(kit.payments).toBeInstanceOf(PaymentService);
    expect(kit.notifications).toBeInstanceOf(NotificationService);
    expect(kit.reconciler).toBeInstanceOf(MyReconciler);
    await kit.close();
    await kit.close(); // idempotent
  });

  it('works with only a key against the simulator, on a SQLite file by default', async () => {
    const sim = await startSimulator({ serverKey });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const kit = createMidtrans({ serverKey, apiBaseUrl: sim.apiUrl });
      await kit.migrate();
      const { payment } = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
      expect(payment.status).toBe('pending');
      expect(existsSync(join(dir, 'midtrans.sqlite'))).toBe(true);
      await kit.close();
    } finally {
      process.chdir(cwd);
      await sim.close();
    }
  });
});
