/** The customer's and the staff member's clicks, shared by the Express and Koa tests. */
import type { BrowserContext, Page } from 'playwright-core';

/** Generous waits for a loaded 2-core machine: every wait is on a condition, never a sleep. */
export const WAIT = { timeout: 15_000 };

/** Sign in on the demo login page as `userId`. */
export async function signIn(page: Page, baseUrl: string, userId: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.click(`button[data-user="${userId}"]`, WAIT);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);
}

/** Place an order on the checkout page; resolves with its order id. */
export async function placeOrder(
  page: Page,
  baseUrl: string,
  product: string,
  method: string,
): Promise<string> {
  await page.goto(`${baseUrl}/`);
  await page.check(`input[name="product"][value="${product}"]`, { ...WAIT, force: true });
  await page.check(`input[name="method"][value="${method}"]`, { ...WAIT, force: true });
  await page.click('#place-order', WAIT);
  const orderId = page.getByTestId('order-id');
  await orderId.waitFor(WAIT);
  return (await orderId.textContent())?.trim() ?? '';
}

/** Wait until the checkout page shows `label` as the payment's status. */
export async function expectStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('payment-status').getByText(label, { exact: true }).waitFor(WAIT);
}

/** Follow the checkout's link to the simulator's pay page (a new tab) and press Pay there. */
export async function payOnSimulator(context: BrowserContext, checkout: Page): Promise<Page> {
  const [simulator] = await Promise.all([
    context.waitForEvent('page', WAIT),
    checkout.getByTestId('simulator-link').click(WAIT),
  ]);
  await simulator.waitForLoadState('domcontentloaded');
  await simulator.click('button.pay', WAIT);
  await simulator.getByText('settlement').first().waitFor(WAIT);
  return simulator;
}

/** As staff, refund `orderId` on the orders page and wait for Refunded. */
export async function refundAsStaff(page: Page, baseUrl: string, orderId: string): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${baseUrl}/orders`);
  const row = page.locator(`tr[data-order="${orderId}"]`);
  await row.locator('button[data-action="refund"]').click(WAIT);
  await row.locator('[data-status="refunded"]').waitFor(WAIT);
}

/** As staff, capture the authorised card payment `orderId` on the orders page and wait for Paid. */
export async function captureAsStaff(page: Page, baseUrl: string, orderId: string): Promise<void> {
  await page.goto(`${baseUrl}/orders`);
  const row = page.locator(`tr[data-order="${orderId}"]`);
  await row.locator('button[data-action="capture"]').click(WAIT);
  await row.locator('[data-status="paid"]').waitFor(WAIT);
}
