/**
 * The BullMQ sink and worker against the real Redis (`MIDTRANS_TEST_REDIS_URL`, default
 * redis://127.0.0.1:6379). Every test has a queue of its own, obliterated afterwards.
 * Unreachable: the tests fail under CI (`CI=true`) and are skipped elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { type DefaultJobOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { bullJobId, createBullMqEventWorker, createBullMqSink } from '../../src/relay/bullmq.js';
import type { KitEvent } from '../../src/services/events/event-types.js';
import { waitFor } from '../support/wait-for.js';
import {
  describeWithBroker,
  expectThreeTypedInOrder,
  paidEvent,
  recordingHandlers,
  unreachableReason,
} from './brokers/common.js';

const URL = process.env.MIDTRANS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const connection = { url: URL };

const unreachable = await unreachableReason(async () => {
  // One try, no retries: an absent server should answer the probe at once.
  const redis = new Redis(URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
});

function describeWithRedis(title: string, body: () => void): void {
  describeWithBroker('Redis', URL, unreachable, title, body);
}

describe('bullJobId', () => {
  it('encodes what BullMQ refuses, and never maps two event ids to one job id', () => {
    expect(bullJobId('3f2c9a4e-1b7d-4c61-9b0e-5a8f2d7c1e90')).toBe('3f2c9a4e-1b7d-4c61-9b0e-5a8f2d7c1e90');
    expect(bullJobId('payment:O-1:paid')).toBe('payment%3AO-1%3Apaid');
    expect(bullJobId('payment%3AO-1%3Apaid')).toBe('payment%253AO-1%253Apaid');
    expect(bullJobId('42')).toBe('%342');
    expect(bullJobId('0')).toBe('%30');
    expect(bullJobId('-7')).toBe('%2D7');
    expect(bullJobId('007')).toBe('007');
    const ids = ['a:b', 'a%3Ab', 'a%253Ab', '%', '%25', ':', '%3A', '1', '%31', '01', '-1', '%2D1'];
    expect(new Set(ids.map(bullJobId)).size).toBe(ids.length);
    expect(() => bullJobId('')).toThrow();
  });
});

describeWithRedis('relay sink: BullMQ', () => {
  const run = randomBytes(4).toString('hex');
  const queues: string[] = [];
  const workers: ReturnType<typeof createBullMqEventWorker>[] = [];
  let count = 0;

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    for (const name of queues) {
      const queue = new Queue(name, { connection });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  /** A sink on a queue of its own, and a worker recording what its handler got. */
  async function open(
    fail: (event: KitEvent<'payment.paid'>) => boolean = () => false,
    defaultJobOptions?: DefaultJobOptions,
  ) {
    count += 1;
    const queue = `midtrans-test-${run}-${count}`;
    queues.push(queue);
    const sink = await createBullMqSink({
      connection,
      queue,
      ...(defaultJobOptions === undefined ? {} : { defaultJobOptions }),
    });
    const received: KitEvent<'payment.paid'>[] = [];
    const failed: Error[] = [];
    const worker = createBullMqEventWorker({
      connection,
      queue,
      handlers: recordingHandlers(received, fail),
    });
    worker.on('error', () => {});
    worker.on('failed', (_job, error) => failed.push(error));
    workers.push(worker);
    const admin = new Queue(queue, { connection });
    const close = async () => {
      await worker.close();
      await sink.close();
      await admin.close();
    };
    return { queue, admin, sink, received, failed, close };
  }

  it('publishes events that reach the worker in order, typed', async () => {
    const t = await open();
    expect(await t.sink.publish(['e1', 'e2', 'e3'].map((id) => paidEvent(id)))).toEqual({ duplicates: 0 });
    await expectThreeTypedInOrder(t.received, t.sink, 'bullmq');
    const job = await t.admin.getJob(bullJobId('e1'));
    expect(job?.name).toBe('payment.paid');
    await t.close();
  });

  it('counts a repeated batch as duplicates, keeps one job per id, and the worker runs each once', async () => {
    const t = await open();
    const events = ['d:1', 'd:2', 'd:3'].map((id) => paidEvent(id));
    expect(await t.sink.publish(events)).toEqual({ duplicates: 0 });
    expect(await t.sink.publish(events)).toEqual({ duplicates: 3 });
    await waitFor(() => t.received.length >= 3, { what: '3 events' });
    // Repeated again once the jobs are completed: BullMQ keeps completed jobs, so still no new job.
    await waitFor(async () => (await t.admin.getJobCounts('completed')).completed === 3, {
      what: '3 completed',
    });
    expect(await t.sink.publish([...events, paidEvent('d:4')])).toEqual({ duplicates: 3 });
    // Jobs run in order: once the last one has, no repeat is coming.
    await waitFor(() => t.received.some((e) => e.id === 'd:4'), { what: 'the last event' });
    expect(t.received.map((e) => e.id)).toEqual(['d:1', 'd:2', 'd:3', 'd:4']);
    const counts = await t.admin.getJobCounts();
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(4);
    await t.close();
  });

  it('accepts event ids BullMQ would refuse as job ids, each its own job', async () => {
    const t = await open();
    const ids = ['x:1', 'x%3A1', '42', '0', 'a:b:c'];
    expect(await t.sink.publish(ids.map((id) => paidEvent(id)))).toEqual({ duplicates: 0 });
    await waitFor(() => t.received.length >= ids.length, { what: 'every event' });
    expect(t.received.map((e) => e.id)).toEqual(ids);
    await t.close();
  });

  it('a handler that throws gets the event again (the job is retried per its attempts)', async () => {
    let failures = 0;
    const t = await open((event) => event.id === 'r2' && failures++ === 0, { attempts: 3 });
    await t.sink.publish(['r1', 'r2', 'r3'].map((id) => paidEvent(id)));
    await waitFor(() => t.received.filter((e) => e.id === 'r2').length === 2 && t.received.length === 4, {
      what: 'the retry',
    });
    expect(t.received.filter((e) => e.id === 'r2').map((e) => e.attempt)).toEqual([1, 2]);
    expect(t.failed).toHaveLength(1);
    await t.close();
  });

  it('fails a job that is not a midtrans-kit event for good, and goes on with the next', async () => {
    const t = await open(undefined, { attempts: 3 });
    await t.admin.add('payment.paid', { hello: 1 }, { attempts: 3 });
    await t.sink.publish([paidEvent('n1')]);
    await waitFor(() => t.received.length === 1 && t.failed.length === 1, {
      what: 'the bad job and the event',
    });
    expect(t.failed[0]?.name).toBe('UnrecoverableError');
    const [bad] = await t.admin.getJobs(['failed']);
    expect(bad?.attemptsMade).toBe(1);
    await t.close();
  });
});
