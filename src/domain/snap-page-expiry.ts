/**
 * When a Snap page stops taking payments. Until the customer picks a method Midtrans has no
 * transaction for the order (status answers 404), and when the page expires it sends no
 * notification at all (Midtrans: "Snap does not send any webhook upon page expiry"), so this is
 * the only way to know that a Snap payment nobody started is over. Default 24 hours; the request's
 * `expiry` (`start_time`, `unit`, `duration`) changes it.
 */
import { parseMidtransTime } from './wire-time.js';

/** Snap's page lifetime when the request sets none. */
export const SNAP_PAGE_DEFAULT_MS = 24 * 3_600_000;

const UNIT_MS: Readonly<Record<string, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** The end of a Snap page made at `createdAt` from a request with this `expiry` (if any). */
export function snapPageEnd(
  expiry: { start_time?: string; unit: string; duration: number } | undefined,
  createdAt: Date,
): Date {
  if (expiry === undefined) return new Date(createdAt.getTime() + SNAP_PAGE_DEFAULT_MS);
  // Midtrans accepts plural units ("hours"); an unknown one was refused at create time.
  const unit = UNIT_MS[expiry.unit.toLowerCase().replace(/s$/, '')] ?? 60_000;
  let start = createdAt;
  if (expiry.start_time !== undefined) {
    try {
      start = parseMidtransTime(expiry.start_time, 'expiry.start_time');
    } catch {
      // Midtrans refuses an unreadable start time, so a page that exists started at creation.
    }
  }
  return new Date(start.getTime() + expiry.duration * unit);
}
