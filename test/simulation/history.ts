/**
 * One history: a seed picks the users and a sequence of operations, runs them against a fresh
 * world, then drives every open transaction to an end, runs the reconciler until it is quiet and
 * checks the invariants. The same seed replays the same choices.
 */
import { rmSync } from 'node:fs';
import type { TestDatabaseKind } from '../support/databases.js';
import { tempSqliteFile } from '../support/databases.js';
import { checkInvariants } from './invariants.js';
import { checkPaymentLinks } from './invariants-payment-links.js';
import { createModel, type Model, type Step } from './model.js';
import { malformed, nul, recharge, trespass } from './ops-attacks.js';
import { advanceClock, invoice, payInvoice, subscribe, trespassBilling } from './ops-billing.js';
import { gopayAttack, gopayCharge, gopayLink, gopayUnlink } from './ops-gopay-accounts.js';
import { createLink, deleteLink, payLink } from './ops-payment-links.js';
import { charge, customer, operate, pickSnapMethod, read, refund, snap } from './ops-payments.js';
import { cli, deliver, deliverAll, reconcile } from './ops-system.js';
import { createRng } from './prng.js';
import { World } from './world.js';

/** Every operation kind, with its weight in a history. */
export const OPERATIONS = {
  charge: { weight: 14, run: charge },
  snap: { weight: 3, run: snap },
  customer: { weight: 22, run: customer },
  deliver: { weight: 14, run: deliver },
  operate: { weight: 8, run: operate },
  refund: { weight: 10, run: refund },
  read: { weight: 3, run: read },
  trespass: { weight: 5, run: trespass },
  recharge: { weight: 2, run: recharge },
  malformed: { weight: 4, run: malformed },
  nul: { weight: 2, run: nul },
  invoice: { weight: 3, run: invoice },
  payInvoice: { weight: 2, run: payInvoice },
  subscribe: { weight: 3, run: subscribe },
  trespassBilling: { weight: 2, run: trespassBilling },
  advanceClock: { weight: 3, run: advanceClock },
  reconcile: { weight: 3, run: reconcile },
  cli: { weight: 1, run: cli },
  createLink: { weight: 4, run: createLink },
  payLink: { weight: 6, run: payLink },
  deleteLink: { weight: 2, run: deleteLink },
  gopayLink: { weight: 5, run: gopayLink },
  gopayCharge: { weight: 7, run: gopayCharge },
  gopayAttack: { weight: 3, run: gopayAttack },
  gopayUnlink: { weight: 2, run: gopayUnlink },
} as const;

/** An operation kind. */
export type OperationKind = keyof typeof OPERATIONS;

/** What one history did and found. */
export interface HistoryResult {
  seed: number;
  db: TestDatabaseKind;
  operations: number;
  crashes: number;
  notifications: number;
  violations: string[];
  trace: string[];
}

/** Options of one history. */
export interface HistoryOptions {
  seed: number;
  db: TestDatabaseKind;
  /** Operation kinds left out (default none). */
  exclude?: readonly string[];
}

/** Run one history and check it. */
export async function runHistory(options: HistoryOptions): Promise<HistoryResult> {
  const rng = createRng(options.seed);
  const model = createModel(options.seed, rng);
  const sqliteFile = options.db === 'sqlite' ? tempSqliteFile() : undefined;
  const world = new World(options.db, sqliteFile, options.seed);
  const weights = Object.fromEntries(
    Object.entries(OPERATIONS)
      .filter(([kind]) => !options.exclude?.includes(kind))
      .map(([kind, op]) => [kind, op.weight]),
  ) as Record<OperationKind, number>;
  await world.start();
  try {
    const step: Step = { world, model, rng };
    const count = rng.int(35, 60);
    for (let i = 0; i < count; i += 1) {
      const kind = rng.weighted(weights);
      world.note(`#${i} ${kind}`);
      await attempt(world, kind, () => OPERATIONS[kind].run({ ...step, rng: rng.fork() }));
      world.stats.operations += 1;
      // Every notification the operation caused is captured before the next one starts.
      await world.sim.controls.idle({ timeoutMs: 20_000 });
    }
    await attempt(world, 'final', () => finish(world, model, rng.fork()));
    world.violations.push(...(await checkInvariants(world, model)));
    world.violations.push(...(await checkPaymentLinks(world, model)));
  } finally {
    await world.stop();
    if (sqliteFile)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
  }
  return {
    seed: options.seed,
    db: options.db,
    operations: world.stats.operations,
    crashes: world.stats.crashes,
    notifications: world.stats.notificationsDelivered,
    violations: world.violations,
    trace: world.trace,
  };
}

async function attempt(world: World, kind: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    world.violations.push(
      `harness: ${kind} threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

/**
 * The end of every history: customers finish or abandon what is open, Midtrans moves past every
 * window, the rest of the notifications arrive (or are lost), and the reconciler runs until quiet.
 */
async function finish(world: World, model: Model, rng: ReturnType<typeof createRng>): Promise<void> {
  world.disarm();
  const step: Step = { world, model, rng };
  for (const order of model.orders.values()) if (order.snapUrl) await pickSnapMethod(step, order, 'bca_va');
  // Two days pass: subscriptions bill, unpaid charges and Snap pages expire.
  world.sim.controls.advanceClock(2 * 86_400_000 + 60_000);
  await world.sim.controls.idle({ timeoutMs: 20_000 });
  if (rng.chance(0.5)) await deliverAll(world);
  const { controls } = world.sim;
  for (const txn of controls.transactions()) {
    try {
      if (txn.transactionStatus === 'pending') controls.expire(txn.orderId);
      else if (txn.transactionStatus === 'authorize') controls.fail(txn.orderId);
      else if (txn.transactionStatus === 'capture' && txn.fraudStatus === 'challenge')
        controls.fail(txn.orderId);
      else if (txn.transactionStatus === 'capture') controls.settle(txn.orderId);
    } catch {
      // Moved on meanwhile.
    }
  }
  controls.advanceClock(10 * 60_000);
  await controls.idle({ timeoutMs: 20_000 });
  await deliverAll(world);
  if (rng.chance(0.5)) await deliverAll(world);
  else world.inbox.waiting.length = 0;
  for (let round = 0; round < 5; round += 1) {
    const summary = await world.kit.reconciler.run({ olderThan: 0, leaseMs: 1, settledEvery: 0 });
    world.note(`final reconcile ${round}: ${JSON.stringify(summary).slice(0, 600)}`);
    await controls.idle({ timeoutMs: 20_000 });
    await deliverAll(world);
    const moved =
      summary.refunds.settled +
      summary.refunds.released +
      summary.billing.resumed +
      summary.charges.recovered;
    if (summary.updated === 0 && summary.failed === 0 && moved === 0) break;
  }
  await world.kit.events.dispatchPending();
}

/** The one command that replays a history exactly. */
export function replayCommand(db: TestDatabaseKind, seed: number, excluded: readonly string[] = []): string {
  const ex = excluded.length > 0 ? ` --exclude ${excluded.join(',')}` : '';
  return `npm run simulate -- --db ${db} --seed ${seed} --runs 1${ex}`;
}
