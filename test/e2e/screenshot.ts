/**
 * Regenerate docs/images/checkout.png: `npx tsx test/e2e/screenshot.ts`. Starts the Express
 * example on a free port, places a BCA VA order as a customer and captures the checkout.
 */
import { startExpressExample } from '../../examples/express/server.js';
import { launchBrowser } from './browser.js';
import { placeOrder, signIn, WAIT } from './flows.js';

const app = await startExpressExample({ port: 0, databaseFile: ':memory:' });
const browser = await launchBrowser();
try {
  const context = await browser.browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, app.url, 'u-ayu');
  await placeOrder(page, app.url, 'batik', 'bca');
  await page.getByTestId('va-number').waitFor(WAIT);
  await page.evaluate('window.scrollTo(0, 0)'); // the click scrolled the form into view
  await page.screenshot({ path: 'docs/images/checkout.png', type: 'png' });
  console.log('wrote docs/images/checkout.png');
} finally {
  await browser.close();
  await app.close();
}
