/**
 * Generated invoice numbers: `<prefix>-<YYYYMMDD>-<10 random base-36 digits>`, e.g.
 * `INV-20250115-0K2L9QW3BZ`. The date (Jakarta calendar) keeps them readable and sortable by day;
 * the random part (~51 bits) makes a clash between concurrent creates practically impossible, and
 * the unique key catches the rest (the caller retries with a fresh number).
 */
import { randomBytes } from 'node:crypto';

const RANDOM_DIGITS = 10;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** A new invoice number for `prefix` at `now`. */
export function generateInvoiceNumber(prefix: string, now: Date): string {
  const day = new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const random = Buffer.from(randomBytes(8)).readBigUInt64BE(0).toString(36).toUpperCase();
  return `${prefix}-${day}-${random.padStart(RANDOM_DIGITS, '0').slice(-RANDOM_DIGITS)}`;
}
