/** The Midtrans API route table: same paths as Midtrans, one family (auth + error shape) each. */
import { handleBin } from './bins.js';
import { handleCardRegister } from './card-register.js';
import { handleToken } from './card-token.js';
import { handleCharge } from './charge.js';
import { handleCreateInvoice, handleGetInvoice, handleVoidInvoice } from './invoices.js';
import {
  handleApprove,
  handleCancel,
  handleCapture,
  handleDeny,
  handleExpire,
  handleStatus,
} from './operations.js';
import { handleCreatePayAccount, handleGetPayAccount, handleUnbindPayAccount } from './pay-account.js';
import { handleCreatePaymentLink, handleDeletePaymentLink, handleGetPaymentLink } from './payment-links.js';
import { handlePointInquiry } from './point-inquiry.js';
import { handleRefund } from './refunds.js';
import type { Router } from './router.js';
import { handleSnapCreate } from './snap.js';
import { handleSnapCancel } from './snap-cancel.js';
import { handleStatusB2b } from './status-b2b.js';
import { handleCreateSubscription } from './subscription-create.js';
import {
  handleCancelSubscription,
  handleDisableSubscription,
  handleEnableSubscription,
  handleGetSubscription,
  handleUpdateSubscription,
} from './subscription-routes.js';

/** Register every Midtrans endpoint the simulator serves. */
export function addApiRoutes(router: Router): void {
  router.add('POST', '/v2/charge', { family: 'core', handler: handleCharge, idempotent: true });
  router.add('GET', '/v2/:id/status', { family: 'core', handler: handleStatus });
  router.add('GET', '/v2/:id/status/b2b', { family: 'core', handler: handleStatusB2b });
  router.add('POST', '/v2/:id/cancel', { family: 'core', handler: handleCancel, idempotent: true });
  router.add('POST', '/v2/:id/expire', { family: 'core', handler: handleExpire, idempotent: true });
  router.add('POST', '/v2/:id/approve', { family: 'core', handler: handleApprove, idempotent: true });
  router.add('POST', '/v2/:id/deny', { family: 'core', handler: handleDeny, idempotent: true });
  router.add('POST', '/v2/capture', { family: 'core', handler: handleCapture, idempotent: true });
  router.add('POST', '/v2/:id/refund', {
    family: 'core',
    handler: (ctx, req) => handleRefund(ctx, req, false),
    idempotent: true,
  });
  router.add('POST', '/v2/:id/refund/online/direct', {
    family: 'core',
    handler: (ctx, req) => handleRefund(ctx, req, true),
    idempotent: true,
  });
  router.add('GET', '/v2/token', { family: 'token', handler: handleToken });
  router.add('GET', '/v2/card/register', { family: 'token', handler: handleCardRegister });
  router.add('GET', '/v2/point_inquiry/:token', { family: 'core', handler: handlePointInquiry });
  router.add('GET', '/v1/bins/:bin', { family: 'bin', handler: handleBin });
  router.add('POST', '/v2/pay/account', { family: 'core', handler: handleCreatePayAccount });
  router.add('GET', '/v2/pay/account/:id', { family: 'core', handler: handleGetPayAccount });
  router.add('POST', '/v2/pay/account/:id/unbind', { family: 'core', handler: handleUnbindPayAccount });

  router.add('POST', '/snap/v1/transactions', { family: 'snap', handler: handleSnapCreate });
  router.add('POST', '/snap/v1/transactions/:token/cancel', { family: 'snap', handler: handleSnapCancel });

  router.add('POST', '/v1/subscriptions', { family: 'subscription', handler: handleCreateSubscription });
  router.add('GET', '/v1/subscriptions/:id', { family: 'subscription', handler: handleGetSubscription });
  router.add('PATCH', '/v1/subscriptions/:id', { family: 'subscription', handler: handleUpdateSubscription });
  router.add('POST', '/v1/subscriptions/:id/enable', {
    family: 'subscription',
    handler: handleEnableSubscription,
  });
  router.add('POST', '/v1/subscriptions/:id/disable', {
    family: 'subscription',
    handler: handleDisableSubscription,
  });
  router.add('POST', '/v1/subscriptions/:id/cancel', {
    family: 'subscription',
    handler: handleCancelSubscription,
  });

  router.add('POST', '/v1/invoices', { family: 'invoice', handler: handleCreateInvoice, idempotent: true });
  router.add('GET', '/v1/invoices/:id', { family: 'invoice', handler: handleGetInvoice });
  router.add('PATCH', '/v1/invoices/:id/void', { family: 'invoice', handler: handleVoidInvoice });

  // The Payment Link API answers errors in the same `{error_messages}` shape as Invoicing.
  router.add('POST', '/v1/payment-links', { family: 'invoice', handler: handleCreatePaymentLink });
  router.add('GET', '/v1/payment-links/:id', { family: 'invoice', handler: handleGetPaymentLink });
  router.add('DELETE', '/v1/payment-links/:id', { family: 'invoice', handler: handleDeletePaymentLink });
}
