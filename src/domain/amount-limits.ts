/**
 * Acquirer amount limits per payment type (docs/midtrans-wire.md §12): one table for the kit, which
 * checks them before anything is written (a charge the customer cannot pay only produces an
 * expired record later), and for the simulator, which refuses such a charge with a validation
 * error (Midtrans documents the limits, not the wording of its refusal).
 */

/** Inclusive range in whole Rupiah; `max` undefined = no documented limit. */
export interface AmountLimit {
  min: number;
  max: number | undefined;
  /** What the limit applies to, for the error message. */
  label: string;
}

const BANK_LIMITS: Readonly<Record<string, AmountLimit>> = {
  bca: { min: 10_000, max: 20_000_000_000, label: 'BCA VA' },
  bni: { min: 1, max: undefined, label: 'BNI VA' },
  bri: { min: 1, max: 20_000_000_000, label: 'BRI VA' },
  cimb: { min: 1, max: 250_000_000, label: 'CIMB VA' },
  permata: { min: 1, max: 9_999_999_999, label: 'Permata VA' },
};

const STORE_LIMITS: Readonly<Record<string, AmountLimit>> = {
  indomaret: { min: 10_000, max: 5_000_000, label: 'Indomaret' },
  alfamart: { min: 1, max: 5_000_000, label: 'Alfamart' },
};

const TYPE_LIMITS: Readonly<Record<string, AmountLimit>> = {
  credit_card: { min: 10_000, max: 999_999_999, label: 'card' },
  echannel: { min: 1, max: 50_000_000_000, label: 'Mandiri Bill' },
  // The verified-user ceiling; an unverified wallet stops at 2,000,000, which only GoPay knows.
  gopay: { min: 1, max: 20_000_000, label: 'GoPay' },
  shopeepay: { min: 1, max: 20_000_000, label: 'ShopeePay' },
  qris: { min: 1, max: 10_000_000, label: 'QRIS' },
  akulaku: { min: 5_000, max: undefined, label: 'Akulaku' },
  kredivo: { min: 1, max: undefined, label: 'Kredivo' },
};

/** The limit for a payment type (and its bank or store), or undefined when none is known. */
export function amountLimitFor(
  paymentType: string,
  options: Record<string, unknown> | undefined,
): AmountLimit | undefined {
  if (paymentType === 'bank_transfer') return BANK_LIMITS[String(options?.bank)];
  if (paymentType === 'cstore') return STORE_LIMITS[String(options?.store)];
  return TYPE_LIMITS[paymentType];
}

/** Why `amount` is outside the limit, or undefined when it is inside. */
export function amountLimitProblem(amount: number, limit: AmountLimit | undefined): string | undefined {
  if (limit === undefined) return undefined;
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (amount < limit.min) return `must be at least ${fmt(limit.min)} for ${limit.label}`;
  if (limit.max !== undefined && amount > limit.max)
    return `must be at most ${fmt(limit.max)} for ${limit.label}`;
  return undefined;
}
