/**
 * Shared pieces of the reliability suite: the one-line count report every test prints, the
 * truth Midtrans holds for an order (from the simulator), and a capture of everything a kit logs
 * so the secrets test (and the others) can scan it for the server key.
 */
import type { MidtransLogger } from '../../src/config.js';
import { toPaymentStatus } from '../../src/domain/status.js';
import type { SimulatorTransactionSnapshot } from '../../src/simulator/index.js';

/** Print one line of counts, e.g. `[reliability] faults [sqlite]: injected=40 lost=0`. */
export function report(title: string, counts: Record<string, number | string>): void {
  const parts = Object.entries(counts).map(([key, value]) => `${key}=${value}`);
  console.log(`[reliability] ${title}: ${parts.join(' ')}`);
}

/** The payment status midtrans-kit should hold for a simulator transaction. */
export function truthOf(txn: SimulatorTransactionSnapshot): string {
  return toPaymentStatus(txn.transactionStatus, txn.fraudStatus);
}

/** Refunds Midtrans paid out for a transaction (from its status body). */
export function refundsAtMidtrans(txn: SimulatorTransactionSnapshot | undefined): number {
  const refunds = txn?.status.refunds;
  return Array.isArray(refunds) ? refunds.length : 0;
}

/** A logger that keeps every line (as JSON text) it is given. */
export function capturingLogger(lines: string[]): MidtransLogger {
  const keep = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    lines.push(`${level} ${msg ?? ''} ${safeJson(obj)}`);
  };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** JSON of anything, errors included (their message and stack are what would be logged). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Error ? { ...item, name: item.name, message: item.message, stack: item.stack } : item,
  );
}

/** Bounded wait for a condition, polling. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  ms: number,
  what: string,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
