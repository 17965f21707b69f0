import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertAmount,
  chargedAmount,
  formatAmount,
  itemsTotal,
  parseAmount,
} from '../../src/domain/money.js';
import { ValidationError } from '../../src/errors.js';

function issue(fn: () => unknown): { field: string; reason: string } | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { issues } = error as ValidationError;
    expect(issues).toHaveLength(1);
    return issues[0];
  }
  throw new Error('expected a ValidationError');
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('parseAmount / formatAmount', () => {
  it('round-trips every safe integer ≥ 0 through the wire format', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const wire = formatAmount(n);
        expect(wire).toBe(`${n}.00`);
        expect(parseAmount(wire)).toBe(n);
      }),
    );
  });

  it('parses integer strings, integer numbers and any run of zero decimals', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.nat({ max: 6 }), fc.nat({ max: 3 }), (n, zeros, padding) => {
        expect(parseAmount(String(n))).toBe(n);
        expect(parseAmount(n)).toBe(n);
        expect(parseAmount(`${'0'.repeat(padding)}${n}${zeros ? `.${'0'.repeat(zeros)}` : ''}`)).toBe(n);
      }),
    );
  });

  it('handles the edges exactly', () => {
    expect(parseAmount('0')).toBe(0);
    expect(parseAmount('0.00')).toBe(0);
    expect(parseAmount('000')).toBe(0);
    expect(parseAmount('150000.00')).toBe(150_000);
    expect(parseAmount('9007199254740991.00')).toBe(MAX);
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(MAX)).toBe('9007199254740991.00');
  });

  it('rejects any non-zero fraction', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.stringMatching(/^\d{0,3}[1-9]\d{0,3}$/), (n, fraction) => {
        const value = `${n}.${fraction}`;
        expect(issue(() => parseAmount(value))).toEqual({
          field: 'gross_amount',
          reason: `"${value}" has a fractional part; IDR amounts are whole`,
        });
      }),
    );
  });

  it.each([
    '10000.50',
    '-1',
    '-10000.00',
    '+100',
    '1e5',
    '1E5',
    '',
    ' ',
    ' 100',
    '100 ',
    '1 000',
    '1,000',
    '1.000,00',
    '10000.',
    '.50',
    'abc',
    '0x10',
    'Infinity',
    'NaN',
    '１００',
  ])('rejects %j', (value) => {
    const found = issue(() => parseAmount(value, 'grossAmount'));
    expect(found?.field).toBe('grossAmount');
    expect(found?.reason).toContain(`"${value}"`);
  });

  it.each(['9007199254740992', '9007199254740993.00', '99999999999999999999', '1'.repeat(400)])(
    'rejects the unsafe %s',
    (value) => {
      expect(issue(() => parseAmount(value))).toEqual({
        field: 'gross_amount',
        reason: `"${value}" is too large to be handled exactly`,
      });
    },
  );

  it('rejects unsafe values of any size', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX) + 1n, max: 10n ** 30n }), (n) => {
        expect(issue(() => parseAmount(`${n}.00`))?.reason).toMatch(/too large/);
      }),
    );
  });

  it.each([
    [10000.5, 'must be whole Rupiah (IDR has no fractional part)'],
    [-1, 'must not be negative'],
    [MAX + 1, 'is too large to be handled exactly'],
    [Number.NaN, 'must be a number of whole Rupiah'],
    [Number.POSITIVE_INFINITY, 'must be whole Rupiah (IDR has no fractional part)'],
  ])('rejects the number %s', (value, reason) => {
    expect(issue(() => parseAmount(value))).toEqual({ field: 'gross_amount', reason });
  });

  it.each([null, undefined, {}, [], true, 10n])('rejects the non-amount %s', (value) => {
    expect(issue(() => parseAmount(value, 'amount'))).toEqual({
      field: 'amount',
      reason: 'must be a decimal string such as "10000.00"',
    });
  });

  it('formatAmount refuses what is not a whole non-negative safe amount', () => {
    expect(issue(() => formatAmount(-5))).toEqual({ field: 'amount', reason: 'must not be negative' });
    expect(issue(() => formatAmount(1.25))?.reason).toMatch(/whole Rupiah/);
    expect(issue(() => formatAmount(MAX + 2))?.reason).toMatch(/too large/);
  });
});

describe('assertAmount', () => {
  it('returns any safe integer ≥ min unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), (n) => {
        expect(assertAmount(n)).toBe(n);
        expect(assertAmount(n, 'price', n)).toBe(n);
      }),
    );
    expect(assertAmount(0, 'price', 0)).toBe(0);
  });

  it.each<[unknown, number, string]>([
    [0, 1, 'must be at least 1'],
    [9_999, 10_000, 'must be at least 10000'],
    [-1, 0, 'must not be negative'],
    [1.5, 1, 'must be whole Rupiah (IDR has no fractional part)'],
    [MAX + 1, 1, 'is too large to be handled exactly'],
    [-MAX - 1, 0, 'is too large to be handled exactly'],
    [Number.NaN, 1, 'must be a number of whole Rupiah'],
    ['100', 1, 'must be a number of whole Rupiah'],
    [null, 1, 'must be a number of whole Rupiah'],
    [100n, 1, 'must be a number of whole Rupiah'],
  ])('rejects %s with min %s: %s', (value, min, reason) => {
    expect(issue(() => assertAmount(value, 'grossAmount', min))).toEqual({ field: 'grossAmount', reason });
  });

  it('defaults the field to "amount" and the minimum to 1', () => {
    expect(issue(() => assertAmount(0))).toEqual({ field: 'amount', reason: 'must be at least 1' });
  });
});

describe('itemsTotal', () => {
  it('is the exact sum of price × quantity', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ price: fc.nat({ max: 10_000_000 }), quantity: fc.integer({ min: 1, max: 1_000 }) }),
          {
            maxLength: 20,
          },
        ),
        (items) => {
          const exact = items.reduce((sum, item) => sum + BigInt(item.price) * BigInt(item.quantity), 0n);
          expect(BigInt(itemsTotal(items))).toBe(exact);
        },
      ),
    );
  });

  it('is 0 for no items and accepts a free item', () => {
    expect(itemsTotal([])).toBe(0);
    expect(itemsTotal([{ price: 0, quantity: 3 }])).toBe(0);
    expect(
      itemsTotal([
        { price: 15_000, quantity: 2 },
        { price: 70_000, quantity: 1 },
      ]),
    ).toBe(100_000);
  });

  it('reaches MAX_SAFE_INTEGER exactly and refuses one more', () => {
    expect(itemsTotal([{ price: MAX, quantity: 1 }])).toBe(MAX);
    expect(
      issue(() =>
        itemsTotal([
          { price: MAX, quantity: 1 },
          { price: 1, quantity: 1 },
        ]),
      ),
    ).toEqual({ field: 'itemDetails', reason: 'total is too large to be handled exactly' });
  });

  it('refuses a single line that overflows', () => {
    expect(issue(() => itemsTotal([{ price: 2 ** 30, quantity: 2 ** 24 }], 'items'))).toEqual({
      field: 'items',
      reason: 'total is too large to be handled exactly',
    });
  });

  it('refuses overflow for any safe lines whose exact sum is unsafe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Math.ceil(MAX / 2) + 1, max: MAX }),
        fc.integer({ min: Math.ceil(MAX / 2) + 1, max: MAX }),
        (a, b) => {
          expect(() =>
            itemsTotal([
              { price: a, quantity: 1 },
              { price: b, quantity: 1 },
            ]),
          ).toThrow(ValidationError);
        },
      ),
    );
  });

  it('names the bad item and part', () => {
    expect(
      issue(() =>
        itemsTotal([
          { price: 1, quantity: 1 },
          { price: -1, quantity: 1 },
        ]),
      ),
    ).toEqual({
      field: 'itemDetails.1.price',
      reason: 'must not be negative',
    });
    expect(issue(() => itemsTotal([{ price: 1.5, quantity: 1 }], 'item_details'))?.field).toBe(
      'item_details.0.price',
    );
    expect(issue(() => itemsTotal([{ price: 100, quantity: 0 }]))).toEqual({
      field: 'itemDetails.0.quantity',
      reason: 'must be at least 1',
    });
    expect(issue(() => itemsTotal([{ price: 100, quantity: 0.5 }]))?.field).toBe('itemDetails.0.quantity');
  });
});

describe('chargedAmount', () => {
  it('is the captured amount when a capture took less, else the gross amount', () => {
    expect(chargedAmount({ grossAmount: 200_000, capturedAmount: 50_000 })).toBe(50_000);
    expect(chargedAmount({ grossAmount: 200_000, capturedAmount: null })).toBe(200_000);
  });
});
