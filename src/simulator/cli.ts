/**
 * `midtrans-kit simulator …`: start a simulator, print its URLs, run until SIGINT/SIGTERM.
 * Bad arguments are thrown as `CliUsageError` (exit 2, reported by the entry point).
 */
import { type CliCommand, CliUsageError, cliHelp, parseCliArgs } from '../cli-args.js';
import { startSimulator } from './server.js';
import type { SimulatorOptions } from './types.js';

/** The `simulator` subcommand: its options and help. */
export const SIMULATOR_COMMAND: CliCommand<
  | 'server-key'
  | 'client-key'
  | 'port'
  | 'host'
  | 'notification-url'
  | 'recurring-notification-url'
  | 'pay-account-notification-url'
  | 'time-scale'
> = {
  name: 'simulator',
  usage: '--server-key <key> [options]',
  summary: 'Run a local Midtrans (Core API, Snap, Subscriptions, Invoicing) until SIGINT or SIGTERM.',
  options: {
    'server-key': {
      value: '<key>',
      description: 'server key clients must use; required',
      env: 'MIDTRANS_SERVER_KEY',
    },
    'client-key': {
      value: '<key>',
      description: 'client key for /v2/token',
      default: 'any SB-Mid-client-… key',
    },
    port: { value: '<n>', description: 'port, 0 picks a free one', default: '4010' },
    host: { value: '<addr>', description: 'interface to listen on', default: '127.0.0.1' },
    'notification-url': { value: '<url>', description: 'Payment Notification URL', default: 'none' },
    'recurring-notification-url': {
      value: '<url>',
      description: 'URL for subscription events',
      default: 'the notification URL',
    },
    'pay-account-notification-url': {
      value: '<url>',
      description: 'URL for GoPay accounts linked and unlinked',
      default: 'the notification URL',
    },
    'time-scale': {
      value: '<x>',
      description: 'multiplies notification retry intervals; 0.01 makes a minute 0.6 s',
      default: '1',
    },
  },
  notes: 'Exit codes: 0 stopped by a signal, 1 could not start, 2 bad arguments.',
};

/** Run the subcommand; resolves with the exit code once the simulator stopped. */
export async function runSimulatorCli(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const parsed = parseCliArgs(SIMULATOR_COMMAND, args, env);
  if (parsed.help) {
    console.log(cliHelp(SIMULATOR_COMMAND));
    return 0;
  }
  const serverKey = parsed.text('server-key');
  if (serverKey === undefined) throw new CliUsageError('--server-key (or MIDTRANS_SERVER_KEY) is required');
  const options: SimulatorOptions = {
    serverKey,
    port: parsed.integer('port', 0, 65_535) ?? 4010,
    notificationRetry: { timeScale: parsed.positive('time-scale') ?? 1 },
  };
  const host = parsed.text('host');
  if (host !== undefined) options.host = host;
  const clientKey = parsed.text('client-key');
  if (clientKey !== undefined) options.clientKey = clientKey;
  const notificationUrl = parsed.text('notification-url');
  if (notificationUrl !== undefined) options.notificationUrl = notificationUrl;
  const recurring = parsed.text('recurring-notification-url');
  if (recurring !== undefined) options.recurringNotificationUrl = recurring;
  const payAccount = parsed.text('pay-account-notification-url');
  if (payAccount !== undefined) options.payAccountNotificationUrl = payAccount;

  const sim = await startSimulator(options);
  console.log(`Midtrans simulator listening
  API (Core, Subscriptions, Invoicing): ${sim.apiUrl}
  Snap:                                 ${sim.snapUrl}
  Controls:                             ${sim.controlUrl}
  Notifications:                        ${notificationUrl ?? '(none configured)'}`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      sim.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
