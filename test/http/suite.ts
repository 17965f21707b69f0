/**
 * THE http suite: one set of cases, run once per adapter (express, koa, fastify, fetch .test.ts) with
 * supertest, over the simulator, on every database of the matrix (SQLite, MariaDB, PostgreSQL).
 * Every combination runs: the whole matrix adds about 15 s to the SQLite-only run on two cores,
 * and a difference between adapters that shows on one database only (a body parsed twice, a
 * transaction the adapter's error path leaves open) is what this suite exists to catch.
 */
import { describeWithKit } from '../support/kit-harness.js';
import type { AdapterName } from './apps.js';
import { billingCases } from './suite-billing.js';
import { concurrencyCases } from './suite-concurrency.js';
import { errorStatusCases, validationCases } from './suite-errors.js';
import { gopayAccountCases } from './suite-gopay-accounts.js';
import { matrixCases } from './suite-matrix.js';
import { mountingCases } from './suite-mounting.js';
import { paymentLinkCases } from './suite-payment-links.js';
import { paymentCases } from './suite-payments.js';
import { webhookCases } from './suite-webhook.js';
import { createSuite } from './support.js';

/** Register the whole suite for one adapter. */
export function httpSuite(adapter: AdapterName): void {
  // One table prefix per adapter: the files never share tables on a shared server.
  const tablePrefixLabel = { express: 'he', koa: 'hk', fastify: 'hz', fetch: 'hw' }[adapter];
  describeWithKit(
    `http (${adapter})`,
    (h) => {
      const s = createSuite(h, adapter);
      paymentCases(s);
      billingCases(s);
      paymentLinkCases(s);
      gopayAccountCases(s);
      validationCases(s);
      errorStatusCases(s);
      matrixCases(s);
      webhookCases(s);
      mountingCases(s);
      concurrencyCases(s);
    },
    { tablePrefixLabel },
  );
}
