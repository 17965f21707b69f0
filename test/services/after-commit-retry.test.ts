/** A service transaction the database rolls back as a deadlock victim runs again, whole, once more. */
import { expect, it } from 'vitest';
import { afterCommit, withAfterCommit } from '../../src/services/core/after-commit.js';
import { describeWithKit } from '../support/kit-harness.js';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describeWithKit('services: deadlock victims', (h) => {
  it('are run again from the start; the rolled-back attempt leaves no row and no callback', async () => {
    const kit = await h.createKit();
    const store = withAfterCommit(kit.store, silent);
    let attempts = 0;
    let callbacks = 0;
    const eventId = `evt-retry-${Date.now()}`;
    const result = await store.transaction(async (tx) => {
      attempts += 1;
      await tx.outbox.insert({ eventId, type: 'payment.paid', payload: { attempt: attempts } });
      afterCommit(tx, () => {
        callbacks += 1;
      });
      if (attempts === 1) throw Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' });
      return attempts;
    });
    expect(result).toBe(2);
    expect(callbacks).toBe(1);
    expect(await kit.store.outbox.findByEventId(eventId)).toMatchObject({ payload: { attempt: 2 } });
  });

  it('other errors are not retried', async () => {
    const kit = await h.createKit();
    const store = withAfterCommit(kit.store, silent);
    let attempts = 0;
    await expect(
      store.transaction(async () => {
        attempts += 1;
        throw new Error('not a deadlock');
      }),
    ).rejects.toThrow('not a deadlock');
    expect(attempts).toBe(1);
  });
});
