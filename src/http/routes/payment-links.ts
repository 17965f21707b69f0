/** The payment link routes: create, the user's list, one link (optionally refreshed), delete. */
import {
  PaymentLinkListFiltersSchema,
  paymentLinkInputCheck,
  paymentLinkListFiltersCheck,
} from '../../services/payment-links/payment-link-schema.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import { defineRoute, type RouteDefinition, type RouteResult } from '../route-types.js';
import { idParams, paymentLinkBody, refreshQuery } from '../schemas/billing.js';
import { list, nullable, object } from '../schemas/json-schema.js';
import { paymentLinkView } from '../views.js';
import { withDates } from './dates.js';

const linkResponse = object({ paymentLink: paymentLinkView.schema }, ['paymentLink']);

function linkAnswer(link: PaymentLink, status = 200): RouteResult {
  return { status, body: { paymentLink: paymentLinkView.pick(link) } };
}

const loadLink: RouteDefinition['load'] = (kit, params) => kit.store.paymentLinks.findById(params.id ?? '');

/** Every payment link route. */
export function paymentLinkRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/payment-links',
      action: 'paymentLinks.create',
      access: 'user',
      summary: 'Create a payment link owned by the signed-in user; each payment through it is theirs.',
      tag: 'payment-links',
      body: paymentLinkBody,
      example: {
        items: [{ itemId: 'pil-001', name: 'Pillow', quantity: 2, price: 95000 }],
        title: 'Pillows',
        usageLimit: 1,
        expiry: { duration: 2, unit: 'days' },
      },
      response: { status: 201, description: 'The stored link, with its payment URL.', schema: linkResponse },
      async run(ctx) {
        const input = { ...withDates(ctx.body, ['expiry.startTime']), user: ctx.user };
        // The body passed the same rule with its dates as text; this types it with them as Dates.
        paymentLinkInputCheck.assert(input);
        return linkAnswer(await ctx.kit.paymentLinks.create(input), 201);
      },
    }),
    {
      method: 'GET',
      path: '/payment-links',
      action: 'paymentLinks.list',
      access: 'user',
      summary: "The signed-in user's payment links, newest first, cursor-paged.",
      tag: 'payment-links',
      query: PaymentLinkListFiltersSchema,
      response: {
        status: 200,
        description: 'One page.',
        schema: object({ items: list(paymentLinkView.schema), nextCursor: nullable({ type: 'string' }) }, [
          'items',
          'nextCursor',
        ]),
      },
      async run(ctx) {
        // Validated by the route table with this same rule; the guard only narrows the type.
        const filters = ctx.query;
        if (ctx.user === undefined || !paymentLinkListFiltersCheck.is(filters)) {
          throw new Error('paymentLinks.list runs with a user and a validated query');
        }
        const page = await ctx.kit.paymentLinks.list({ ...filters, owner: ctx.user });
        return {
          status: 200,
          body: { items: page.items.map(paymentLinkView.pick), nextCursor: page.nextCursor },
        };
      },
    },
    {
      method: 'GET',
      path: '/payment-links/:id',
      action: 'paymentLinks.get',
      access: 'owner',
      summary: 'One payment link; `?refresh=true` asks Midtrans first.',
      tag: 'payment-links',
      params: idParams,
      query: refreshQuery,
      response: { status: 200, description: 'The payment link.', schema: linkResponse },
      load: loadLink,
      async run(ctx) {
        const id = ctx.params.id ?? '';
        if (ctx.query.refresh === true) return linkAnswer(await ctx.kit.paymentLinks.refresh(id));
        return linkAnswer(await ctx.kit.paymentLinks.get(id));
      },
    },
    {
      method: 'DELETE',
      path: '/payment-links/:id',
      action: 'paymentLinks.delete',
      access: 'owner',
      summary: 'Delete a payment link: customers can no longer pay through it.',
      tag: 'payment-links',
      params: idParams,
      response: { status: 200, description: 'The deleted link.', schema: linkResponse },
      load: loadLink,
      async run(ctx) {
        return linkAnswer(await ctx.kit.paymentLinks.delete(ctx.params.id ?? ''));
      },
    },
  ];
}
