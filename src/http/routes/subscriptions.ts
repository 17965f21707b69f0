/** The subscription routes: create, read (optionally refreshed), enable, disable, cancel, update. */
import {
  subscriptionInputCheck,
  subscriptionUpdateCheck,
} from '../../services/subscriptions/subscription-schema.js';
import type { Subscription } from '../../storage/records/subscription.js';
import { defineRoute, type RouteDefinition, type RouteResult } from '../route-types.js';
import { idParams, refreshQuery, subscriptionBody, subscriptionPatch } from '../schemas/billing.js';
import { object } from '../schemas/json-schema.js';
import { subscriptionView } from '../views.js';
import { withDates } from './dates.js';

const subscriptionResponse = object({ subscription: subscriptionView.schema }, ['subscription']);

function subscriptionAnswer(subscription: Subscription, status = 200): RouteResult {
  return { status, body: { subscription: subscriptionView.pick(subscription) } };
}

const loadSubscription: RouteDefinition['load'] = (kit, params) =>
  kit.store.subscriptions.findById(params.id ?? '');

function action(verb: 'enable' | 'disable' | 'cancel', summary: string): RouteDefinition {
  return {
    method: 'POST',
    path: `/subscriptions/:id/${verb}`,
    action: `subscriptions.${verb}` as const,
    access: 'owner',
    summary,
    tag: 'subscriptions',
    params: idParams,
    response: {
      status: 200,
      description: 'The subscription after the change.',
      schema: subscriptionResponse,
    },
    load: loadSubscription,
    async run(ctx) {
      const method = `${verb}Subscription` as const;
      return subscriptionAnswer((await ctx.kit.subscriptions[method](ctx.params.id ?? '')).subscription);
    },
  };
}

/** Every subscription route. */
export function subscriptionRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/subscriptions',
      action: 'subscriptions.create',
      access: 'user',
      summary: 'Create a subscription (recurring card or GoPay charges) for the signed-in user.',
      tag: 'subscriptions',
      body: subscriptionBody,
      example: { name: 'GOLD-PLAN', amount: 99000, paymentType: 'credit_card', token: '<saved_token_id>' },
      response: { status: 201, description: 'The stored subscription.', schema: subscriptionResponse },
      async run(ctx) {
        const input = { ...withDates(ctx.body, ['startTime']), user: ctx.user };
        // The body passed the same rule with its date as text; this types it with a Date.
        subscriptionInputCheck.assert(input);
        const result = await ctx.kit.subscriptions.createSubscription(input);
        return subscriptionAnswer(result.subscription, 201);
      },
    }),
    {
      method: 'GET',
      path: '/subscriptions/:id',
      action: 'subscriptions.get',
      access: 'owner',
      summary: 'One subscription; `?refresh=true` asks Midtrans first.',
      tag: 'subscriptions',
      params: idParams,
      query: refreshQuery,
      response: { status: 200, description: 'The subscription.', schema: subscriptionResponse },
      load: loadSubscription,
      async run(ctx) {
        const id = ctx.params.id ?? '';
        if (ctx.query.refresh === true) await ctx.kit.subscriptions.getSubscriptionStatus(id);
        return subscriptionAnswer(await ctx.kit.subscriptions.getSubscription(id));
      },
    },
    action('enable', 'Charge again from the next billing time.'),
    action('disable', 'Stop charging for now.'),
    action('cancel', 'Stop for good (final).'),
    defineRoute({
      method: 'PATCH',
      path: '/subscriptions/:id',
      action: 'subscriptions.update',
      access: 'owner',
      summary: 'Change name, amount or schedule; applies from the next charge.',
      tag: 'subscriptions',
      params: idParams,
      body: subscriptionPatch,
      example: { amount: 120000, schedule: { interval: 2 } },
      response: {
        status: 200,
        description: 'The subscription after the change.',
        schema: subscriptionResponse,
      },
      load: loadSubscription,
      async run(ctx) {
        const input = withDates(ctx.body, ['schedule.startTime']);
        subscriptionUpdateCheck.assert(input);
        const result = await ctx.kit.subscriptions.updateSubscription(ctx.params.id ?? '', input);
        return subscriptionAnswer(result.subscription);
      },
    }),
  ];
}
