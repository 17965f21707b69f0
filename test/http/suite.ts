/**
 * THE http suite: one set of cases, run once per adapter (express.test.ts, koa.test.ts) with
 * supertest, over the simulator and SQLite; the concurrency cases run on MariaDB.
 */
import { describeWithKit } from '../support/kit-harness.js';
import type { AdapterName } from './apps.js';
import { billingCases } from './suite-billing.js';
import { concurrencyCases } from './suite-concurrency.js';
import { errorStatusCases, validationCases } from './suite-errors.js';
import { matrixCases } from './suite-matrix.js';
import { mountingCases } from './suite-mounting.js';
import { paymentCases } from './suite-payments.js';
import { webhookCases } from './suite-webhook.js';
import { createSuite } from './support.js';

/** Register the whole suite for one adapter. */
export function httpSuite(adapter: AdapterName): void {
  describeWithKit(
    `http (${adapter})`,
    (h) => {
      const s = createSuite(h, adapter);
      paymentCases(s);
      billingCases(s);
      validationCases(s);
      errorStatusCases(s);
      matrixCases(s);
      webhookCases(s);
      mountingCases(s);
    },
    { databases: ['sqlite'] },
  );
  describeWithKit(`http concurrency (${adapter})`, (h) => concurrencyCases(createSuite(h, adapter)), {
    databases: ['mariadb'],
  });
}
