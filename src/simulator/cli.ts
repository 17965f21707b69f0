/**
 * `midtrans-kit simulator …`: start a simulator, print its URLs, run until SIGINT/SIGTERM.
 */
import { startSimulator } from './server.js';
import type { SimulatorOptions } from './types.js';

/** Usage text of the `simulator` subcommand. */
export const SIMULATOR_USAGE = `Usage: midtrans-kit simulator --server-key <key> [options]

Options:
  --server-key <key>                   server key clients must use (or env MIDTRANS_SERVER_KEY)
  --client-key <key>                   client key for /v2/token (default: any SB-Mid-client-… key)
  --port <n>                           port (default 4010; 0 picks a free one)
  --host <addr>                        interface (default 127.0.0.1)
  --notification-url <url>             Payment Notification URL
  --recurring-notification-url <url>   subscription events (default: the notification URL)
  --time-scale <x>                     scale of notification retry intervals (default 1)
  --help                               this text`;

const FLAGS = new Set([
  'server-key',
  'client-key',
  'port',
  'host',
  'notification-url',
  'recurring-notification-url',
  'time-scale',
]);

/**
 * Parse `--name value` / `--name=value` pairs; throws on flags outside `allowed` (default: the
 * simulator's) or missing values. `--help`/`-h` becomes the flag `help`.
 */
export function parseFlags(
  args: readonly string[],
  allowed: ReadonlySet<string> = FLAGS,
): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') {
      flags.set('help', 'true');
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.has(name)) throw new Error(`Unknown option --${name}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new Error(`Option --${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

/** Run the subcommand; resolves with the exit code once the simulator stopped. */
export async function runSimulatorCli(args: readonly string[]): Promise<number> {
  let flags: Map<string, string>;
  try {
    flags = parseFlags(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${SIMULATOR_USAGE}`);
    return 2;
  }
  if (flags.has('help')) {
    console.log(SIMULATOR_USAGE);
    return 0;
  }
  const serverKey = flags.get('server-key') ?? process.env.MIDTRANS_SERVER_KEY;
  if (!serverKey) {
    console.error(`--server-key is required\n\n${SIMULATOR_USAGE}`);
    return 2;
  }
  const port = Number(flags.get('port') ?? 4010);
  const timeScale = Number(flags.get('time-scale') ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65_535 || !(timeScale > 0)) {
    console.error(`--port must be 0-65535 and --time-scale positive\n\n${SIMULATOR_USAGE}`);
    return 2;
  }
  const options: SimulatorOptions = { serverKey, port, notificationRetry: { timeScale } };
  const host = flags.get('host');
  if (host) options.host = host;
  const clientKey = flags.get('client-key');
  if (clientKey) options.clientKey = clientKey;
  const notificationUrl = flags.get('notification-url');
  if (notificationUrl) options.notificationUrl = notificationUrl;
  const recurring = flags.get('recurring-notification-url');
  if (recurring) options.recurringNotificationUrl = recurring;

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
