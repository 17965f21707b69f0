/**
 * A relay in its own process, as a deployment runs one. `RELAY_MODE=crash`: it publishes its first
 * batch, says so on stdout, and hangs until the test kills it with SIGKILL (its rows stay claimed
 * until the lease runs out). `RELAY_MODE=run`: it relays until SIGTERM, then prints its counts as
 * one JSON line and exits.
 */
import type { Knex } from 'knex';
import { createMidtrans } from '../../src/index.js';
import type { EventSink } from '../../src/relay/event-sink.js';
import { startRelay } from '../../src/relay/relay.js';
import { brokerNamed } from './brokers/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const crash = env('RELAY_MODE') === 'crash';
const database = JSON.parse(env('RELAY_DATABASE')) as Knex.Config;
const kit = createMidtrans({
  serverKey: 'SB-Mid-server-RELAY',
  apiBaseUrl: 'http://127.0.0.1:9',
  database,
  tablePrefix: env('RELAY_PREFIX'),
});
const sink = await brokerNamed(env('RELAY_BROKER')).openSink(Number(env('RELAY_PORT')), env('RELAY_SUFFIX'));
const dying: EventSink = {
  name: sink.name,
  async publish(events) {
    const report = await sink.publish(events);
    process.stdout.write(`published ${events.length}\n`);
    // Killed here: confirmed by the broker, not yet marked in the outbox.
    await new Promise(() => undefined);
    return report;
  },
  close: () => sink.close(),
};
const relay = startRelay(kit, crash ? dying : sink, {
  name: `relay-${env('RELAY_SUFFIX')}`,
  leaseMs: crash ? 1500 : 60_000,
  pollMs: 20,
  retryBaseMs: 20,
  retryMaxMs: 200,
});
process.stdout.write('started\n');
process.once('SIGTERM', async () => {
  await relay.stop();
  await sink.close();
  await kit.close();
  process.stdout.write(`${JSON.stringify(relay.stats)}\n`);
  process.exit(0);
});
