/** Rendering a GET: build the context, run the page, wrap it in the layout; errors become a page. */
import type { KitUser } from '../services/core/hooks.js';
import type { Flash, PageRenderer } from './context.js';
import { buildContext, type ContextSource, pathWithQuery } from './context-build.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { describeError } from './messages.js';
import { htmlResponse } from './respond.js';
import type { DashboardRequest, DashboardResponse } from './types.js';

/** A page route. */
export interface PageRoute {
  /** GET path pattern, relative to the mount. */
  pattern: string;
  /** The page. */
  render: PageRenderer;
}

/** Everything a GET needs. */
export interface RenderInput<U extends KitUser> extends ContextSource<U> {
  route: PageRoute;
  params: Record<string, string>;
  path: string;
  request: DashboardRequest<U>;
  flash: { flash: Flash | undefined; setCookies: string[] };
  /** How the header names the signed-in user. */
  userLabel: string;
  onError(error: unknown, request: DashboardRequest<U>): void;
}

/** The page as a response. */
export async function renderPage<U extends KitUser>(input: RenderInput<U>): Promise<DashboardResponse> {
  const { session, base, path, request } = input;
  const query = request.query ?? {};
  const ctx = buildContext(input, input.params, query, pathWithQuery(path, query));
  const cookies = [...session.setCookies, ...input.flash.setCookies];
  const chrome = {
    flash: input.flash.flash,
    readOnly: session.allowed.size === 0,
    userLabel: `Signed in as ${input.userLabel}`,
  };
  try {
    const page = await input.route.render(ctx);
    return htmlResponse(page.status ?? 200, layout(base, path, page, chrome), cookies);
  } catch (error) {
    const described = describeError(error);
    if (described.unexpected) input.onError(error, request);
    const page = {
      title: described.status === 404 ? 'Not found' : 'Cannot show this page',
      body: html`<p>${described.text}</p>`,
    };
    return htmlResponse(described.status, layout(base, path, page, chrome), cookies);
  }
}
