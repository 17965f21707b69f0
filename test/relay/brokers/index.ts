/** The brokers of the sink suite, by name (the relay child process picks one). */
import type { BrokerUnderTest } from '../broker.js';
import { bullMqBroker } from './bullmq.js';
import { natsBroker } from './nats.js';
import { rabbitMqBroker } from './rabbitmq.js';

/** The broker of that name. */
export function brokerNamed(name: string): BrokerUnderTest {
  const broker = [natsBroker, rabbitMqBroker, bullMqBroker].find((b) => b.name === name);
  if (broker === undefined) throw new Error(`no broker "${name}"`);
  return broker;
}
