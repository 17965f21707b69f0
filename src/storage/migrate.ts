/**
 * Running the kit's migrations from the store. Several instances of a host often start together and
 * all call `migrate()`. Knex's own migration lock is not enough on its own: two migrators racing to
 * create its history and lock tables can leave the lock row set with nobody to clear it. So on MySQL
 * and PostgreSQL every migrator first takes a database advisory lock, held by one transaction, and
 * only then lets Knex look at its tables; the others wait their turn and find nothing left to do.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { dialectNameOf } from './dialect.js';

/** How long `migrate()` waits for another process's migration to finish. */
export const MIGRATION_LOCK_WAIT_MS = 30_000;

const RETRY_DELAY_MS = 100;

/**
 * `knex.migrate.latest(config)`, serialised against other migrators of the same history table.
 * Needs a pool of at least two connections on MySQL/PostgreSQL: one holds the lock while Knex
 * migrates on another.
 */
export async function migrateLatest(knex: Knex, config: Knex.MigratorConfig): Promise<void> {
  const lockName = `midtrans_kit_migrate:${String(config.tableName)}`;
  const dialect = dialectNameOf(knex);
  if (dialect === 'sqlite') return retryWhileContended(knex, config);
  await knex.transaction(async (trx) => {
    if (dialect === 'mysql') {
      const waitSeconds = Math.ceil(MIGRATION_LOCK_WAIT_MS / 1000);
      const [rows] = (await trx.raw('SELECT GET_LOCK(?, ?) AS got', [lockName, waitSeconds])) as [
        { got: number | null }[],
      ];
      if (rows[0]?.got !== 1) throw new Error(`Timed out waiting for the migration lock ${lockName}`);
      try {
        await retryWhileContended(knex, config);
      } finally {
        await trx.raw('SELECT RELEASE_LOCK(?)', [lockName]);
      }
    } else {
      // Released by the end of the transaction, whatever happens inside it.
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [lockName]);
      await retryWhileContended(knex, config);
    }
  });
}

/** Retries Knex's own "already locked" and table-creation races (SQLite, or a migrator of an older version). */
async function retryWhileContended(knex: Knex, config: Knex.MigratorConfig): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (;;) {
    try {
      await knex.migrate.latest(config);
      return;
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
