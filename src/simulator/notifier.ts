/**
 * Notification delivery: one delivery per (notification, URL), attempts logged, failures
 * retried on Midtrans's schedule. Retries run on real timers scaled by `timeScale`, and also
 * fire when the simulator clock passes their (unscaled) due time — whichever comes first.
 */
import { setMaxListeners } from 'node:events';
import type { JsonObject } from '../wire-types.js';
import type { SimClock } from './clock.js';
import { postNotification } from './http-post.js';
import type { IdSource } from './ids.js';
import {
  DEFAULT_NOTIFICATION_TIMEOUT_MS,
  DEFAULT_RETRY_INTERVALS_MS,
  isDelivered,
  retriesFor,
} from './retry-policy.js';
import type { Scheduler } from './scheduler.js';
import type { DeliveryAttempt, NotificationFault, NotificationRetryOptions } from './types.js';
import { createWaiters } from './waiters.js';

/** A notification ready to send to its URLs. */
export interface OutgoingNotification {
  kind: 'payment' | 'recurring' | 'pay_account';
  orderId: string;
  urls: readonly string[];
  payload: JsonObject;
}

/** The notifier. */
export interface Notifier {
  /** Queue a notification (faults applied). Synchronous: it is queued when this returns. */
  send(notification: OutgoingNotification): void;
  /** The attempt log. */
  log(): DeliveryAttempt[];
  /** Add a notification fault. */
  fault(fault: NotificationFault): void;
  /** Remove notification faults (a held notification is sent now). */
  clearFaults(): void;
  /** Resolve once no attempt is awaiting its reply (retries it earns are then scheduled). */
  answered(): Promise<void>;
  /** Resolve when nothing is in flight or waiting. */
  idle(timeoutMs: number): Promise<void>;
  /** Resolve once `count` deliveries are final. */
  waitForFinal(count: number, timeoutMs: number): Promise<void>;
  /** Forget everything, cancel timers, abort in-flight requests. */
  reset(): void;
}

interface Delivery {
  id: string;
  kind: 'payment' | 'recurring' | 'pay_account';
  url: string;
  orderId: string;
  payload: JsonObject;
  body: string;
  attempts: number;
}

/** Attempts kept in the delivery log; the oldest half is dropped beyond this. */
const MAX_LOG = 20_000;

/** Create a notifier. */
export function createNotifier(
  clock: SimClock,
  scheduler: Scheduler,
  ids: IdSource,
  options: NotificationRetryOptions = {},
): Notifier {
  const timeScale = options.timeScale ?? 1;
  const timeoutMs = options.timeoutMs ?? DEFAULT_NOTIFICATION_TIMEOUT_MS;
  const intervals = options.intervalsMs ?? DEFAULT_RETRY_INTERVALS_MS;
  const jitter = options.jitter ?? 1;

  let attempts: DeliveryAttempt[] = [];
  let outstanding = 0;
  let finalCount = 0;
  const waiters = createWaiters();
  let timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let abort = createShutdownController();
  let duplicateLeft = 0;
  let outOfOrderLeft = 0;
  let delayLeft = 0;
  let delayMs = 0;
  let held: OutgoingNotification | undefined;

  const later = (ms: number, run: () => void): (() => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    return () => {
      clearTimeout(timer);
      timers.delete(timer);
    };
  };

  const finish = (): void => {
    outstanding -= 1;
    finalCount += 1;
    waiters.check();
  };

  const attempt = (delivery: Delivery): void => {
    delivery.attempts += 1;
    const entry: DeliveryAttempt = {
      id: delivery.id,
      kind: delivery.kind,
      url: delivery.url,
      orderId: delivery.orderId,
      payload: delivery.payload,
      attempt: delivery.attempts,
      outcome: 'in-flight',
      startedAt: new Date().toISOString(),
      simulatorTime: clock.now().toISOString(),
    };
    attempts.push(entry);
    // Bounded so a long-running simulator (or a benchmark) does not grow without limit.
    if (attempts.length > MAX_LOG) attempts = attempts.slice(-MAX_LOG / 2);
    const signal = abort.signal;
    // Retries count from the attempt's own simulator instant, not from when its reply arrived:
    // a clock jump may pass while the request is in flight.
    const sentAt = clock.nowMs();
    const flight = postNotification(delivery.url, delivery.body, timeoutMs, signal).then((result) => {
      if (signal.aborted) return;
      entry.finishedAt = new Date().toISOString();
      if (result.status !== undefined) entry.status = result.status;
      if (result.error !== undefined) entry.error = result.error;
      if (isDelivered(result.status)) {
        entry.outcome = 'delivered';
        finish();
        return;
      }
      const retriesUsed = delivery.attempts - 1;
      const allowed = Math.min(retriesFor(result.status), intervals.length);
      if (retriesUsed >= allowed) {
        entry.outcome = 'gave-up';
        finish();
        return;
      }
      entry.outcome = 'retry-scheduled';
      scheduleRetry(delivery, sentAt, intervals[retriesUsed] ?? 0);
    });
    inFlight.add(flight);
    void flight.finally(() => inFlight.delete(flight));
  };

  const scheduleRetry = (delivery: Delivery, sentAt: number, interval: number): void => {
    const delay = interval * (1 + jitter * Math.random());
    let fired = false;
    const fire = (): void => {
      if (fired) return;
      fired = true;
      cancelTimer();
      task.cancel();
      attempt(delivery);
    };
    const cancelTimer = later(delay * timeScale, fire);
    const task = scheduler.at(sentAt + delay, fire);
  };

  const dispatch = (notification: OutgoingNotification): void => {
    const body = JSON.stringify(notification.payload);
    for (const url of notification.urls) {
      outstanding += 1;
      attempt({
        id: ids.uuid(),
        kind: notification.kind,
        url,
        orderId: notification.orderId,
        payload: notification.payload,
        body,
        attempts: 0,
      });
    }
  };

  const dispatchWithOrderFaults = (notification: OutgoingNotification): void => {
    if (outOfOrderLeft > 0 && held === undefined) {
      outOfOrderLeft -= 1;
      held = notification;
      return;
    }
    dispatch(notification);
    if (held !== undefined && held !== notification) {
      const release = held;
      held = undefined;
      dispatch(release);
    }
  };

  return {
    send(notification) {
      if (notification.urls.length === 0) return;
      const copies = duplicateLeft > 0 ? 2 : 1;
      if (duplicateLeft > 0) duplicateLeft -= 1;
      if (delayLeft > 0) {
        delayLeft -= 1;
        // Counted as outstanding while delayed so idle() waits for it.
        outstanding += 1;
        later(delayMs, () => {
          outstanding -= 1;
          for (let i = 0; i < copies; i += 1) dispatchWithOrderFaults(notification);
          waiters.check();
        });
        return;
      }
      for (let i = 0; i < copies; i += 1) dispatchWithOrderFaults(notification);
    },
    log: () => attempts.slice(),
    fault(fault) {
      const times = fault.times ?? 1;
      if (fault.kind === 'duplicate') duplicateLeft += times;
      else if (fault.kind === 'out-of-order') outOfOrderLeft += times;
      else {
        delayLeft += times;
        delayMs = fault.ms ?? 1000;
      }
    },
    clearFaults() {
      duplicateLeft = 0;
      outOfOrderLeft = 0;
      delayLeft = 0;
      if (held) {
        const release = held;
        held = undefined;
        dispatch(release);
      }
    },
    async answered() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    idle(limitMs) {
      return waiters.wait(() => outstanding === 0, limitMs, 'notifications to be delivered');
    },
    waitForFinal(count, limitMs) {
      return waiters.wait(() => finalCount >= count, limitMs, `${count} deliveries to finish`);
    },
    reset() {
      abort.abort();
      abort = createShutdownController();
      for (const timer of timers) clearTimeout(timer);
      timers = new Set();
      attempts = [];
      outstanding = 0;
      finalCount = 0;
      held = undefined;
      duplicateLeft = 0;
      outOfOrderLeft = 0;
      delayLeft = 0;
      waiters.releaseAll();
    },
  };
}

/** One signal shared by every in-flight delivery, so any number of listeners on it is expected. */
function createShutdownController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
