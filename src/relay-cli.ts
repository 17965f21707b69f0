/**
 * `midtrans-kit relay --to nats://…|amqp://…|redis://…`: a process that relays the kit's events
 * to a message broker until SIGTERM/SIGINT. The broker's client library is an optional peer
 * dependency, loaded only here and only for the scheme asked for.
 */
import { type CliCommand, CliUsageError, cliHelp, parseCliArgs } from './cli-args.js';
import { kitOptionsFromEnv } from './cli-env.js';
import { createMidtrans } from './kit.js';
import type { EventSink } from './relay/event-sink.js';
import { startRelay } from './relay/relay.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `relay`: publish events to a broker, continuously. */
export const RELAY_COMMAND: CliCommand<'to' | 'name' | 'channel'> = {
  name: 'relay',
  summary: "Publish the kit's events to a message broker until stopped (SIGTERM/SIGINT).",
  options: {
    to: {
      value: '<url>',
      description:
        'nats://host:4222 (JetStream), amqp://user:pass@host:5672 (RabbitMQ) or redis://host:6379 (BullMQ)',
      env: 'MIDTRANS_RELAY_TO',
    },
    name: {
      value: '<name>',
      description: 'consumer name; relays of one name share the work (default relay:<broker>)',
      env: 'MIDTRANS_RELAY_NAME',
    },
    channel: {
      value: '<name>',
      description:
        'JetStream stream, RabbitMQ exchange or BullMQ queue (default MIDTRANS_EVENTS, midtrans.events, midtrans-events)',
      env: 'MIDTRANS_RELAY_CHANNEL',
    },
  },
  notes: `Environment: DATABASE_URL / MIDTRANS_DATABASE_URL and MIDTRANS_TABLE_PREFIX as for migrate.
The broker's client must be installed beside midtrans-kit: nats, amqplib or bullmq.

Exit codes: 0 stopped by a signal, 1 the relay could not start, 2 bad arguments or configuration.`,
};

/** Open the sink a `--to` URL names. */
export async function sinkFromUrl(url: string, channel: string | undefined): Promise<EventSink> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'nats' || scheme === 'tls') {
    const { createNatsSink } = await import('./relay/nats.js');
    return createNatsSink({ servers: url, ...(channel ? { stream: channel } : {}) });
  }
  if (scheme === 'amqp' || scheme === 'amqps') {
    const { createRabbitMqSink } = await import('./relay/rabbitmq.js');
    return createRabbitMqSink({ url, ...(channel ? { exchange: channel } : {}) });
  }
  if (scheme === 'redis' || scheme === 'rediss') {
    const { createBullMqSink } = await import('./relay/bullmq.js');
    return createBullMqSink({ connection: { url }, ...(channel ? { queue: channel } : {}) });
  }
  throw new CliUsageError('--to must be a nats://, amqp(s):// or redis(s):// URL');
}

/** `relay`: runs until a signal; resolves with the exit code. */
export async function runRelayCli(args: readonly string[], env: Env = process.env): Promise<number> {
  const parsed = parseCliArgs(RELAY_COMMAND, args, env);
  if (parsed.help) {
    process.stdout.write(`${cliHelp(RELAY_COMMAND)}\n`);
    return 0;
  }
  const to = parsed.text('to');
  if (to === undefined) throw new CliUsageError('--to is required');
  const options = kitOptionsFromEnv(env);
  // The relay never calls Midtrans: it reads the outbox. A key is only needed to build the kit.
  if (!options.serverKey) options.serverKey = 'SB-Mid-server-relay-only';
  const sink = await sinkFromUrl(to, parsed.text('channel'));
  const kit = createMidtrans(options);
  const name = parsed.text('name');
  const relay = startRelay(kit, sink, name ? { name } : {});
  process.stdout.write(`midtrans-kit relay: relaying to ${sink.name} as consumer "${relay.name}"\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await relay.stop();
  await sink.close();
  await kit.close();
  process.stdout.write(`midtrans-kit relay: stopped after publishing ${relay.stats.published} events\n`);
  return 0;
}
