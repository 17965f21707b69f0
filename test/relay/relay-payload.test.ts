/**
 * A relayed event leaves the process: the raw Midtrans bodies (a card charge's `token_id`, a
 * notification's signature) and a subscription's saved card token stay behind.
 */
import { describe, expect, it } from 'vitest';
import { toRelayedEvent } from '../../src/relay/relay.js';
import { decodeRelayedEvent, encodeRelayedEvent } from '../../src/relay/relayed-event.js';

const at = new Date('2026-01-02T03:04:05.000Z');

describe('relayed payload', () => {
  it('keeps the record and withholds the card token, raw bodies and headers', () => {
    const payload = {
      payment: {
        id: 'pay-1',
        orderId: 'O-1',
        grossAmount: 150_000,
        customerDetails: { first_name: 'Budi' },
        chargeRequest: { credit_card: { token_id: '481111-1114-SECRET' } },
        chargeResponse: { status_code: '200' },
        lastResponse: { signature_key: 'abc' },
        createdAt: at.toISOString(),
      },
      from: 'pending',
      source: 'notification',
    };
    const relayed = toRelayedEvent({
      deliveryId: 'd1',
      attempts: 0,
      event: {
        id: 'row-1',
        eventId: 'pay-1:paid',
        type: 'payment.paid',
        payload,
        attempts: 0,
        lastError: null,
        availableAt: at,
        deliveredAt: null,
        createdAt: at,
        updatedAt: at,
      },
    });
    const body = encodeRelayedEvent(relayed);
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('signature_key');
    expect(relayed).toMatchObject({ id: 'pay-1:paid', key: 'pay-1', occurredAt: at.toISOString() });
    const event = decodeRelayedEvent(body);
    if (!('payment' in event) || event.payment == null) throw new Error('a payment event');
    expect(event.payment).toMatchObject({
      orderId: 'O-1',
      grossAmount: 150_000,
      chargeRequest: null,
      chargeResponse: null,
      lastResponse: null,
    });
    expect(event.payment.createdAt).toEqual(at);
    // The stored event itself is untouched: the kit's own consumers still see the full record.
    expect(payload.payment.chargeRequest.credit_card.token_id).toBe('481111-1114-SECRET');
  });

  it('refuses a body that is not a midtrans-kit event', () => {
    expect(() => decodeRelayedEvent('{"id":"x","type":"nope","occurredAt":"","payload":{}}')).toThrow(/type/);
    expect(() => decodeRelayedEvent('not json')).toThrow(/JSON/);
  });
});
