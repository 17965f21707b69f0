/**
 * The expiry a payment asked for, when Midtrans's answer does not state one (convenience stores):
 * the charge request's `custom_expiry`, counted from the transaction's time.
 */
import { customExpiryEnd } from '../../domain/custom-expiry.js';
import { expiryFromWire } from '../../domain/mapping.js';
import type { Payment } from '../../storage/records/payment.js';

/** When `payment` expires by its own request, or undefined when it set no window. */
export function requestedExpiry(payment: Payment, chargedAt: Date | undefined): Date | undefined {
  const wire = payment.chargeRequest?.custom_expiry;
  if (wire === undefined || wire === null || chargedAt === undefined) return undefined;
  try {
    return customExpiryEnd(expiryFromWire(wire), chargedAt);
  } catch {
    // The stored request is the one we sent, checked then; an unreadable one just yields no expiry.
    return undefined;
  }
}
