/**
 * SQLite across processes: each store transaction takes the write lock when it begins, so two
 * processes doing read-then-write on one file wait for each other (busy timeout) instead of failing
 * with SQLITE_BUSY or losing an update.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnexStore } from '../../src/storage/index.js';
import { tempSqliteFile, testTablePrefix } from '../support/databases.js';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('./sqlite-worker.ts', import.meta.url));
const ITERATIONS = 25;

describe('SQLite with two processes on one file', () => {
  const filename = tempSqliteFile();
  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${filename}${suffix}`, { force: true });
  });

  it('serialises their read-then-write transactions', { timeout: 30_000 }, async () => {
    const tablePrefix = testTablePrefix('proc');
    const store = createKnexStore({
      database: { client: 'better-sqlite3', connection: { filename } },
      tablePrefix,
    });
    await store.migrate();
    const payment = await store.payments.insert({ orderId: 'PROC-1', grossAmount: 1 });

    const args = ['--import', 'tsx', worker, filename, tablePrefix, payment.id, String(ITERATIONS)];
    await Promise.all([run(process.execPath, args), run(process.execPath, args)]);

    expect((await store.payments.findById(payment.id))?.refundCount).toBe(2 * ITERATIONS);
    await store.close();
  });
});
