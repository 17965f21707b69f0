/** Linked GoPay accounts on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { GopayAccount, LockingGopayAccountRepository } from '../records/gopay-account.js';
import { createTableAccess } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals } from './filters.js';

const columns: ColumnSpec<GopayAccount> = {
  id: 'text',
  userId: 'text',
  accountId: 'text',
  status: 'text',
  accountStatus: 'text',
  activationUrl: 'text',
  paymentOptionToken: 'text',
  paymentOptionName: 'text',
  linkedAt: 'date',
  unlinkedAt: 'date',
  version: 'integer',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the repository of a context (locking methods work only in a transaction). */
export function createGopayAccountRepository(ctx: StoreContext): LockingGopayAccountRepository {
  const table = ctx.tables.gopayAccounts;
  const access = createTableAccess(
    ctx,
    createCodec<GopayAccount>('GoPay account', table, columns),
    [
      { field: 'userId', name: uniqueKeyName(table, 'user') },
      { field: 'accountId', name: uniqueKeyName(table, 'account') },
    ],
    true,
  );
  const byUser = (userId: string) => whereEquals('user_id', userId);
  const byAccount = (accountId: string) => whereEquals('account_id', accountId);
  return {
    insert: (input) => access.insert(access.build(input, {})),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByUserId: (userId) => access.findOne(byUser(userId)),
    findByAccountId: (accountId) => access.findOne(byAccount(accountId)),
    update: (id, patch, options) => access.update(id, patch, options),
    lockByUserId: (userId) => access.findOne(byUser(userId), 'update'),
    lockByAccountId: (accountId) => access.findOne(byAccount(accountId), 'update'),
  };
}
