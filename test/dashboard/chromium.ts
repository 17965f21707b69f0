/**
 * Launching the system's Debian chromium with playwright-core (never a downloaded browser): a fresh
 * profile per launch, headless, no background traffic. Missing chromium skips outside CI and fails
 * under `CI=true`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Debian installs chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. @throws under CI when chromium is missing */
export function chromiumUnavailable(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `${CHROMIUM_PATH} is not installed (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`browser tests need chromium under CI: ${reason}`);
  return reason;
}

/** A browser context on a fresh profile; `close()` also removes the profile. */
export async function launchChromium(
  extraHTTPHeaders: Record<string, string>,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'midtrans-dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
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
    extraHTTPHeaders,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
