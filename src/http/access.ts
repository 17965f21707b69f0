/**
 * Who may do what. Defaults: a signed-in user may create, list their own records and act on
 * them; staff actions and anything on another user's record need the host's `authorize`. A
 * record of someone else that the user may not touch reads as absent (404), so ids cannot be
 * probed; a staff action refused on the user's own record is a 403.
 */
import type { KitUser } from '../services/core/hooks.js';
import { HttpProblem } from './problem.js';
import type { OwnedResource, RouteDefinition } from './route-types.js';
import type { HttpOptions } from './types.js';

/** The 401 of a route that needs a user. */
export const UNAUTHENTICATED = new HttpProblem(401, 'unauthenticated', 'Sign in first');

/** Allow the request or throw the refusal. @throws HttpProblem */
export async function checkAccess<U extends KitUser>(
  route: RouteDefinition,
  user: U,
  resource: OwnedResource | undefined,
  options: HttpOptions<U>,
): Promise<void> {
  if (route.access === 'public') return;
  const isOwner = resource !== undefined && resource.userId !== null && resource.userId === String(user.id);
  const isStaffAction = route.access === 'staff';
  const allowedByDefault = !isStaffAction && (resource === undefined || isOwner);
  if (allowedByDefault) return;
  const allowed =
    (await options.authorize?.({ action: route.action, user, resource, isOwner, isStaffAction })) === true;
  if (allowed) return;
  if (resource !== undefined && !isOwner) throw notFound(route);
  throw new HttpProblem(403, 'forbidden', 'You may not do this');
}

const RECORD_NAMES: Readonly<Record<string, string>> = {
  payments: 'payment',
  invoices: 'invoice',
  'payment-links': 'payment link',
  subscriptions: 'subscription',
  'gopay-accounts': 'GoPay account',
};

/** The 404 of a route's record, the same whether it is absent or hidden. */
export function notFound(route: RouteDefinition): HttpProblem {
  const what = RECORD_NAMES[route.tag] ?? 'subscription';
  return new HttpProblem(404, 'not_found', `No such ${what}`);
}
