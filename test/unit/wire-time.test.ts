import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMidtransTime,
  formatMidtransTimeWithZone,
  parseMidtransTime,
} from '../../src/domain/wire-time.js';
import { ValidationError } from '../../src/errors.js';
import { fixture, fixtureNames } from '../support/fixtures.js';

function issuesOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

function timestampsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:/.test(value)) found.push(value);
  if (typeof value === 'object' && value !== null)
    for (const inner of Object.values(value)) timestampsIn(inner, found);
  return found;
}

// Whole seconds from 1970 up to the end of 9999 in GMT+7, the range the four-digit wire format can hold.
const wireDates = fc
  .integer({ min: 0, max: Date.UTC(9999, 11, 31, 16, 59, 59) / 1000 })
  .map((seconds) => new Date(seconds * 1000));

describe('parseMidtransTime', () => {
  it('reads a zone-less payload time as GMT+7', () => {
    expect(parseMidtransTime('2025-01-15 11:20:00').toISOString()).toBe('2025-01-15T04:20:00.000Z');
    expect(parseMidtransTime('2025-01-01 03:00:00').toISOString()).toBe('2024-12-31T20:00:00.000Z');
  });

  it.each([
    ['2025-01-15 11:20:00 +0700', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15 11:20:00+0700', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15 11:20:00 +07:00', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15 04:20:00 +0000', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15T04:20:00Z', '2025-01-15T04:20:00.000Z'],
    ['2025-01-14 23:20:00 -0500', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15 09:50:00 +0530', '2025-01-15T04:20:00.000Z'],
    ['2025-01-15T11:20:00', '2025-01-15T04:20:00.000Z'],
    ['  2025-01-15 11:20:00  ', '2025-01-15T04:20:00.000Z'],
  ])('%j → %s', (text, iso) => {
    expect(parseMidtransTime(text).toISOString()).toBe(iso);
  });

  it('reads subscription times with microseconds (truncated to milliseconds)', () => {
    const subscription = fixture('subscription-get.response.json') as {
      created_at: string;
      schedule: { start_time: string; next_execution_at: string };
    };
    expect(parseMidtransTime(subscription.created_at).toISOString()).toBe('2025-01-15T02:00:00.123Z');
    expect(parseMidtransTime(subscription.schedule.start_time).toISOString()).toBe(
      '2025-02-01T02:00:00.000Z',
    );
    expect(parseMidtransTime(subscription.schedule.next_execution_at).toISOString()).toBe(
      '2025-03-01T02:00:00.000Z',
    );
    expect(parseMidtransTime('2025-01-15T09:00:00.5Z').getUTCMilliseconds()).toBe(500);
    expect(parseMidtransTime('2025-01-15T09:00:00.999999999Z').getUTCMilliseconds()).toBe(999);
  });

  it('parses every timestamp that appears in the fixtures', () => {
    const files = fixtureNames();
    const all = files.flatMap((name) => timestampsIn(fixture(name)));
    expect(all.length).toBeGreaterThan(50);
    for (const text of all) expect(parseMidtransTime(text, 'fixture').getTime(), text).not.toBeNaN();
  });

  it.each(['2024-02-29 12:00:00', '2000-02-29 12:00:00', '2025-12-31 23:59:59', '2025-01-01 00:00:00'])(
    'accepts the real date %s',
    (text) => {
      expect(formatMidtransTime(parseMidtransTime(text))).toBe(text);
    },
  );

  it.each([
    '2025-02-30 10:00:00',
    '2025-02-29 10:00:00',
    '1900-02-29 10:00:00',
    '2025-04-31 10:00:00',
    '2025-13-01 10:00:00',
    '2025-00-10 10:00:00',
    '2025-01-00 10:00:00',
    '2025-01-01 24:00:00',
    '2025-01-01 10:60:00',
    '2025-01-01 10:00:60',
    '0099-01-01 10:00:00',
  ])('rejects the impossible date %s', (text) => {
    expect(issuesOf(() => parseMidtransTime(text, 'transaction_time'))).toEqual([
      { field: 'transaction_time', reason: `"${text}" is not a real date` },
    ]);
  });

  it.each([
    '',
    'yesterday',
    '2025-01-15',
    '2025-1-15 11:20:00',
    '2025-01-15 11:20',
    '2025/01/15 11:20:00',
    '2025-01-15 11:20:00 WIB',
    '2025-01-15 11:20:00 +07',
    '2025-01-15 11:20:00 +2400',
    '2025-01-15 11:20:00 +0760',
    '2025-01-15 11:20:00.',
    '2025-01-15 11:20:00.1234567890',
    '2025-01-15 11:20:00Z extra',
  ])('rejects the malformed %j', (text) => {
    expect(issuesOf(() => parseMidtransTime(text))).toEqual([
      { field: 'time', reason: `"${text}" is not a Midtrans timestamp` },
    ]);
  });
});

describe('formatMidtransTime', () => {
  it('writes GMT+7 without a zone, and with +0700 for requests', () => {
    const date = new Date('2025-01-15T04:20:00.789Z');
    expect(formatMidtransTime(date)).toBe('2025-01-15 11:20:00');
    expect(formatMidtransTimeWithZone(date)).toBe('2025-01-15 11:20:00 +0700');
    expect(formatMidtransTime(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01 03:00:00');
  });

  it('round-trips every whole-second date through both formats', () => {
    fc.assert(
      fc.property(wireDates, (date) => {
        expect(parseMidtransTime(formatMidtransTime(date)).getTime()).toBe(date.getTime());
        expect(parseMidtransTime(formatMidtransTimeWithZone(date)).getTime()).toBe(date.getTime());
      }),
    );
  });

  it('round-trips any instant written as ISO with Z, milliseconds included', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T16:59:59Z') }),
        (d) => {
          fc.pre(!Number.isNaN(d.getTime()));
          expect(parseMidtransTime(d.toISOString()).getTime()).toBe(d.getTime());
        },
      ),
    );
  });

  it('round-trips every valid wire string', () => {
    fc.assert(
      fc.property(wireDates, (date) => {
        const text = formatMidtransTime(date);
        expect(formatMidtransTime(parseMidtransTime(text))).toBe(text);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      }),
    );
  });
});
