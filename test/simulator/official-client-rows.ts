/**
 * The official `midtrans-client`'s public methods, one row each: how the contract test calls it
 * against the simulator, and the fixture its answer must match. `optional` lists, per row, the
 * keys Midtrans documents as sometimes absent (test/fixtures/README.md, "Reading them") that the
 * fixture and the simulator's answer do not share; nothing else is tolerated.
 */
import type { Simulator } from '../../src/simulator/index.js';
import { fixture } from '../support/fixtures.js';
import { CLIENT_KEY } from './harness.js';

/** A JSON answer of the official client. */
export type Json = Record<string, unknown>;

/** The official client's objects, as far as the test calls them. */
export interface OfficialClients {
  core: MethodBag & { transaction: MethodBag };
  snap: MethodBag & { transaction: MethodBag };
}

/** An object of the official client seen as its methods by name. */
export type MethodBag = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** What the rows share while they run in table order. */
export interface RunState {
  sim: Simulator;
  clients: OfficialClients;
  /** Values earlier rows left for later ones (tokens, ids). */
  saved: Map<string, string>;
}

/** One method under contract. */
export interface ContractRow {
  /** `CoreApi.x`, `Transaction.x` or `Snap.x`. */
  method: string;
  fixture: string;
  /** For methods that answer one field of a fixture (the Snap wrappers): that field. */
  field?: string;
  /** Documented optional keys this answer may lack or add (see the module comment). */
  optional?: string[];
  run(state: RunState): Promise<unknown>;
}

const card = (number: string): Json => ({
  card_number: number,
  card_exp_month: '12',
  card_exp_year: '2030',
  card_cvv: '123',
  client_key: CLIENT_KEY,
});

async function token(state: RunState, number = '4811111111111114'): Promise<string> {
  const answer = (await state.clients.core.cardToken?.(card(number))) as Json;
  return String(answer.token_id);
}

async function chargeCard(state: RunState, orderId: string, number: string, extra: Json = {}): Promise<Json> {
  return (await state.clients.core.charge?.({
    payment_type: 'credit_card',
    transaction_details: { order_id: orderId, gross_amount: 250000 },
    credit_card: { token_id: await token(state, number), ...extra },
  })) as Json;
}

const saved = (state: RunState, key: string): string => {
  const value = state.saved.get(key);
  if (value === undefined) throw new Error(`no ${key} saved by an earlier row`);
  return value;
};

const core = (state: RunState, name: string, ...args: unknown[]): Promise<unknown> => {
  const method = state.clients.core[name];
  if (!method) throw new Error(`CoreApi.${name} is missing`);
  return method.apply(state.clients.core, args);
};
const txn = (state: RunState, name: string, ...args: unknown[]): Promise<unknown> => {
  const method = state.clients.core.transaction[name];
  if (!method) throw new Error(`Transaction.${name} is missing`);
  return method.apply(state.clients.core.transaction, args);
};
const snap = (state: RunState, name: string, ...args: unknown[]): Promise<unknown> => {
  const method = state.clients.snap[name];
  if (!method) throw new Error(`Snap.${name} is missing`);
  return method.apply(state.clients.snap, args);
};

/** Every public method of CoreApi, its Transaction object and Snap, in the order they run. */
export const CONTRACT: readonly ContractRow[] = [
  {
    method: 'CoreApi.cardToken',
    fixture: 'token.response.json',
    run: (state) => core(state, 'cardToken', card('4811111111111114')),
  },
  {
    method: 'CoreApi.cardRegister',
    fixture: 'card-register.response.json',
    run: async (state) => {
      const { card_cvv: _cvv, ...query } = card('4811111111111114');
      const answer = (await core(state, 'cardRegister', query)) as Json;
      state.saved.set('savedToken', String(answer.saved_token_id));
      return answer;
    },
  },
  {
    method: 'CoreApi.cardPointInquiry',
    fixture: 'point-inquiry.response.json',
    run: async (state) => core(state, 'cardPointInquiry', await token(state)),
  },
  {
    method: 'CoreApi.charge',
    fixture: 'charge-bank_transfer-bni.response.json',
    run: (state) =>
      core(state, 'charge', {
        payment_type: 'bank_transfer',
        transaction_details: { order_id: 'OC-BT-1', gross_amount: 150000 },
        bank_transfer: { bank: 'bni' },
      }),
  },
  {
    method: 'CoreApi.capture',
    fixture: 'capture.response.json',
    optional: ['merchant_id', 'currency'],
    run: async (state) => {
      const authorized = await chargeCard(state, 'OC-AUTH-1', '4811111111111114', { type: 'authorize' });
      return core(state, 'capture', { transaction_id: authorized.transaction_id, gross_amount: 250000 });
    },
  },
  {
    method: 'Transaction.status',
    fixture: 'status.response.json',
    optional: ['expiry_time'],
    run: async (state) => {
      await chargeCard(state, 'OC-CC-1', '4811111111111114');
      return txn(state, 'status', 'OC-CC-1');
    },
  },
  {
    method: 'Transaction.notification',
    fixture: 'status.response.json',
    optional: ['expiry_time'],
    run: async (state) => {
      const status = (await txn(state, 'status', 'OC-CC-1')) as Json;
      return txn(state, 'notification', JSON.stringify(status));
    },
  },
  {
    method: 'Transaction.statusb2b',
    fixture: 'b2b-status.response.json',
    // Our B2B items are get-status bodies of a bank transfer: VA numbers and the status keys
    // Midtrans's B2B sample leaves out; its echannel sample has a bill key.
    optional: ['merchant_id', 'currency', 'va_numbers', 'expiry_time', 'bill_key'],
    run: (state) => txn(state, 'statusb2b', 'OC-BT-1'),
  },
  {
    method: 'Transaction.cancel',
    fixture: 'cancel.response.json',
    run: (state) => txn(state, 'cancel', 'OC-BT-1'),
  },
  {
    method: 'Transaction.expire',
    fixture: 'expire.response.json',
    run: async (state) => {
      await core(state, 'charge', {
        payment_type: 'gopay',
        transaction_details: { order_id: 'OC-GP-1', gross_amount: 75000 },
      });
      return txn(state, 'expire', 'OC-GP-1');
    },
  },
  {
    method: 'Transaction.approve',
    fixture: 'approve.response.json',
    optional: ['merchant_id', 'currency'],
    run: async (state) => {
      await chargeCard(state, 'OC-CH-1', '4511111111111117');
      return txn(state, 'approve', 'OC-CH-1');
    },
  },
  {
    method: 'Transaction.deny',
    fixture: 'deny.response.json',
    optional: ['merchant_id', 'currency'],
    run: async (state) => {
      await chargeCard(state, 'OC-CH-2', '4511111111111117');
      return txn(state, 'deny', 'OC-CH-2');
    },
  },
  {
    method: 'Transaction.refund',
    fixture: 'refund.response.json',
    run: (state) => {
      state.sim.controls.settle('OC-CC-1');
      return txn(state, 'refund', 'OC-CC-1', { refund_key: 'OC-R1', amount: 50000, reason: 'contract' });
    },
  },
  {
    method: 'Transaction.refundDirect',
    fixture: 'direct-refund.response.json',
    run: (state) => txn(state, 'refundDirect', 'OC-CC-1', { refund_key: 'OC-R2', amount: 50000 }),
  },
  {
    method: 'CoreApi.linkPaymentAccount',
    fixture: 'pay-account-create.response.json',
    run: async (state) => {
      const answer = (await core(
        state,
        'linkPaymentAccount',
        fixture('pay-account-create.request.json'),
      )) as Json;
      state.saved.set('accountId', String(answer.account_id));
      const link = (answer.actions as { url: string }[])[0]?.url ?? '';
      // The activation page is a GET; the customer's "Link" press is the POST that enables it.
      const opened = await fetch(link, { redirect: 'manual' });
      if (opened.status >= 400) throw new Error(`activation page answered ${opened.status}`);
      const pressed = await fetch(link, { method: 'POST', redirect: 'manual' });
      if (pressed.status >= 400) throw new Error(`pressing Link answered ${pressed.status}`);
      return answer;
    },
  },
  {
    method: 'CoreApi.getPaymentAccount',
    fixture: 'pay-account-get.response.json',
    run: (state) => core(state, 'getPaymentAccount', saved(state, 'accountId')),
  },
  {
    method: 'CoreApi.unlinkPaymentAccount',
    fixture: 'pay-account-unbind.response.json',
    run: (state) => core(state, 'unlinkPaymentAccount', saved(state, 'accountId')),
  },
  {
    method: 'CoreApi.createSubscription',
    fixture: 'subscription-create.response.json',
    run: async (state) => {
      const body = {
        ...fixture<Json>('subscription-create.request.json'),
        token: saved(state, 'savedToken'),
      };
      const answer = (await core(state, 'createSubscription', body)) as Json;
      state.saved.set('subscriptionId', String(answer.id));
      return answer;
    },
  },
  {
    method: 'CoreApi.getSubscription',
    fixture: 'subscription-get.response.json',
    // After the first billing (the request's start_time), so `previous_execution_at` is there.
    run: async (state) => {
      state.sim.controls.setNow('2025-02-01T02:00:00Z');
      await state.sim.controls.idle();
      return core(state, 'getSubscription', saved(state, 'subscriptionId'));
    },
  },
  {
    method: 'CoreApi.disableSubscription',
    fixture: 'subscription-action.response.json',
    run: (state) => core(state, 'disableSubscription', saved(state, 'subscriptionId')),
  },
  {
    method: 'CoreApi.enableSubscription',
    fixture: 'subscription-action.response.json',
    run: (state) => core(state, 'enableSubscription', saved(state, 'subscriptionId')),
  },
  {
    method: 'CoreApi.updateSubscription',
    fixture: 'subscription-action.response.json',
    run: (state) =>
      core(
        state,
        'updateSubscription',
        saved(state, 'subscriptionId'),
        fixture('subscription-update.request.json'),
      ),
  },
  {
    method: 'Snap.createTransaction',
    fixture: 'snap-create.response.json',
    run: (state) =>
      snap(state, 'createTransaction', {
        transaction_details: { order_id: 'OC-SNAP-1', gross_amount: 10000 },
      }),
  },
  {
    method: 'Snap.createTransactionToken',
    fixture: 'snap-create.response.json',
    field: 'token',
    run: (state) =>
      snap(state, 'createTransactionToken', {
        transaction_details: { order_id: 'OC-SNAP-2', gross_amount: 10000 },
      }),
  },
  {
    method: 'Snap.createTransactionRedirectUrl',
    fixture: 'snap-create.response.json',
    field: 'redirect_url',
    run: (state) =>
      snap(state, 'createTransactionRedirectUrl', {
        transaction_details: { order_id: 'OC-SNAP-3', gross_amount: 10000 },
      }),
  },
];
