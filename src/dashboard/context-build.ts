/** Building a request's `PageContext` from its session and query. */
import type { MidtransKit } from '../kit.js';
import type { KitUser } from '../services/core/hooks.js';
import type { PageContext } from './context.js';
import type { Session } from './session.js';

/** What the handler knows when it builds a context. */
export interface ContextSource<U extends KitUser> {
  kit: MidtransKit;
  base: string;
  session: Session<U>;
  timeZone: string;
  pageSize: number;
}

/** The context for a page or an action. */
export function buildContext<U extends KitUser>(
  source: ContextSource<U>,
  params: Record<string, string>,
  query: Readonly<Record<string, unknown>>,
  here: string,
): PageContext {
  const { session } = source;
  return {
    kit: source.kit,
    user: session.user,
    base: source.base,
    params,
    query(name) {
      const value = query[name];
      const first = Array.isArray(value) ? (value as unknown[])[0] : value;
      return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
    },
    can: (action) => session.allowed.has(action),
    csrfToken: session.csrfToken,
    timeZone: source.timeZone,
    pageSize: source.pageSize,
    here,
  };
}

/** Path and query string of a request, as a form's `back` value. */
export function pathWithQuery(path: string, query: Readonly<Record<string, unknown>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string') search.append(name, item);
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
