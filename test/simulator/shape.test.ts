import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { sameShapeMismatches } from './shape.js';

describe('expectSameShape helper', () => {
  const sample = fixture('notification-bank_transfer-settlement.json') as Record<string, unknown>;

  it('accepts the fixture itself', () => {
    expect(sameShapeMismatches(sample, sample)).toEqual([]);
  });

  it('names a missing field, an extra field, a wrong type and a wrong format', () => {
    const broken = { ...sample, extra: 1, gross_amount: '150000', transaction_time: 5 } as Record<
      string,
      unknown
    >;
    delete broken.order_id;
    const found = sameShapeMismatches(broken, sample);
    expect(found).toContain('$.order_id: missing');
    expect(found).toContain('$.extra: not in the fixture');
    expect(found.some((line) => line.startsWith('$.gross_amount: expected amount'))).toBe(true);
    expect(found.some((line) => line.startsWith('$.transaction_time: expected string'))).toBe(true);
  });

  it('checks array items and signature format', () => {
    const broken = { ...sample, signature_key: 'abc', va_numbers: [{ bank: 'bca' }] };
    const found = sameShapeMismatches(broken, sample);
    expect(found).toContain('$.va_numbers[0].va_number: missing');
    expect(found.some((line) => line.startsWith('$.signature_key: expected signature'))).toBe(true);
  });

  it('lets listed optional keys be absent or extra', () => {
    const partial = { ...sample } as Record<string, unknown>;
    delete partial.expiry_time;
    expect(sameShapeMismatches(partial, sample, '$', { optional: ['expiry_time'] })).toEqual([]);
  });
});
