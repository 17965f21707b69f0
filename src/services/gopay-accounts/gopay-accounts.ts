/**
 * GopayAccountService: GoPay account linking (GoPay tokenization) for one-click GoPay. Each owner
 * (the host's user) has at most one account. `link` starts it, the customer activates it at GoPay,
 * and then `kit.payments.createCharge({ paymentType: 'gopay', paymentOptions: { accountId } })`
 * charges it without a redirect: the kit supplies the stored payment-option token, and only the
 * owner can charge their account. The token never leaves the kit (no view, log, error or relayed
 * event shows it).
 * Subclass it and pass it as `createMidtrans({ services: { gopayAccounts: MyGopayAccountService } })`.
 */
import { MidtransApiError, NotFoundError } from '../../errors.js';
import type { GopayAccount } from '../../storage/records/gopay-account.js';
import type { WirePayAccountResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { KitUser } from '../core/hooks.js';
import type { LinkGopayAccountOptions } from './gopay-account-schema.js';
import { applyAccountAnswer } from './gopay-account-sync.js';
import { type GopayLinkResult, runLink } from './gopay-link-flow.js';

/** Links, reads and unlinks the GoPay accounts of the host's users. */
export class GopayAccountService {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /**
   * Start linking the owner's GoPay account; send the customer to `activationUrl`. A new link
   * replaces a pending, expired or unlinked one. @throws ConflictError when the owner already has an
   * enabled account. @throws ValidationError for bad input or a phone number GoPay refuses.
   */
  async link(options: LinkGopayAccountOptions): Promise<GopayLinkResult> {
    return runLink(this.ctx, options);
  }

  /** The owner's stored account (no Midtrans call). @throws NotFoundError */
  async get(owner: KitUser): Promise<GopayAccount> {
    const account = await this.ctx.store.gopayAccounts.findByUserId(String(owner.id));
    if (account === undefined) throw new NotFoundError('No GoPay account linked for this user');
    return account;
  }

  /**
   * Ask Midtrans for the owner's account (Get Pay Account) and store its status and token; raises
   * `gopay_account.linked` / `gopay_account.unlinked` when it changed. @throws NotFoundError
   */
  async refresh(owner: KitUser): Promise<GopayAccount> {
    const current = await this.get(owner);
    if (current.accountId === null) return current;
    const response = await this.ctx.client.core.getPayAccount(current.accountId);
    return this.apply(current, response, 'api');
  }

  /**
   * Unlink the owner's account (Midtrans unbind): it can no longer be charged, its token is
   * dropped. Unlinking an account that is not usable changes nothing. @throws NotFoundError
   */
  async unlink(owner: KitUser): Promise<GopayAccount> {
    const current = await this.get(owner);
    if (current.accountId === null || current.status === 'disabled' || current.status === 'expired') {
      return current;
    }
    const response = await this.ctx.client.core.unbindPayAccount(current.accountId);
    if (response.status_code !== '204' && response.status_code !== '200') {
      throw new MidtransApiError({
        httpStatus: 200,
        statusCode: response.status_code,
        messages: [response.channel_response_message ?? 'unbind refused'],
        errorId: undefined,
        retryable: false,
        body: response,
      });
    }
    return this.apply(current, { ...response, account_status: response.account_status ?? 'DISABLED' }, 'api');
  }

  private apply(
    current: GopayAccount,
    response: WirePayAccountResponse,
    source: 'api',
  ): Promise<GopayAccount> {
    return this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.gopayAccounts.lockByUserId(current.userId)) ?? current;
      // A new link made meanwhile has another Midtrans account: this answer is not about it.
      if (locked.accountId !== current.accountId) return locked;
      return applyAccountAnswer(this.ctx, tx, locked, response, source);
    });
  }
}
