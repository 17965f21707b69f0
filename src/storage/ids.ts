/**
 * Record ids: UUID version 7 strings. The leading 48 bits are the creation time in milliseconds and
 * the next 12 a per-process counter, so ids made by one process sort in creation order even within
 * one millisecond. Keyset paging and status history use the id as the tie-breaker after a timestamp.
 */
import { randomBytes } from 'node:crypto';

const COUNTER_MAX = 0xfff;
// Random bytes drawn 4 KB at a time: one system call per ~450 ids instead of one or two per id (a
// bulk insert of 200 delivery rows spent more time in randomBytes than in SQLite; the webhook drew
// a byte for the counter of nearly every id, each new millisecond).
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

function randomFromPool(length: number): Buffer {
  if (offset + length > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += length;
  return pool.subarray(offset - length, offset);
}
let lastMillis = 0;
let counter = 0;

/** Make a new time-ordered UUID (version 7, RFC 9562, monotonic within this process). */
export function newId(nowMillis: number = Date.now()): string {
  let millis = Math.max(Math.trunc(nowMillis), 0);
  if (millis <= lastMillis) {
    millis = lastMillis;
    counter += 1;
    if (counter > COUNTER_MAX) {
      // Counter exhausted: borrow the next millisecond rather than break the ordering.
      millis += 1;
      counter = 0;
    }
  } else {
    // Start low in the counter space so a burst within one millisecond rarely needs to borrow.
    counter = (randomFromPool(1)[0] ?? 0) & 0x3f;
  }
  lastMillis = millis;
  const random = randomFromPool(8);
  const time = millis.toString(16).padStart(12, '0').slice(-12);
  const versioned = (0x7000 | counter).toString(16);
  const variant = (0x8000 | ((random.readUInt16BE(0) & 0x3fff) >>> 0)).toString(16);
  const tail = random.subarray(2).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${versioned}-${variant}-${tail}`;
}
