/**
 * The Express example in a real browser: buy with a BCA virtual account and pay on the simulator's
 * page; buy by card through Snap (3DS included); staff refund a paid order. Midtrans refunds neither
 * bank transfers nor a card before it settles (the simulator answers 412 like the sandbox), so the
 * refunded order is paid with GoPay, through the same simulator page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningExample, startExpressExample } from '../../examples/express/server.js';
import { browserSkipReason, type E2eBrowser, launchBrowser, withScreenshots } from './browser.js';
import {
  captureAsStaff,
  expectStatus,
  payOnSimulator,
  placeOrder,
  refundAsStaff,
  signIn,
  WAIT,
} from './flows.js';

const skip = browserSkipReason();

describe.skipIf(skip !== undefined)(
  `Express example in chromium${skip ? ` (skipped: ${skip})` : ''}`,
  { timeout: 45_000 },
  () => {
    let app: RunningExample;
    let browser: E2eBrowser;
    const contexts: BrowserContext[] = [];
    const pages = (): Page[] => contexts.flatMap((context) => context.pages());

    beforeAll(async () => {
      [app, browser] = await Promise.all([
        startExpressExample({ port: 0, databaseFile: ':memory:' }),
        launchBrowser(),
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    const customer = async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, app.url, 'u-ayu');
      return { context, page };
    };

    it('BCA VA: the simulator page pays it and the checkout turns to Paid', async () => {
      const { context, page } = await customer();
      await withScreenshots('express-bca', pages, async () => {
        await placeOrder(page, app.url, 'kopi', 'bca');
        await page.getByTestId('va-number').waitFor(WAIT);
        await expectStatus(page, 'Waiting for payment');
        await payOnSimulator(context, page);
        await expectStatus(page, 'Paid');
      });
    });

    it('card through Snap with 3DS turns to Paid', async () => {
      const { context, page } = await customer();
      await withScreenshots('express-snap-card', pages, async () => {
        await placeOrder(page, app.url, 'batik', 'card');
        await page.getByTestId('redirect-link').click(WAIT);
        await page.getByRole('button', { name: 'Pay with card' }).click(WAIT); // Snap: sandbox card prefilled
        await page.fill('#otp', '112233', WAIT); // 3DS: the sandbox OTP
        await page.getByRole('button', { name: 'Pay', exact: true }).click(WAIT);
        await page.getByRole('link', { name: 'Back to merchant' }).click(WAIT);
        await expectStatus(page, 'Paid');
      });
      await context.close();
    });

    it('staff refund a paid order and see Refunded', async () => {
      const { context, page } = await customer();
      await withScreenshots('express-refund', pages, async () => {
        const orderId = await placeOrder(page, app.url, 'sambal', 'gopay');
        await payOnSimulator(context, page);
        await expectStatus(page, 'Paid');

        const staffContext = await browser.newContext();
        contexts.push(staffContext);
        const staff = await staffContext.newPage();
        await signIn(staff, app.url, 'u-sari');
        await refundAsStaff(staff, app.url, orderId);
      });
      await context.close();
    });

    it('a card authorised at checkout is captured by staff from the shop, and the customer sees Paid', async () => {
      const { context, page } = await customer();
      await withScreenshots('express-capture', pages, async () => {
        const orderId = await placeOrder(page, app.url, 'batik', 'card-authorize');
        await expectStatus(page, 'Authorised');
        // Nothing for the customer to pay: no deadline, no payment page.
        await page.getByTestId('payment-note').getByText('authorised', { exact: false }).waitFor(WAIT);
        expect(await page.getByTestId('pay-before').count()).toBe(0);
        expect(await page.getByTestId('redirect-link').count()).toBe(0);

        const staffContext = await browser.newContext();
        contexts.push(staffContext);
        const staff = await staffContext.newPage();
        await signIn(staff, app.url, 'u-sari');
        await staff.getByRole('link', { name: 'Dashboard' }).waitFor(WAIT);
        await captureAsStaff(staff, app.url, orderId);
        await expectStatus(page, 'Paid');
      });
      await context.close();
    });

    it('Indomaret shows its payment code and when to pay by', async () => {
      const { context, page } = await customer();
      await placeOrder(page, app.url, 'kopi', 'indomaret');
      await page.getByTestId('payment-code').waitFor(WAIT);
      await page.getByTestId('pay-before').waitFor(WAIT);
      await context.close();
    });

    it('invoice demo: paying the link turns the invoice to Paid', async () => {
      const { context, page } = await customer();
      await withScreenshots('express-invoice', pages, async () => {
        await page.goto(`${app.url}/invoices`);
        await page.getByRole('button', { name: 'Create invoice' }).click(WAIT);
        const [link] = await Promise.all([
          context.waitForEvent('page', WAIT),
          page.getByRole('link', { name: 'Open the payment link' }).click(WAIT),
        ]);
        await link.getByRole('button', { name: 'Pay' }).click(WAIT);
        await page.getByTestId('invoice-status').getByText('Paid', { exact: true }).waitFor(WAIT);
      });
      await context.close();
    });
  },
);
