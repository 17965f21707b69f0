/** The Koa example in a real browser: the same BCA virtual account purchase as the Express one. */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type RunningExample, startKoaExample } from '../../examples/koa/server.js';
import { browserSkipReason, type E2eBrowser, launchBrowser, withScreenshots } from './browser.js';
import { expectStatus, payOnSimulator, placeOrder, signIn, WAIT } from './flows.js';

const skip = browserSkipReason();

describe.skipIf(skip !== undefined)(
  `Koa example in chromium${skip ? ` (skipped: ${skip})` : ''}`,
  { timeout: 45_000 },
  () => {
    let app: RunningExample;
    let browser: E2eBrowser;
    let context: BrowserContext | undefined;
    const pages = (): Page[] => context?.pages() ?? [];

    beforeAll(async () => {
      [app, browser] = await Promise.all([
        startKoaExample({ port: 0, databaseFile: ':memory:' }),
        launchBrowser(),
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('BCA VA: the simulator page pays it and the checkout turns to Paid', async () => {
      context = await browser.newContext();
      const page = await context.newPage();
      const active = context;
      await withScreenshots('koa-bca', pages, async () => {
        await signIn(page, app.url, 'u-budi');
        await placeOrder(page, app.url, 'sambal', 'bca');
        await page.getByTestId('va-number').waitFor(WAIT);
        await payOnSimulator(active, page);
        await expectStatus(page, 'Paid');
      });
    });
  },
);
