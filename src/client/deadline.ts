/**
 * Per-attempt deadlines. A caller's signal and our own timer feed one AbortSignal, and we remember
 * which of the two fired so a timeout and a caller's cancellation are reported differently.
 */

/** A running deadline for one attempt. */
export interface Deadline {
  /** Aborts when the time is up or the caller's signal aborts. */
  signal: AbortSignal;
  /** True once our own timer fired (as opposed to the caller aborting). */
  timedOut: () => boolean;
  /** Stop the timer and detach from the caller's signal; call when the attempt ends. */
  clear: () => void;
}

/** Start a deadline of `timeoutMs` that also follows `outer`. */
export function startDeadline(timeoutMs: number, outer: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Midtrans request timed out', 'TimeoutError'));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** Settle like `promise`, or reject with the signal's reason as soon as it aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
