/**
 * Debian's chromium driven by playwright-core (never a downloaded browser). Outside CI a missing
 * /usr/bin/chromium skips the browser tests with a reason; under CI=true it fails them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian installs chromium (`.ci/run` apt-installs it when missing). */
export const CHROMIUM = process.env.MIDTRANS_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is missing (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

/** A launched browser with its own throwaway profile. */
export interface E2eBrowser {
  browser: Browser;
  /** A fresh context (cookies are per context, so each one is its own visitor). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launch chromium headless; playwright gives every launch a fresh temporary user-data dir. */
export async function launchBrowser(): Promise<E2eBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    newContext: () => browser.newContext({ viewport: { width: 1180, height: 860 } }),
    async close() {
      await browser.close();
    },
  };
}

/** Directory for failure screenshots (kept out of git by .tmp/ in .gitignore). */
export const SCREENSHOT_DIR = join(process.cwd(), '.tmp', 'e2e-screenshots');

/** Run `steps`; on failure save a screenshot of every open page, then rethrow. */
export async function withScreenshots(
  name: string,
  pages: () => Page[],
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    let index = 0;
    for (const page of pages()) {
      const file = join(SCREENSHOT_DIR, `${name}-${index++}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`e2e failure screenshot: ${file}`);
    }
    throw error;
  }
}
