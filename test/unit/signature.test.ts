import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignedFields } from '../../src/domain/signature.js';
import { computeSignature, signNotification, verifyNotification } from '../../src/domain/signature.js';
import { FIXTURE_SERVER_KEY, fixtureNames, fixture as load } from '../support/fixtures.js';

const KEY = FIXTURE_SERVER_KEY;

function fixture(name: string): Record<string, unknown> {
  return load<Record<string, unknown>>(name);
}

function signedFields(body: Record<string, unknown>): SignedFields {
  return {
    order_id: String(body.order_id),
    status_code: String(body.status_code),
    gross_amount: String(body.gross_amount),
  };
}

const SIGNED = fixtureNames()
  .filter((name) => 'signature_key' in fixture(name))
  .sort();

// Change one character: a different character at the same place, or one more, or one fewer.
function oneCharacterChanges(text: string): string[] {
  const last = text.at(-1) ?? '';
  const swapped = last === '0' ? '1' : '0';
  return [`${text.slice(0, -1)}${swapped}`, `${text}0`, text.slice(0, -1), `x${text.slice(1)}`];
}

describe('fixture signatures', () => {
  it('are exactly the documented set: notifications except subscriptions, and status responses', () => {
    const expected = fixtureNames()
      .filter(
        (name) =>
          (name.startsWith('notification-') && !name.startsWith('notification-subscription-')) ||
          /^status.*\.response\.json$/.test(name),
      )
      .sort();
    expect(SIGNED).toEqual(expected);
    expect(SIGNED.length).toBe(22);
  });

  it.each(SIGNED)('%s verifies with the sandbox test key', (name) => {
    const body = fixture(name);
    expect(verifyNotification(body, KEY)).toBe(true);
    expect(computeSignature(signedFields(body), KEY)).toBe(body.signature_key);
  });

  it.each(SIGNED)('%s fails after any one-character change to a signed field or the key', (name) => {
    const body = fixture(name);
    for (const field of ['order_id', 'status_code', 'gross_amount'] as const) {
      for (const changed of oneCharacterChanges(String(body[field]))) {
        expect(verifyNotification({ ...body, [field]: changed }, KEY), `${field} = ${changed}`).toBe(false);
      }
    }
    for (const key of oneCharacterChanges(KEY)) expect(verifyNotification(body, key)).toBe(false);
  });
});

describe('computeSignature', () => {
  it('is the lowercase hex SHA-512 of order_id + status_code + gross_amount + key', () => {
    const expected = createHash('sha512')
      .update('ORDER-1001200150000.00SB-Mid-server-TEST-KEY-0000')
      .digest('hex');
    expect(
      computeSignature({ order_id: 'ORDER-1001', status_code: '200', gross_amount: '150000.00' }, KEY),
    ).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{128}$/);
    expect(fixture('notification-bank_transfer-settlement.json').signature_key).toBe(expected);
  });
});

describe('verifyNotification', () => {
  const body = fixture('notification-bank_transfer-settlement.json');

  it('accepts an upper-case hex signature (hex case does not change the value)', () => {
    expect(
      verifyNotification({ ...body, signature_key: String(body.signature_key).toUpperCase() }, KEY),
    ).toBe(true);
  });

  it.each(['order_id', 'status_code', 'gross_amount', 'signature_key'])(
    'is false when %s is missing',
    (field) => {
      const { [field]: _removed, ...rest } = body;
      expect(verifyNotification(rest, KEY)).toBe(false);
    },
  );

  it('is false for a number gross_amount or status_code, even one that formats to the signed text', () => {
    expect(verifyNotification({ ...body, gross_amount: 150000 }, KEY)).toBe(false);
    expect(verifyNotification({ ...body, gross_amount: 150000.0 }, KEY)).toBe(false);
    expect(verifyNotification({ ...body, status_code: 200 }, KEY)).toBe(false);
    expect(verifyNotification({ ...body, order_id: null }, KEY)).toBe(false);
  });

  it.each([null, undefined, 'a string', 42, true, [], [body]])(
    'is false for a non-object body %j',
    (value) => {
      expect(verifyNotification(value, KEY)).toBe(false);
    },
  );

  it('is false for a truncated, padded or non-hex signature and never throws', () => {
    const signature = String(body.signature_key);
    for (const signatureKey of [
      signature.slice(0, 127),
      `${signature}0`,
      '',
      'é'.repeat(64),
      `${'z'.repeat(128)}`,
    ]) {
      expect(verifyNotification({ ...body, signature_key: signatureKey }, KEY)).toBe(false);
    }
  });

  it('is false with an empty server key', () => {
    expect(verifyNotification(body, '')).toBe(false);
  });
});

describe('signNotification', () => {
  it('round-trips with verifyNotification for any fields and key', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string({ minLength: 1 }),
        (orderId, code, amount, key) => {
          const signed = signNotification(
            { order_id: orderId, status_code: code, gross_amount: amount },
            key,
          );
          expect(verifyNotification(signed, key)).toBe(true);
          expect(verifyNotification(signed, `${key}x`)).toBe(false);
        },
      ),
    );
  });

  it('keeps the other fields and leaves the input untouched', () => {
    const payload = {
      order_id: 'ORDER-9',
      status_code: '201',
      gross_amount: '10000.00',
      transaction_status: 'pending',
    };
    const signed = signNotification(payload, KEY);
    expect(signed).toMatchObject(payload);
    expect(signed.signature_key).toBe(computeSignature(payload, KEY));
    expect(payload).not.toHaveProperty('signature_key');
  });

  it('reproduces the signature of every fixture', () => {
    for (const name of SIGNED) {
      const { signature_key, ...rest } = fixture(name);
      const signed = signNotification({ ...rest, ...signedFields(rest) }, KEY);
      expect(signed.signature_key, name).toBe(signature_key);
    }
  });
});
