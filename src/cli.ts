#!/usr/bin/env node
/**
 * The `midtrans-kit` command. Subcommands: `simulator` (a local Midtrans), `migrate` and
 * `reconcile` (jobs for a host's deploy step and cron). Argument parsing stays tiny on purpose:
 * no dependency.
 */
import { runMigrateCli, runReconcileCli } from './ops-cli.js';
import { runSimulatorCli } from './simulator/cli.js';

const USAGE = `Usage: midtrans-kit <command> [options]

Commands:
  simulator   run a local Midtrans simulator (midtrans-kit simulator --help)
  migrate     create or upgrade the kit's tables (midtrans-kit migrate --help)
  reconcile   re-check open payments with Midtrans (midtrans-kit reconcile --help)`;

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'simulator') return runSimulatorCli(rest);
  if (command === 'migrate') return runMigrateCli(rest);
  if (command === 'reconcile') return runReconcileCli(rest);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  console.error(`Unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
