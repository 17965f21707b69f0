/**
 * When a charge with `custom_expiry` expires. Midtrans echoes `expiry_time` for some payment types
 * only (virtual accounts, Mandiri Bill, e-wallets), not for convenience stores, so without this a
 * shop showing "pay before" has nothing to show for Indomaret although it set the window itself.
 */
import type { CustomExpiry } from './types.js';

const UNIT_MS: Readonly<Record<NonNullable<CustomExpiry['unit']>, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/**
 * The end of the window `expiry` describes: from its `orderTime`, or else from when Midtrans made
 * the transaction (`chargedAt`, its `transaction_time`), as Midtrans counts it.
 */
export function customExpiryEnd(expiry: CustomExpiry, chargedAt: Date): Date {
  const start = expiry.orderTime ?? chargedAt;
  return new Date(start.getTime() + customExpiryMs(expiry));
}

/** Length of the window in ms: `unit` defaults to minute, as at Midtrans (custom-expiry-object). */
export function customExpiryMs(expiry: Pick<CustomExpiry, 'expiryDuration' | 'unit'>): number {
  return Number(expiry.expiryDuration) * UNIT_MS[expiry.unit ?? 'minute'];
}
