/**
 * Per-attempt deadlines. A caller's signal and our own timer end one attempt, and we remember
 * which of the two fired so a timeout and a caller's cancellation are reported differently.
 *
 * This runs once per HTTP attempt, so it is built to cost little on the common path (the answer
 * comes in time): one timer, and no AbortController or event listener unless something needs them.
 * The transport's `signal` is created only when a transport reads it; the built-in transport
 * instead registers a plain callback ({@link cancelHookOf}), which saves the controller, its
 * listeners and Node's own abort-signal plumbing in `http.request` (together about a fifth of the
 * client's CPU time per request at concurrency 32, see bench/FIXES.md).
 */

/** Called once with the reason when the attempt is cancelled (deadline passed or caller aborted). */
export type CancelListener = (reason: unknown) => void;

/** Registers a {@link CancelListener} on the attempt it belongs to. */
export type CancelHook = (listener: CancelListener) => void;

/**
 * Where an attempt's {@link CancelHook} sits on the request handed to a transport. A symbol, so it
 * stays out of the public `TransportRequest` shape and of `JSON.stringify`, yet travels along when
 * a wrapping transport spreads the request into a new object (it is still the same attempt).
 */
const CANCEL_HOOK: unique symbol = Symbol('midtrans-kit.cancelHook');

/** A request object that may carry a cancel hook. */
interface Cancellable {
  [CANCEL_HOOK]?: CancelHook;
}

/** The cancel hook of an attempt's request, when the HTTP client put one there. */
export function cancelHookOf(request: object): CancelHook | undefined {
  return (request as Cancellable)[CANCEL_HOOK];
}

/** Attach `deadline`'s cancel hook to `request` (mutates and returns it). */
export function withCancelHook<T extends object>(request: T, deadline: Deadline): T {
  const out: T & Cancellable = request;
  out[CANCEL_HOOK] = (listener) => deadline.onCancel(listener);
  return out;
}

/** A running deadline for one attempt. Call {@link Deadline.clear} when the attempt ends. */
export class Deadline {
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort: (() => void) | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  #timedOut = false;
  #cancelled = false;
  #reason: unknown;
  #controller: AbortController | undefined;
  #listener: CancelListener | undefined;
  /** Listeners after the first (a wrapping transport may start more than one exchange per attempt). */
  #more: CancelListener[] | undefined;
  #reject: ((reason: unknown) => void) | undefined;

  /** Start a deadline of `timeoutMs` that also follows `outer`. */
  constructor(timeoutMs: number, outer: AbortSignal | undefined) {
    this.#outer = outer;
    if (outer?.aborted) {
      this.#cancel(outer.reason);
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#cancel(new DOMException('Midtrans request timed out', 'TimeoutError'));
    }, timeoutMs);
    if (outer) {
      this.#onOuterAbort = () => this.#cancel(outer.reason);
      outer.addEventListener('abort', this.#onOuterAbort, { once: true });
    }
  }

  /**
   * Aborts when the time is up or the caller's signal aborts. Created on first read: only
   * transports that use it pay for it.
   */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#cancelled) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** True once our own timer fired (as opposed to the caller aborting). */
  timedOut(): boolean {
    return this.#timedOut;
  }

  /** Call `listener` when the attempt is cancelled; at once if it already was. */
  onCancel(listener: CancelListener): void {
    if (this.#cancelled) listener(this.#reason);
    else if (!this.#listener) this.#listener = listener;
    else if (this.#more) this.#more.push(listener);
    else this.#more = [listener];
  }

  /**
   * Settle like `promise`, or reject with the cancellation reason as soon as the deadline passes
   * or the caller aborts, whichever comes first — so a transport that ignores cancellation still
   * cannot outlive the deadline.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#cancelled) reject(this.#reason);
      else this.#reject = reject;
      promise.then(resolve, reject);
    });
  }

  /** Stop the timer and detach from the caller's signal; call when the attempt ends. */
  clear(): void {
    clearTimeout(this.#timer);
    if (this.#onOuterAbort) this.#outer?.removeEventListener('abort', this.#onOuterAbort);
    this.#listener = undefined;
    this.#more = undefined;
    this.#reject = undefined;
  }

  #cancel(reason: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    // Reject first: a listener that throws (a transport's) must not keep the attempt waiting.
    this.#reject?.(reason);
    for (const listener of [this.#listener, ...(this.#more ?? [])]) {
      try {
        listener?.(reason);
      } catch {
        // The attempt is over either way; what the transport failed to clean up is its own.
      }
    }
  }
}
