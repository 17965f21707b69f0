/** Linked GoPay accounts: every field, lookups by owner and account id, unique keys, locking reads. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import type { NewGopayAccount } from '../../src/storage/index.js';
import type { Harness } from './harness.js';

function fullAccount(userId: string, accountId: string): NewGopayAccount {
  return {
    userId,
    accountId,
    status: 'enabled',
    accountStatus: 'ENABLED',
    activationUrl: `https://api.sandbox.midtrans.com/v2/gopay/redirect/gpar_${accountId}/link`,
    paymentOptionToken: 'eyJ0eXBlIjogIkdPUEFZX1dBTExFVCIsICJpZCI6ICIifQ==',
    paymentOptionName: 'GOPAY_WALLET',
    linkedAt: new Date('2025-03-04T05:06:07.089Z'),
    unlinkedAt: null,
  };
}

/** Register the GoPay account tests. */
export function registerGopayAccountTests(h: Harness): void {
  describe('GoPay accounts', () => {
    it('stores every field and finds the row by id, owner and Midtrans account id', async () => {
      const { gopayAccounts } = h.store();
      const input = fullAccount(h.unique('gu'), h.unique('acc'));
      const created = await gopayAccounts.insert(input);

      expect(created).toMatchObject({ ...input, version: 1 });
      expect(await gopayAccounts.findById(created.id)).toEqual(created);
      expect(await gopayAccounts.findByUserId(input.userId)).toEqual(created);
      expect(await gopayAccounts.findByAccountId(String(input.accountId))).toEqual(created);
      expect(await gopayAccounts.findByUserId(h.unique('nobody'))).toBeUndefined();

      const unlinkedAt = new Date('2025-04-05T06:07:08.009Z');
      const patch = { status: 'disabled', paymentOptionToken: null, unlinkedAt } as const;
      const disabled = await gopayAccounts.update(created.id, patch, { expectedVersion: 1 });
      expect(disabled).toMatchObject({ ...patch, version: 2 });
    });

    it('keeps one row per owner and one per Midtrans account', async () => {
      const { gopayAccounts } = h.store();
      const user = h.unique('gu');
      const account = h.unique('acc');
      await gopayAccounts.insert(fullAccount(user, account));
      await expect(gopayAccounts.insert(fullAccount(user, h.unique('acc')))).rejects.toMatchObject({
        constructor: ConflictError,
        field: 'userId',
      });
      await expect(gopayAccounts.insert(fullAccount(h.unique('gu'), account))).rejects.toMatchObject({
        constructor: ConflictError,
        field: 'accountId',
      });
      // Many owners may wait for Midtrans's account id at once.
      await gopayAccounts.insert({ userId: h.unique('gu'), status: 'pending' });
      await gopayAccounts.insert({ userId: h.unique('gu'), status: 'pending' });
    });

    it('locks by owner and by account id inside a transaction, and sees its own update', async () => {
      const store = h.store();
      const input = fullAccount(h.unique('gu'), h.unique('acc'));
      const created = await store.gopayAccounts.insert(input);
      const after = await store.transaction(async (tx) => {
        const byUser = await tx.gopayAccounts.lockByUserId(input.userId);
        expect(byUser?.id).toBe(created.id);
        const updated = await tx.gopayAccounts.update(created.id, { status: 'disabled' });
        const byAccount = await tx.gopayAccounts.lockByAccountId(String(input.accountId));
        expect(byAccount).toMatchObject({ status: 'disabled', version: 2 });
        return updated;
      });
      expect(await store.gopayAccounts.findById(created.id)).toEqual(after);
    });
  });
}
