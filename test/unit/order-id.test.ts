import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOICE_ORDER_ID_MAX_LENGTH, ORDER_ID_MAX_LENGTH } from '../../src/constants.js';
import {
  generateInvoiceOrderId,
  generateOrderId,
  isValidOrderId,
  ORDER_ID_SUFFIX_LENGTH,
  validateOrderId,
} from '../../src/domain/order-id.js';
import { ValidationError } from '../../src/errors.js';

const MIDTRANS_ORDER_ID = /^[A-Za-z0-9\-_~.]{1,50}$/;
const NOW = Date.UTC(2025, 0, 15, 4, 0, 0);

function fixedBytes(...bytes: number[]): (size: number) => Uint8Array {
  return (size) => Uint8Array.from({ length: size }, (_, i) => bytes[i] ?? 0);
}

function validationIssue(fn: () => unknown): { field: string; reason: string } | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0];
  }
  throw new Error('expected a ValidationError');
}

describe('generateOrderId', () => {
  it('has the documented shape: prefix, 9 time digits, 13 random digits', () => {
    const id = generateOrderId({
      now: NOW,
      random: fixedBytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
    });
    expect(id).toBe(
      `ORDER-${NOW.toString(36).toUpperCase().padStart(9, '0')}-${(2n ** 64n - 1n).toString(36).toUpperCase()}`,
    );
    expect(id).toMatch(/^ORDER-[0-9A-Z]{9}-[0-9A-Z]{13}$/);
    expect(ORDER_ID_SUFFIX_LENGTH).toBe(23);
    expect(generateOrderId({ now: 0, random: fixedBytes() })).toBe('ORDER-000000000-0000000000000');
  });

  it('uses the real clock and crypto by default and stays valid', () => {
    const before = Date.now();
    const id = generateOrderId();
    const time = Number.parseInt(id.split('-')[1] ?? '', 36);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
    expect(id).toMatch(MIDTRANS_ORDER_ID);
    expect(validateOrderId(id)).toBe(id);
  });

  it('is unique over 10,000 ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => generateOrderId({ now: NOW })));
    expect(ids.size).toBe(10_000);
  });

  it('sorts lexicographically in creation-time order, whatever the random part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36 ** 9 - 1 }),
        fc.integer({ min: 0, max: 36 ** 9 - 1 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (t1, t2, r1, r2) => {
          fc.pre(t1 !== t2);
          const a = generateOrderId({ now: t1, random: () => r1 });
          const b = generateOrderId({ now: t2, random: () => r2 });
          expect(a < b).toBe(t1 < t2);
          expect(a).toMatch(MIDTRANS_ORDER_ID);
        },
      ),
    );
  });

  it('keeps the prefix as given, accepts every allowed character, and allows no prefix', () => {
    expect(generateOrderId({ prefix: 'shop.v2~a_b-c', now: NOW })).toMatch(
      /^shop\.v2~a_b-c-[0-9A-Z]{9}-[0-9A-Z]{13}$/,
    );
    expect(generateOrderId({ prefix: '', now: NOW })).toMatch(/^[0-9A-Z]{9}-[0-9A-Z]{13}$/);
  });

  it('accepts a prefix up to 26 characters (50-character id), refuses 27', () => {
    const id = generateOrderId({ prefix: 'P'.repeat(26) });
    expect(id).toHaveLength(ORDER_ID_MAX_LENGTH);
    expect(isValidOrderId(id)).toBe(true);
    expect(validationIssue(() => generateOrderId({ prefix: 'P'.repeat(27) }))).toEqual({
      field: 'orderIdPrefix',
      reason:
        'makes the order id 51 characters long; at most 50 are allowed ' +
        '(the generated part takes 23, plus a dash after the prefix)',
    });
  });

  it('fits the Invoicing limit of 36 with a prefix up to 12 characters', () => {
    const id = generateInvoiceOrderId({ prefix: 'INV-ORDER-12', now: NOW });
    expect(id).toHaveLength(INVOICE_ORDER_ID_MAX_LENGTH);
    expect(isValidOrderId(id, { maxLength: INVOICE_ORDER_ID_MAX_LENGTH })).toBe(true);
    expect(generateInvoiceOrderId()).toMatch(/^ORDER-/);
    expect(validationIssue(() => generateInvoiceOrderId({ prefix: 'INV-ORDER-123' }))?.reason).toMatch(
      /37 characters long; at most 36/,
    );
    expect(generateOrderId({ prefix: 'INV-ORDER-12', maxLength: INVOICE_ORDER_ID_MAX_LENGTH })).toHaveLength(
      36,
    );
  });

  it('caps maxLength at the Midtrans limit of 50', () => {
    expect(validationIssue(() => generateOrderId({ prefix: 'P'.repeat(27), maxLength: 80 }))?.reason).toMatch(
      /at most 50/,
    );
  });

  it.each([
    ['ORDER 1', ' ', 'U+0020', 5],
    ['ORDER/1', '/', 'U+002F', 5],
    ['pesanan-é', 'é', 'U+00E9', 8],
    ['a#b', '#', 'U+0023', 1],
    ['x😀', '😀', 'U+1F600', 1],
  ])('refuses prefix %j naming %j', (prefix, character, codePoint, index) => {
    expect(validationIssue(() => generateOrderId({ prefix }))).toEqual({
      field: 'orderIdPrefix',
      reason:
        `contains ${JSON.stringify(character)} (${codePoint}) at index ${index}; ` +
        'only letters A-Z a-z, digits and "-", "_", "~", "." are allowed',
    });
  });

  it.each([-1, 1.5, Number.NaN, 36 ** 9, Number.POSITIVE_INFINITY])('refuses now = %s', (now) => {
    expect(validationIssue(() => generateOrderId({ now }))?.field).toBe('now');
  });

  it('fails loudly when the random source returns too few bytes', () => {
    expect(() => generateOrderId({ random: () => new Uint8Array(4) })).toThrow(RangeError);
  });

  it('asks the random source for 8 bytes (64 bits)', () => {
    const sizes: number[] = [];
    generateOrderId({
      random: (size) => {
        sizes.push(size);
        return new Uint8Array(size);
      },
    });
    expect(sizes).toEqual([8]);
  });
});

describe('validateOrderId', () => {
  it.each(['ORDER-1001', 'a', 'A-Z_a-z~0.9', 'x'.repeat(50)])('accepts %j unchanged', (id) => {
    expect(validateOrderId(id)).toBe(id);
    expect(isValidOrderId(id)).toBe(true);
  });

  it('accepts every string of allowed characters up to the limit', () => {
    const allowed = fc.constantFrom(...'ABCXYZabcxyz0189-_~.'.split(''));
    fc.assert(
      fc.property(fc.array(allowed, { minLength: 1, maxLength: 50 }), (chars) => {
        expect(isValidOrderId(chars.join(''))).toBe(true);
      }),
    );
  });

  it.each<[unknown, string]>([
    ['', 'must not be empty'],
    [undefined, 'must be a string'],
    [1001, 'must be a string'],
    ['x'.repeat(51), 'is 51 characters long; at most 50 are allowed'],
    [
      ' ORDER-1',
      'contains " " (U+0020) at index 0; only letters A-Z a-z, digits and "-", "_", "~", "." are allowed',
    ],
    [
      'ORDER-1\n',
      'contains "\\n" (U+000A) at index 7; only letters A-Z a-z, digits and "-", "_", "~", "." are allowed',
    ],
    [
      'ORD+ER=1',
      'contains "+" (U+002B) at index 3; only letters A-Z a-z, digits and "-", "_", "~", "." are allowed',
    ],
  ])('rejects %j: %s', (id, reason) => {
    expect(validationIssue(() => validateOrderId(id))).toEqual({ field: 'orderId', reason });
    expect(isValidOrderId(id)).toBe(false);
  });

  it('reports a bad character before the length', () => {
    expect(validationIssue(() => validateOrderId(`${'x'.repeat(60)}!`))?.reason).toMatch(/^contains "!"/);
  });

  it('honours a custom maxLength such as the Invoicing limit', () => {
    const id = 'x'.repeat(37);
    expect(isValidOrderId(id)).toBe(true);
    expect(isValidOrderId(id, { maxLength: INVOICE_ORDER_ID_MAX_LENGTH })).toBe(false);
    expect(validationIssue(() => validateOrderId(id, { maxLength: 36 }))?.reason).toBe(
      'is 37 characters long; at most 36 are allowed',
    );
  });

  it('puts the field and reason in the error message', () => {
    expect(() => validateOrderId('')).toThrow('Invalid input: orderId must not be empty');
  });
});
