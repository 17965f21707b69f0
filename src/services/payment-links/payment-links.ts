/**
 * PaymentLinkService: shareable Midtrans payment links with lines, an owner and metadata. Each
 * payment through a link is a transaction Midtrans creates; its notification creates the payment
 * (owned by the link's owner, for the link's amount) and counts it against the link.
 * Subclass it and pass it as `createMidtrans({ services: { paymentLinks: MyPaymentLinkService } })`.
 */
import type { Static } from '@sinclair/typebox';
import { InvalidStateError, MidtransApiError, NotFoundError } from '../../errors.js';
import { toJsonObject } from '../../storage/json.js';
import type { Page } from '../../storage/paging.js';
import type { Payment } from '../../storage/records/payment.js';
import type { PaymentLink, PaymentLinkItem } from '../../storage/records/payment-link.js';
import type { ServiceContext } from '../core/context.js';
import type { KitUser } from '../core/hooks.js';
import { activate, runCreatePaymentLink } from './payment-link-flow.js';
import {
  type CreatePaymentLinkInput,
  type PaymentLinkListFiltersSchema,
  paymentLinkListFiltersCheck,
} from './payment-link-schema.js';

/** Whose links a call may see: a user (or their id); absent means any (staff, the host itself). */
export type PaymentLinkOwner = KitUser | string | undefined;

/** Options of `paymentLinks.list` (newest first): the filters' rule, and whose links. */
export type ListPaymentLinksOptions = Static<typeof PaymentLinkListFiltersSchema> & {
  /** Only this user's links. */
  owner?: PaymentLinkOwner;
};

/** Creates, reads and deletes payment links. */
export class PaymentLinkService {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /**
   * Create a link: the record and its lines are written before Midtrans is called; the answer
   * makes it `active` with its `paymentUrl` and announces `payment_link.created`.
   * @throws ValidationError (nothing written), ConflictError (order id taken), MidtransApiError.
   */
  async create(input: CreatePaymentLinkInput): Promise<PaymentLink> {
    return runCreatePaymentLink(this.ctx, input);
  }

  /**
   * The stored link, by its id or order id. Given an `owner`, another owner's link is a
   * NotFoundError, the same as an absent one. @throws NotFoundError
   */
  async get(id: string, owner?: PaymentLinkOwner): Promise<PaymentLink> {
    const link =
      (await this.ctx.store.paymentLinks.findById(id)) ??
      (await this.ctx.store.paymentLinks.findByOrderId(id));
    const ownerId = ownerIdOf(owner);
    if (link === undefined || (ownerId !== undefined && link.userId !== ownerId)) {
      throw new NotFoundError(`No payment link "${id}"`);
    }
    return link;
  }

  /** A page of links, newest first. @throws ValidationError for bad filters */
  async list(options: ListPaymentLinksOptions = {}): Promise<Page<PaymentLink>> {
    const { owner, ...query } = options;
    paymentLinkListFiltersCheck.assert(query);
    const userId = ownerIdOf(owner);
    return this.ctx.store.paymentLinks.list(userId === undefined ? query : { ...query, userId });
  }

  /** The link's lines, in order. */
  async items(id: string, owner?: PaymentLinkOwner): Promise<PaymentLinkItem[]> {
    const link = await this.get(id, owner);
    return this.ctx.store.paymentLinkItems.listByPaymentLink(link.id);
  }

  /** The payments made through the link, oldest first. */
  async payments(id: string, owner?: PaymentLinkOwner): Promise<Payment[]> {
    const link = await this.get(id, owner);
    return this.ctx.store.payments.listByPaymentLink(link.id);
  }

  /**
   * Ask Midtrans about the link and store its answer. A `draft` (create outcome unknown) becomes
   * `active` if Midtrans has it, `failed` if Midtrans does not.
   */
  async refresh(id: string, owner?: PaymentLinkOwner): Promise<PaymentLink> {
    const link = await this.get(id, owner);
    if (link.status === 'deleted' || link.status === 'failed') return link;
    try {
      const answer = await this.ctx.client.paymentLinks.getPaymentLink(link.orderId);
      if (link.status === 'draft')
        return activate(this.ctx, link.id, answer.payment_link_url, toJsonObject(answer));
      return this.ctx.store.paymentLinks.update(link.id, { response: toJsonObject(answer) });
    } catch (error) {
      if (!(error instanceof MidtransApiError && error.httpStatus === 404) || link.status !== 'draft')
        throw error;
      return this.ctx.store.paymentLinks.update(link.id, { status: 'failed' });
    }
  }

  /**
   * Delete the link at Midtrans (customers can no longer pay through it), then mark it `deleted`
   * and announce `payment_link.deleted`. Deleting a deleted link returns it unchanged; a link
   * Midtrans never created (`failed`) is an InvalidStateError. A 404 from Midtrans means it is
   * already gone there (e.g. a repeat after a lost answer), and is recorded as deleted.
   * @throws NotFoundError, InvalidStateError, MidtransApiError
   */
  async delete(id: string, owner?: PaymentLinkOwner): Promise<PaymentLink> {
    const link = await this.get(id, owner);
    if (link.status === 'deleted') return link;
    if (link.status === 'failed') {
      throw new InvalidStateError(
        'delete',
        link.status,
        `Payment link "${link.orderId}" was never created at Midtrans`,
      );
    }
    try {
      await this.ctx.client.paymentLinks.deletePaymentLink(link.orderId);
    } catch (error) {
      if (!(error instanceof MidtransApiError && error.httpStatus === 404)) throw error;
    }
    return this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.paymentLinks.lockById(link.id)) ?? link;
      if (locked.status === 'deleted') return locked;
      const deleted = await tx.paymentLinks.update(locked.id, {
        status: 'deleted',
        deletedAt: this.ctx.now(),
      });
      await this.ctx.events.enqueue(
        tx,
        'payment_link.deleted',
        { paymentLink: deleted, from: locked.status, source: 'api' },
        { idempotencyKey: `${deleted.id}:deleted` },
      );
      return deleted;
    });
  }
}

function ownerIdOf(owner: PaymentLinkOwner): string | undefined {
  if (owner === undefined) return undefined;
  return typeof owner === 'string' ? owner : String(owner.id);
}
