/**
 * Identifiers and reference numbers the simulator hands out. Numbers are derived from a
 * per-simulator counter so they are unique, stable within a run, and need no lookups.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** A generator of simulator identifiers. */
export interface IdSource {
  /** A UUID (transaction ids, error ids, snap tokens, subscription ids). */
  uuid(): string;
  /** Next value of the run's counter, for numbers that must not repeat. */
  next(): number;
  /** `length` decimal digits, starting with `prefix`, unique within this run. */
  digits(prefix: string, length: number): string;
  /** A 24-char lowercase hex id (invoice ids). */
  hex24(): string;
  /** Random letters and digits. */
  alnum(length: number): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Create an id source. */
export function createIdSource(): IdSource {
  let counter = 0;
  const next = (): number => {
    counter += 1;
    return counter;
  };
  return {
    uuid: () => randomUUID(),
    next,
    digits(prefix, length) {
      return `${prefix}${String(next()).padStart(Math.max(length - prefix.length, 1), '0')}`;
    },
    hex24: () => randomBytes(12).toString('hex'),
    alnum(length) {
      const bytes = randomBytes(length);
      let out = '';
      for (const byte of bytes) out += ALNUM[byte % ALNUM.length];
      return out;
    },
  };
}
