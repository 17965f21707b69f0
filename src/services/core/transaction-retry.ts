/**
 * Retrying a whole transaction when the database chose it as a deadlock victim. MySQL/MariaDB and
 * PostgreSQL abort one of two transactions that wait on each other (e.g. two first deliveries of
 * a subscription charge both inserting its payment); the victim is safe to run again from the start.
 */

const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ER_LOCK_DEADLOCK', // MySQL/MariaDB 1213
  'ER_LOCK_WAIT_TIMEOUT', // MySQL/MariaDB 1205
  '40P01', // PostgreSQL deadlock_detected
  '40001', // PostgreSQL serialization_failure
  'SQLITE_BUSY',
  // WAL: a transaction whose snapshot went stale before it could write; a fresh one can.
  'SQLITE_BUSY_SNAPSHOT',
]);

/** Whether `error` (or its cause) is a deadlock or lock timeout the database rolled back. */
export function isTransientTransactionError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = Reflect.get(current, 'code');
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** Run `fn`, running it again (up to `attempts` times in all) after a transient transaction error. */
export async function retryTransient<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransientTransactionError(error)) throw error;
      // A short random pause keeps the two victims from colliding again in lock step.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
