/** The linked GoPay account record (GoPay tokenization: `/v2/pay/account`), one per owner. */
import type { NewRecord, RecordPatch, StoredRecord, UpdateOptions } from './common.js';

/**
 * The kit's status of a linked account: `pending` until the customer activates the link,
 * `enabled` while it can be charged, `disabled` once unlinked, `expired` when the link lapsed or
 * Midtrans expired the account, `failed` when Midtrans refused to start the link.
 */
export type GopayAccountStatus = 'pending' | 'enabled' | 'disabled' | 'expired' | 'failed';

/** A linked (or linking) GoPay account as stored. */
export interface GopayAccount extends StoredRecord {
  /** The host user who owns the account; only they can charge it. */
  userId: string;
  /** Midtrans `account_id` (unique once Midtrans made one). */
  accountId: string | null;
  /** The kit's status. */
  status: GopayAccountStatus;
  /** Midtrans `account_status` as last received (PENDING, ENABLED, DISABLED, EXPIRED). */
  accountStatus: string | null;
  /** Midtrans's `activation-link-url` while the account waits for the customer. */
  activationUrl: string | null;
  /**
   * The payment-option token the kit charges with (a secret like a card token: no view, log or
   * relayed event shows it).
   */
  paymentOptionToken: string | null;
  /** Which payment option the token is (`GOPAY_WALLET`…). */
  paymentOptionName: string | null;
  /** When the account became enabled. */
  linkedAt: Date | null;
  /** When it stopped being usable (unlinked or expired). */
  unlinkedAt: Date | null;
  /** Incremented on every update. */
  version: number;
}

/** Input of `gopayAccounts.insert`. */
export type NewGopayAccount = NewRecord<GopayAccount, 'userId' | 'status'>;

/** Input of `gopayAccounts.update`. */
export type GopayAccountPatch = RecordPatch<GopayAccount>;

/** Linked GoPay accounts outside a transaction. */
export interface GopayAccountRepository {
  /** Insert; ConflictError if the owner already has a row or the account id is taken. */
  insert(input: NewGopayAccount): Promise<GopayAccount>;
  /** The account with this id, or undefined. */
  findById(id: string): Promise<GopayAccount | undefined>;
  /** The owner's account, or undefined. */
  findByUserId(userId: string): Promise<GopayAccount | undefined>;
  /** The account with this Midtrans account id, or undefined. */
  findByAccountId(accountId: string): Promise<GopayAccount | undefined>;
  /** Change fields; NotFoundError if absent, ConflictError on a unique key or a stale version. */
  update(id: string, patch: GopayAccountPatch, options?: UpdateOptions): Promise<GopayAccount>;
}

/** Linked GoPay accounts inside `store.transaction`: adds locking reads. */
export interface LockingGopayAccountRepository extends GopayAccountRepository {
  /** Read and lock the owner's account until the transaction ends. */
  lockByUserId(userId: string): Promise<GopayAccount | undefined>;
  /** Read and lock by Midtrans account id. */
  lockByAccountId(accountId: string): Promise<GopayAccount | undefined>;
}
