/**
 * A relay process that dies between publish and mark: it publishes its first batch, says so on
 * stdout, and then hangs until the test kills it with SIGKILL (its rows stay claimed until the
 * lease runs out).
 */
import type { Knex } from 'knex';
import { createMidtrans } from '../../src/index.js';
import { startRelay } from '../../src/relay/relay.js';
import { brokerNamed } from './brokers/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const database = JSON.parse(env('RELAY_DATABASE')) as Knex.Config;
const kit = createMidtrans({
  serverKey: 'SB-Mid-server-RELAY',
  apiBaseUrl: 'http://127.0.0.1:9',
  database,
  tablePrefix: env('RELAY_PREFIX'),
  events: { pollMs: 20, leaseMs: 1500 },
});
const sink = await brokerNamed(env('RELAY_BROKER')).openSink(Number(env('RELAY_PORT')), env('RELAY_SUFFIX'));
startRelay(
  kit,
  {
    name: sink.name,
    async publish(events) {
      const report = await sink.publish(events);
      process.stdout.write(`published ${events.length}\n`);
      // Killed here: confirmed by the broker, not yet marked in the outbox.
      await new Promise(() => undefined);
      return report;
    },
    close: () => sink.close(),
  },
  { name: `relay-${env('RELAY_SUFFIX')}`, leaseMs: 1500, pollMs: 20 },
);
