/**
 * InvoiceService over the simulator on every database: create (record first, lines, total,
 * generated numbers unique under concurrency), payment by notification (new or already linked
 * payment), void and its refusals, bad input and hook vetoes writing nothing, overdue from Midtrans.
 */
import { expect } from 'vitest';
import { InvalidStateError, ValidationError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import type { CreateInvoiceOptions } from '../../src/services/invoices/invoice-input.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { outboxEvents } from './webhook-helpers.js';

const DAY = 86_400_000;

function invoiceInput(overrides: Partial<CreateInvoiceOptions> = {}): CreateInvoiceOptions {
  return {
    customerName: 'Budi Santoso',
    customerEmail: 'budi@example.com',
    dueDate: new Date(Date.now() + 7 * DAY),
    items: [
      { itemId: 'A1', description: 'Kaos', quantity: 2, price: 50_000 },
      { description: 'Ongkir', quantity: 1, price: 15_000 },
    ],
    ...overrides,
  };
}

async function invoiceCount(kit: MidtransKit): Promise<number> {
  return (await kit.store.invoices.list({ limit: 1000 })).items.length;
}

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.field);
}

describeWithKit('invoices', (h) => {
  itWithKit(h, 'creates an invoice: record, lines, total, generated numbers, event', async () => {
    const { invoice, response } = await h.kit.invoices.createInvoice(
      invoiceInput({ user: { id: 7 }, notes: 'Terima kasih', metadata: { cart: 'c-1' } }),
    );
    expect(invoice).toMatchObject({
      status: 'pending',
      totalAmount: 115_000,
      userId: '7',
      customerEmail: 'budi@example.com',
      midtransInvoiceId: response.id,
      paymentType: 'payment_link',
      metadata: { cart: 'c-1' },
      lastError: null,
    });
    expect(invoice.invoiceNumber).toMatch(/^INV-\d{8}-[0-9A-Z]{10}$/);
    expect(invoice.orderId.length).toBeLessThanOrEqual(36);
    expect(invoice.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(invoice.paymentLinkUrl).toBe(response.payment_link_url);
    expect(response.gross_amount).toBe(115_000);
    const items = await h.kit.invoices.getInvoiceItems(invoice);
    expect(items.map((item) => [item.position, item.description, item.quantity, item.price])).toEqual([
      [0, 'Kaos', 2, 50_000],
      [1, 'Ongkir', 1, 15_000],
    ]);
    expect(await outboxEvents(h.kit, 'invoice.created', invoice.id)).toHaveLength(1);
  });

  itWithKit(
    h,
    'marks the invoice paid when its payment notification arrives, linking the payment',
    async () => {
      const { invoice } = await h.kit.invoices.createInvoice(
        invoiceInput({ paymentType: 'virtual_account', virtualAccounts: [{ bank: 'bca_va' }] }),
      );
      h.sim.controls.payInvoice(invoice.midtransInvoiceId ?? '?');
      await h.settle();
      const paid = await h.kit.invoices.getInvoice(invoice.id);
      expect(paid.status).toBe('paid');
      expect(paid.paidAt).toBeInstanceOf(Date);
      const payment = await h.kit.store.payments.findById(paid.paymentId ?? '?');
      expect(payment).toMatchObject({ status: 'paid', invoiceId: invoice.id, grossAmount: 115_000 });
      expect(await outboxEvents(h.kit, 'invoice.paid', invoice.id)).toHaveLength(1);
      expect(await outboxEvents(h.kit, 'payment.paid', payment?.id ?? '?')).toHaveLength(1);

      // Asking Midtrans afterwards changes nothing and raises nothing new.
      const response = await h.kit.invoices.getInvoiceStatus(invoice.invoiceNumber);
      expect(response.status).toBe('paid');
      expect(await outboxEvents(h.kit, 'invoice.paid', invoice.id)).toHaveLength(1);
    },
  );

  itWithKit(
    h,
    'marks the invoice paid on the paid transition of a payment already linked to it',
    async () => {
      const { invoice } = await h.kit.invoices.createInvoice(invoiceInput());
      const linked = await h.kit.store.payments.insert({
        orderId: invoice.orderId,
        grossAmount: invoice.totalAmount,
        invoiceId: invoice.id,
      });
      h.sim.controls.payInvoice(invoice.midtransInvoiceId ?? '?');
      await h.settle();
      const paid = await h.kit.invoices.getInvoice(invoice.id);
      expect(paid).toMatchObject({ status: 'paid', paymentId: linked.id });
      expect(await h.kit.store.payments.findById(linked.id)).toMatchObject({ status: 'paid' });
      expect(await outboxEvents(h.kit, 'invoice.paid', invoice.id)).toHaveLength(1);
    },
  );

  itWithKit(h, 'voids a pending invoice', async () => {
    const { invoice } = await h.kit.invoices.createInvoice(invoiceInput());
    const result = await h.kit.invoices.voidInvoice(invoice, { reason: 'customer cancelled' });
    expect(result.response).toEqual({ success: true });
    expect(result.invoice).toMatchObject({ status: 'voided', voidReason: 'customer cancelled' });
    expect(invoice.status).toBe('voided');
    expect((await h.kit.client.invoices.get(invoice.midtransInvoiceId ?? '?')).status).toBe('voided');
    expect(await outboxEvents(h.kit, 'invoice.voided', invoice.id)).toHaveLength(1);
    await expect(h.kit.invoices.voidInvoice(invoice)).rejects.toBeInstanceOf(InvalidStateError);
    expect(await outboxEvents(h.kit, 'invoice.voided', invoice.id)).toHaveLength(1);
  });

  itWithKit(
    h,
    'a void reason longer than 255 is refused by the same rule as the route, nothing changed',
    async () => {
      const { invoice } = await h.kit.invoices.createInvoice(invoiceInput());
      const error = await h.kit.invoices
        .voidInvoice(invoice.id, { reason: 'x'.repeat(256) })
        .catch((reason: unknown) => reason);
      expect((error as ValidationError).issues).toEqual([
        { field: 'reason', reason: 'must NOT have more than 255 characters' },
      ]);
      expect((await h.kit.invoices.getInvoice(invoice.id)).status).toBe('pending');
    },
  );

  itWithKit(h, 'refuses to void a paid invoice, writing and sending nothing', async () => {
    const { invoice } = await h.kit.invoices.createInvoice(invoiceInput());
    h.sim.controls.payInvoice(invoice.midtransInvoiceId ?? '?');
    await h.settle();
    const paid = await h.kit.invoices.getInvoice(invoice.id);
    expect(paid.status).toBe('paid');
    const error = await h.kit.invoices.voidInvoice(paid, { reason: 'too late' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStateError);
    expect((error as InvalidStateError).currentState).toBe('paid');
    const after = await h.kit.invoices.getInvoice(invoice.id);
    expect(after).toMatchObject({ status: 'paid', voidReason: null, version: paid.version });
    expect((await h.kit.client.invoices.get(invoice.midtransInvoiceId ?? '?')).status).toBe('paid');
    expect(await outboxEvents(h.kit, 'invoice.voided', invoice.id)).toHaveLength(0);
  });

  itWithKit(
    h,
    'gives 50 parallel creates 50 unique invoice numbers',
    async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => h.kit.invoices.createInvoice(invoiceInput())),
      );
      const numbers = new Set(results.map((r) => r.invoice.invoiceNumber));
      expect(numbers.size).toBe(50);
      expect(results.every((r) => r.invoice.status === 'pending')).toBe(true);
      const stored = await Promise.all(
        results.map((r) => h.kit.store.invoices.findByInvoiceNumber(r.invoice.invoiceNumber)),
      );
      expect(stored.every((row) => row !== undefined)).toBe(true);
    },
    60_000,
  );

  itWithKit(h, 'rejects bad input naming the field, writing nothing', async () => {
    const before = await invoiceCount(h.kit);
    const cases: [Partial<CreateInvoiceOptions>, string][] = [
      [{ items: [] }, 'items'],
      [{ customerEmail: 'not-an-email' }, 'customerEmail'],
      [{ customerName: '' }, 'customerName'],
      [{ dueDate: new Date(Date.now() - DAY) }, 'dueDate'],
      [{ items: [{ description: 'x', quantity: 0, price: 1000 }] }, 'items.0.quantity'],
      [{ items: [{ description: 'x', quantity: 1, price: 10.5 }] }, 'items.0.price'],
      [{ orderId: 'this order id is far too long and has spaces' }, 'orderId'],
      [{ invoiceNumber: 'X'.repeat(41) }, 'invoiceNumber'],
      [{ paymentType: 'virtual_account' }, 'virtualAccounts'],
      [{ paymentType: 'virtual_account', virtualAccounts: [{ bank: 'xyz' }] }, 'virtualAccounts.0.bank'],
    ];
    for (const [overrides, field] of cases) {
      const error = await h.kit.invoices.createInvoice(invoiceInput(overrides)).catch((e: unknown) => e);
      expect(fieldsOf(error)).toContain(field);
    }
    expect(await invoiceCount(h.kit)).toBe(before);
  });

  itWithKit(h, 'lets beforeInvoice edit the request or veto it', async () => {
    const kit = await h.createKit({
      hooks: {
        beforeInvoice: ({ request }) => {
          if (request.customer_details.name === 'Veto') throw new Error('vetoed');
          request.invoice_title = 'Edited';
          return undefined;
        },
      },
    });
    const { response } = await kit.invoices.createInvoice(invoiceInput());
    expect(response.invoice_title).toBe('Edited');
    const before = await invoiceCount(kit);
    await expect(kit.invoices.createInvoice(invoiceInput({ customerName: 'Veto' }))).rejects.toThrow(
      'vetoed',
    );
    expect(await invoiceCount(kit)).toBe(before);
  });

  itWithKit(h, 'refuses a duplicate invoice number with a ConflictError and no second record', async () => {
    const { invoice } = await h.kit.invoices.createInvoice(invoiceInput());
    const before = await invoiceCount(h.kit);
    await expect(
      h.kit.invoices.createInvoice(invoiceInput({ invoiceNumber: invoice.invoiceNumber })),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await invoiceCount(h.kit)).toBe(before);
  });

  itWithKit(h, 'records a refusal as failed and a lost answer as draft, resumed with its key', async () => {
    const kit = await h.createKit({ maxRetries: 0 });
    h.sim.controls.fault({ path: '/v1/invoices', method: 'POST', kind: 'status', status: 400 });
    const refusal = await kit.invoices.createInvoice(invoiceInput()).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'midtrans_api_error' });
    const refused = await kit.store.invoices.findByOrderId((refusal as { orderId: string }).orderId);
    expect(refused).toMatchObject({ status: 'failed', midtransInvoiceId: null });
    expect(refused?.lastError).toContain('400');
    await expect(kit.invoices.getInvoiceStatus(refused?.id ?? '?')).rejects.toBeInstanceOf(InvalidStateError);

    h.sim.controls.fault({ path: '/v1/invoices', method: 'POST', kind: 'drop' });
    const lost = await kit.invoices.createInvoice(invoiceInput()).catch((e: unknown) => e);
    expect(lost).toMatchObject({ code: 'midtrans_network_error' });
    const draft = await kit.store.invoices.findByOrderId((lost as { orderId: string }).orderId);
    expect(draft).toMatchObject({ status: 'draft', midtransInvoiceId: null });
    const response = await kit.invoices.getInvoiceStatus(draft?.id ?? '?');
    expect(response.status).toBe('pending');
    const resumed = await kit.invoices.getInvoice(draft?.id ?? '?');
    expect(resumed).toMatchObject({ status: 'pending', midtransInvoiceId: response.id, lastError: null });
    expect(await outboxEvents(kit, 'invoice.created', resumed.id)).toHaveLength(1);
  });

  // Last: it moves the simulator clock past the due date.
  itWithKit(h, 'reports overdue as Midtrans does', async () => {
    const { invoice } = await h.kit.invoices.createInvoice(
      invoiceInput({ dueDate: new Date(Date.now() + 3_600_000) }),
    );
    h.sim.controls.advanceClock(2 * 3_600_000);
    const response = await h.kit.invoices.getInvoiceStatus(invoice);
    expect(response.status).toBe('overdue');
    expect(invoice.status).toBe('overdue');
    // Overdue invoices can still be voided.
    const { invoice: voided } = await h.kit.invoices.voidInvoice(invoice.id);
    expect(voided.status).toBe('voided');
  });
});
