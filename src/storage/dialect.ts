/**
 * Everything that differs between SQLite, MySQL/MariaDB and PostgreSQL, in one place. Repositories,
 * the migrator and the migrations never ask which database they run on; they call these functions
 * (connection.ts alone looks at the Knex client name, to fill in SQLite connection defaults).
 *
 * What needs no entry here: ids are made client-side (so no `RETURNING` for them), JSON is always written as
 * text, and values read back are normalised by type in the codec (BIGINT strings, 0/1 booleans,
 * SQLite epoch-millisecond timestamps).
 */
import type { Knex } from 'knex';
import { ConfigError } from '../errors.js';
import { keepText } from './codec.js';

/** The database families midtrans-kit supports. */
export type DialectName = 'sqlite' | 'mysql' | 'postgres';

/** A locking read: `update` waits for other holders; `update-skip-locked` passes over locked rows. */
export type LockMode = 'update' | 'update-skip-locked';

/** The per-database behaviour repositories rely on. */
export interface Dialect {
  /** Which family this is. */
  readonly name: DialectName;
  /**
   * PostgreSQL aborts the whole transaction when one statement fails, so statements expected to fail
   * (inserts that may hit a unique key) run inside a savepoint there.
   */
  readonly failedStatementAbortsTransaction: boolean;
  /**
   * Whether `UPDATE … RETURNING *` hands back the changed rows (SQLite ≥ 3.35, PostgreSQL), so an
   * update needs no read-back. MySQL/MariaDB have no RETURNING on UPDATE.
   */
  readonly updateReturnsRows: boolean;
  /**
   * Whether an insert can say "keep the existing row of this key" in the statement itself
   * (`on conflict (key) do nothing returning key`: SQLite, PostgreSQL). MySQL/MariaDB cannot
   * without also hiding bad values (INSERT IGNORE), so there the duplicate's error is caught.
   */
  readonly insertCanSkipDuplicate: boolean;
  /** Whether the driver's placeholders are numbered (`$1`, `$2`: pg) rather than `?`. */
  readonly numberedPlaceholders: boolean;
  /** An identifier (a table or column name of the kit's own) quoted for this database. */
  quoteIdentifier(name: string): string;
  /** The clause that makes a select a locking read (empty on SQLite, see `beginTransaction`). */
  lockClause(mode: LockMode): string;
  /** When `error` is a unique-key violation, the key or column list it names; otherwise undefined. */
  uniqueViolation(error: unknown): string | undefined;
  /** Make `query` a locking read (`FOR UPDATE [SKIP LOCKED]`); SQLite needs none, see `beginTransaction`. */
  lock(query: Knex.QueryBuilder, mode: LockMode): Knex.QueryBuilder;
  /** A statement run first in every store transaction (with no values), if this database needs one. */
  transactionOpening(anyTable: string): string | undefined;
  /**
   * A text value as this database can store it. PostgreSQL cannot keep a NUL (U+0000) in text, so
   * it gets U+FFFD there; SQLite and MySQL/MariaDB store every character as given. JSON columns
   * need nothing: `JSON.stringify` writes a NUL as the escape `\u0000`, which a `json` column keeps.
   */
  storableText(text: string): string;
  /** Options every table of ours is created with (see migrations/tables/columns.ts). */
  tableDefaults(table: Knex.CreateTableBuilder): void;
  /** Drop a plain column (migrations' `down`). */
  dropColumn(knex: Knex, table: string, column: string): Promise<void>;
  /** Whether `withLock` keeps a connection of its own busy while `fn` runs (it needs a second one). */
  readonly lockHoldsConnection: boolean;
  /**
   * Run `fn` while holding the database-wide lock `name`, waiting up to `waitMs` for another holder
   * (see migrate.ts for why migrations need one).
   */
  withLock<T>(knex: Knex, name: string, waitMs: number, fn: () => Promise<T>): Promise<T>;
}

/** `"name"`: the kit's identifiers are lower-case letters, digits and underscores, never input. */
function doubleQuoted(name: string): string {
  return `"${name}"`;
}

/** The locking clause of MySQL/MariaDB and PostgreSQL. */
function forUpdate(mode: LockMode): string {
  return mode === 'update-skip-locked' ? ' for update skip locked' : ' for update';
}

/** Knex's own column drop, for databases that alter tables in place. */
async function alterDropColumn(knex: Knex, table: string, column: string): Promise<void> {
  await knex.schema.alterTable(table, (builder) => builder.dropColumn(column));
}

const sqlite: Dialect = {
  name: 'sqlite',
  failedStatementAbortsTransaction: false,
  updateReturnsRows: true,
  insertCanSkipDuplicate: true,
  quoteIdentifier: doubleQuoted,
  lockClause: () => '',
  numberedPlaceholders: false,
  uniqueViolation(error) {
    const message = errorText(error, 'message');
    const match = /UNIQUE constraint failed: (.+)$/m.exec(message ?? '');
    return match?.[1];
  },
  lock: (query) => query,
  storableText: keepText,
  // SQLite has one writer at a time and no row locks. A write statement (matching nothing) takes the
  // write lock now, like BEGIN IMMEDIATE: a competing writer waits on busy_timeout instead of
  // failing later when a read-then-write transaction tries to upgrade.
  transactionOpening: (anyTable) => `update ${doubleQuoted(anyTable)} set "id" = "id" where 1 = 0`,
  tableDefaults() {},
  async dropColumn(knex, table, column) {
    // Knex's SQLite column drop rebuilds the table, which foreign keys pointing at it forbid;
    // SQLite 3.35+ drops a plain column in place.
    await knex.raw('alter table ?? drop column ??', [table, column]);
  },
  // One writer at a time already; Knex's own migration lock (retried by the caller) is enough.
  lockHoldsConnection: false,
  withLock: (_knex, _name, _waitMs, fn) => fn(),
};

const mysql: Dialect = {
  name: 'mysql',
  failedStatementAbortsTransaction: false,
  updateReturnsRows: false,
  // Not INSERT IGNORE (it also swallows bad values), nor ON DUPLICATE KEY UPDATE (mysql2's
  // FOUND_ROWS makes a kept row and a new one look alike). A failed statement leaves a MySQL
  // transaction usable, so the duplicate's error is simply caught.
  insertCanSkipDuplicate: false,
  numberedPlaceholders: false,
  quoteIdentifier: (name) => `\`${name}\``,
  lockClause: forUpdate,
  uniqueViolation(error) {
    if (errorText(error, 'code') !== 'ER_DUP_ENTRY') return undefined;
    const message = errorText(error, 'sqlMessage') ?? errorText(error, 'message') ?? '';
    // MySQL 8 writes `for key 'table.key'`, MariaDB `for key 'key'`.
    return /for key '([^']+)'/.exec(message)?.[1]?.split('.').pop() ?? '';
  },
  lock: (query, mode) => (mode === 'update-skip-locked' ? query.forUpdate().skipLocked() : query.forUpdate()),
  storableText: keepText,
  transactionOpening: () => undefined,
  tableDefaults(table) {
    // InnoDB for row locks and foreign keys; utf8mb4 keeps emoji intact; the binary collation makes
    // keys compare exactly, as on PostgreSQL and SQLite.
    table.engine('InnoDB');
    table.charset('utf8mb4');
    table.collate('utf8mb4_bin');
  },
  dropColumn: alterDropColumn,
  lockHoldsConnection: true,
  withLock(knex, name, waitMs, fn) {
    return knex.transaction(async (trx) => {
      const [rows] = (await trx.raw('SELECT GET_LOCK(?, ?) AS got', [name, Math.ceil(waitMs / 1000)])) as [
        { got: number | null }[],
      ];
      if (rows[0]?.got !== 1) throw new Error(`Timed out waiting for the lock ${name}`);
      try {
        return await fn();
      } finally {
        await trx.raw('SELECT RELEASE_LOCK(?)', [name]);
      }
    });
  },
};

const postgres: Dialect = {
  name: 'postgres',
  failedStatementAbortsTransaction: true,
  updateReturnsRows: true,
  insertCanSkipDuplicate: true,
  quoteIdentifier: doubleQuoted,
  lockClause: forUpdate,
  numberedPlaceholders: true,
  uniqueViolation(error) {
    if (errorText(error, 'code') !== '23505') return undefined;
    return (
      errorText(error, 'constraint') ?? /Key \(([^)]+)\)/.exec(errorText(error, 'detail') ?? '')?.[1] ?? ''
    );
  },
  lock: (query, mode) => (mode === 'update-skip-locked' ? query.forUpdate().skipLocked() : query.forUpdate()),
  storableText: (text) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text),
  transactionOpening: () => undefined,
  tableDefaults() {},
  dropColumn: alterDropColumn,
  lockHoldsConnection: true,
  withLock(knex, name, _waitMs, fn) {
    return knex.transaction(async (trx) => {
      // Released by the end of the transaction, whatever happens inside it.
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
      return fn();
    });
  },
};

/** Which family a Knex instance talks to. Throws a ConfigError for other databases. */
export function dialectNameOf(knex: Knex): DialectName {
  const client: unknown = knex.client;
  const dialect = typeof client === 'object' && client !== null ? Reflect.get(client, 'dialect') : undefined;
  if (dialect === 'sqlite3') return 'sqlite';
  if (dialect === 'mysql') return 'mysql';
  if (dialect === 'postgresql') return 'postgres';
  throw new ConfigError(
    'database',
    `unsupported Knex client "${String(dialect)}" (use SQLite, MySQL/MariaDB or PostgreSQL)`,
  );
}

/** The dialect of a Knex instance. */
export function dialectOf(knex: Knex): Dialect {
  const name = dialectNameOf(knex);
  return name === 'sqlite' ? sqlite : name === 'mysql' ? mysql : postgres;
}

function errorText(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, key);
  return typeof value === 'string' ? value : undefined;
}
