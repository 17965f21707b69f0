/**
 * Notification signatures, exactly as Midtrans computes them:
 * lowercase hex SHA-512 of order_id + status_code + gross_amount + server key,
 * each input taken verbatim as a string from the body (never a re-formatted number).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The three body fields the signature covers, as strings exactly as received. */
export interface SignedFields {
  order_id: string;
  status_code: string;
  gross_amount: string;
}

/** Compute the `signature_key` Midtrans would send for these fields. */
export function computeSignature(fields: SignedFields, serverKey: string): string {
  return createHash('sha512')
    .update(fields.order_id + fields.status_code + fields.gross_amount + serverKey, 'utf8')
    .digest('hex');
}

/**
 * Verify a notification body's `signature_key` in constant time.
 * Returns false (never throws) for any body that lacks the fields or carries non-string values,
 * because a number `gross_amount` would have been re-formatted and cannot be what Midtrans signed.
 */
export function verifyNotification(body: unknown, serverKey: string): boolean {
  if (!isRecord(body)) return false;
  const { order_id, status_code, gross_amount, signature_key } = body;
  if (
    typeof order_id !== 'string' ||
    typeof status_code !== 'string' ||
    typeof gross_amount !== 'string' ||
    typeof signature_key !== 'string'
  ) {
    return false;
  }
  const expected = Buffer.from(computeSignature({ order_id, status_code, gross_amount }, serverKey), 'utf8');
  const given = Buffer.from(signature_key.toLowerCase(), 'utf8');
  // Lengths are public (always 128 for a real signature); only equal-length buffers may be compared.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Return a copy of `payload` with a correct `signature_key`, for hosts' tests
 * (the counterpart of `verifyNotification`).
 */
export function signNotification<T extends SignedFields>(
  payload: T,
  serverKey: string,
): T & { signature_key: string } {
  return { ...payload, signature_key: computeSignature(payload, serverKey) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
