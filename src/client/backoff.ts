/**
 * Retry pacing. Exponential so a struggling Midtrans gets room, jittered so many clients that
 * failed together do not come back together, and capped so a call never stalls for long.
 */

/** Knobs of the retry pacing; tests inject `sleep` and `random` to run instantly and deterministically. */
export interface BackoffOptions {
  /** Waits `ms`, rejecting with the signal's reason if it aborts first. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Uniform random number in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
  /** Ceiling of the first delay. Default 250 ms. */
  baseDelayMs?: number | undefined;
  /** Largest delay ever used. Default 5000 ms. */
  maxDelayMs?: number | undefined;
}

/** Default first-delay ceiling. */
export const DEFAULT_BASE_DELAY_MS = 250;
/** Default largest delay. */
export const DEFAULT_MAX_DELAY_MS = 5_000;

/**
 * Delay before retry number `attempt + 1` ("equal jitter"): the ceiling doubles per attempt up to
 * `maxMs`, and the delay is uniformly drawn from its upper half so it is never zero.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}

/** A timer-based sleep that stops early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
