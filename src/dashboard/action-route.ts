/**
 * The shape of a dashboard action route, apart from the action tables (actions.ts,
 * actions-billing.ts) so that each table and the POST handler can name it.
 */
import type { PageContext } from './context.js';
import type { DashboardAction } from './types.js';

/** What an action gets: the page context and the submitted form. */
export interface ActionContext extends PageContext {
  /** The form fields. */
  readonly form: URLSearchParams;
}

/** One action route. */
export interface ActionRoute {
  /** POST path pattern, relative to the mount. */
  pattern: string;
  /** The permission it needs. */
  action: DashboardAction;
  /** Whether the confirmation box must be ticked. */
  confirm: boolean;
  /** Where to return when the form names no page. */
  fallback(params: Readonly<Record<string, string>>): string;
  /** Do it; resolves the success message. */
  run(ctx: ActionContext): Promise<string>;
}
