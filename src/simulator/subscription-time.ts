/** Subscription schedule arithmetic and the two time formats the Subscriptions API uses. */
import { formatMidtransTime } from '../domain/wire-time.js';

const DAY = 86_400_000;
const JAKARTA = 7 * 3_600_000;

/** `at` plus `count` units; months follow the GMT+7 calendar, clamped to the month's last day. */
export function addInterval(at: number, count: number, unit: string): number {
  if (unit === 'day') return at + count * DAY;
  if (unit === 'week') return at + count * 7 * DAY;
  if (unit === 'minute') return at + count * 60_000;
  if (unit === 'hour') return at + count * 3_600_000;
  const local = new Date(at + JAKARTA);
  const day = local.getUTCDate();
  local.setUTCDate(1);
  local.setUTCMonth(local.getUTCMonth() + count);
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  local.setUTCDate(Math.min(day, lastDay));
  return local.getTime() - JAKARTA;
}

/** API format: `2025-02-01T09:00:00.000000` (GMT+7, microseconds, no zone). */
export function formatSubscriptionTime(at: number): string {
  const millis = String(((at % 1000) + 1000) % 1000).padStart(3, '0');
  return `${formatMidtransTime(new Date(at)).replace(' ', 'T')}.${millis}000`;
}

/** Notification format: `2025-02-01T02:00:00.000000Z` (UTC). */
export function formatSubscriptionUtc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 23)}000Z`;
}
