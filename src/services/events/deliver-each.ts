/** Handing claimed events to typed handlers, one at a time. */
import type { ClaimedEvent } from '../../storage/records/event-delivery.js';
import type { DeliverClaimed } from './delivery-round.js';
import { decodePayload } from './event-payload.js';
import type { KitEvent, KitEventType } from './event-types.js';

/** The typed event a handler receives for a claimed row. */
export function toKitEvent(claimed: ClaimedEvent): KitEvent {
  const { event } = claimed;
  const type = event.type as KitEventType;
  const payload = decodePayload(type, event.payload);
  return {
    ...payload,
    id: event.eventId,
    type,
    occurredAt: event.createdAt,
    attempt: claimed.attempts + 1,
    payload,
  } as KitEvent;
}

/** Deliver one by one, in order; a handler's throw fails that event only. */
export function deliverEach(handle: (event: KitEvent) => Promise<void>): DeliverClaimed {
  return async (claimed) => {
    const failures = new Map<string, unknown>();
    for (const item of claimed) {
      try {
        await handle(toKitEvent(item));
      } catch (error) {
        failures.set(item.deliveryId, error);
      }
    }
    return failures;
  };
}
