/**
 * An event survives a crash between commit and dispatch: a child process charges and is killed
 * with SIGKILL after the commit, before dispatch; a restarted kit delivers the event once, with
 * the id it was written under.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createMidtrans } from '../../src/kit.js';
import type { KitEvent } from '../../src/services/events/events.js';
import { tempSqliteFile, testDatabaseConfig, testTablePrefix } from '../support/databases.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { orderId } from './payment-helpers.js';

function runChild(
  env: Record<string, string>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/services/crash-child.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describeWithKit('payments: crash between commit and dispatch', (h) => {
  it('delivers the event after a restart, once, with the same id', async () => {
    const file = tempSqliteFile();
    const database = testDatabaseConfig(h.kind, file);
    const tablePrefix = testTablePrefix('crash');
    const options = { serverKey: TEST_SERVER_KEY, apiBaseUrl: h.sim.apiUrl, database, tablePrefix };
    const setup = createMidtrans(options);
    await setup.migrate();
    await setup.close();

    const id = orderId('crash');
    const child = await runChild({
      CRASH_SERVER_KEY: TEST_SERVER_KEY,
      CRASH_API_URL: h.sim.apiUrl,
      CRASH_DATABASE: JSON.stringify(database),
      CRASH_PREFIX: tablePrefix,
      CRASH_ORDER_ID: id,
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');

    const restarted = createMidtrans(options);
    try {
      const stored = await restarted.store.payments.findByOrderId(id);
      expect(stored?.status).toBe('pending');
      const waiting = await restarted.store.outbox.listDue();
      const pending = waiting.find((event) => event.type === 'payment.pending');
      expect(pending?.deliveredAt).toBeNull();

      const delivered: KitEvent<'payment.pending'>[] = [];
      restarted.events.on('payment.pending', (event) => {
        delivered.push(event);
      });
      await restarted.migrate();
      await restarted.events.dispatchPending();
      expect(delivered.map((event) => event.id)).toEqual([pending?.eventId]);
      expect(delivered[0]?.payment.orderId).toBe(id);
      expect(
        (await restarted.store.outbox.findByEventId(pending?.eventId ?? ''))?.deliveredAt,
      ).toBeInstanceOf(Date);
    } finally {
      await restarted.store.migrateDown();
      await restarted.store.knex.schema.dropTableIfExists(restarted.store.migrationTableName);
      await restarted.store.knex.schema.dropTableIfExists(`${restarted.store.migrationTableName}_lock`);
      await restarted.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  }, 60_000);
});
