/** BullMQ on Redis for the sink suite: a queue per test, its jobs read back in insertion order. */
import { Queue } from 'bullmq';
import { createBullMqSink } from '../../../src/relay/bullmq.js';
import type { RelayedEvent } from '../../../src/relay/event-sink.js';
import type { BrokerUnderTest } from '../broker.js';
import { arrivedFrom, probePort } from './common.js';

const queueName = (suffix: string) => `t-${suffix}`;

export const bullMqBroker: BrokerUnderTest = {
  name: 'bullmq',
  target: { host: '127.0.0.1', port: 6379 },
  dropsRepeats: true,
  unreachable: () => probePort(6379, 'Redis'),
  async openReader(suffix) {
    const queue = new Queue<RelayedEvent>(queueName(suffix), {
      connection: { host: '127.0.0.1', port: 6379 },
    });
    return {
      async arrived() {
        const jobs = await queue.getJobs(
          ['waiting', 'delayed', 'active', 'completed', 'failed'],
          0,
          -1,
          true,
        );
        return jobs
          .sort(
            (a, b) => a.timestamp - b.timestamp || Number(a.id === undefined) - Number(b.id === undefined),
          )
          .map((job) => arrivedFrom(JSON.stringify(job.data)));
      },
      async dispose() {
        await queue.obliterate({ force: true });
        await queue.close();
      },
    };
  },
  openSink: (port, suffix) =>
    createBullMqSink({
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null, retryStrategy: () => 50 },
      queue: queueName(suffix),
    }),
};
