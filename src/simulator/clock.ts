/**
 * The simulator's clock. Every expiry, due date and billing time is checked against it,
 * never against the wall clock directly, so tests can move time forward.
 */

/** What the `now` option accepts: a time source, or a fixed start that moves only when told. */
export type NowOption = (() => Date) | Date;

/** The simulator clock. */
export interface SimClock {
  /** Current simulator time in epoch milliseconds. */
  nowMs(): number;
  /** Current simulator time. */
  now(): Date;
  /** Whether time flows on its own (a time source), so real timers should wake due work. */
  readonly live: boolean;
  /** Move to an absolute instant (may go backwards only through `set`). */
  set(ms: number): void;
}

/**
 * Create a clock. With no option it follows the wall clock; with a function it follows that
 * function (plus any offset from `set`); with a Date it stays frozen at that instant until moved.
 */
export function createClock(option?: NowOption): SimClock {
  if (option instanceof Date) {
    let frozen = option.getTime();
    return {
      live: false,
      nowMs: () => frozen,
      now: () => new Date(frozen),
      set(ms) {
        frozen = ms;
      },
    };
  }
  const source = option ?? (() => new Date());
  let offset = 0;
  return {
    live: true,
    nowMs: () => source().getTime() + offset,
    now: () => new Date(source().getTime() + offset),
    set(ms) {
      offset = ms - source().getTime();
    },
  };
}
