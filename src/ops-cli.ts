/**
 * `midtrans-kit migrate` and `midtrans-kit reconcile`: the two jobs a host runs outside its web
 * process (a deploy step, a cron line). Configured by environment variables (see cli-env.ts);
 * exit codes: 0 done, 1 something failed, 2 bad arguments or configuration.
 */
import { kitOptionsFromEnv, parseCount } from './cli-env.js';
import { ConfigError } from './errors.js';
import { createMidtrans } from './kit.js';
import type { ReconcileOptions } from './services/reconciler.js';
import { parseFlags } from './simulator/cli.js';
import { createKnexStore } from './storage/knex-store.js';

/** Usage of both commands. */
export const OPS_USAGE = `Usage:
  midtrans-kit migrate     create or upgrade the kit's tables
  midtrans-kit reconcile [--older-than <seconds>] [--batch-size <n>] [--concurrency <n>]
                           re-check open payments with Midtrans; prints a JSON summary

Environment: MIDTRANS_DATABASE_URL (mysql://…, postgres://…, or a SQLite file; default
./midtrans.sqlite), MIDTRANS_TABLE_PREFIX, and for reconcile MIDTRANS_SERVER_KEY (required),
MIDTRANS_CLIENT_KEY, MIDTRANS_IS_PRODUCTION, MIDTRANS_API_BASE_URL, MIDTRANS_RECONCILE_OLDER_THAN,
MIDTRANS_RECONCILE_BATCH_SIZE, MIDTRANS_RECONCILE_CONCURRENCY (flags win over variables).`;

const RECONCILE_FLAGS: ReadonlySet<string> = new Set(['older-than', 'batch-size', 'concurrency']);

type Env = Readonly<Record<string, string | undefined>>;

/** `migrate`: bring the tables up to date. */
export async function runMigrateCli(args: readonly string[], env: Env = process.env): Promise<number> {
  return guarded(async () => {
    const flags = flagsOf(args, new Set());
    if (flags.has('help')) return usage(0);
    const options = kitOptionsFromEnv(env);
    const store = createKnexStore({ database: options.database, tablePrefix: options.tablePrefix });
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
    process.stdout.write('midtrans-kit: tables are up to date\n');
    return 0;
  });
}

/** `reconcile`: one reconciler run; exit 1 when any payment could not be checked. */
export async function runReconcileCli(args: readonly string[], env: Env = process.env): Promise<number> {
  return guarded(async () => {
    const flags = flagsOf(args, RECONCILE_FLAGS);
    if (flags.has('help')) return usage(0);
    if (!env.MIDTRANS_SERVER_KEY) throw new ConfigError('MIDTRANS_SERVER_KEY', 'is required');
    const run = reconcileOptions(flags, env);
    const kit = createMidtrans(kitOptionsFromEnv(env));
    try {
      const summary = await kit.reconciler.run(run);
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary.failed > 0 ? 1 : 0;
    } finally {
      await kit.close();
    }
  });
}

function reconcileOptions(flags: Map<string, string>, env: Env): ReconcileOptions {
  const olderThanSeconds = parseCount(
    'older-than',
    flags.get('older-than') ?? env.MIDTRANS_RECONCILE_OLDER_THAN,
  );
  const batchSize = parseCount('batch-size', flags.get('batch-size') ?? env.MIDTRANS_RECONCILE_BATCH_SIZE, 1);
  const concurrency = parseCount(
    'concurrency',
    flags.get('concurrency') ?? env.MIDTRANS_RECONCILE_CONCURRENCY,
    1,
  );
  const options: ReconcileOptions = {};
  if (olderThanSeconds !== undefined) options.olderThan = olderThanSeconds * 1000;
  if (batchSize !== undefined) options.batchSize = Math.min(batchSize, 1000);
  if (concurrency !== undefined) options.concurrency = concurrency;
  return options;
}

/** The flags, with a parse error reported as bad configuration (exit 2). */
function flagsOf(args: readonly string[], allowed: ReadonlySet<string>): Map<string, string> {
  try {
    return parseFlags(args, allowed);
  } catch (error) {
    throw new ConfigError('arguments', error instanceof Error ? error.message : String(error));
  }
}

/** Bad arguments and configuration exit 2 with the usage; anything else thrown exits 1. */
async function guarded(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError) {
      console.error(`midtrans-kit: ${message}\n\n${OPS_USAGE}`);
      return 2;
    }
    console.error(`midtrans-kit: ${message}`);
    return 1;
  }
}

function usage(code: number): number {
  process.stdout.write(`${OPS_USAGE}\n`);
  return code;
}
