/** The shared limit tables of src/domain: amount ranges per method and payment-window lengths. */
import { describe, expect, it } from 'vitest';
import { amountLimitFor, amountLimitProblem } from '../../src/domain/amount-limits.js';
import {
  customExpiryProblem,
  MAX_CUSTOM_EXPIRY_MS,
  MIN_CUSTOM_EXPIRY_MS,
  maxCustomExpiryMs,
} from '../../src/domain/expiry-limits.js';
import { expiryFromWire } from '../../src/domain/mapping.js';

const DAY = 86_400_000;

describe('amount limits', () => {
  it('picks the bank, the store or the type', () => {
    expect(amountLimitFor('bank_transfer', { bank: 'bca' })?.label).toBe('BCA VA');
    expect(amountLimitFor('cstore', { store: 'indomaret' })?.label).toBe('Indomaret');
    expect(amountLimitFor('qris', undefined)?.max).toBe(10_000_000);
    expect(amountLimitFor('bank_transfer', { bank: 'nope' })).toBeUndefined();
  });

  it('says why an amount is out of range', () => {
    const bca = amountLimitFor('bank_transfer', { bank: 'bca' });
    expect(amountLimitProblem(9_999, bca)).toBe('must be at least 10,000 for BCA VA');
    expect(amountLimitProblem(20_000_000_001, bca)).toBe('must be at most 20,000,000,000 for BCA VA');
    expect(amountLimitProblem(10_000, bca)).toBeUndefined();
    expect(amountLimitProblem(10 ** 12, amountLimitFor('bank_transfer', { bank: 'bni' }))).toBeUndefined();
    expect(amountLimitProblem(1, undefined)).toBeUndefined();
  });
});

describe('custom expiry limits', () => {
  it('20 seconds to 180 days; GoPay 7 days, ShopeePay 5 days', () => {
    expect(maxCustomExpiryMs(undefined)).toBe(MAX_CUSTOM_EXPIRY_MS);
    expect(maxCustomExpiryMs('bank_transfer')).toBe(180 * DAY);
    expect(maxCustomExpiryMs('gopay')).toBe(7 * DAY);
    expect(maxCustomExpiryMs('shopeepay')).toBe(5 * DAY);
    expect(customExpiryProblem(MIN_CUSTOM_EXPIRY_MS, 'bank_transfer')).toBeUndefined();
    expect(customExpiryProblem(MIN_CUSTOM_EXPIRY_MS - 1, 'bank_transfer')).toBe(
      'must last between 20 seconds and 180 days',
    );
    expect(customExpiryProblem(7 * DAY + 1, 'gopay')).toBe('must last between 20 seconds and 7 days');
  });

  it('reads a stored custom_expiry with a string duration and no unit', () => {
    expect(expiryFromWire({ expiry_duration: '60' })).toEqual({ expiryDuration: '60' });
    expect(expiryFromWire({ expiry_duration: 5, unit: 'hour' })).toEqual({ expiryDuration: 5, unit: 'hour' });
  });
});
