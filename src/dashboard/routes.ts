/** The page table: every GET the dashboard answers. */
import { invoicePage, invoicesPage } from './pages/invoices.js';
import { notificationsPage } from './pages/notifications.js';
import { overviewPage } from './pages/overview.js';
import { paymentPage } from './pages/payment.js';
import { paymentLinkPage, paymentLinksPage } from './pages/payment-links.js';
import { paymentsPage } from './pages/payments.js';
import { refundsPage } from './pages/refunds.js';
import { subscriptionPage, subscriptionsPage } from './pages/subscriptions.js';
import type { PageRoute } from './render.js';

/** Every page. */
export function createPageRoutes(): PageRoute[] {
  return [
    { pattern: '/', render: overviewPage },
    { pattern: '/payments', render: paymentsPage },
    { pattern: '/payments/:orderId', render: paymentPage },
    { pattern: '/notifications', render: notificationsPage },
    { pattern: '/refunds', render: refundsPage },
    { pattern: '/invoices', render: invoicesPage },
    { pattern: '/invoices/:id', render: invoicePage },
    { pattern: '/payment-links', render: paymentLinksPage },
    { pattern: '/payment-links/:id', render: paymentLinkPage },
    { pattern: '/subscriptions', render: subscriptionsPage },
    { pattern: '/subscriptions/:id', render: subscriptionPage },
  ];
}
