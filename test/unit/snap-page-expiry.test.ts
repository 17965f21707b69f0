/** When a Snap page stops taking payments (the reconciler expires unused pages after it). */
import { describe, expect, it } from 'vitest';
import { SNAP_PAGE_DEFAULT_MS, snapPageEnd } from '../../src/domain/snap-page-expiry.js';

const created = new Date('2026-01-15T04:00:00.000Z');

describe('snapPageEnd', () => {
  it('is 24 hours after creation when the request sets no expiry', () => {
    expect(snapPageEnd(undefined, created).getTime()).toBe(created.getTime() + SNAP_PAGE_DEFAULT_MS);
  });

  it('counts the request duration in its unit, singular or plural, any case', () => {
    expect(snapPageEnd({ unit: 'hours', duration: 2 }, created).toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    );
    expect(snapPageEnd({ unit: 'Day', duration: 1 }, created).toISOString()).toBe('2026-01-16T04:00:00.000Z');
    expect(snapPageEnd({ unit: 'second', duration: 30 }, created).toISOString()).toBe(
      '2026-01-15T04:00:30.000Z',
    );
    // An unknown unit was refused by Midtrans at create time; minutes is the safe reading.
    expect(snapPageEnd({ unit: 'fortnight', duration: 5 }, created).toISOString()).toBe(
      '2026-01-15T04:05:00.000Z',
    );
  });

  it('starts at the request start time (Midtrans time, +0700), or at creation when unreadable', () => {
    const fromStart = snapPageEnd(
      { start_time: '2026-01-15 12:00:00 +0700', unit: 'minute', duration: 10 },
      created,
    );
    expect(fromStart.toISOString()).toBe('2026-01-15T05:10:00.000Z');
    const unreadable = snapPageEnd({ start_time: 'soon', unit: 'minute', duration: 10 }, created);
    expect(unreadable.toISOString()).toBe('2026-01-15T04:10:00.000Z');
  });
});
