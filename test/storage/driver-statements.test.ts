/**
 * The store's own statement path (src/storage/sql/): SQL text per dialect, and on each database
 * the connections it borrows from a host's Knex pool always go back, on success and on error,
 * values are bound (never spliced), and every statement still reaches the statement tap.
 */
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { dialectOf } from '../../src/storage/dialect.js';
import { createKnexStore, type KnexStore } from '../../src/storage/index.js';
import { createMysqlCalls, MAX_PREPARED_PER_CONNECTION } from '../../src/storage/sql/mysql-runner.js';
import { createSqlText } from '../../src/storage/sql/sql-text.js';
import { statementTapOf } from '../../src/storage/statement-tap.js';
import {
  describeWithDatabase,
  openTestDatabase,
  openTestStore,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestStore,
  testTablePrefix,
} from '../support/databases.js';
import { fullPayment } from './fixtures.js';

describe('SQL text of the store', () => {
  const textOf = (client: string) =>
    createSqlText(dialectOf(knexFactory({ client, useNullAsDefault: true })));

  it('quotes per database, numbers placeholders for pg, and locks where the database has row locks', () => {
    expect(textOf('better-sqlite3').selectOne('t_payments', 'order_id', 'update')).toBe(
      'select * from "t_payments" where "order_id" = ? limit 1',
    );
    expect(textOf('mysql2').selectOne('t_payments', 'order_id', 'update-skip-locked')).toBe(
      'select * from `t_payments` where `order_id` = ? limit 1 for update skip locked',
    );
    const pg = textOf('pg');
    expect(pg.update('t', ['a', 'b'], { bumpVersion: true, checkVersion: true, returning: true })).toBe(
      'update "t" set "a" = $1, "b" = $2, "version" = "version" + 1 where "id" = $3 and "version" = $4 returning *',
    );
    expect(pg.insertUnlessDuplicate('t', ['id', 'k'], 'k')).toBe(
      'insert into "t" ("id", "k") values ($1, $2) on conflict ("k") do nothing returning "k"',
    );
    expect(textOf('mysql2').insertUnlessDuplicate('t', ['id', 'k'], 'k')).toBeUndefined();
  });

  it('writes each shape once', () => {
    const text = textOf('better-sqlite3');
    const first = text.insert('t', ['id', 'a']);
    expect(text.insert('t', ['id', 'a'])).toBe(first);
    expect(text.insert('t', ['id', 'b'])).not.toBe(first);
    // Kept per column list, in order: another order, a prefix or another table is another text.
    expect(text.insert('t', ['a', 'id'])).toBe('insert into "t" ("a", "id") values (?, ?)');
    expect(text.insert('t', ['id'])).toBe('insert into "t" ("id") values (?)');
    expect(text.insert('u', ['id', 'a'])).toBe('insert into "u" ("id", "a") values (?, ?)');
    const update = { bumpVersion: false, checkVersion: false, returning: false };
    expect(text.update('t', ['a'], update)).toBe('update "t" set "a" = ? where "id" = ?');
    expect(text.update('t', ['a'], { ...update, returning: true })).toBe(
      'update "t" set "a" = ? where "id" = ? returning *',
    );
    expect(text.selectId('t', 'order_id')).toBe('select "id" from "t" where "order_id" = ? limit 1');
  });
});

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
}

for (const kind of TEST_DATABASE_KINDS) {
  describe(`driver statements on ${kind}`, async () => {
    const database: TestDatabase = await openTestDatabase(kind);
    describeWithDatabase(database, `driver statements on ${kind}`, () => {
      let knex: Knex;
      let store: KnexStore;
      let migrated: TestStore;
      let prefix = '';
      const pool = (): Pool => knex.client.pool;

      beforeAll(async () => {
        const tablePrefix = testTablePrefix(`drv${kind}`);
        prefix = tablePrefix;
        // Migrating takes two connections on the servers (the lock and the migrator): its own store.
        migrated = await openTestStore(database, `drv${kind}`, { tablePrefix });
        // The host's own instance with a single connection: one connection not given back hangs the test.
        const config = database.config();
        knex = knexFactory({ ...config, pool: { ...config.pool, min: 0, max: 1 } });
        store = createKnexStore({ database: knex, tablePrefix });
      });
      afterAll(async () => {
        await knex?.destroy();
        await migrated?.dispose();
        database.cleanup();
      });

      it('gives every borrowed connection back, after plain statements, transactions and errors', async () => {
        const first = await store.payments.insert(fullPayment('drv-1'));
        for (let i = 0; i < 50; i++) {
          expect((await store.payments.findByOrderId('drv-1'))?.id).toBe(first.id);
          await expect(store.payments.insert(fullPayment('drv-1'))).rejects.toThrow(ConflictError);
        }
        await store.transaction(async (tx) => {
          const locked = await tx.payments.lockByOrderId('drv-1');
          await tx.payments.update(first.id, { status: 'paid' }, { expectedVersion: locked?.version });
        });
        await expect(
          store.transaction(async (tx) => {
            await tx.payments.lockById(first.id);
            await tx.payments.insert(fullPayment('drv-1'));
          }),
        ).rejects.toThrow(ConflictError);
        expect(pool().numUsed()).toBe(0);
        expect(pool().numPendingAcquires()).toBe(0);
        expect((await store.payments.findById(first.id))?.status).toBe('paid');
      });

      it('refuses a statement on a transaction that has ended (its connection may serve another)', async () => {
        let ended: Parameters<Parameters<KnexStore['transaction']>[0]>[0] | undefined;
        await store.transaction(async (tx) => {
          ended = tx;
        });
        await expect(ended?.payments.findByOrderId('drv-1')).rejects.toThrow(/already complete/);
        // A Knex-built query (a claim) is refused alike, and so is one on a rolled-back transaction.
        await expect(ended?.outbox.claimDue({ limit: 5 })).rejects.toThrow(/already complete/);
        await store
          .transaction(async (tx) => {
            ended = tx;
            throw new Error('roll back');
          })
          .catch(() => undefined);
        await expect(ended?.payments.lockByOrderId('drv-1')).rejects.toThrow(/already complete/);
        await expect(ended?.payments.list({ limit: 1 })).rejects.toThrow(/already complete/);
        expect(pool().numUsed()).toBe(0);
      });

      it('runs Knex-built queries of a transaction on its connection, and rolls them back with it', async () => {
        // One connection in the pool: a query that asked the pool for another would wait forever.
        const tap = statementTapOf(store);
        const seen: (string | undefined)[] = [];
        const stop = tap?.listen((statement) => seen.push(statement.connectionId));
        const orderId = 'drv-rolled-back';
        try {
          await store
            .transaction(async (tx) => {
              await tx.payments.insert(fullPayment(orderId));
              await tx.outbox.claimDue({ limit: 5 });
              expect((await tx.payments.list({ limit: 100 })).items.map((p) => p.orderId)).toContain(orderId);
              throw new Error('roll back');
            })
            .catch(() => undefined);
        } finally {
          stop?.();
        }
        expect(new Set(seen).size).toBe(1);
        expect(await store.payments.findByOrderId(orderId)).toBeUndefined();
        expect(pool().numUsed()).toBe(0);
      });

      it('runs a statement outside a transaction after the transaction holding the connection, never in it', async () => {
        const orderId = `drv-outside-${kind}`;
        let outside: Promise<unknown> | undefined;
        await store
          .transaction(async (tx) => {
            await tx.payments.insert(fullPayment(`${orderId}-tx`));
            // The pool's only connection is the transaction's: this insert must wait for it (on
            // SQLite it must not take the connection as idle and run inside the transaction).
            outside = store.payments.insert(fullPayment(orderId));
            await new Promise((resolve) => setImmediate(resolve));
            expect(await tx.payments.findByOrderId(orderId)).toBeUndefined();
            throw new Error('roll back');
          })
          .catch(() => undefined);
        await outside;
        expect(await store.payments.findByOrderId(orderId)).toBeDefined();
        expect(await store.payments.findByOrderId(`${orderId}-tx`)).toBeUndefined();
        expect(pool().numUsed()).toBe(0);
      });

      it('borrows no connection for a statement outside a transaction while the pool is idle (SQLite only)', async () => {
        await store.payments.hasOrderId('drv-1');
        const acquire = vi.spyOn(knex.client, 'acquireConnection');
        try {
          for (let i = 0; i < 5; i++) expect(await store.payments.hasOrderId('drv-1')).toBe(true);
          // better-sqlite3 runs a statement to its end at once: the idle connection serves it.
          expect(acquire).toHaveBeenCalledTimes(kind === 'sqlite' ? 0 : 5);
          await store.transaction((tx) => tx.payments.hasOrderId('drv-1'));
          expect(acquire).toHaveBeenCalledTimes(kind === 'sqlite' ? 1 : 6);
        } finally {
          acquire.mockRestore();
        }
      });

      it('borrows again once the pool has closed the connection it lent last', async () => {
        const config = database.config();
        const reaping = knexFactory({
          ...config,
          pool: { ...config.pool, min: 0, max: 1, idleTimeoutMillis: 20, reapIntervalMillis: 10 },
        });
        try {
          const reaped = createKnexStore({ database: reaping, tablePrefix: prefix });
          expect(await reaped.payments.hasOrderId('drv-1')).toBe(true);
          const tarn: { numFree(): number } = reaping.client.pool;
          await vi.waitFor(() => expect(tarn.numFree()).toBe(0), { timeout: 5000, interval: 10 });
          // The connection it ran on is closed now: a new one is borrowed, not the closed one reused.
          expect(await reaped.payments.hasOrderId('drv-1')).toBe(true);
        } finally {
          await reaping.destroy();
        }
      });

      it('binds values: quotes and SQL in a value are kept as text', async () => {
        const orderId = `drv-'"; drop table x; -- ?`;
        const payment = await store.payments.insert(fullPayment(orderId, { customField1: "it's $1 ?" }));
        const read = await store.payments.findByOrderId(orderId);
        expect(read?.id).toBe(payment.id);
        expect(read?.customField1).toBe("it's $1 ?");
        expect(await store.payments.findByOrderId(`drv-' or '1'='1`)).toBeUndefined();
      });

      it('reports its statements to the tap, on the connection they ran on', async () => {
        const tap = statementTapOf(store);
        const seen: { kind: string; connectionId: string | undefined }[] = [];
        const stop = tap?.listen((statement) => seen.push(statement));
        try {
          await store.transaction(async (tx) => {
            await tx.payments.lockByOrderId('drv-1');
          });
        } finally {
          stop?.();
        }
        expect(seen.map((statement) => statement.kind)).toEqual(
          kind === 'sqlite' ? ['begin', 'update', 'select', 'commit'] : ['begin', 'select', 'commit'],
        );
        expect(new Set(seen.map((statement) => statement.connectionId)).size).toBe(1);
      });
    });
  });
}

describe('MySQL driver calls', () => {
  type Callback = (error: Error | null, result?: unknown) => void;
  const answering = (result: unknown, calls: string[]) => (name: string) =>
    function (this: unknown, sql: string, _values: unknown[], done: Callback) {
      calls.push(`${name} ${sql}`);
      done(null, result);
    };

  it('prepares with mysql2 execute, and runs unprepared through query where a connection has no execute', async () => {
    const calls: string[] = [];
    const mysql2 = {
      execute: answering([{ id: 'a' }], calls)('execute'),
      query: answering([], calls)('query'),
    };
    const older = { query: answering({ affectedRows: 1 }, calls)('query') };
    const driver = createMysqlCalls();
    expect(await driver.execute(mysql2, 'select 1', [], true)).toEqual({ rows: [{ id: 'a' }], changes: 0 });
    expect(await driver.execute(older, 'update t', [], false)).toEqual({ rows: [], changes: 1 });
    expect(calls).toEqual(['execute select 1', 'query update t']);
  });

  it('prepares at most MAX_PREPARED_PER_CONNECTION texts per connection (the server limit is shared)', async () => {
    const calls: string[] = [];
    const connection = { execute: answering([], calls)('execute'), query: answering([], calls)('query') };
    const driver = createMysqlCalls();
    for (let i = 0; i <= MAX_PREPARED_PER_CONNECTION; i++)
      await driver.execute(connection, `s${i}`, [], true);
    await driver.execute(connection, 's0', [], true);
    const prepared = calls.filter((call) => call.startsWith('execute'));
    expect(prepared).toHaveLength(MAX_PREPARED_PER_CONNECTION + 1);
    expect(calls.at(-2)).toBe(`query s${MAX_PREPARED_PER_CONNECTION}`);
    expect(calls.at(-1)).toBe('execute s0');
    // Another connection has its own room.
    await driver.execute({ ...connection }, `s${MAX_PREPARED_PER_CONNECTION}`, [], true);
    expect(calls.at(-1)).toBe(`execute s${MAX_PREPARED_PER_CONNECTION}`);
  });

  it('passes a driver error on unchanged (its code is what a unique-key check reads)', async () => {
    const failing = {
      execute(_sql: string, _values: unknown[], done: Callback) {
        done(Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }));
      },
    };
    await expect(createMysqlCalls().execute(failing, 'insert', [], false)).rejects.toMatchObject({
      code: 'ER_DUP_ENTRY',
    });
  });
});
