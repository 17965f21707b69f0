/** Failure paths and safety: Midtrans errors, timeouts, idempotent retries, validation, hooks, subclasses. */
import { expect, it } from 'vitest';
import { nodeHttpTransport } from '../../src/client/node-http-transport.js';
import type { Transport } from '../../src/client/transport.js';
import { MidtransApiError, MidtransNetworkError, ValidationError } from '../../src/errors.js';
import type { CreateChargeOptions } from '../../src/services/payments/charge-input.js';
import { PaymentService } from '../../src/services/payments/payments.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';
import { orderId } from './payment-helpers.js';

describeWithKit('payments: failures and safety', (h) => {
  it('a Midtrans error inside an HTTP 200 body marks the payment failed, keeping the error', async () => {
    // Midtrans sometimes answers errors with HTTP 200; this transport makes every answer look so.
    const always200: Transport = async (request) => ({ ...(await nodeHttpTransport(request)), status: 200 });
    const other = await h.createKit({ transport: always200 });
    const id = orderId('dup');
    await h.kit.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000 });
    const error = await other.payments
      .createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    const stored = await other.payments.getPayment(id);
    expect(stored).toMatchObject({ status: 'failed', statusCode: '406' });
    expect(stored.statusMessage).toMatch(/.+/);
    expect(stored.lastResponse).toMatchObject({ status_code: '406' });
  });

  it('a Midtrans 5xx on charge leaves the payment failed', async () => {
    h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 503, times: 3 });
    const id = orderId('5xx');
    await expect(
      h.kit.payments.createCharge({ orderId: id, paymentType: 'gopay', grossAmount: 10_000 }),
    ).rejects.toBeInstanceOf(MidtransApiError);
    expect(await h.kit.payments.getPayment(id)).toMatchObject({ status: 'failed', statusCode: '503' });
    // Retrying the same order id after a refusal is allowed and succeeds.
    const { payment } = await h.kit.payments.createCharge({
      orderId: id,
      paymentType: 'gopay',
      grossAmount: 10_000,
    });
    expect(payment.status).toBe('pending');
  });

  it('a refused charge with a generated order id names that order on the error', async () => {
    h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 503, times: 3 });
    const error = await h.kit.payments
      .createCharge({ paymentType: 'gopay', grossAmount: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransApiError);
    const generated = (error as MidtransApiError).orderId;
    expect(generated).toMatch(/^ORDER-/);
    expect(await h.kit.payments.getPayment(generated ?? '')).toMatchObject({ status: 'failed' });
  });

  it('a timeout on charge leaves the payment unknown', async () => {
    const quick = await h.createKit({ timeoutMs: 150, maxRetries: 0 });
    h.sim.controls.fault({ path: '/v2/charge', kind: 'hang', ms: 400, times: 1 });
    const id = orderId('timeout');
    const error = await quick.payments
      .createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransNetworkError);
    expect((error as MidtransNetworkError).orderId).toBe(id);
    expect((await quick.payments.getPayment(id)).status).toBe('unknown');
  });

  it('a retried charge reuses its Idempotency-Key, so Midtrans answers with the first result', async () => {
    // The first answer is lost on the way back, after Midtrans created the charge.
    let lose = 1;
    const lossy: Transport = async (request) => {
      const response = await nodeHttpTransport(request);
      if (request.url.endsWith('/v2/charge') && lose-- > 0) throw new Error('socket hang up');
      return response;
    };
    const other = await h.createKit({ transport: lossy, maxRetries: 0 });
    const id = orderId('idem');
    await expect(
      other.payments.createCharge({ orderId: id, paymentType: 'gopay', grossAmount: 10_000 }),
    ).rejects.toBeInstanceOf(MidtransNetworkError);
    const unknown = await other.payments.getPayment(id);
    expect(unknown.status).toBe('unknown');
    const { payment, response } = await other.payments.createCharge({
      orderId: id,
      paymentType: 'gopay',
      grossAmount: 10_000,
    });
    expect(payment.idempotencyKey).toBe(unknown.idempotencyKey);
    expect(payment.status).toBe('pending');
    expect(response.transaction_id).toBe(h.sim.controls.transaction(id)?.transactionId);
    expect(h.sim.controls.transactions().filter((t) => t.orderId === id)).toHaveLength(1);
  });

  it('rejects bad input before writing anything, naming every field', async () => {
    const cases: [Partial<CreateChargeOptions>, string][] = [
      [
        { paymentType: 'bank_transfer', grossAmount: 10_000, paymentOptions: { bank: 'xyz' as never } },
        'paymentOptions.bank',
      ],
      [{ paymentType: 'bank_transfer', grossAmount: 10_000 } as never, 'paymentOptions'],
      [
        {
          paymentType: 'bank_transfer',
          grossAmount: 10_000,
          paymentOptions: { bank: 'bca', vaNumbr: '1' } as never,
        },
        'paymentOptions.vaNumbr',
      ],
      [
        {
          paymentType: 'echannel',
          grossAmount: 10_000,
          paymentOptions: { billInfo1: 'x'.repeat(11), billInfo2: 'y' },
        },
        'paymentOptions.billInfo1',
      ],
      [
        { paymentType: 'credit_card', grossAmount: 10_000, paymentOptions: { tokenId: '' } },
        'paymentOptions.tokenId',
      ],
      [
        { paymentType: 'gopay', grossAmount: 10_000, paymentOptions: { callbackUrl: 'nope' } },
        'paymentOptions.callbackUrl',
      ],
      [
        { paymentType: 'qris', grossAmount: 10_000, paymentOptions: { acquirer: 'ovo' as never } },
        'paymentOptions.acquirer',
      ],
      [
        {
          paymentType: 'cstore',
          grossAmount: 10_000,
          paymentOptions: { store: 'indomaret', message: 'x'.repeat(21) },
        },
        'paymentOptions.message',
      ],
      [{ paymentType: 'akulaku', grossAmount: 10_000 }, 'itemDetails'],
      [{ paymentType: 'qris', grossAmount: 10.5 }, 'grossAmount'],
      [{ paymentType: 'qris', grossAmount: 20_000_000 }, 'grossAmount'],
      [{ paymentType: 'credit_card', grossAmount: 5_000, paymentOptions: { tokenId: 't' } }, 'grossAmount'],
      [{ paymentType: 'cstore', grossAmount: 9_999, paymentOptions: { store: 'indomaret' } }, 'grossAmount'],
      [
        { paymentType: 'qris', grossAmount: 10_000, itemDetails: [{ name: 'a', price: 4_000, quantity: 2 }] },
        'grossAmount',
      ],
      [{ paymentType: 'qris', grossAmount: 10_000, customFields: ['a', 'b', 'c', 'd'] }, 'customFields'],
      // Lines whose total passes the safe range: refused, never compared after rounding.
      [
        {
          paymentType: 'qris',
          grossAmount: 10_000,
          itemDetails: [{ name: 'a', price: 2 ** 52, quantity: 4 }],
        },
        'itemDetails',
      ],
      [{ paymentType: 'qris', grossAmount: 10_000, orderId: 'bad id!' }, 'orderId'],
      [{ paymentType: 'paypal' as never, grossAmount: 10_000 }, 'paymentType'],
    ];
    for (const [input, field] of cases) {
      const id = orderId('bad');
      const error = await h.kit.payments
        .createCharge({ orderId: id, ...input } as CreateChargeOptions)
        .catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect(
        (error as ValidationError).issues.map((i) => i.field),
        field,
      ).toContain(field);
      if (input.orderId === undefined) expect(await h.kit.store.payments.findByOrderId(id)).toBeUndefined();
    }
  });

  it('list filters, capture and refund options meet the same rule as their routes', async () => {
    const user = { id: 'filters-1' };
    const issuesOf = async (work: Promise<unknown>) =>
      (
        (await work.then(
          () => undefined,
          (e: unknown) => e,
        )) as ValidationError | undefined
      )?.issues ?? [];
    expect(await issuesOf(h.kit.payments.listPayments({ user, limit: 0 }))).toEqual([
      { field: 'limit', reason: 'must be >= 1' },
    ]);
    expect(
      await issuesOf(h.kit.payments.listPayments({ user, status: 'lost' as never, cursor: '' })),
    ).toEqual(
      expect.arrayContaining([
        { field: 'status.0', reason: expect.stringContaining('must be one of') },
        { field: 'cursor', reason: 'must NOT have fewer than 1 characters' },
      ]),
    );
    expect((await h.kit.payments.listPayments({ user, status: 'paid' })).items).toEqual([]);
    expect(await issuesOf(h.kit.payments.capturePayment('ANY-ORDER', { amount: 0 }))).toEqual([
      { field: 'amount', reason: 'must be >= 1' },
    ]);
    const refund = { amount: 1_000, refundKey: 'has space', colour: 'red' } as never;
    expect(await issuesOf(h.kit.payments.refundPayment('ANY-ORDER', refund))).toEqual(
      expect.arrayContaining([
        { field: 'refundKey', reason: expect.stringContaining('must match pattern') },
        { field: 'colour', reason: 'is not allowed' },
      ]),
    );
  });

  it('a vetoing beforeCharge changes nothing: no record, no call', async () => {
    const vetoing = await h.createKit({
      hooks: {
        beforeCharge() {
          throw new Error('blocked by policy');
        },
      },
    });
    const id = orderId('veto');
    await expect(
      vetoing.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000 }),
    ).rejects.toThrow('blocked by policy');
    expect(await vetoing.store.payments.findByOrderId(id)).toBeUndefined();
    expect(h.sim.controls.transaction(id)).toBeUndefined();
  });

  it("an owner id that cannot be stored is the host's ValidationError, on every create (never a database error)", async () => {
    const user = { id: 'u'.repeat(192) };
    const id = orderId('long-owner');
    const reason = 'must be a non-empty string (at most 191) or a number';
    const attempts = [
      h.kit.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000, user }),
      h.kit.payments.createSnapTransaction({ orderId: id, grossAmount: 10_000, user }),
      h.kit.invoices.createInvoice({
        customerName: 'Budi',
        customerEmail: 'budi@example.com',
        dueDate: new Date(Date.now() + 86_400_000),
        items: [{ description: 'x', quantity: 1, price: 1000 }],
        user,
      }),
      h.kit.subscriptions.createSubscription({
        name: 'PLAN',
        amount: 1000,
        paymentType: 'gopay',
        gopayAccountId: 'acc',
        user,
      }),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ field: 'user.id', reason }]);
    }
    expect(await h.kit.store.payments.findByOrderId(id)).toBeUndefined();
  });

  it('a refused charge or Snap call is logged and reaches afterCharge with the stored payment', async () => {
    const warned: string[] = [];
    const heard: unknown[] = [];
    const kit = await h.createKit({
      logger: { warn: (obj, message) => warned.push(`${message} ${JSON.stringify(obj)}`) },
      hooks: {
        afterCharge: ({ payment, error }) => void heard.push([payment.orderId, payment.status, error]),
      },
    });
    h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 400, times: 1 });
    h.sim.controls.fault({ path: '/snap/v1/transactions', kind: 'status', status: 400, times: 1 });
    const charged = orderId('fail-charge');
    const snapped = orderId('fail-snap');
    const errors = [
      await kit.payments
        .createCharge({ orderId: charged, paymentType: 'qris', grossAmount: 10_000 })
        .catch((e: unknown) => e),
      await kit.payments
        .createSnapTransaction({ orderId: snapped, grossAmount: 10_000 })
        .catch((e: unknown) => e),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(MidtransApiError);
    expect(heard).toEqual([
      [charged, 'failed', errors[0]],
      [snapped, 'failed', errors[1]],
    ]);
    expect(warned.find((line) => line.includes(charged))).toMatch(/^midtrans-kit: charge failed /);
    expect(warned.find((line) => line.includes(snapped))).toMatch(/^midtrans-kit: Snap transaction failed /);
  });

  it('hooks shape the request and hear about the outcome; their errors never break it', async () => {
    const heard: string[] = [];
    const hooked = await h.createKit({
      logger: { error: (obj) => heard.push(`log:${JSON.stringify(obj)}`) },
      hooks: {
        generateOrderId: ({ paymentType }) => orderId(`gen-${paymentType}`),
        customerDetailsFor: (user) => ({ firstName: `User ${user.id}`, email: 'u@example.com' }),
        beforeCharge(ctx) {
          if (ctx.kind === 'charge') ctx.request.custom_field1 = 'from-hook';
          return undefined;
        },
        afterCharge({ payment }) {
          heard.push(`after:${payment.status}`);
          throw new Error(`hook broke ${TEST_SERVER_KEY}`);
        },
        onStatusChange({ from, to }) {
          heard.push(`change:${from}->${to}`);
        },
      },
    });
    const { payment } = await hooked.payments.createCharge({
      paymentType: 'qris',
      grossAmount: 10_000,
      user: { id: 7 },
    });
    expect(payment.orderId).toMatch(/^T-gen-qris/);
    expect(payment).toMatchObject({
      customField1: 'from-hook',
      customerFirstName: 'User 7',
      customerEmail: 'u@example.com',
    });
    expect(heard).toContain('after:pending');
    expect(heard).toContain('change:created->pending');
    const logged = heard.filter((line) => line.startsWith('log:')).join('\n');
    expect(logged).toContain('hook broke');
    expect(logged).not.toContain(TEST_SERVER_KEY);
  });

  it('uses a subclassed service passed in `services`', async () => {
    class TaggingPayments extends PaymentService {
      override async createCharge(options: CreateChargeOptions) {
        return super.createCharge({ ...options, metadata: { ...options.metadata, channel: 'web' } });
      }
    }
    const custom = await h.createKit({ services: { payments: TaggingPayments } });
    expect(custom.payments).toBeInstanceOf(TaggingPayments);
    const { payment } = await custom.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    expect(payment.metadata).toEqual({ channel: 'web' });
  });

  it('a listener error is logged and the event delivered again later with the same id', async () => {
    const retrying = await h.createKit({ events: { retryBaseMs: 50 } });
    const attempts: { id: string; attempt: number }[] = [];
    retrying.events.on('payment.pending', (event) => {
      attempts.push({ id: event.id, attempt: event.attempt });
      if (attempts.length === 1) throw new Error('listener down');
    });
    const { payment } = await retrying.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    expect(payment.status).toBe('pending');
    // Delivered means no further attempt can come: then exactly two must have been made.
    const delivered = async () =>
      (await retrying.store.outbox.findByEventId(attempts[0]?.id ?? '?'))?.deliveredAt != null;
    await waitFor(delivered, { what: 'the event to be delivered on its retry' });
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toEqual({ id: attempts[0]?.id, attempt: 2 });
  });
});
