/**
 * The GoPay account routes: link (for the signed-in user), read (optionally refreshed) and unlink.
 * Only the owner sees or changes an account (anyone else gets 404 unless `authorize` allows);
 * charging it goes through `POST /payments` with `paymentOptions.accountId`.
 */
import type { GopayAccount } from '../../storage/records/gopay-account.js';
import { defineRoute, type RouteContext, type RouteDefinition, type RouteResult } from '../route-types.js';
import { gopayLinkBody, idParams, refreshQuery } from '../schemas/billing.js';
import { object } from '../schemas/json-schema.js';
import { gopayAccountView } from '../views.js';

const accountResponse = object({ gopayAccount: gopayAccountView.schema }, ['gopayAccount']);
const linkResponse = object(
  {
    gopayAccount: gopayAccountView.schema,
    activationUrl: { type: ['string', 'null'] },
    activationAppUrl: { type: ['string', 'null'] },
  },
  ['gopayAccount', 'activationUrl', 'activationAppUrl'],
);

const loadAccount: RouteDefinition['load'] = (kit, params) =>
  kit.store.gopayAccounts.findById(params.id ?? '');

function answer(gopayAccount: GopayAccount): RouteResult {
  return { status: 200, body: { gopayAccount: gopayAccountView.pick(gopayAccount) } };
}

// The service works per owner: the loaded record's (staff allowed by `authorize` act on it too).
function ownerOf(ctx: RouteContext): { id: string } {
  return { id: ctx.resource?.userId ?? '' };
}

/** Every GoPay account route. */
export function gopayAccountRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/gopay-accounts',
      action: 'gopayAccounts.link',
      access: 'user',
      summary: "Start linking the signed-in user's GoPay account; send them to `activationUrl`.",
      tag: 'gopay-accounts',
      body: gopayLinkBody,
      example: { phoneNumber: '81212345678', countryCode: '62', redirectUrl: 'https://shop.example/gopay' },
      response: {
        status: 201,
        description: 'The pending account and its activation links.',
        schema: linkResponse,
      },
      async run(ctx) {
        const owner = ctx.user ?? { id: '' };
        const result = await ctx.kit.gopayAccounts.link({ ...ctx.body, owner });
        return {
          status: 201,
          body: {
            gopayAccount: gopayAccountView.pick(result.gopayAccount),
            activationUrl: result.activationUrl,
            activationAppUrl: result.activationAppUrl,
          },
        };
      },
    }),
    {
      method: 'GET',
      path: '/gopay-accounts/:id',
      action: 'gopayAccounts.get',
      access: 'owner',
      summary: 'One linked GoPay account; `?refresh=true` asks Midtrans first.',
      tag: 'gopay-accounts',
      params: idParams,
      query: refreshQuery,
      response: { status: 200, description: 'The account.', schema: accountResponse },
      load: loadAccount,
      async run(ctx) {
        const owner = ownerOf(ctx);
        const service = ctx.kit.gopayAccounts;
        return answer(ctx.query.refresh === true ? await service.refresh(owner) : await service.get(owner));
      },
    },
    {
      method: 'POST',
      path: '/gopay-accounts/:id/unlink',
      action: 'gopayAccounts.unlink',
      access: 'owner',
      summary: 'Unlink the GoPay account: it can no longer be charged.',
      tag: 'gopay-accounts',
      params: idParams,
      response: { status: 200, description: 'The account after unlinking.', schema: accountResponse },
      load: loadAccount,
      async run(ctx) {
        return answer(await ctx.kit.gopayAccounts.unlink(ownerOf(ctx)));
      },
    },
  ];
}
