/** Handlers of the simulator's HTML pages (forms POST and redirect back with 303). */
import { completeThreeDs } from '../card-charge.js';
import type { SimContext } from '../context.js';
import { qrString } from '../ewallet-types.js';
import { invoiceStatus } from '../invoices.js';
import { activatePayAccount, payAccountOfLink } from '../pay-account.js';
import { paymentLinkStatus } from '../payment-links.js';
import type { Router, SimRequest, SimResponse } from '../router.js';
import { payWithSnap } from '../snap.js';
import { findTransaction } from '../state.js';
import { statusCodeFor } from '../transitions.js';
import type { SimulatorControls } from '../types.js';
import { renderGopayLinkPage } from './gopay-link-page.js';
import { renderInvoicePage } from './invoice-page.js';
import { escapeHtml, page } from './layout.js';
import { renderPayPage } from './pay-page.js';
import { renderPaymentLinkPage } from './payment-link-page.js';
import { qrPng } from './qr-png.js';
import { renderSnapPage } from './snap-page.js';
import { renderThreeDsPage, SANDBOX_OTP } from './three-ds-page.js';

const notFoundPage = (what: string): SimResponse => ({
  status: 404,
  html: page('Not found', `<div class="card"><h1>Not found</h1><p>${escapeHtml(what)}</p></div>`),
});

const see = (location: string): SimResponse => ({ status: 303, location });

/** Register the page routes. */
export function addPageRoutes(router: Router, controls: SimulatorControls): void {
  const route = (
    method: string,
    pattern: string,
    handler: (ctx: SimContext, req: SimRequest) => SimResponse,
  ) => router.add(method, pattern, { family: 'page', handler });

  route('GET', '/', (ctx) => ({
    status: 200,
    html: page(
      'Home',
      `<div class="card"><h1>Midtrans simulator</h1><p class="muted">Point your client here instead of Midtrans.</p>
       <dl><dt>Core API base</dt><dd>${escapeHtml(ctx.baseUrl)}</dd><dt>Snap base</dt><dd>${escapeHtml(ctx.baseUrl)}/snap/v1</dd>
       <dt>Controls</dt><dd>${escapeHtml(ctx.baseUrl)}/__sim</dd>
       <dt>Notifications</dt><dd>${escapeHtml(ctx.options.notificationUrl ?? 'none configured')}</dd></dl>
       <p class="muted">Open <code>/pay/&lt;order_id&gt;</code> to pay or fail a pending transaction.</p></div>`,
    ),
  }));
  // Browsers ask for it on every page; without this route it fell to the Core API's 401.
  route('GET', '/favicon.ico', () => ({ status: 204 }));
  route('GET', '/pay/:id', (ctx, req) => {
    const txn = findTransaction(ctx.state, req.params[0] ?? '');
    if (!txn) return notFoundPage('No such transaction');
    return {
      status: 200,
      html: renderPayPage(txn, statusCodeFor(txn.status, txn.fraudStatus, 'notification')),
    };
  });
  for (const action of ['pay', 'fail'] as const) {
    route('POST', `/pay/:id/${action}`, (ctx, req) => {
      const txn = findTransaction(ctx.state, req.params[0] ?? '');
      if (!txn) return notFoundPage('No such transaction');
      try {
        controls[action](txn.transactionId);
      } catch (error) {
        return { status: 409, html: renderPayPage(txn, '409', (error as Error).message) };
      }
      return see(`/pay/${encodeURIComponent(txn.transactionId)}`);
    });
  }
  for (const lender of ['akulaku', 'kredivo']) {
    route('GET', `/v2/${lender}/redirect/:id`, (_ctx, req) =>
      see(`/pay/${encodeURIComponent(req.params[0] ?? '')}`),
    );
  }
  // The `generate-qr-code` action URLs answer the QR image itself, as Midtrans's do.
  const qrImage = (ctx: SimContext, req: SimRequest): SimResponse => {
    const txn = findTransaction(ctx.state, req.params[0] ?? '');
    if (!txn) return notFoundPage('No such transaction');
    const text = txn.chargeFields.qr_string;
    return {
      status: 200,
      png: qrPng(typeof text === 'string' ? text : qrString(txn.orderId, txn.grossAmount)),
    };
  };
  for (const kind of ['gopay', 'qris']) route('GET', `/v2/${kind}/:id/qr-code`, qrImage);
  route('GET', '/v4/qris/:id/qr-code', qrImage);

  route('GET', '/v2/3ds/redirect/:id', (ctx, req) => {
    const txn = findTransaction(ctx.state, req.params[0] ?? '');
    if (!txn?.card) return notFoundPage('No such card transaction');
    if (txn.status !== 'pending') return see(`/pay/${encodeURIComponent(txn.transactionId)}`);
    return { status: 200, html: renderThreeDsPage(txn) };
  });
  route('POST', '/v2/3ds/redirect/:id', (ctx, req) => {
    const txn = findTransaction(ctx.state, req.params[0] ?? '');
    if (!txn?.card) return notFoundPage('No such card transaction');
    if (txn.status === 'pending') {
      if (req.form?.get('action') === 'fail') {
        controls.fail(txn.transactionId);
      } else if ((req.form?.get('otp') ?? '').trim() !== SANDBOX_OTP) {
        return { status: 200, html: renderThreeDsPage(txn, `Wrong OTP. The sandbox OTP is ${SANDBOX_OTP}.`) };
      } else completeThreeDs(ctx, txn);
    }
    return see(`/pay/${encodeURIComponent(txn.transactionId)}`);
  });

  route('GET', '/snap/v2/vtweb/:token', (ctx, req) => {
    const session = ctx.state.snapByToken.get(req.params[0] ?? '');
    if (!session) return notFoundPage('No such Snap token');
    if (session.transactionId) return see(`/pay/${encodeURIComponent(session.transactionId)}`);
    return { status: 200, html: renderSnapPage(session) };
  });
  route('POST', '/snap/v2/vtweb/:token', (ctx, req) => {
    const session = ctx.state.snapByToken.get(req.params[0] ?? '');
    if (!session) return notFoundPage('No such Snap token');
    const method = req.form?.get('method') ?? '';
    const result = payWithSnap(ctx, session, method, req.form?.get('card_number') ?? undefined);
    if ('error' in result) return { status: 400, html: renderSnapPage(session, result.error) };
    if (result.status >= 400 || !session.transactionId) {
      const body = result.body as { status_message?: string; validation_messages?: string[] } | undefined;
      const message = [body?.status_message, ...(body?.validation_messages ?? [])].filter(Boolean).join(' ');
      return { status: 400, html: renderSnapPage(session, message || 'The payment could not be created') };
    }
    const txn = findTransaction(ctx.state, session.transactionId);
    const redirect = txn?.chargeFields.redirect_url;
    if (txn?.card && txn.status === 'pending' && typeof redirect === 'string') {
      return see(`/v2/3ds/redirect/${encodeURIComponent(txn.transactionId)}`);
    }
    return see(`/pay/${encodeURIComponent(session.transactionId)}`);
  });

  route('GET', '/invoices/:id', (ctx, req) => {
    const invoice = ctx.state.invoices.get(req.params[0] ?? '');
    if (!invoice) return notFoundPage('No such invoice');
    return { status: 200, html: renderInvoicePage(invoice, invoiceStatus(ctx, invoice)) };
  });
  route('GET', '/invoices/:id/pdf', (ctx, req) => {
    const invoice = ctx.state.invoices.get(req.params[0] ?? '');
    if (!invoice) return notFoundPage('No such invoice');
    return { status: 200, html: renderInvoicePage(invoice, invoiceStatus(ctx, invoice)) };
  });
  route('POST', '/invoices/:id/pay', (ctx, req) => {
    const id = req.params[0] ?? '';
    try {
      controls.payInvoice(id);
    } catch (error) {
      const invoice = ctx.state.invoices.get(id);
      if (!invoice) return notFoundPage('No such invoice');
      return { status: 409, html: renderInvoicePage(invoice, (error as Error).message) };
    }
    return see(`/invoices/${encodeURIComponent(id)}`);
  });

  route('GET', '/payment-links/:id', (ctx, req) => {
    const link = ctx.state.paymentLinksById.get(req.params[0] ?? '');
    if (!link || link.deleted) return notFoundPage('No such payment link');
    return { status: 200, html: renderPaymentLinkPage(link, paymentLinkStatus(ctx, link)) };
  });
  route('POST', '/payment-links/:id/pay', (ctx, req) => {
    const link = ctx.state.paymentLinksById.get(req.params[0] ?? '');
    if (!link || link.deleted) return notFoundPage('No such payment link');
    try {
      controls.payPaymentLink(link.orderId);
    } catch (error) {
      const html = renderPaymentLinkPage(link, paymentLinkStatus(ctx, link), (error as Error).message);
      return { status: 409, html };
    }
    return see(`/payment-links/${encodeURIComponent(link.linkId)}`);
  });

  // The activation link opens the GoPay page; pressing "Link" there enables the account.
  route('GET', '/v2/gopay/redirect/:link/link', (ctx, req) => {
    const link = req.params[0] ?? '';
    const account = payAccountOfLink(ctx, link);
    if (!account) return notFoundPage('No such GoPay account');
    const action = `/v2/gopay/redirect/${encodeURIComponent(link)}/link`;
    return { status: 200, html: renderGopayLinkPage(account, action) };
  });
  route('POST', '/v2/gopay/redirect/:link/link', (ctx, req) => {
    const link = req.params[0] ?? '';
    const account = activatePayAccount(ctx, link);
    if (!account) return notFoundPage('No such GoPay account');
    if (account.redirectUrl) return see(account.redirectUrl);
    return see(`/v2/gopay/redirect/${encodeURIComponent(link)}/link`);
  });
}
