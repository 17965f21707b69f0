/** The store's internal statement tap: fed by Knex only while somebody listens, and by `report`. */
import { afterEach, describe, expect, it } from 'vitest';
import { createKnexStore, type KnexStore } from '../../src/storage/knex-store.js';
import { statementKind, statementTapOf } from '../../src/storage/statement-tap.js';
import { testTablePrefix } from '../support/databases.js';
import { recordStatements } from '../support/statement-log.js';

describe('statement tap', () => {
  let store: KnexStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const open = async () => {
    store = createKnexStore({
      database: { client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true },
      tablePrefix: testTablePrefix('tap'),
    });
    await store.migrate();
    return store;
  };

  it('classifies statements by their first keyword', () => {
    expect(
      [
        'BEGIN;',
        'start transaction',
        'COMMIT;',
        'ROLLBACK',
        'SAVEPOINT trx2;',
        'RELEASE SAVEPOINT trx2;',
        'ROLLBACK TO SAVEPOINT trx2;',
        '  select 1',
        'with x as (select 1) select * from x',
        'insert into t values (?)',
        'update t set a = ?',
        'DELETE from t',
        'pragma foreign_keys = ON',
      ].map(statementKind),
    ).toEqual([
      'begin',
      'begin',
      'commit',
      'rollback',
      'savepoint',
      'savepoint',
      'savepoint',
      'select',
      'select',
      'insert',
      'update',
      'delete',
      'other',
    ]);
  });

  it('reports every Knex statement of a transaction, bound values left out', async () => {
    const kit = await open();
    const recording = recordStatements(kit, kit.tables.prefix);
    await kit.transaction((tx) => tx.payments.findByOrderId('ORDER-SECRET-1'));
    const log = recording.stop();
    expect(log.counts()).toMatchObject({ transactions: 1, commit: 1, select: 1, rollback: 0 });
    expect(log.lines().join('\n')).not.toContain('ORDER-SECRET-1');
    expect(log.lines().join('\n')).toContain('<prefix>payments');
    expect(new Set(log.statements.map((s) => s.connectionId)).size).toBe(1);
  });

  it('listens to Knex only while somebody listens', async () => {
    const kit = await open();
    const before = kit.knex.listenerCount('query');
    const recording = recordStatements(kit, kit.tables.prefix);
    expect(kit.knex.listenerCount('query')).toBe(before + 1);
    recording.stop();
    expect(kit.knex.listenerCount('query')).toBe(before);
    await kit.payments.findByOrderId('nobody-listens');
    expect(statementTapOf(kit)?.listening).toBe(false);
  });

  it('takes statements from a path other than Knex through report', async () => {
    const kit = await open();
    const tap = statementTapOf(kit);
    if (tap === undefined) throw new Error('no tap');
    // Nobody listens: dropped.
    tap.report({ sql: 'select 1', bindingCount: 0, connectionId: undefined, roundTrip: true });
    const recording = recordStatements(kit, kit.tables.prefix);
    tap.report({ sql: 'insert into x values (?, ?)', bindingCount: 2, connectionId: 'c', roundTrip: true });
    tap.report({ sql: 'insert into x values (?)', bindingCount: 1, connectionId: 'c', roundTrip: false });
    expect(recording.stop().counts()).toMatchObject({ total: 2, insert: 2, roundTrips: 1 });
    expect(statementTapOf({})).toBeUndefined();
  });
});
