/**
 * One round of a consumer: claim a batch of its events, hand it over, and record the outcome on
 * its own delivery rows — delivered, or failed with the time of its retry — and complete the
 * events every registered consumer now has.
 */
import type { ClaimedEvent } from '../../storage/records/event-delivery.js';
import type { Store } from '../../storage/store.js';
import { errorDetail, type KitLogger } from '../core/logger.js';

/** Outcome of delivering pending events. */
export interface DispatchResult {
  /** Events this process's consumers delivered. */
  delivered: number;
  /** Events a consumer failed on; they are retried later. */
  failed: number;
}

/**
 * Delivers claimed events, in the order given; returns the failures by delivery id (every other
 * event counts as delivered). A throw fails the whole batch (a relay whose broker did not confirm).
 */
export type DeliverClaimed = (claimed: readonly ClaimedEvent[]) => Promise<Map<string, unknown>>;

/** What a round needs. */
export interface RoundDeps {
  store: Store;
  logger: KitLogger;
  now: () => Date;
  /** The consumer. */
  name: string;
  deliver: DeliverClaimed;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Run the consumer again after `delay` ms (a failed event's retry). */
  retryLater: (delay: number) => void;
}

/** Claim up to `limit` events for the consumer, leased for `leaseMs`. */
export function claimBatch(deps: RoundDeps, limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  const leaseUntil = new Date(deps.now().getTime() + leaseMs);
  return deps.store.transaction((tx) =>
    tx.deliveries.claim({ consumer: deps.name, limit, now: deps.now(), leaseUntil }),
  );
}

/** Deliver a claimed batch and record the outcome. */
export async function finishBatch(
  deps: RoundDeps,
  claimed: readonly ClaimedEvent[],
): Promise<DispatchResult> {
  const { store, now } = deps;
  let failures: Map<string, unknown>;
  try {
    failures = await deps.deliver(claimed);
  } catch (error) {
    failures = new Map(claimed.map((item) => [item.deliveryId, error]));
  }
  const delivered = claimed.filter((item) => !failures.has(item.deliveryId));
  // One short transaction for the batch (one commit, not two); a crash before it delivers the
  // batch again (at least once).
  await store.transaction(async (tx) => {
    await tx.deliveries.markDelivered(
      delivered.map((item) => item.deliveryId),
      now(),
    );
    await tx.deliveries.completeEvents(
      delivered.map((item) => item.event.id),
      now(),
    );
  });
  for (const item of claimed) {
    if (!failures.has(item.deliveryId)) continue;
    const error = failures.get(item.deliveryId);
    const delay = Math.min(deps.retryBaseMs * 2 ** item.attempts, deps.retryMaxMs);
    deps.logger.error(
      {
        consumer: deps.name,
        eventId: item.event.eventId,
        type: item.event.type,
        attempt: item.attempts + 1,
        retryInMs: delay,
        ...errorDetail(error),
      },
      'midtrans-kit: event consumer failed; the event will be retried',
    );
    await store.deliveries.markFailed(item.deliveryId, {
      error: error instanceof Error ? error.message : String(error),
      retryAt: new Date(now().getTime() + delay),
    });
    deps.retryLater(delay + 10);
  }
  return { delivered: delivered.length, failed: failures.size };
}
