/**
 * Money is integer IDR everywhere. Midtrans sends amounts as decimal strings ("150000.00");
 * they are parsed digit by digit, never through a float.
 */
import { ValidationError } from '../errors.js';

/** An amount in whole Rupiah. Always a non-negative safe integer. */
export type Idr = number;

const WIRE_AMOUNT = /^(\d+)(?:\.(\d+))?$/;

/**
 * Check that `value` is a usable amount: a safe integer ≥ `min` (default 1).
 * Throws a ValidationError naming `field` otherwise.
 */
export function assertAmount(value: unknown, field = 'amount', min = 1): Idr {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ValidationError({ field, reason: 'must be a number of whole Rupiah' });
  }
  if (!Number.isInteger(value)) {
    throw new ValidationError({ field, reason: 'must be whole Rupiah (IDR has no fractional part)' });
  }
  if (!Number.isSafeInteger(value)) {
    throw new ValidationError({ field, reason: 'is too large to be handled exactly' });
  }
  if (value < min) {
    throw new ValidationError({
      field,
      reason: min === 0 ? 'must not be negative' : `must be at least ${min}`,
    });
  }
  return value;
}

/**
 * Parse an amount as Midtrans sends it: `"150000.00"`, `"150000"`, or an integer number.
 * Any non-zero fractional digit, sign, exponent, blank or unsafe value is rejected.
 */
export function parseAmount(value: unknown, field = 'gross_amount'): Idr {
  if (typeof value === 'number') return assertAmount(value, field, 0);
  if (typeof value !== 'string') {
    throw new ValidationError({ field, reason: 'must be a decimal string such as "10000.00"' });
  }
  const match = WIRE_AMOUNT.exec(value);
  if (!match) {
    throw new ValidationError({ field, reason: `"${value}" is not a plain decimal amount` });
  }
  const [, whole = '', fraction = ''] = match;
  if (/[^0]/.test(fraction)) {
    throw new ValidationError({ field, reason: `"${value}" has a fractional part; IDR amounts are whole` });
  }
  const digits = whole.replace(/^0+(?=\d)/, '');
  const parsed = Number(digits);
  if (!Number.isSafeInteger(parsed) || String(parsed) !== digits) {
    throw new ValidationError({ field, reason: `"${value}" is too large to be handled exactly` });
  }
  return parsed;
}

/** Format an amount as Midtrans writes it in responses and notifications: `"150000.00"`. */
export function formatAmount(amount: Idr): string {
  return `${assertAmount(amount, 'amount', 0)}.00`;
}

/** An item with a unit price and a quantity. */
export interface PricedItem {
  price: Idr;
  quantity: number;
}

/** Sum of price × quantity over items, exact; throws if any part or the total is not a safe integer. */
export function itemsTotal(items: readonly PricedItem[], field = 'itemDetails'): Idr {
  let total = 0;
  items.forEach((item, index) => {
    const price = assertAmount(item.price, `${field}.${index}.price`, 0);
    const quantity = assertAmount(item.quantity, `${field}.${index}.quantity`, 1);
    const line = price * quantity;
    if (!Number.isSafeInteger(line) || !Number.isSafeInteger(total + line)) {
      throw new ValidationError({ field, reason: 'total is too large to be handled exactly' });
    }
    total += line;
  });
  return total;
}

/**
 * What the customer was actually charged: the captured amount when a pre-authorisation was
 * captured separately (possibly for less), else the whole gross amount. Refunds come out of this.
 */
export function chargedAmount(payment: { grossAmount: Idr; capturedAmount: Idr | null }): Idr {
  return payment.capturedAmount ?? payment.grossAmount;
}
