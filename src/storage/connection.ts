/**
 * Opening the database. The host may pass its own Knex instance (the store shares its pool and never
 * destroys it), a Knex config (the store opens and owns the instance), or nothing (a SQLite file).
 */
import knexFactory, { type Knex } from 'knex';
import { ConfigError } from '../errors.js';
import { assertDriverInstalled } from './driver-check.js';

/** The SQLite file used when the host gives no database. */
export const DEFAULT_SQLITE_FILE = './midtrans.sqlite';

/** How long a SQLite writer waits for another one before giving up, in milliseconds. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** What `database` may be: a Knex instance or a Knex config. */
export type DatabaseOption = Knex | Knex.Config;

/** An opened database and whether the store owns (and so must destroy) it. */
export interface OpenedDatabase {
  /** The Knex instance. */
  readonly knex: Knex;
  /** True when the store created the instance. */
  readonly owned: boolean;
}

/**
 * Whether `value` is a Knex instance rather than a config. A Knex instance is a callable with a
 * client and schema/transaction/migrate helpers; a config is a plain object.
 */
export function isKnexInstance(value: unknown): value is Knex {
  if (typeof value !== 'function') return false;
  const client: unknown = Reflect.get(value, 'client');
  const migrate: unknown = Reflect.get(value, 'migrate');
  return (
    typeof client === 'object' &&
    client !== null &&
    typeof Reflect.get(value, 'transaction') === 'function' &&
    typeof migrate === 'object' &&
    migrate !== null
  );
}

/** Open (or adopt) the database described by `database`. */
export function openDatabase(database?: DatabaseOption): OpenedDatabase {
  if (database === undefined) return { knex: knexFactory(defaultSqliteConfig()), owned: true };
  if (isKnexInstance(database)) return { knex: database, owned: false };
  if (typeof database !== 'object' || database === null || !('client' in database) || !database.client) {
    throw new ConfigError('database', 'must be a Knex instance or a Knex config with a client');
  }
  assertDriverInstalled(database.client);
  return {
    knex: knexFactory(isSqliteClient(database.client) ? withSqliteDefaults(database) : database),
    owned: true,
  };
}

/** The config used when no database is given: `./midtrans.sqlite` through better-sqlite3. */
export function defaultSqliteConfig(filename: string = DEFAULT_SQLITE_FILE): Knex.Config {
  return withSqliteDefaults({ client: 'better-sqlite3', connection: { filename } });
}

/**
 * Add what the kit needs from SQLite to a config: `useNullAsDefault`, and on every new connection
 * foreign keys on, a busy timeout, and WAL journaling for files (readers never block the writer).
 * A host's own `afterCreate` still runs, after ours.
 */
export function withSqliteDefaults(config: Knex.Config): Knex.Config {
  const hostAfterCreate: unknown = config.pool?.afterCreate;
  const inMemory = isInMemory(config.connection);
  const afterCreate = (connection: unknown, done: (error: Error | null, connection: unknown) => void) => {
    try {
      runPragma(connection, 'foreign_keys = ON');
      runPragma(connection, `busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      if (!inMemory) runPragma(connection, 'journal_mode = WAL');
      reusePreparedStatements(connection, safeIntegersOf(config.connection));
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), connection);
      return;
    }
    if (typeof hostAfterCreate === 'function') hostAfterCreate(connection, done);
    else done(null, connection);
  };
  return { useNullAsDefault: true, ...config, pool: { ...config.pool, afterCreate } };
}

/** How many prepared statements one SQLite connection keeps for reuse. */
export const SQLITE_STATEMENT_CACHE_SIZE = 256;

interface PreparedStatement {
  safeIntegers(toggle: boolean): unknown;
}

/**
 * Knex's better-sqlite3 dialect prepares every query afresh (`connection.prepare(sql)`), which a
 * CPU profile of the webhook showed as ~9% of the process's time: the kit sends the same few
 * dozen statements over and over. Reuse them, per connection, by SQL text, in a bounded LRU (the
 * text differs only for `whereIn` lists of other lengths). Safe because Knex runs a statement to
 * completion (`all`/`run`) before the next query on the connection. A per-query
 * `.options({ safeIntegers })` sets the flag on the statement, so each reuse first puts back the
 * connection's default.
 */
function reusePreparedStatements(connection: unknown, defaultSafeIntegers: boolean): void {
  if (typeof connection !== 'object' || connection === null) return;
  const prepare: unknown = Reflect.get(connection, 'prepare');
  if (typeof prepare !== 'function') return;
  const cache = new Map<string, PreparedStatement>();
  const cached = (sql: string): PreparedStatement => {
    const hit = cache.get(sql);
    if (hit !== undefined) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(sql);
      cache.set(sql, hit);
      hit.safeIntegers(defaultSafeIntegers);
      return hit;
    }
    const statement = prepare.call(connection, sql) as PreparedStatement;
    cache.set(sql, statement);
    if (cache.size > SQLITE_STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return statement;
  };
  Reflect.set(connection, 'prepare', cached);
}

function safeIntegersOf(connection: unknown): boolean {
  const options =
    typeof connection === 'object' && connection !== null ? Reflect.get(connection, 'options') : undefined;
  const flag =
    typeof options === 'object' && options !== null ? Reflect.get(options, 'safeIntegers') : undefined;
  return flag === true;
}

function isSqliteClient(client: unknown): boolean {
  return client === 'better-sqlite3' || client === 'sqlite3' || client === 'sqlite';
}

function isInMemory(connection: unknown): boolean {
  const filename =
    typeof connection === 'object' && connection !== null ? Reflect.get(connection, 'filename') : '';
  return (
    filename === ':memory:' ||
    filename === '' ||
    (typeof filename === 'string' && filename.includes('mode=memory'))
  );
}

function runPragma(connection: unknown, pragma: string): void {
  const run: unknown =
    typeof connection === 'object' && connection !== null ? Reflect.get(connection, 'pragma') : undefined;
  if (typeof run !== 'function') {
    throw new ConfigError('database', 'the SQLite client must be better-sqlite3 (install better-sqlite3)');
  }
  run.call(connection, pragma);
}
