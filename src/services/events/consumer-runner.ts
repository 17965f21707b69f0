/**
 * One named consumer running in this process: it claims the events it has not had yet (and its own
 * failed ones once due) from the database, hands them to its `deliver` function, and marks its own
 * delivery rows. Runs start when the process itself committed events (`wake`), on a poll timer (events
 * written by another process: the CLI, a worker), on a retry timer, or when asked (`deliverPending`).
 * Nothing the services do waits for a run.
 */
import { ConfigError } from '../../errors.js';
import type { Store } from '../../storage/store.js';
import { errorDetail, type KitLogger } from '../core/logger.js';
import {
  claimBatch,
  type DeliverClaimed,
  type DispatchResult,
  finishBatch,
  type RoundDeps,
} from './delivery-round.js';

export type { DeliverClaimed, DispatchResult } from './delivery-round.js';

// Bounds one run, so a flood of new events cannot keep `deliverPending` waiting forever.
const MAX_ROUNDS = 20;

const OPTION_NAMES = ['retryBaseMs', 'retryMaxMs', 'batchSize', 'leaseMs', 'pollMs'];

/** Check delivery tuning given by the host; a ConfigError names the option (`events.batchSize`). */
export function checkEventOptions(value: unknown, path: string): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') throw new ConfigError(path, 'must be an object');
  for (const [name, n] of Object.entries(value)) {
    if (!OPTION_NAMES.includes(name)) throw new ConfigError(`${path}.${name}`, 'is not a known option');
    const max = name === 'batchSize' ? 1000 : 2_147_483_647;
    // pollMs 0: no polling (a process that only ever delivers what it wrote itself, or tests).
    const min = name === 'pollMs' ? 0 : 1;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max)) {
      throw new ConfigError(`${path}.${name}`, `must be an integer from ${min} to ${max}`);
    }
  }
}

/** Delivery tuning (kit option `events`, or per consumer). */
export interface EventBusOptions {
  /** First retry delay after a consumer error, in ms; doubled per attempt. Default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay, in ms. Default 3,600,000 (1 h). */
  retryMaxMs?: number;
  /** Events claimed per round. Default 50. */
  batchSize?: number;
  /** How long claimed events are hidden from the consumer's other processes. Default 60,000. */
  leaseMs?: number;
  /** How often a running consumer looks for events written by other processes, in ms. Default 1000. */
  pollMs?: number;
}

/** What a runner needs. */
export interface ConsumerRunnerDeps {
  store: Store;
  logger: KitLogger;
  now: () => Date;
  /** The consumer's name (its delivery state in the database). */
  name: string;
  deliver: DeliverClaimed;
  /** Whether the consumer has anything to run now (the default consumer: any listener). */
  active?: () => boolean;
  options?: EventBusOptions;
  /** Run at once (a named consumer) rather than at the first poll (the default consumer, whose
   * listeners are often added before the kit's tables exist). */
  startNow?: boolean;
  /** Claim the next batch while the last one is being delivered (relays: throughput). */
  overlap?: boolean;
}

/** A consumer running in this process. */
export interface ConsumerRunner {
  readonly name: string;
  /** Start a run soon without waiting for it (this process committed events). */
  wake(): void;
  /** Deliver everything due now, including what was committed before the call; resolves after. */
  deliverPending(): Promise<DispatchResult>;
  /** Stop the timers and wait for a run in progress. */
  stop(): Promise<void>;
}

/** Start a consumer: it registers its name, delivers what is due, and polls. */
export function startConsumerRunner(deps: ConsumerRunnerDeps): ConsumerRunner {
  const { store, logger, now, name } = deps;
  const overlap = deps.overlap === true;
  const active = deps.active ?? (() => true);
  const retryBaseMs = deps.options?.retryBaseMs ?? 1000;
  const retryMaxMs = deps.options?.retryMaxMs ?? 3_600_000;
  const batchSize = deps.options?.batchSize ?? 50;
  const leaseMs = deps.options?.leaseMs ?? 60_000;
  const pollMs = deps.options?.pollMs ?? 1000;
  const round: RoundDeps = {
    store,
    logger,
    now,
    name,
    deliver: deps.deliver,
    retryBaseMs,
    retryMaxMs,
    retryLater: (delay) => later(delay),
  };
  let registered: Promise<unknown> | undefined;
  let current: Promise<DispatchResult> | undefined;
  let busy = false;
  let again = false;
  let stopped = false;

  const logFailure = (error: unknown) =>
    logger.error(
      { consumer: name, ...errorDetail(error) },
      'midtrans-kit: event delivery failed; events stay pending',
    );

  // One timer, at the earliest retry due: a batch of 200 failed events asks for 200 retries at the
  // same moment, and one run retries them all. Later ones stay queued for the next timer.
  const retryTimes = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  function arm(): void {
    if (stopped || retryTimes.size === 0) return;
    const next = Math.min(...retryTimes);
    if (timer !== undefined && timerAt <= next) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = next;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Number.POSITIVE_INFINITY;
        for (const at of retryTimes) if (at <= Date.now()) retryTimes.delete(at);
        wake();
        arm();
      },
      Math.max(next - Date.now(), 0),
    );
    timer.unref();
  }
  function later(delay: number): void {
    if (stopped) return;
    // Rounded to 10 ms, so a batch's retries share one entry.
    retryTimes.add(Math.ceil((Date.now() + delay) / 10) * 10);
    arm();
  }

  async function run(): Promise<DispatchResult> {
    const total: DispatchResult = { delivered: 0, failed: 0 };
    try {
      if (stopped || !active()) return total;
      registered ??= store.deliveries.registerConsumer(name).catch((error: unknown) => {
        registered = undefined;
        throw error;
      });
      await registered;
      // With `overlap`, the next batch is claimed while the last one is still being delivered (a
      // relay waiting for the broker's confirm): at most two batches in flight, each marked after
      // its own delivery, handed over in claim order.
      let inFlight: Promise<DispatchResult> | undefined;
      const settle = async () => {
        const result = await inFlight;
        inFlight = undefined;
        if (result === undefined) return;
        total.delivered += result.delivered;
        total.failed += result.failed;
      };
      let more = false;
      for (let count = 0; count < MAX_ROUNDS && !stopped; count++) {
        again = false;
        const claimed = await claimBatch(round, batchSize, leaseMs);
        if (claimed.length > 0) {
          const finishing = finishBatch(round, claimed);
          // Awaited below; until then a rejection must not count as unhandled.
          finishing.catch(() => undefined);
          if (!overlap) {
            inFlight = finishing;
            await settle();
          } else {
            await settle();
            inFlight = finishing;
          }
        }
        // Another pass when the batch was full or events were committed meanwhile (a handler that
        // changed a payment): the caller of `deliverPending` gets those too.
        more = claimed.length === batchSize || again;
        if (!more) break;
      }
      await settle();
      // Left over after the last round (a flood): go on soon, without holding the caller.
      if (more) later(0);
      return total;
    } finally {
      // In the same step as the last check of `again`: a call from now on starts a new run.
      busy = false;
    }
  }

  // One run at a time. A call during a run asks it for one more pass, which sees the caller's events.
  function deliverPending(): Promise<DispatchResult> {
    if (busy && current !== undefined) {
      again = true;
      return current;
    }
    busy = true;
    current = run();
    return current;
  }

  function wake(): void {
    if (stopped) return;
    deliverPending().catch(logFailure);
  }

  // A poll looks first (one plain read), and claims only when there is something: an idle
  // process does not take a write lock every second.
  async function pollOnce(): Promise<void> {
    if (stopped || busy || !active()) return;
    if (await store.deliveries.hasDue(name, now())) wake();
  }
  const poll = pollMs > 0 ? setInterval(() => void pollOnce().catch(logFailure), pollMs) : undefined;
  poll?.unref();
  if (deps.startNow === true) wake();

  return {
    name,
    wake,
    deliverPending,
    async stop() {
      stopped = true;
      if (poll !== undefined) clearInterval(poll);
      if (timer !== undefined) clearTimeout(timer);
      retryTimes.clear();
      await Promise.allSettled([current]);
    },
  };
}
