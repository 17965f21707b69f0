/**
 * The signature check is constant-time, and an old, validly signed notification replayed later is
 * recorded but moves nothing backwards. Constant time is checked on the code path (every
 * comparison of the webhook goes through `crypto.timingSafeEqual` over equal-length buffers; a
 * length difference is decided without comparing bytes), not by a timing measurement that a
 * loaded CI machine would make flaky.
 */
import * as crypto from 'node:crypto';
import { expect, it, vi } from 'vitest';
import { computeSignature, verifyNotification } from '../../src/domain/signature.js';
import type { MidtransKit } from '../../src/kit.js';
import { deliver, deliveriesOf, orderId, paymentOf, signedBody } from '../services/webhook-helpers.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { report } from './support.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const safeEqual = vi.mocked(crypto.timingSafeEqual);

describeWithKit(
  'reliability: signature and replay',
  (h) => {
    it('compares signatures only with timingSafeEqual over equal-length buffers', async () => {
      const body = signedBody(orderId('CT'), 'settlement', 10_000);
      const key = body.signature_key ?? '';
      const wrong = {
        ...body,
        signature_key: `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`,
      };
      const upper = { ...body, signature_key: key.toUpperCase() };
      const short = { ...body, signature_key: key.slice(0, 64) };
      const cases = [
        { body, expected: true, compared: true },
        { body: wrong, expected: false, compared: true },
        { body: upper, expected: true, compared: true },
        { body: short, expected: false, compared: false },
      ];
      for (const c of cases) {
        safeEqual.mockClear();
        expect(verifyNotification(c.body, TEST_SERVER_KEY)).toBe(c.expected);
        expect(safeEqual).toHaveBeenCalledTimes(c.compared ? 1 : 0);
        for (const [a, b] of safeEqual.mock.calls) {
          expect((a as Buffer).length).toBe((b as Buffer).length);
          expect((a as Buffer).length).toBe(128);
        }
      }
      // And the webhook engine goes through the same path.
      safeEqual.mockClear();
      const result = await deliver(h.kit, wrong);
      expect(result).toMatchObject({ verdict: 'rejected_signature', httpStatus: 401 });
      expect(safeEqual).toHaveBeenCalledTimes(1);
      const fields = {
        order_id: body.order_id ?? '',
        status_code: body.status_code ?? '',
        gross_amount: body.gross_amount ?? '',
      };
      expect(computeSignature(fields, TEST_SERVER_KEY)).toBe(key);
    });

    const replayCase = (label: string, kitOf: () => Promise<MidtransKit>) =>
      it(`records a replayed old notification and keeps the final state (${label})`, async () => {
        const kit = await kitOf();
        const id = orderId('RPL');
        const { payment } = await kit.payments.createCharge({
          orderId: id,
          paymentType: 'gopay',
          grossAmount: 40_000,
        });
        const txn = payment.transactionId ?? '';
        const pending = signedBody(id, 'pending', 40_000, { transaction_id: txn, payment_type: 'gopay' });
        const settlement = signedBody(id, 'settlement', 40_000, {
          transaction_id: txn,
          payment_type: 'gopay',
        });
        h.sim.controls.pay(id);
        expect(await deliver(kit, settlement)).toMatchObject({ verdict: 'applied' });
        await kit.payments.refundPayment(id, { amount: 40_000 });
        expect((await paymentOf(kit, id)).status).toBe('refunded');
        const historyBefore = await kit.store.paymentEvents.listByPayment(payment.id);

        // An attacker (or a confused proxy) replays both old, correctly signed bodies, repeatedly.
        const verdicts: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          for (const body of [pending, settlement]) verdicts.push((await deliver(kit, body)).verdict);
        }
        const after = await paymentOf(kit, id);
        const historyAfter = await kit.store.paymentEvents.listByPayment(payment.id);
        const recorded = (await deliveriesOf(kit, id)).length;
        report(`replay ${label} [${h.kind}]`, {
          replays: verdicts.length,
          recorded,
          moved: historyAfter.length - historyBefore.length,
          verdicts: [...new Set(verdicts)].join('/'),
          finalStatus: after.status,
        });
        expect(after.status).toBe('refunded');
        expect(after.refundedAmount).toBe(40_000);
        expect(historyAfter).toHaveLength(historyBefore.length);
        expect(verdicts.every((v) => v === 'duplicate' || v === 'stale')).toBe(true);
        // Every replay is stored (the audit trail), with its verdict.
        expect(recorded).toBeGreaterThanOrEqual(11);
        await h.settle();
      });

    replayCase('status confirmed', async () => h.createKit({}));
    replayCase('trustSignature', async () => h.createKit({ trustSignature: true }));
  },
  { databases: ['sqlite'] },
);
