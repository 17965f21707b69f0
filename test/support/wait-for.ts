/**
 * Polling instead of fixed sleeps: a test waits for the thing it needs to have happened, so it is
 * as fast as the machine allows and still passes on a slow, busy one.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between checks (default 10 ms). */
  intervalMs?: number;
  /** What is awaited, for the error message. */
  what?: string;
}

/** Resolve once `check` is true (polling); reject with `what` when it is not within the timeout. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  options: WaitForOptions = {},
): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 10, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await sleep(intervalMs);
  }
}
