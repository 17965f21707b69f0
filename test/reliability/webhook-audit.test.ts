/**
 * Hostile webhook bodies on every database: whatever arrives is stored (one audit row) and
 * refused with a 4xx. PostgreSQL cannot store a NUL character in text, so a body carrying one
 * (raw, or as a `\u0000` escape that lands in a summary field) must still be audited, not fail
 * the insert with a 502; very long and unicode fields must fit.
 */
import { expect, it } from 'vitest';
import { deliver, signedBody } from '../services/webhook-helpers.js';
import { describeWithKit } from '../support/kit-harness.js';
import { report } from './support.js';

describeWithKit('reliability: webhook audit of hostile bodies', (h) => {
  it('stores and refuses NUL, escaped NUL, very long and unicode fields', async () => {
    const long = 'X'.repeat(600);
    const bodies: unknown[] = [
      '\u0000\u0000',
      `{"order_id":"A\u0000B","status_code":"200"}`,
      `{"order_id":"\\u0000x","status_code":"200","gross_amount":"1.00","transaction_status":"settlement","signature_key":"a"}`,
      { ...signedBody('NUL-1', 'settlement', 1000), fraud_status: 'accept\u0000' },
      signedBody(long, 'settlement', 1000),
      signedBody('😀'.repeat(300), 'settlement', 1000),
      { ...signedBody('LONG-1', 'settlement', 1000), transaction_id: long, payment_type: long },
      { ...signedBody('LONG-2', 'settlement', 1000), gross_amount: '9'.repeat(400), status_code: long },
    ];
    const before = await h.kit.store.knex(h.kit.store.tables.notifications).count({ n: '*' });
    const statuses: number[] = [];
    for (const body of bodies) statuses.push((await deliver(h.kit, body)).httpStatus);
    const after = await h.kit.store.knex(h.kit.store.tables.notifications).count({ n: '*' });
    const audited = Number(after[0]?.n ?? 0) - Number(before[0]?.n ?? 0);
    report(`webhook audit [${h.kind}]`, {
      inputsTried: bodies.length,
      answered4xx: statuses.filter((s) => s >= 400 && s < 500).length,
      answered5xx: statuses.filter((s) => s >= 500).length,
      audited,
      lost: bodies.length - audited,
    });
    expect(
      statuses.every((s) => s >= 400 && s < 500),
      statuses.join(','),
    ).toBe(true);
    expect(audited).toBe(bodies.length);
  });
});
