#!/usr/bin/env node
/**
 * The `midtrans-kit` command. Subcommands: `simulator` (a local Midtrans), `migrate` and
 * `reconcile` (jobs for a host's deploy step and cron), `relay` (events to a message broker). Arguments are parsed by `node:util`
 * `parseArgs` (see cli-args.ts): no dependency.
 */
import { CliUsageError } from './cli-args.js';
import { ConfigError } from './errors.js';
import { runMigrateCli, runReconcileCli } from './ops-cli.js';
import { runRelayCli } from './relay-cli.js';
import { runSimulatorCli } from './simulator/cli.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  simulator: runSimulatorCli,
  migrate: runMigrateCli,
  reconcile: runReconcileCli,
  relay: runRelayCli,
};

const USAGE = `Usage: midtrans-kit <command> [options]

Commands:
  simulator   run a local Midtrans simulator (midtrans-kit simulator --help)
  migrate     create or upgrade the kit's tables (midtrans-kit migrate --help)
  reconcile   re-check open payments with Midtrans (midtrans-kit reconcile --help)
  relay       publish the kit's events to NATS, RabbitMQ or BullMQ (midtrans-kit relay --help)`;

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const run = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (command === undefined || run === undefined) {
    const problem = command === undefined ? 'a command is needed' : `unknown command "${command}"`;
    console.error(`midtrans-kit: ${problem}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (error) {
    return reportCliError(command, error);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/**
 * Report an error of `midtrans-kit <command>` on stderr, once and without a stack, and return the
 * exit code: 2 for bad arguments or configuration (with a pointer to the help), 1 for the rest.
 */
function reportCliError(command: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CliUsageError || error instanceof ConfigError) {
    console.error(`midtrans-kit ${command}: ${message}\nSee "midtrans-kit ${command} --help".`);
    return 2;
  }
  console.error(`midtrans-kit ${command}: ${message}`);
  return 1;
}
