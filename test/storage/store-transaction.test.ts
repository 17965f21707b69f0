/**
 * The store's own transactions (src/storage/sql/store-transaction.ts) where they can go wrong:
 * BEGIN, the work, COMMIT or ROLLBACK failing. Whatever fails, the caller gets the error that
 * matters and the borrowed connection goes back to the pool. The databases themselves are covered
 * by the store suites and test/storage/driver-statements.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DriverCalls } from '../../src/storage/sql/driver-runner.js';
import { createTransactionRunner } from '../../src/storage/sql/store-transaction.js';
import { createStatementTap } from '../../src/storage/statement-tap.js';

/** A pool of one fake connection and a driver that logs every statement, failing where told. */
function fakeDatabase(failOn: readonly string[] = []) {
  const connection = { __knexUid: 'c1' };
  const sent: string[] = [];
  let lent = 0;
  const pool = {
    client: {
      async acquireConnection(): Promise<unknown> {
        lent += 1;
        return connection;
      },
      async releaseConnection(released: unknown): Promise<unknown> {
        if (released !== connection) throw new Error('released a connection it did not lend');
        lent -= 1;
        return undefined;
      },
    },
  };
  const run = async (sql: string) => {
    sent.push(sql);
    if (failOn.includes(sql)) throw new Error(`${sql} failed`);
  };
  const driver: DriverCalls = {
    async execute(_connection, sql) {
      await run(sql);
      return { rows: [], changes: 0 };
    },
    control: (_connection, sql) => run(sql),
  };
  const tap = createStatementTap(() => () => undefined);
  const reported: string[] = [];
  tap.listen((statement) => reported.push(statement.kind));
  return { pool, driver, tap, sent, reported, lentNow: () => lent };
}

describe('store transactions', () => {
  it('commits what the work did, reports each statement, and gives the connection back', async () => {
    const db = fakeDatabase();
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, 'OPEN');
    const result = await inTransaction(async (scope) => {
      await db.driver.execute(scope.connection, 'WORK', [], false);
      return 42;
    });
    expect(result).toBe(42);
    expect(db.sent).toEqual(['BEGIN', 'OPEN', 'WORK', 'COMMIT']);
    expect(db.reported).toEqual(['begin', 'other', 'commit']);
    expect(db.lentNow()).toBe(0);
  });

  it('rolls back when the work fails and passes the work’s error on', async () => {
    const db = fakeDatabase();
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    const failure = new Error('the work failed');
    await expect(
      inTransaction(async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(db.sent).toEqual(['BEGIN', 'ROLLBACK']);
    expect(db.lentNow()).toBe(0);
  });

  it('keeps the work’s error when the ROLLBACK fails too (a lost connection)', async () => {
    const db = fakeDatabase(['ROLLBACK']);
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    await expect(
      inTransaction(async () => {
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(db.lentNow()).toBe(0);
  });

  it('fails with COMMIT’s error when the COMMIT fails, after a ROLLBACK', async () => {
    const db = fakeDatabase(['COMMIT']);
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    await expect(inTransaction(async () => 'done')).rejects.toThrow('COMMIT failed');
    expect(db.sent).toEqual(['BEGIN', 'COMMIT', 'ROLLBACK']);
    expect(db.lentNow()).toBe(0);
  });

  it('runs no work when BEGIN fails', async () => {
    const db = fakeDatabase(['BEGIN']);
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    let ran = false;
    await expect(
      inTransaction(async () => {
        ran = true;
      }),
    ).rejects.toThrow('BEGIN failed');
    expect(ran).toBe(false);
    expect(db.lentNow()).toBe(0);
  });

  it('ends the scope with the transaction, whichever way it ends', async () => {
    const db = fakeDatabase();
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    const committed = await inTransaction(async (scope) => {
      expect(scope.ended).toBe(false);
      return scope;
    });
    expect(committed.ended).toBe(true);
    let rolledBack: { ended: boolean } | undefined;
    await inTransaction(async (scope) => {
      rolledBack = scope;
      throw new Error('no');
    }).catch(() => undefined);
    expect(rolledBack?.ended).toBe(true);
  });

  it('undoes a failed statement alone in a savepoint, numbered per transaction', async () => {
    const db = fakeDatabase();
    const inTransaction = createTransactionRunner(db.pool, db.driver, db.tap, undefined);
    await inTransaction(async (scope) => {
      await scope.savepoint(async () => 'kept');
      await expect(
        scope.savepoint(async () => {
          throw new Error('unique key');
        }),
      ).rejects.toThrow('unique key');
    });
    await inTransaction(async (scope) => scope.savepoint(async () => 'again'));
    expect(db.sent).toEqual([
      'BEGIN',
      'SAVEPOINT sp1',
      'RELEASE SAVEPOINT sp1',
      'SAVEPOINT sp2',
      'ROLLBACK TO SAVEPOINT sp2',
      'COMMIT',
      'BEGIN',
      'SAVEPOINT sp1',
      'RELEASE SAVEPOINT sp1',
      'COMMIT',
    ]);
  });
});
