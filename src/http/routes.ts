/**
 * The route table: the one list of the HTTP surface. Validation, authorisation, both adapters,
 * the OpenAPI document and the docs are all read from it, so a route exists everywhere or nowhere.
 */
import type { RouteDefinition } from './route-types.js';
import { gopayAccountRoutes } from './routes/gopay-accounts.js';
import { invoiceRoutes } from './routes/invoices.js';
import { paymentLinkRoutes } from './routes/payment-links.js';
import { paymentRoutes } from './routes/payments.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { openApiRoute, webhookRoute } from './routes/webhook.js';

export type * from './route-types.js';

/** Every route, in the order they are documented. */
export function createRouteTable(): RouteDefinition[] {
  return [
    ...paymentRoutes(),
    ...invoiceRoutes(),
    ...paymentLinkRoutes(),
    ...subscriptionRoutes(),
    ...gopayAccountRoutes(),
    webhookRoute(),
    openApiRoute(),
  ];
}
