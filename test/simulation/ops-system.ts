/**
 * The parts around the requests: Midtrans's notifications reaching the webhook (duplicated,
 * reordered, delayed, dropped), the reconciler in-process, and the `midtrans-kit reconcile`
 * command pointed at the same tables.
 */
import { runReconcileCli } from '../../src/ops-cli.js';
import type { Step } from './model.js';
import { SIM_SERVER_KEY, type World } from './world.js';

/** Hand some captured notifications to the webhook, in a seeded order, with faults. */
export async function deliver(step: Step): Promise<void> {
  const { waiting } = step.world.inbox;
  // Each waiting notification is delivered in order, overtaken by a later one, sent twice,
  // lost for good, or held back for a later round.
  const held: string[] = [];
  const rounds = waiting.length;
  for (let i = 0; i < rounds && waiting.length > 0; i += 1) {
    const fault = step.rng.weighted({ inOrder: 6, reorder: 3, duplicate: 2, drop: 1, delay: 2 });
    if (fault === 'delay') {
      held.push(...waiting.splice(0, 1));
      continue;
    }
    const index = fault === 'reorder' ? step.rng.int(0, waiting.length - 1) : 0;
    const [body] = waiting.splice(index, 1);
    if (body === undefined || fault === 'drop') continue;
    await post(step.world, body);
    if (fault === 'duplicate') await post(step.world, body);
  }
  waiting.push(...held);
}

/** Deliver everything still waiting, in order (the final phase). */
export async function deliverAll(world: World): Promise<void> {
  await world.sim.controls.idle({ timeoutMs: 20_000 });
  while (world.inbox.waiting.length > 0) {
    const body = world.inbox.waiting.shift();
    if (body !== undefined) await post(world, body);
  }
}

async function post(world: World, body: string): Promise<void> {
  world.stats.notificationsDelivered += 1;
  world.inbox.lastDelivered = body;
  await world.request(undefined, 'POST', '/notifications', body);
}

/** One reconciler run of the current kit, over everything open. */
export async function reconcile(step: Step): Promise<void> {
  await step.world.kit.reconciler.run({ olderThan: 0, leaseMs: 1 });
}

/** The `midtrans-kit reconcile` command, as a cron job would run it, against the same tables. */
export async function cli(step: Step): Promise<void> {
  await runCli(step.world);
}

/** Run `midtrans-kit reconcile --older-than 0` in-process with its output captured. */
export async function runCli(world: World): Promise<number> {
  const config = world.databaseConfig();
  const connection = config.connection as string | { filename: string };
  const url = typeof connection === 'string' ? connection : connection.filename;
  const env = {
    MIDTRANS_SERVER_KEY: SIM_SERVER_KEY,
    MIDTRANS_API_BASE_URL: world.sim.apiUrl,
    MIDTRANS_DATABASE_URL: url,
    MIDTRANS_TABLE_PREFIX: world.tablePrefix,
  };
  const write = process.stdout.write;
  const errors: string[] = [];
  const error = console.error;
  process.stdout.write = () => true;
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    const code = await runReconcileCli(['--older-than', '0'], env);
    if (code !== 0) world.violations.push(`CLI: ${errors.join('; ').slice(0, 300)}`);
    return code;
  } finally {
    process.stdout.write = write;
    console.error = error;
  }
}
