/**
 * The Store on Knex: SQLite (default, a file), MySQL/MariaDB or PostgreSQL, through the host's Knex
 * instance or one the store opens itself.
 */
import type { Knex } from 'knex';
import { migrationConfig } from '../../migrations/index.js';
import { type DatabaseOption, openDatabase } from './connection.js';
import { queryScopeOf, type StoreContext } from './context.js';
import { type Dialect, dialectOf } from './dialect.js';
import { migrateLatest } from './migrate.js';
import { buildRepositories, createRepositories } from './repositories/index.js';
import { createDriverRunner } from './sql/driver-runner.js';
import { driverCallsFor } from './sql/runner-for.js';
import { createSqlText } from './sql/sql-text.js';
import type { TransactionScope } from './sql/statement-runner.js';
import { createTransactionRunner } from './sql/store-transaction.js';
import { createStatementTap, feedFromKnex, registerStatementTap } from './statement-tap.js';
import type { Store } from './store.js';
import { DEFAULT_TABLE_PREFIX, migrationTableName, type TableNames, tableNames } from './tables.js';

/** Options of `createKnexStore`. */
export interface KnexStoreOptions {
  /**
   * A Knex instance (shared: its pool is used and never destroyed by the store), a Knex config (the
   * store opens and owns it), or nothing for a SQLite file `./midtrans.sqlite` in WAL mode.
   */
  database?: DatabaseOption;
  /** Prefix of every table (default `midtrans_`): lower-case letters, digits, underscores, ≤ 24. */
  tablePrefix?: string;
  /** Clock for createdAt/updatedAt and due checks (default: system time); tests and the simulator set it. */
  now?: () => Date;
}

/** The Knex-backed store, with access to what it was built on. */
export interface KnexStore extends Store {
  /** The Knex instance in use (the host's when one was given). */
  readonly knex: Knex;
  /** The physical table names. */
  readonly tables: TableNames;
  /** The history table of the kit's migrations (`<prefix>kit_migrations`). */
  readonly migrationTableName: string;
}

/**
 * Create the store. Nothing is queried until first use; call `migrate()` once at start-up (or run
 * `midtrans-kit/migrations` from the host's own migration set-up).
 */
export function createKnexStore(options: KnexStoreOptions = {}): KnexStore {
  const tables = tableNames(options.tablePrefix ?? DEFAULT_TABLE_PREFIX);
  const { knex, owned } = openDatabase(options.database);
  const dialect = adoptDialect(knex, owned);
  const now = options.now ?? (() => new Date());
  const migrations = migrationConfig({ tablePrefix: tables.prefix });
  // Internal: statements counted by tests (statement-tap.ts); idle until somebody listens.
  const statements = createStatementTap(feedFromKnex(knex));
  const sql = createSqlText(dialect);
  const driver = driverCallsFor(dialect);
  const run = createDriverRunner(statements, driver);
  const inTransaction = createTransactionRunner(
    knex,
    driver,
    statements,
    dialect.transactionOpening(tables.outbox),
  );
  const context = (transaction: TransactionScope | undefined): StoreContext => ({
    transaction,
    db: transaction === undefined ? knex : queryScopeOf(knex, transaction),
    target: transaction ?? knex,
    dialect,
    tables,
    now,
    statements,
    sql,
    run,
  });
  let closed = false;

  const store: KnexStore = {
    ...buildRepositories(context(undefined)),
    dialect: dialect.name,
    knex,
    tables,
    migrationTableName: migrationTableName(tables.prefix),
    transaction: (fn) => inTransaction((scope) => fn(createRepositories(context(scope)))),
    migrate() {
      return migrateLatest(knex, migrations);
    },
    async migrateDown() {
      await knex.migrate.rollback(migrations, true);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await knex.destroy();
    },
  };
  registerStatementTap(store, statements);
  return store;
}

/** The dialect of `knex`; an unsupported database is refused, and an instance we opened is released. */
function adoptDialect(knex: Knex, owned: boolean): Dialect {
  try {
    return dialectOf(knex);
  } catch (error) {
    if (owned) void knex.destroy();
    throw error;
  }
}
