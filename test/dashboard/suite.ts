/**
 * THE dashboard suite: one set of cases, run once per adapter (express, koa, fastify, fetch .test.ts) with
 * supertest over the simulator and SQLite.
 */
import type { RequestListener } from 'node:http';
import { beforeAll } from 'vitest';
import { describeWithKit, type KitHarness } from '../support/kit-harness.js';
import { type AdapterName, type AppOptions, dashboardApp } from './apps.js';
import { accessCases } from './suite-access.js';
import { actionCases } from './suite-actions.js';
import { billingCases } from './suite-billing.js';
import { pageCases } from './suite-pages.js';

/** What each part of the suite gets. */
export interface DashboardSuite {
  readonly h: KitHarness;
  readonly adapter: AdapterName;
  /** The default host app (staff/viewer roles). */
  readonly app: RequestListener;
  /** Another host app with other dashboard options. */
  appWith(options: AppOptions): RequestListener;
}

/** Register the suite for one adapter. */
export function dashboardSuite(adapter: AdapterName): void {
  describeWithKit(
    `dashboard (${adapter})`,
    (h) => {
      let app: RequestListener | undefined;
      beforeAll(() => {
        if (!(h as unknown as { skipped: boolean }).skipped) app = dashboardApp(adapter, h.kit);
      });
      const s: DashboardSuite = {
        h,
        adapter,
        get app() {
          if (app === undefined) throw new Error('app not built');
          return app;
        },
        appWith: (options) => dashboardApp(adapter, h.kit, options),
      };
      accessCases(s);
      pageCases(s);
      actionCases(s);
      billingCases(s);
    },
    { databases: ['sqlite'] },
  );
}
