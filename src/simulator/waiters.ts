/**
 * Promises that resolve when a condition becomes true, re-checked whenever the owner says
 * something changed — so tests await delivery instead of sleeping.
 */

interface Waiter {
  done: () => boolean;
  resolve: () => void;
}

/** A set of pending waits. */
export interface Waiters {
  /** Resolve once `done()` holds; reject after `limitMs` naming `what`. */
  wait(done: () => boolean, limitMs: number, what: string): Promise<void>;
  /** Re-check every pending wait. */
  check(): void;
  /** Resolve every pending wait now (shutdown / reset). */
  releaseAll(): void;
}

/** Create an empty set of waits. */
export function createWaiters(): Waiters {
  let waiters: Waiter[] = [];
  return {
    wait(done, limitMs, what) {
      if (done()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== entry);
          reject(new Error(`Timed out after ${limitMs} ms waiting for ${what}`));
        }, limitMs);
        const entry: Waiter = {
          done,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.push(entry);
      });
    },
    check() {
      if (waiters.length === 0) return;
      waiters = waiters.filter((waiter) => {
        if (!waiter.done()) return true;
        waiter.resolve();
        return false;
      });
    },
    releaseAll() {
      const pending = waiters;
      waiters = [];
      for (const waiter of pending) waiter.resolve();
    },
  };
}
