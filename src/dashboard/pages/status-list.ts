/**
 * What the invoice, subscription and refund lists share: the `status` filter form, the query for
 * the store (status, cursor, page size) and the paging links that keep the filter.
 */
import type { Page, PageRequest } from '../../storage/paging.js';
import { link, type PageContext } from '../context.js';
import { select } from '../forms.js';
import { html, type SafeHtml } from '../html.js';
import { pager } from './payments.js';

/** The query a status-filtered list asks its repository. */
export interface StatusListQuery extends PageRequest {
  /** Only this status (the repository compares it as text). */
  status?: string;
}

/** One page of a status-filtered list, with the markup around it. */
export interface StatusList<T> {
  /** The rows. */
  readonly page: Page<T>;
  /** The filter form above the list. */
  readonly filters: SafeHtml;
  /** The paging links below it. */
  readonly pager: SafeHtml;
}

/** Read the list at `path` (e.g. `/invoices`) filtered by the request's `status` and `cursor`. */
export async function statusList<T>(
  ctx: PageContext,
  path: string,
  statuses: readonly string[],
  list: (query: StatusListQuery) => Promise<Page<T>>,
): Promise<StatusList<T>> {
  const status = ctx.query('status');
  const cursor = ctx.query('cursor');
  const page = await list({
    limit: ctx.pageSize,
    ...(status === undefined ? {} : { status }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  const next = page.nextCursor ? link(ctx.base, path, { status, cursor: page.nextCursor }) : undefined;
  return {
    page,
    filters: html`<form method="get" action="${ctx.base}${path}" class="filters">${select('status', 'Status', statuses, status)}<button type="submit">Filter</button></form>`,
    pager: pager(ctx, next),
  };
}
