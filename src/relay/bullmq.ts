/**
 * BullMQ: a sink that adds one job per event (job name = event type, data = the event, job id
 * derived from the event id, so a repeat is not added twice), and a worker whose processor hands
 * the decoded, typed event to the handlers.
 */
import { type ConnectionOptions, type DefaultJobOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import { ValidationError } from '../errors.js';
import {
  type KitEvent,
  type KitEventHandlers,
  type KitEventType,
  runHandler,
} from '../services/events/event-types.js';
import type { EventSink, PublishReport, RelayedEvent } from './event-sink.js';
import { decodeRelayedEvent, encodeRelayedEvent } from './relayed-event.js';

const DEFAULT_QUEUE = 'midtrans-events';

/** Redis to use: `{ host, port }`, `{ url }` or other BullMQ connection options, or an ioredis instance. */
export type BullMqConnection = ConnectionOptions;

/** Options of {@link createBullMqSink}. */
export interface BullMqSinkOptions {
  /** Redis connection; a client instance given here is left open on `close()`. */
  connection: BullMqConnection;
  /** Queue name (default `midtrans-events`). */
  queue?: string;
  /**
   * Options of every job (`attempts`, `backoff`, `removeOnComplete`…; `jobId` is the sink's). BullMQ
   * keeps completed jobs unless told otherwise, and that is what makes a repeat a no-op: a job
   * removed before a relay publishes its event again is added, and processed, once more.
   */
  defaultJobOptions?: DefaultJobOptions;
  /** How long start-up and each `publish` wait for Redis before rejecting, in ms (default 10 s). */
  timeoutMs?: number;
}

/**
 * The job id of an event id. BullMQ refuses ids containing `:` (its key separator) and ids that
 * read as integers (its own ids), and event ids may be either, so `%` and `:` are percent-encoded,
 * and so is the first character of an id that would still read as an integer. Any percent-encoding
 * that always encodes `%` decodes back to one id only, so two events never share a job.
 */
export function bullJobId(eventId: string): string {
  if (eventId === '') throw new ValidationError([{ field: 'id', reason: 'is missing' }]);
  const id = eventId.replaceAll('%', '%25').replaceAll(':', '%3A');
  if (`${Number.parseInt(id, 10)}` !== id) return id;
  return `%${id.charCodeAt(0).toString(16).toUpperCase()}${id.slice(1)}`;
}

/**
 * `work`, or a rejection after `ms`: BullMQ waits for Redis as long as ioredis keeps reconnecting
 * (forever by default), and a command in flight when the connection drops is sent again after the
 * reconnect rather than failed. A late success only adds jobs the next publish finds as repeats.
 */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The part of an ioredis client read here. */
interface TimestampReader {
  pipeline(): {
    hget(key: string, field: string): unknown;
    exec(): Promise<[Error | null, unknown][] | null>;
  };
}

const isTimestampReader = (value: unknown): value is TimestampReader =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'pipeline') === 'function';

/** The queue's Redis client: `getBackend().client` from BullMQ 6, `client` before. */
async function redisOf(queue: Queue<RelayedEvent, void, KitEventType>): Promise<TimestampReader> {
  const getBackend: unknown = Reflect.get(queue, 'getBackend');
  const owner: unknown = typeof getBackend === 'function' ? getBackend.call(queue) : queue;
  const client: unknown =
    typeof owner === 'object' && owner !== null ? await Reflect.get(owner, 'client') : undefined;
  if (!isTimestampReader(client)) throw new Error('The BullMQ queue has no Redis client');
  return client;
}

/**
 * The stored `timestamp` of each job (null where there is none), in one pipeline: what the
 * duplicate count needs, without reading back and decoding whole jobs (`getJob`: every event's
 * data again).
 */
async function storedTimestamps(
  queue: Queue<RelayedEvent, void, KitEventType>,
  jobIds: readonly string[],
): Promise<(string | null)[]> {
  const pipeline = (await redisOf(queue)).pipeline();
  for (const jobId of jobIds) pipeline.hget(queue.toKey(jobId), 'timestamp');
  const answers = (await pipeline.exec()) ?? [];
  return jobIds.map((_, index) => {
    const [error, value] = answers[index] ?? [null, null];
    if (error !== null) throw error;
    return typeof value === 'string' ? value : null;
  });
}

/**
 * A sink adding jobs to a BullMQ queue (`name` is `bullmq`). `addBulk` writes the whole batch in
 * one pipeline, in order, and resolves once Redis stored it.
 *
 * Duplicates: BullMQ keeps the existing job when a job id is added again and returns the same id
 * either way, and the jobs it returns are built locally (their `timestamp` is this call's clock).
 * So after adding, the stored jobs' timestamps are read back (one `HGET` each, one pipeline): a stored
 * job whose `timestamp` differs from the one this call created was there before, i.e. a repeat.
 * This cannot race with another producer the way a check before adding could; the only miscount
 * (stats only, never a second job) is two producers adding one id within the same millisecond.
 */
export async function createBullMqSink(options: BullMqSinkOptions): Promise<EventSink> {
  const { connection, queue: name = DEFAULT_QUEUE, defaultJobOptions, timeoutMs = 10_000 } = options;
  // Options (not a client instance, which is used as given) get `enableOfflineQueue: false`, as
  // BullMQ advises for producers: while Redis is away a publish then fails at once.
  const isOptions = Object.getPrototypeOf(connection) === Object.prototype;
  const queue = new Queue<RelayedEvent, void, KitEventType>(name, {
    connection: isOptions ? { enableOfflineQueue: false, ...connection } : connection,
    ...(defaultJobOptions === undefined ? {} : { defaultJobOptions }),
  });
  // Connection errors reject `publish` (and ioredis reconnects): BullMQ would print each of them.
  queue.on('error', () => {});
  try {
    await within(timeoutMs, queue.waitUntilReady());
  } catch (error) {
    await queue.close();
    throw error;
  }
  const add = async (events: readonly RelayedEvent[]): Promise<PublishReport> => {
    const jobs = events.map((event) => ({
      name: event.type,
      data: event,
      opts: { jobId: bullJobId(event.id) },
    }));
    const added = await queue.addBulk(jobs);
    const stored = await storedTimestamps(
      queue,
      jobs.map((job) => job.opts.jobId),
    );
    const seen = new Set<string>();
    let duplicates = 0;
    jobs.forEach(({ opts: { jobId } }, index) => {
      const before = stored[index];
      // The same event twice in one batch is a repeat too (both jobs carry this call's timestamp).
      if (seen.has(jobId) || (before !== null && Number(before) !== added[index]?.timestamp)) {
        duplicates += 1;
      }
      seen.add(jobId);
    });
    return { duplicates };
  };
  return {
    name: 'bullmq',
    publish: (events) => within(timeoutMs, add(events)),
    close: () => queue.close(),
  };
}

/** Options of {@link createBullMqEventWorker}. */
export interface BullMqWorkerOptions {
  /** Redis connection (BullMQ opens its own blocking connection from it). */
  connection: BullMqConnection;
  /** Queue name (default `midtrans-events`). */
  queue?: string;
  /** Handlers by event type. */
  handlers: KitEventHandlers;
  /** Jobs processed at once (default 1, which keeps the handlers in publish order). */
  concurrency?: number;
}

/**
 * A BullMQ worker running the handlers. A handler's throw fails the job, which BullMQ retries per
 * the job's `attempts`/`backoff` (see the sink's `defaultJobOptions`); `event.attempt` is the
 * job's attempt. A job that is not a midtrans-kit event fails for good (`UnrecoverableError`).
 * Listen to the worker's `error` and `failed` events, and `close()` it when done.
 */
export function createBullMqEventWorker(
  options: BullMqWorkerOptions,
): Worker<RelayedEvent, void, KitEventType> {
  const { connection, queue = DEFAULT_QUEUE, handlers, concurrency = 1 } = options;
  return new Worker<RelayedEvent, void, KitEventType>(
    queue,
    async (job) => {
      let event: KitEvent;
      try {
        // The data went through JSON in Redis: encoding it again and decoding it checks it the
        // same way as a message body of the other brokers, and restores the records' dates.
        event = decodeRelayedEvent(encodeRelayedEvent(job.data));
      } catch (error) {
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      }
      event.attempt = job.attemptsMade + 1;
      await runHandler(handlers, event);
    },
    { connection, concurrency },
  );
}
