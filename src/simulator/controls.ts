/**
 * Test controls: drive transactions through Midtrans's documented transitions as a customer,
 * bank or card holder would, move the clock, inject faults and read the delivery log.
 */

import type { JsonObject } from '../wire-types.js';
import { completeThreeDs } from './card-charge.js';
import { cardBehaviour } from './cards.js';
import { charge } from './charge.js';
import type { SimContext } from './context.js';
import { transition } from './engine.js';
import type { FaultTable } from './faults.js';
import { payInvoice } from './invoice-payment.js';
import { payPaymentLink } from './payment-link-payment.js';
import { remainingAmount } from './refunds.js';
import { createState, findTransaction } from './state.js';
import type { SimTransaction } from './transaction.js';
import { transactionView } from './transaction-views.js';
import type { SeededTransaction, SimulatorControls, SimulatorTransactionSnapshot } from './types.js';

/** A control refused: unknown id (`not_found`) or not possible in the current state (`invalid_state`). */
export class SimulatorControlError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_state' | 'invalid_input',
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorControlError';
  }
}

/** A snapshot of a transaction for the controls. */
export function snapshot(ctx: SimContext, txn: SimTransaction): SimulatorTransactionSnapshot {
  return {
    orderId: txn.orderId,
    transactionId: txn.transactionId,
    paymentType: txn.paymentType,
    grossAmount: txn.grossAmount,
    transactionStatus: txn.status,
    fraudStatus: txn.fraudStatus,
    status: transactionView(txn, ctx.options.merchantId, ctx.options.serverKey, 'status'),
  };
}

const refuse = (txn: SimTransaction, action: string): SimulatorControlError =>
  new SimulatorControlError(
    'invalid_state',
    `Cannot ${action} ${txn.orderId}: it is ${txn.status}${txn.fraudStatus ? `/${txn.fraudStatus}` : ''}`,
  );

// An empty override list: the transaction notifies nobody, now or on later transitions.
const SILENT = { override: [] as string[], append: [] as string[] };

function seedOne(ctx: SimContext, body: JsonObject, index: number): SeededTransaction {
  const answer = charge(ctx, body, SILENT);
  const reply = answer.body as JsonObject | null;
  const orderId = reply?.order_id;
  const transactionId = reply?.transaction_id;
  if (answer.status !== 200 || typeof orderId !== 'string' || typeof transactionId !== 'string') {
    throw new SimulatorControlError(
      'invalid_input',
      `charges[${index}] was refused: ${JSON.stringify(reply)}`,
    );
  }
  return { orderId, transactionId };
}

const statusOf = (txn: SimTransaction): string => txn.status;

/** Create the controls over a context. */
export function createControls(ctx: SimContext, faults: FaultTable): SimulatorControls {
  const find = (id: string): SimTransaction => {
    ctx.scheduler.runDue();
    const txn = findTransaction(ctx.state, id);
    if (!txn) throw new SimulatorControlError('not_found', `No transaction ${id}`);
    return txn;
  };
  const done = (txn: SimTransaction): SimulatorTransactionSnapshot => snapshot(ctx, txn);

  const controls: SimulatorControls = {
    pay(id) {
      const txn = find(id);
      if (txn.status === 'pending' && txn.card) {
        completeThreeDs(ctx, txn, { ...cardBehaviour('4811111111111114') });
        // completeThreeDs moved the status on; read it afresh.
        if (statusOf(txn) === 'capture') transition(ctx, txn, 'settlement');
        return done(txn);
      }
      if (txn.status === 'pending' || (txn.status === 'capture' && txn.fraudStatus !== 'challenge')) {
        transition(ctx, txn, 'settlement');
        return done(txn);
      }
      throw refuse(txn, 'pay');
    },
    fail(id) {
      const txn = find(id);
      if (txn.status === 'capture' && txn.fraudStatus === 'challenge') {
        transition(ctx, txn, 'deny', { fraudStatus: 'deny' });
      } else if (txn.status === 'pending' || txn.status === 'authorize') {
        const fields: Record<string, string> = txn.card
          ? { channel_response_code: '05', channel_response_message: 'Do not honor' }
          : {};
        transition(ctx, txn, 'deny', { fields });
      } else throw refuse(txn, 'fail');
      return done(txn);
    },
    expire(id) {
      const txn = find(id);
      if (txn.status !== 'pending') throw refuse(txn, 'expire');
      transition(ctx, txn, 'expire');
      return done(txn);
    },
    challenge(id) {
      const txn = find(id);
      if (txn.card && txn.status === 'pending') {
        completeThreeDs(ctx, txn, cardBehaviour('4511111111111117'));
      } else if (txn.card && txn.status === 'capture' && txn.fraudStatus === 'accept') {
        transition(ctx, txn, 'capture', { fraudStatus: 'challenge' });
      } else throw refuse(txn, 'challenge');
      return done(txn);
    },
    settle(id) {
      const txn = find(id);
      if (txn.status !== 'capture' || txn.fraudStatus === 'challenge') throw refuse(txn, 'settle');
      transition(ctx, txn, 'settlement');
      return done(txn);
    },
    reverse(id) {
      const txn = find(id);
      if (txn.status !== 'settlement' || !txn.spec.reversible) throw refuse(txn, 'reverse');
      transition(ctx, txn, 'deny');
      return done(txn);
    },
    chargeback(id, options = {}) {
      const txn = find(id);
      if (!['settlement', 'partial_refund', 'partial_chargeback'].includes(txn.status)) {
        throw refuse(txn, 'charge back');
      }
      const remaining = remainingAmount(txn);
      const amount = options.amount ?? remaining;
      if (!Number.isInteger(amount) || amount < 1 || amount > remaining) {
        throw new SimulatorControlError('invalid_input', `Chargeback amount must be 1..${remaining}`);
      }
      txn.chargedBackAmount += amount;
      transition(ctx, txn, amount === remaining ? 'chargeback' : 'partial_chargeback');
      return done(txn);
    },
    rejectNextDirectRefunds(count = 1) {
      ctx.rejectDirectRefunds += count;
    },
    failNextSubscriptionCharges(subscriptionId, count = 1) {
      if (!ctx.state.subscriptions.has(subscriptionId)) {
        throw new SimulatorControlError('not_found', `No subscription ${subscriptionId}`);
      }
      ctx.failNextSubscriptionCharges.set(
        subscriptionId,
        (ctx.failNextSubscriptionCharges.get(subscriptionId) ?? 0) + count,
      );
    },
    payInvoice(invoiceId) {
      ctx.scheduler.runDue();
      const invoice = ctx.state.invoices.get(invoiceId);
      if (!invoice) throw new SimulatorControlError('not_found', `No invoice ${invoiceId}`);
      const result = payInvoice(ctx, invoice);
      if (typeof result === 'string') throw new SimulatorControlError('invalid_state', result);
      return done(result);
    },
    payPaymentLink(orderId) {
      ctx.scheduler.runDue();
      const link = ctx.state.paymentLinks.get(orderId);
      if (!link) throw new SimulatorControlError('not_found', `No payment link ${orderId}`);
      const result = payPaymentLink(ctx, link);
      if (typeof result === 'string') throw new SimulatorControlError('invalid_state', result);
      return done(result);
    },
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new SimulatorControlError('invalid_input', 'ms must be ≥ 0');
      ctx.scheduler.advanceTo(ctx.clock.nowMs() + ms);
      return ctx.clock.now();
    },
    async advanceClockSettled(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new SimulatorControlError('invalid_input', 'ms must be ≥ 0');
      await ctx.scheduler.advanceToSettled(ctx.clock.nowMs() + ms, () => ctx.notifier.answered());
      return ctx.clock.now();
    },
    setNow(date) {
      const target = new Date(date).getTime();
      if (Number.isNaN(target)) throw new SimulatorControlError('invalid_input', 'not a date');
      if (target > ctx.clock.nowMs()) ctx.scheduler.advanceTo(target);
      else ctx.clock.set(target);
      return ctx.clock.now();
    },
    now: () => ctx.clock.now(),
    reset() {
      ctx.scheduler.clear();
      ctx.notifier.reset();
      faults.clear();
      ctx.state = createState();
      ctx.failNextSubscriptionCharges.clear();
      ctx.rejectDirectRefunds = 0;
    },
    seed(charges, options = {}) {
      ctx.scheduler.runDue();
      return charges.map((body, index) => {
        const created = seedOne(ctx, body, index);
        if (options.settle) controls.pay(created.orderId);
        return created;
      });
    },
    transactions: () => {
      ctx.scheduler.runDue();
      return ctx.state.all.map((txn) => snapshot(ctx, txn));
    },
    transaction(id) {
      ctx.scheduler.runDue();
      const txn = findTransaction(ctx.state, id);
      return txn ? snapshot(ctx, txn) : undefined;
    },
    deliveries: (orderId) => {
      const log = ctx.notifier.log();
      return orderId === undefined ? log : log.filter((entry) => entry.orderId === orderId);
    },
    fault: (fault) => faults.add(fault),
    notificationFault: (fault) => ctx.notifier.fault(fault),
    clearFaults() {
      faults.clear();
      ctx.notifier.clearFaults();
    },
    idle: (options = {}) => ctx.notifier.idle(options.timeoutMs ?? 10_000),
    async waitForDeliveries(options = {}) {
      const limit = options.timeoutMs ?? 10_000;
      if (options.count === undefined) await ctx.notifier.idle(limit);
      else await ctx.notifier.waitForFinal(options.count, limit);
      return ctx.notifier.log();
    },
  };
  return controls;
}
