/**
 * Due work keyed by simulator time (expiries, subscription billing, notification retries).
 * A min-heap keeps "what is due next" O(1) to check, so requests can cheaply run due work
 * before they read state, and clock moves run everything that fell due in time order.
 */
import type { SimClock } from './clock.js';
import { createMinHeap } from './min-heap.js';

/** A handle to scheduled work; cancelling is lazy (the heap skips it when it surfaces). */
export interface ScheduledTask {
  /** Simulator epoch milliseconds at which the work is due. */
  readonly at: number;
  /** Prevent the work from running. */
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  cancelled: boolean;
  run: () => void;
}

/** The scheduler. */
export interface Scheduler {
  /** Run `run` once simulator time reaches `at`. */
  at(at: number, run: () => void): ScheduledTask;
  /** Run everything due at or before the current simulator time. */
  runDue(): void;
  /** Move the clock forward to `target`, running due work in order at its own instant. */
  advanceTo(target: number): void;
  /**
   * Like {@link Scheduler.advanceTo}, but after each instant's work it awaits `settle` (work that
   * instant started and whose outcome schedules more work, such as a notification attempt whose
   * failure schedules a retry), so work scheduled during the jump also runs at its own instant.
   */
  advanceToSettled(target: number, settle: () => Promise<void>): Promise<void>;
  /** Drop all work (and stop the wake-up timer). */
  clear(): void;
}

const MAX_TIMER_MS = 2_147_483_647;

/** Create a scheduler over a clock. A live clock gets a real timer that wakes for the next due task. */
export function createScheduler(clock: SimClock): Scheduler {
  const heap = createMinHeap<Entry>();
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let running = false;

  const arm = (): void => {
    if (!clock.live) return;
    const next = heap.peek();
    if (!next) return;
    if (timer && timerAt <= next.at) return;
    if (timer) clearTimeout(timer);
    timerAt = next.at;
    const delay = Math.min(Math.max(next.at - clock.nowMs(), 0), MAX_TIMER_MS);
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      runDue();
    }, delay);
    // A simulator left open must not keep a test process alive.
    timer.unref();
  };

  const drain = (limit: number, moveClock: boolean): void => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const next = heap.peek();
        if (!next || next.at > limit) break;
        heap.pop();
        if (next.cancelled) continue;
        if (moveClock && next.at > clock.nowMs()) clock.set(next.at);
        next.run();
      }
    } finally {
      running = false;
    }
    arm();
  };

  function runDue(): void {
    const next = heap.peek();
    if (!next || next.at > clock.nowMs()) return;
    drain(clock.nowMs(), false);
  }

  return {
    at(at, run) {
      const entry: Entry = { at, seq: seq++, cancelled: false, run };
      heap.push(entry);
      arm();
      return {
        at,
        cancel() {
          entry.cancelled = true;
        },
      };
    },
    runDue,
    advanceTo(target) {
      drain(target, true);
      if (target > clock.nowMs()) clock.set(target);
      arm();
    },
    async advanceToSettled(target, settle) {
      await settle();
      for (;;) {
        const next = heap.peek();
        if (!next || next.at > target) break;
        // One instant at a time: the clock stands at that instant while its work runs and settles.
        drain(Math.max(next.at, clock.nowMs()), true);
        await settle();
      }
      if (target > clock.nowMs()) clock.set(target);
      arm();
    },
    clear() {
      heap.clear();
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
    },
  };
}
