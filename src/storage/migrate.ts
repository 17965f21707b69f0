/**
 * Running the kit's migrations from the store. Several instances of a host often start together and
 * all call `migrate()`. Knex's own migration lock is not enough on its own: two migrators racing to
 * create its history and lock tables can leave the lock row set with nobody to clear it. So on MySQL
 * and PostgreSQL every migrator first takes a database advisory lock, held by one transaction, and
 * only then lets Knex look at its tables; the others wait their turn and find nothing left to do.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { ConfigError } from '../errors.js';
import { dialectOf } from './dialect.js';

/** How long `migrate()` waits for another process's migration to finish. */
export const MIGRATION_LOCK_WAIT_MS = 30_000;

const RETRY_DELAY_MS = 100;

/** What one `migrate()` did. */
export interface MigrationReport {
  /** Names of the migrations this run applied, in order; empty when the tables were up to date. */
  readonly applied: readonly string[];
}

/**
 * `knex.migrate.latest(config)`, serialised against other migrators of the same history table.
 * Needs a pool of at least two connections on MySQL/PostgreSQL: one holds the lock while Knex
 * migrates on another.
 */
export async function migrateLatest(knex: Knex, config: Knex.MigratorConfig): Promise<MigrationReport> {
  const dialect = dialectOf(knex);
  // With one connection the migrator would wait for the lock's own connection until Knex's
  // acquire timeout (a minute by default), then fail with a message that names neither.
  if (dialect.lockHoldsConnection && poolMax(knex) < 2) {
    throw new ConfigError(
      'database',
      `migrating on ${dialect.name === 'mysql' ? 'MySQL/MariaDB' : 'PostgreSQL'} needs a pool of at least 2 connections (one holds the migration lock while another migrates)`,
    );
  }
  const lockName = `midtrans_kit_migrate:${String(config.tableName)}`;
  const applied = await dialect.withLock(knex, lockName, MIGRATION_LOCK_WAIT_MS, () =>
    retryWhileContended(knex, config),
  );
  return { applied };
}

/** Retries Knex's own "already locked" and table-creation races (SQLite, or a migrator of an older version). */
async function retryWhileContended(knex: Knex, config: Knex.MigratorConfig): Promise<string[]> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (;;) {
    try {
      // Knex answers [batch number, names of the migrations it ran].
      const [, log]: [number, string[]] = await knex.migrate.latest(config);
      return log;
    } catch (error) {
      if (!isContention(error, String(config.tableName)) || Date.now() > deadline) throw error;
      await sleep(RETRY_DELAY_MS);
    }
  }
}

function isContention(error: unknown, historyTable: string): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Migration table is already locked')) return true;
  // A racing migrator created the history or lock table (or its first row) a moment earlier. Other
  // "already exists" errors, such as a stray table of ours, are real and fail at once.
  return message.includes(historyTable) && /already exists|Duplicate entry|duplicate key/i.test(message);
}

/** The most connections the Knex pool may open (Infinity when it cannot be read). */
function poolMax(knex: Knex): number {
  const pool: unknown = Reflect.get(knex.client, 'pool');
  const max: unknown = typeof pool === 'object' && pool !== null ? Reflect.get(pool, 'max') : undefined;
  return typeof max === 'number' ? max : Number.POSITIVE_INFINITY;
}
