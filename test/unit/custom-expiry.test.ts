import { describe, expect, it } from 'vitest';
import { customExpiryEnd } from '../../src/domain/custom-expiry.js';

describe('custom expiry', () => {
  const chargedAt = new Date('2030-01-01T00:00:00.000Z');

  it('counts from the charge time in each unit', () => {
    expect(customExpiryEnd({ expiryDuration: 30, unit: 'second' }, chargedAt).toISOString()).toBe(
      '2030-01-01T00:00:30.000Z',
    );
    expect(customExpiryEnd({ expiryDuration: 90, unit: 'minute' }, chargedAt).toISOString()).toBe(
      '2030-01-01T01:30:00.000Z',
    );
    expect(customExpiryEnd({ expiryDuration: 2, unit: 'hour' }, chargedAt).toISOString()).toBe(
      '2030-01-01T02:00:00.000Z',
    );
    expect(customExpiryEnd({ expiryDuration: 3, unit: 'day' }, chargedAt).toISOString()).toBe(
      '2030-01-04T00:00:00.000Z',
    );
  });

  it('counts from its own order time when it names one', () => {
    const orderTime = new Date('2029-12-31T12:00:00.000Z');
    expect(customExpiryEnd({ orderTime, expiryDuration: 1, unit: 'day' }, chargedAt).toISOString()).toBe(
      '2030-01-01T12:00:00.000Z',
    );
  });

  // docs.midtrans.com/reference/custom-expiry-object: expiry_duration String(50), unit default minute.
  it('takes the duration as a string and defaults the unit to minute', () => {
    expect(customExpiryEnd({ expiryDuration: '60' }, chargedAt).toISOString()).toBe(
      '2030-01-01T01:00:00.000Z',
    );
  });
});
