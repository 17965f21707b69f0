/** The pure parts of storage: integers, dates, JSON, row codec. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { createCodec, toColumnName } from '../../src/storage/codec.js';
import { readDate } from '../../src/storage/dates.js';
import { readSafeInteger, UnsafeIntegerError } from '../../src/storage/integers.js';
import { decodeJson, encodeJson, toJsonArray, toJsonObject } from '../../src/storage/json.js';

describe('readSafeInteger', () => {
  it('accepts numbers, bigints and digit strings within the safe range', () => {
    expect(readSafeInteger(42, 'x')).toBe(42);
    expect(readSafeInteger(9007199254740991n, 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(readSafeInteger('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(readSafeInteger('-9007199254740991', 'x')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(readSafeInteger('007', 'x')).toBe(7);
  });

  it('refuses values past the safe range, saying where and what', () => {
    expect(() => readSafeInteger('9007199254740993', 'p.gross_amount (id 1)')).toThrow(
      /p\.gross_amount \(id 1\) holds 9007199254740993, outside Number\.MAX_SAFE_INTEGER/,
    );
    expect(() => readSafeInteger(9007199254740992, 'x')).toThrow(/already rounded/);
    expect(() => readSafeInteger(-(2n ** 63n), 'x')).toThrow(UnsafeIntegerError);
    const error = (() => {
      try {
        readSafeInteger('123456789012345678901', 'loc');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ location: 'loc', rawValue: '123456789012345678901' });
  });

  it('refuses what is not an integer', () => {
    for (const value of [1.5, '1.5', '', 'abc', null, true, {}]) {
      expect(() => readSafeInteger(value, 'x')).toThrow(TypeError);
    }
  });
});

describe('readDate', () => {
  it('reads Dates, epoch milliseconds and text', () => {
    const date = new Date('2025-01-15T03:04:05.678Z');
    expect(readDate(date, 'x')).toBe(date);
    expect(readDate(date.getTime(), 'x')).toEqual(date);
    expect(readDate(BigInt(date.getTime()), 'x')).toEqual(date);
    expect(readDate(String(date.getTime()), 'x')).toEqual(date);
    expect(readDate('2025-01-15 03:04:05.678', 'x')).toEqual(date);
    expect(readDate('2025-01-15T10:04:05.678+07:00', 'x')).toEqual(date);
  });

  it('throws on anything else', () => {
    for (const value of ['yesterday', Number.NaN, new Date(Number.NaN), {}, true]) {
      expect(() => readDate(value, 'loc')).toThrow(/loc/);
    }
  });
});

describe('JSON columns', () => {
  it('encodes objects and arrays, and nothing else', () => {
    expect(encodeJson({ a: '😀' }, 'f')).toBe('{"a":"😀"}');
    expect(encodeJson([1, 2], 'f')).toBe('[1,2]');
    for (const value of ['text', 1, true, null, new Date()]) {
      expect(() => encodeJson(value, 'metadata')).toThrow(ValidationError);
    }
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeJson(circular, 'metadata')).toThrow(/not JSON-serialisable/);
  });

  it('decodes text, Buffers and already parsed values', () => {
    expect(decodeJson('{"a":[1]}', 'x')).toEqual({ a: [1] });
    expect(decodeJson(Buffer.from('[true]'), 'x')).toEqual([true]);
    const parsed = { already: 'parsed' };
    expect(decodeJson(parsed, 'x')).toBe(parsed);
    expect(decodeJson(null, 'x')).toBeNull();
    expect(() => decodeJson('{broken', 'loc')).toThrow(/loc: stored JSON cannot be read/);
    expect(() => decodeJson('"scalar"', 'loc')).toThrow(/not an object or array/);
    expect(() => decodeJson(5, 'loc')).toThrow(TypeError);
  });

  it('turns a wire object into the JSON a column keeps, as reading it back would give', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const wire = { order_id: 'o-1', gross_amount: 1000, va_numbers: [{ bank: 'bca' }], note: undefined, at };
    const json = toJsonObject(wire, 'response');
    expect(json).toEqual({
      order_id: 'o-1',
      gross_amount: 1000,
      va_numbers: [{ bank: 'bca' }],
      at: at.toISOString(),
    });
    expect(Object.keys(json)).not.toContain('note');
    expect(json).not.toBe(wire);
    expect(toJsonArray([{ id: 'i', price: 5 }, undefined], 'items')).toEqual([{ id: 'i', price: 5 }, null]);
    expect(() => toJsonObject([1], 'response')).toThrow(/must be a JSON object/);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => toJsonObject(circular, 'response')).toThrow(ValidationError);
  });
});

describe('row codec', () => {
  interface Sample {
    id: string;
    customField1: string | null;
    amount: number;
    count: number;
    on: boolean | null;
    data: Record<string, unknown> | null;
    at: Date | null;
  }
  const codec = createCodec<Sample>('sample', 't_samples', {
    id: 'text',
    customField1: 'text',
    amount: 'money',
    count: 'integer',
    on: 'boolean',
    data: 'json',
    at: 'date',
  });

  it('maps camelCase fields to snake_case columns', () => {
    expect(toColumnName('customField1')).toBe('custom_field1');
    expect(toColumnName('midtransSubscriptionId')).toBe('midtrans_subscription_id');
    expect(codec.column('customField1')).toBe('custom_field1');
  });

  it('encodes only defined fields and checks each kind', () => {
    const at = new Date(0);
    expect(codec.toRow({ id: 'a', amount: 5, on: false, data: { k: 1 }, at, customField1: null })).toEqual({
      id: 'a',
      amount: 5,
      on: false,
      data: '{"k":1}',
      at,
      custom_field1: null,
    });
    const bad: Partial<Record<keyof Sample, unknown>>[] = [
      { amount: 2 ** 53 },
      { amount: -1 },
      { count: 1.5 },
      { on: 1 },
      { at: 'today' },
      { customField1: 5 },
    ];
    for (const values of bad) expect(() => codec.toRow(values as Partial<Sample>)).toThrow(ValidationError);
  });

  it('decodes what each driver returns into one record shape', () => {
    const row = { id: 'a', custom_field1: 'x', amount: '150000', count: 3n, on: 1, data: '{"k":1}', at: 0 };
    expect(codec.fromRow(row)).toEqual({
      id: 'a',
      customField1: 'x',
      amount: 150000,
      count: 3,
      on: true,
      data: { k: 1 },
      at: new Date(0),
    });
    const nulls = { id: 'b', custom_field1: null, amount: '1', count: 0, on: null, data: null, at: null };
    expect(codec.fromRow(nulls)).toMatchObject({ customField1: null, on: null, data: null, at: null });
    expect(() => codec.fromRow({ ...row, on: 2 })).toThrow(/t_samples\.on \(id a\)/);
    expect(() => codec.fromRow({ ...row, amount: '99999999999999999' })).toThrow(UnsafeIntegerError);
  });

  it('names the column of every value it cannot read, whichever driver shape it came in', () => {
    // The common shapes are read without building the column's name; anything else, and every
    // failure, still ends in an error that names it.
    const row = { id: 'r1', custom_field1: 'x', amount: 1, count: 1, on: 0, data: '[1]', at: 5 };
    expect(codec.fromRow(row)).toMatchObject({ on: false, data: [1], at: new Date(5) });
    const unreadable: [string, unknown][] = [
      ['data', '"a string"'],
      ['data', '{not json'],
      ['data', 'null'],
      ['at', Number.POSITIVE_INFINITY],
      ['at', new Date(Number.NaN)],
      ['amount', 2 ** 53],
      ['amount', 1.5],
      ['count', Number.NaN],
      ['on', 7],
      ['custom_field1', { not: 'text' }],
    ];
    for (const [column, value] of unreadable) {
      expect(() => codec.fromRow({ ...row, [column]: value }), `${column} = ${String(value)}`).toThrow(
        `t_samples.${column} (id r1)`,
      );
    }
  });
});
