/**
 * PaymentService: the payment methods of django-payment-midtrans (the Django package midtrans-kit
 * ports) in camelCase, one options object each, with that package's return shapes. Every method
 * that takes a payment accepts the record or its order id; when given a record it is updated in
 * place with the stored values, as that package does.
 * Subclass it and pass it as `createMidtrans({ services: { payments: MyPaymentService } })`.
 */

import type { PaymentStatus } from '../../constants.js';
import type { Page } from '../../storage/paging.js';
import type { Payment } from '../../storage/records/payment.js';
import type { WireStatusResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { KitUser } from '../core/hooks.js';
import { runCapture } from './capture-flow.js';
import { type ChargeResult, runCharge } from './charge-flow.js';
import type { CreateChargeOptions, CreateSnapOptions } from './charge-input.js';
import { type OperationResult, runOperation } from './operation-flow.js';
import {
  type CaptureOptions,
  type PaymentListFilters,
  paymentListFiltersCheck,
} from './operation-schemas.js';
import { findPayment, type PaymentRef, refreshInPlace } from './payment-records.js';
import { applyTransaction } from './payment-sync.js';
import { type RefundOptions, type RefundResultRecord, runRefund } from './refund-flow.js';
import { runSnap, type SnapTransactionResult } from './snap-flow.js';

/** Options of `listPayments`: whose payments (required: lists are per user) and the filters. */
export type ListPaymentsOptions = Omit<PaymentListFilters, 'status'> & {
  /** Whose payments. */
  user: KitUser;
  /** Only these statuses. */
  status?: PaymentStatus | PaymentStatus[];
};

/** Charges and manages payments. */
export class PaymentService {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /**
   * Create a Core API charge. The record is written before Midtrans is called; its events
   * (`payment.created`, then the answer's) are delivered by the consumers, in that order.
   */
  async createCharge(options: CreateChargeOptions): Promise<ChargeResult> {
    return runCharge(this.ctx, options);
  }

  /** Create a Snap transaction (hosted payment page). Events as `createCharge`. */
  async createSnapTransaction(options: CreateSnapOptions): Promise<SnapTransactionResult> {
    return runSnap(this.ctx, options);
  }

  /** Fetch the status from Midtrans, update the record (and the given object), return the raw answer. */
  async getStatus(payment: PaymentRef): Promise<WireStatusResponse> {
    const current = await findPayment(this.ctx, payment);
    const response = await this.ctx.client.core.status(current.orderId);
    const updated = await this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.payments.lockById(current.id)) ?? current;
      return (await applyTransaction(this.ctx, tx, locked, response, 'api')).payment;
    });
    refreshInPlace(payment, updated);
    return response;
  }

  /** The stored payment (no Midtrans call). @throws NotFoundError */
  async getPayment(payment: PaymentRef): Promise<Payment> {
    return findPayment(this.ctx, payment);
  }

  /** Cancel a pending, authorised or captured (not yet settled) payment. */
  async cancelPayment(payment: PaymentRef): Promise<OperationResult> {
    return runOperation(this.ctx, payment, 'cancel', (p, key) =>
      this.ctx.client.core.cancel(p.orderId, { idempotencyKey: key }),
    );
  }

  /** Force-expire a pending payment. */
  async expirePayment(payment: PaymentRef): Promise<OperationResult> {
    return runOperation(this.ctx, payment, 'expire', (p, key) =>
      this.ctx.client.core.expire(p.orderId, { idempotencyKey: key }),
    );
  }

  /** Approve a payment challenged by fraud detection. */
  async approvePayment(payment: PaymentRef): Promise<OperationResult> {
    return runOperation(this.ctx, payment, 'approve', (p, key) =>
      this.ctx.client.core.approve(p.orderId, { idempotencyKey: key }),
    );
  }

  /** Deny a payment challenged by fraud detection. */
  async denyPayment(payment: PaymentRef): Promise<OperationResult> {
    return runOperation(this.ctx, payment, 'deny', (p, key) =>
      this.ctx.client.core.deny(p.orderId, { idempotencyKey: key }),
    );
  }

  /**
   * Capture an authorised card payment, in full or `amount` (once per authorisation; the same
   * amount again is a retry, another amount a ConflictError). Only the captured amount is refundable.
   */
  async capturePayment(payment: PaymentRef, options: CaptureOptions = {}): Promise<OperationResult> {
    return runCapture(this.ctx, payment, options);
  }

  /** Refund a paid payment, in full or in part; safe to retry. */
  async refundPayment(payment: PaymentRef, options: RefundOptions): Promise<RefundResultRecord> {
    return runRefund(this.ctx, payment, options);
  }

  /** A user's payments, newest first, keyset-paged. */
  async listPayments(options: ListPaymentsOptions): Promise<Page<Payment>> {
    const { user, status, ...rest } = options;
    const filters =
      status === undefined ? rest : { ...rest, status: Array.isArray(status) ? status : [status] };
    const id = (user as { id?: unknown } | undefined)?.id;
    const userIssues =
      typeof id === 'string' || typeof id === 'number' ? [] : [{ field: 'user.id', reason: 'is required' }];
    paymentListFiltersCheck.assert(filters, userIssues);
    return this.ctx.store.payments.list({
      userId: String(id),
      ...filters,
    });
  }
}
