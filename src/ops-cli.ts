/**
 * `midtrans-kit migrate` and `midtrans-kit reconcile`: the two jobs a host runs outside its web
 * process (a deploy step, a cron line). Configured by environment variables (see cli-env.ts);
 * exit codes: 0 done, 1 something failed, 2 bad arguments or configuration (thrown as
 * `CliUsageError` / `ConfigError` and reported by the entry point).
 */
import { type CliCommand, cliHelp, parseCliArgs } from './cli-args.js';
import { kitOptionsFromEnv } from './cli-env.js';
import { ConfigError } from './errors.js';
import { createMidtrans } from './kit.js';
import type { ReconcileOptions } from './services/reconciler/reconciler.js';
import { createKnexStore } from './storage/knex-store.js';
import type { MigrationReport } from './storage/migrate.js';

type Env = Readonly<Record<string, string | undefined>>;

const DATABASE_NOTES = `Environment:
  DATABASE_URL            mysql://… or mariadb://…, postgres://… or postgresql://…, or a SQLite
                          file path (default ./midtrans.sqlite): the app's database
  MIDTRANS_DATABASE_URL   the same, when the kit's tables live apart from the app's (wins)
  MIDTRANS_TABLE_PREFIX   table prefix (default midtrans_)`;

/** `migrate`: no options, the database from the environment. */
export const MIGRATE_COMMAND: CliCommand<never> = {
  name: 'migrate',
  summary: "Create or upgrade the kit's tables (idempotent; safe when several instances start at once).",
  options: {},
  notes: `${DATABASE_NOTES}\n\nPrints the migrations it applied (none when the tables were up to date).\n\nExit codes: 0 up to date, 1 the migration failed, 2 bad arguments or configuration.`,
};

// The CLI passes its defaults explicitly, so the help states exactly what a run without flags does.
const RECONCILE_DEFAULTS = { olderThanSeconds: 300, batchSize: 50, concurrency: 4 } as const;

/** `reconcile`: one reconciler run over the open payments. */
export const RECONCILE_COMMAND: CliCommand<'older-than' | 'batch-size' | 'concurrency'> = {
  name: 'reconcile',
  summary: 'Re-check open payments with Midtrans once; prints the summary as one JSON line.',
  options: {
    'older-than': {
      value: '<seconds>',
      description: 'only payments unchanged for at least this long',
      default: String(RECONCILE_DEFAULTS.olderThanSeconds),
      env: 'MIDTRANS_RECONCILE_OLDER_THAN',
    },
    'batch-size': {
      value: '<n>',
      description: 'payments claimed per batch, 1-1000',
      default: String(RECONCILE_DEFAULTS.batchSize),
      env: 'MIDTRANS_RECONCILE_BATCH_SIZE',
    },
    concurrency: {
      value: '<n>',
      description: 'status calls to Midtrans at once',
      default: String(RECONCILE_DEFAULTS.concurrency),
      env: 'MIDTRANS_RECONCILE_CONCURRENCY',
    },
  },
  notes: `${DATABASE_NOTES}
  MIDTRANS_SERVER_KEY     server key (required)
  MIDTRANS_CLIENT_KEY, MIDTRANS_IS_PRODUCTION (true/false), MIDTRANS_API_BASE_URL
Flags win over variables.

Exit codes: 0 every payment checked, 1 a payment could not be checked or the run failed,
2 bad arguments or configuration.`,
};

/** `migrate`: bring the tables up to date. */
export async function runMigrateCli(args: readonly string[], env: Env = process.env): Promise<number> {
  if (parseCliArgs(MIGRATE_COMMAND, args, env).help) return help(cliHelp(MIGRATE_COMMAND));
  const options = kitOptionsFromEnv(env);
  const store = createKnexStore({ database: options.database, tablePrefix: options.tablePrefix });
  let report: MigrationReport;
  try {
    report = await store.migrate();
  } finally {
    await store.close();
  }
  process.stdout.write(`${migrationSummary(report)}\n`);
  return 0;
}

/** What `migrate` did, in one line: the migrations it applied, or that there was nothing to do. */
export function migrationSummary(report: MigrationReport): string {
  const count = report.applied.length;
  if (count === 0) return 'midtrans-kit: the tables were already up to date; nothing to do';
  const names = report.applied.map((name) => name.replace(/\.[cm]?[jt]s$/, '')).join(', ');
  return `midtrans-kit: applied ${count} migration${count === 1 ? '' : 's'} (${names}); the tables are up to date`;
}

/** `reconcile`: one reconciler run; exit 1 when any payment could not be checked. */
export async function runReconcileCli(args: readonly string[], env: Env = process.env): Promise<number> {
  const parsed = parseCliArgs(RECONCILE_COMMAND, args, env);
  if (parsed.help) return help(cliHelp(RECONCILE_COMMAND));
  const run: ReconcileOptions = {
    olderThan: (parsed.integer('older-than', 0, 365 * 86_400) ?? RECONCILE_DEFAULTS.olderThanSeconds) * 1000,
    batchSize: parsed.integer('batch-size', 1, 1000) ?? RECONCILE_DEFAULTS.batchSize,
    concurrency: parsed.integer('concurrency', 1, 64) ?? RECONCILE_DEFAULTS.concurrency,
  };
  if (!env.MIDTRANS_SERVER_KEY) throw new ConfigError('MIDTRANS_SERVER_KEY', 'is required');
  const kit = createMidtrans(kitOptionsFromEnv(env));
  try {
    const summary = await kit.reconciler.run(run);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await kit.close();
  }
}

function help(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
