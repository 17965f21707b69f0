/** The invoice routes: create, read (optionally refreshed from Midtrans), void. */
import { invoiceInputCheck } from '../../services/invoices/invoice-schema.js';
import { VoidInvoiceOptionsSchema } from '../../services/invoices/void-options.js';
import type { Invoice } from '../../storage/records/invoice.js';
import { defineRoute, type RouteDefinition, type RouteResult } from '../route-types.js';
import { idParams, invoiceBody, refreshQuery } from '../schemas/billing.js';
import { object } from '../schemas/json-schema.js';
import { invoiceView } from '../views.js';
import { withDates } from './dates.js';

const invoiceResponse = object({ invoice: invoiceView.schema }, ['invoice']);

function invoiceAnswer(invoice: Invoice, status = 200): RouteResult {
  return { status, body: { invoice: invoiceView.pick(invoice) } };
}

const loadInvoice: RouteDefinition['load'] = (kit, params) => kit.store.invoices.findById(params.id ?? '');

/** Every invoice route. */
export function invoiceRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/invoices',
      action: 'invoices.create',
      access: 'user',
      summary: 'Create and send an invoice for the signed-in user.',
      tag: 'invoices',
      body: invoiceBody,
      example: {
        customerName: 'Budi Santoso',
        customerEmail: 'budi@example.com',
        dueDate: '2030-01-31T00:00:00.000Z',
        items: [{ description: 'Consulting, January', quantity: 1, price: 1500000 }],
      },
      response: {
        status: 201,
        description: 'The stored invoice, with its payment link.',
        schema: invoiceResponse,
      },
      async run(ctx) {
        const dates = ['dueDate', 'invoiceDate', 'paymentLink.expiry.startTime'];
        const input = { ...withDates(ctx.body, dates), user: ctx.user };
        // The body passed the same rule with its dates as text; this types it with them as Dates.
        invoiceInputCheck.assert(input);
        const { invoice } = await ctx.kit.invoices.createInvoice(input);
        return invoiceAnswer(invoice, 201);
      },
    }),
    {
      method: 'GET',
      path: '/invoices/:id',
      action: 'invoices.get',
      access: 'owner',
      summary: 'One invoice; `?refresh=true` asks Midtrans first (paid, overdue, expired).',
      tag: 'invoices',
      params: idParams,
      query: refreshQuery,
      response: { status: 200, description: 'The invoice.', schema: invoiceResponse },
      load: loadInvoice,
      async run(ctx) {
        const id = ctx.params.id ?? '';
        if (ctx.query.refresh === true) await ctx.kit.invoices.getInvoiceStatus(id);
        return invoiceAnswer(await ctx.kit.invoices.getInvoice(id));
      },
    },
    defineRoute({
      method: 'POST',
      path: '/invoices/:id/void',
      action: 'invoices.void',
      access: 'staff',
      summary: 'Void a pending or overdue invoice (staff).',
      tag: 'invoices',
      params: idParams,
      body: VoidInvoiceOptionsSchema,
      example: { reason: 'Issued twice' },
      response: { status: 200, description: 'The voided invoice.', schema: invoiceResponse },
      load: loadInvoice,
      async run(ctx) {
        const { invoice } = await ctx.kit.invoices.voidInvoice(ctx.params.id ?? '', ctx.body);
        return invoiceAnswer(invoice);
      },
    }),
  ];
}
