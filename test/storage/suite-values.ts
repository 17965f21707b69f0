/** Values at the edges: amounts around Number.MAX_SAFE_INTEGER, JSON and unicode, bad cursors. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { UnsafeIntegerError } from '../../src/storage/index.js';
import { UNICODE_TEXT } from './fixtures.js';
import type { Harness } from './harness.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** Register the value tests. */
export function registerValueTests(h: Harness): void {
  describe('values', () => {
    it('stores and reads amounts of exactly Number.MAX_SAFE_INTEGER', async () => {
      const store = h.store();
      const payment = await store.payments.insert({
        orderId: h.unique('MAX'),
        grossAmount: MAX,
        capturedAmount: MAX,
        refundedAmount: MAX,
      });
      const refund = await store.refunds.insert({
        paymentId: payment.id,
        refundKey: h.unique('rk'),
        amount: MAX,
      });

      expect(await store.payments.findById(payment.id)).toMatchObject({
        grossAmount: MAX,
        capturedAmount: MAX,
        refundedAmount: MAX,
      });
      expect((await store.refunds.findById(refund.id))?.amount).toBe(MAX);
    });

    it('rejects amounts past the safe range, fractional or negative, before writing', async () => {
      const { payments } = h.store();
      for (const grossAmount of [MAX + 1, 2 ** 60, 1.5, -1, Number.NaN]) {
        const orderId = h.unique('BAD');
        const error = await payments.insert({ orderId, grossAmount }).catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.field).toBe('grossAmount');
        expect(await payments.findByOrderId(orderId)).toBeUndefined();
      }
      const payment = await payments.insert({ orderId: h.unique('OK'), grossAmount: 1 });
      await expect(payments.update(payment.id, { refundedAmount: MAX + 1 })).rejects.toThrow(ValidationError);
    });

    it('refuses to read a stored amount beyond the safe range instead of rounding it', async () => {
      const store = h.store();
      const payment = await store.payments.insert({ orderId: h.unique('HUGE'), grossAmount: 1 });
      await store
        .knex(store.tables.payments)
        .where('id', payment.id)
        .update({ gross_amount: store.knex.raw('9007199254740993') });

      const error = await store.payments.findById(payment.id).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(UnsafeIntegerError);
      expect(String(error)).toMatch(/gross_amount .*900719925474099[23].*MAX_SAFE_INTEGER/);
      expect(String(error)).toContain(payment.id);
      await store.knex(store.tables.payments).where('id', payment.id).delete();
    });

    it('round-trips JSON documents and unicode text exactly', async () => {
      const { payments } = h.store();
      const metadata = {
        text: UNICODE_TEXT,
        escapes: 'quote " backslash \\ tab \t newline \n </script>',
        numbers: [0, -1, 1.25, 1e21, MAX],
        flags: { yes: true, no: false, none: null },
        deep: { a: { b: { c: [{ d: ['🇮🇩'] }] } } },
        empty: { list: [], object: {} },
      };
      const created = await payments.insert({
        orderId: h.unique('UNI'),
        grossAmount: 1,
        customerFirstName: '山田 😀',
        customerLastName: 'Wijaya',
        customerEmail: 'ñandú@contoh.id',
        statusMessage: UNICODE_TEXT,
        metadata,
        itemDetails: [{ name: 'Nasi goreng 🍛', price: 1, quantity: 1 }],
        actions: [],
      });
      const read = await payments.findById(created.id);

      expect(read?.metadata).toEqual(metadata);
      expect(read?.itemDetails).toEqual([{ name: 'Nasi goreng 🍛', price: 1, quantity: 1 }]);
      expect(read?.actions).toEqual([]);
      expect(read).toMatchObject({
        customerFirstName: '山田 😀',
        customerEmail: 'ñandú@contoh.id',
        statusMessage: UNICODE_TEXT,
      });
      expect((await payments.list({ customerEmail: 'ñandú@contoh.id' })).items.map((p) => p.id)).toEqual([
        created.id,
      ]);
    });

    it('rejects JSON that is not an object or array, and values JSON cannot hold', async () => {
      const { payments } = h.store();
      const bad = [{ metadata: 'text' }, { metadata: { n: 1n } }, { actions: 5 }];
      for (const fields of bad) {
        const input = { orderId: h.unique('JS'), grossAmount: 1, ...fields } as never;
        await expect(payments.insert(input)).rejects.toThrow(ValidationError);
      }
    });

    it('rejects a cursor it did not make and a page size out of range', async () => {
      const { payments } = h.store();
      await expect(payments.list({ cursor: 'not-a-cursor' })).rejects.toThrow(ValidationError);
      await expect(payments.list({ limit: 0 })).rejects.toThrow(ValidationError);
      await expect(payments.list({ limit: 1001 })).rejects.toThrow(ValidationError);
    });
  });
}
