/** The page shell: navigation, the flash message and the title around a page's content. */
import type { Flash, PageContext, PageResult } from './context.js';
import { html, type SafeHtml } from './html.js';

const SECTIONS: readonly [path: string, label: string][] = [
  ['/', 'Overview'],
  ['/payments', 'Payments'],
  ['/notifications', 'Notifications'],
  ['/refunds', 'Refunds'],
  ['/invoices', 'Invoices'],
  ['/payment-links', 'Payment links'],
  ['/subscriptions', 'Subscriptions'],
];

/** A whole HTML document for a page. */
export function layout(
  base: string,
  currentPath: string,
  page: PageResult,
  extra: { flash?: Flash | undefined; readOnly?: boolean; userLabel?: string; bare?: boolean } = {},
): SafeHtml {
  const nav = SECTIONS.map(([path, label]) => {
    const current = path === '/' ? currentPath === '/' : currentPath.startsWith(path);
    return html`<a href="${base}${path === '/' ? '/' : path}"${current ? html` aria-current="page"` : ''}>${label}</a>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · Midtrans dashboard</title>
<link rel="stylesheet" href="${base}/style.css">
</head>
<body>
<header><strong>Midtrans</strong>${extra.bare ? '' : html`<nav class="actions">${nav}</nav>`}<span class="who">${extra.userLabel ?? ''}${extra.readOnly ? ' · read-only' : ''}</span></header>
<main>
${extra.flash ? html`<p class="flash ${extra.flash.kind}" role="status">${extra.flash.text}</p>` : ''}
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`;
}

/** A coloured status/verdict label. */
export function badge(text: string | null | undefined): SafeHtml {
  if (text === null || text === undefined) return html`<span class="muted">—</span>`;
  return html`<span class="badge ${text.replace(/[^a-z_]/g, '')}">${text}</span>`;
}

/** Convenience for pages: the context's link to a path. */
export function href(ctx: Pick<PageContext, 'base'>, path: string): string {
  return `${ctx.base}${path}`;
}
