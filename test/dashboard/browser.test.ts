/**
 * The dashboard in a real browser (Debian chromium via playwright-core), JavaScript and all: a
 * staff user finds a paid payment by order id, refunds part of it and sees the refund and the new
 * status in its history, then replays a rejected notification. `DASHBOARD_SCREENSHOT=path` also
 * saves the payment page as an image (docs/images/dashboard.png is made this way).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { dashboardApp } from './apps.js';
import { chromiumUnavailable, launchChromium } from './chromium.js';
import { paidPayment, pendingPayment, rejectedNotification } from './seeds.js';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`[dashboard browser test] skipped: ${unavailable}`);

describeWithKit(
  'dashboard in chromium',
  (h) => {
    let server: Server | undefined;
    let url = '';
    beforeAll(async () => {
      if (unavailable || (h as unknown as { skipped: boolean }).skipped) return;
      server = createServer(dashboardApp('express', h.kit));
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    });

    itWithKit(
      h,
      'finds a paid payment, refunds part of it, and replays a rejected notification',
      async () => {
        if (unavailable) return;
        await pendingPayment(h.kit, 'OTHER');
        const payment = await paidPayment(h, 'BROWSER');
        await rejectedNotification(h.kit, payment.orderId);
        const browser = await launchChromium({ 'x-test-user': 'staff-1', 'x-test-role': 'staff' });
        try {
          const page = await browser.context.newPage();
          await page.goto(`${url}/payments`);
          await page.getByLabel('Order id, transaction id or email').fill(payment.orderId);
          await page.getByRole('button', { name: 'Filter' }).click();
          await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
          await page.getByRole('link', { name: payment.orderId }).click();
          await page.waitForURL(`**/payments/${payment.orderId}`);

          const refund = page.locator('form[action$="/refund"]');
          await refund.getByLabel(/Amount/).fill('50000');
          await refund.getByLabel('Reason').fill('Barang rusak');
          await refund.getByLabel('Refund this payment').check();
          await refund.getByRole('button', { name: 'Refund' }).click();
          await page.waitForURL(`**/payments/${payment.orderId}`);
          await expect
            .poll(() => page.locator('.flash.ok').textContent())
            .toContain('Refund of Rp 50.000 succeeded: the payment is now partially_refunded.');
          expect(await page.locator('[data-section="refunds"]').textContent()).toContain('Barang rusak');
          expect(await page.locator('[data-section="history"] tr').last().textContent()).toContain(
            'partially_refunded',
          );
          const shot = process.env.DASHBOARD_SCREENSHOT;
          if (shot) await page.screenshot({ path: shot, fullPage: false });

          await page.goto(`${url}/notifications`);
          await page.getByLabel('Verdict').selectOption('rejected_signature');
          await page.getByRole('button', { name: 'Filter' }).click();
          const row = page.locator('[data-section="notifications"] tbody tr').first();
          await row.getByLabel('Replay').check();
          await row.getByRole('button', { name: 'Replay' }).click();
          await expect
            .poll(() => page.locator('.flash.ok').textContent())
            .toContain('Replayed: the verdict is rejected_signature.');
          expect(page.url()).toContain('verdict=rejected_signature');
        } finally {
          await browser.close();
        }
      },
      60_000,
    );
  },
  { databases: ['sqlite'] },
);
