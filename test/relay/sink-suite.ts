/**
 * The shared sink suite: one broker (NATS JetStream, RabbitMQ, BullMQ) on every database. Each test
 * writes events into a real outbox, runs relays against the real broker (through a TCP proxy the
 * test can cut), and checks on the broker's side that every event arrived once, or was dropped as a
 * repeat, and none was lost. Each test prints its counts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMidtrans, type MidtransKit } from '../../src/index.js';
import type { EventSink } from '../../src/relay/event-sink.js';
import { type RelayStats, startRelay } from '../../src/relay/relay.js';
import {
  openTestDatabase,
  TEST_DATABASE_KINDS,
  tempSqliteFile,
  testDatabaseConfig,
  testTablePrefix,
} from '../support/databases.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait-for.js';
import type { ArrivedMessage, BrokerUnderTest } from './broker.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAST = { pollMs: 20, retryBaseMs: 20, retryMaxMs: 200 };

/** Write `count` events spread over `payments` payments, as the services would (payload with the payment). */
export async function writeEvents(
  kit: MidtransKit,
  label: string,
  count: number,
  payments: number,
): Promise<void> {
  for (let start = 0; start < count; start += 200) {
    await kit.store.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 200); i++) {
        const id = `${label}-P${i % payments}`;
        await tx.outbox.insert({
          eventId: `${label}-E${i}`,
          type: 'payment.pending',
          payload: {
            payment: { id, orderId: id, createdAt: new Date().toISOString() },
            from: null,
            source: 'api',
            seq: i,
          },
        });
      }
    });
  }
}

/** Per id: how often it arrived. */
function tally(messages: readonly ArrivedMessage[]) {
  const times = new Map<string, number>();
  for (const m of messages) times.set(m.id, (times.get(m.id) ?? 0) + 1);
  return { distinct: times.size, repeats: messages.length - times.size };
}

/** Run the suite for one broker over every database. */
export function describeSinkSuite(broker: BrokerUnderTest): void {
  for (const kind of TEST_DATABASE_KINDS) {
    describe(`event sink ${broker.name} [${kind}]`, () => {
      let skip: string | undefined;
      let proxy: TcpProxy;
      const file = tempSqliteFile();
      // Tables of their own per test: a new consumer name would otherwise see the earlier tests' events.
      const prefixes: string[] = [];
      let prefix = '';
      const kits: MidtransKit[] = [];
      const sinks: EventSink[] = [];
      const disposers: (() => Promise<void>)[] = [];
      const openKit = () => {
        const kit = createMidtrans({
          serverKey: 'SB-Mid-server-RELAY',
          apiBaseUrl: 'http://127.0.0.1:9',
          database: testDatabaseConfig(kind, file),
          tablePrefix: prefix,
          events: FAST,
        });
        kits.push(kit);
        return kit;
      };
      const openSink = async (suffix: string) => {
        const sink = await broker.openSink(proxy.port, suffix);
        sinks.push(sink);
        return sink;
      };
      const openReader = async (suffix: string) => {
        const reader = await broker.openReader(suffix);
        disposers.push(reader.dispose);
        return reader;
      };

      beforeAll(async () => {
        skip = (await openTestDatabase(kind)).unavailable ?? (await broker.unreachable());
        if (skip !== undefined && process.env.CI === 'true') throw new Error(`unreachable under CI: ${skip}`);
        proxy = await startTcpProxy(broker.target);
      });
      beforeEach(async () => {
        if (skip !== undefined) return;
        prefix = testTablePrefix(`${broker.name}${kind}`);
        prefixes.push(prefix);
        await openKit().migrate();
      });

      afterAll(async () => {
        for (const sink of sinks) await sink.close().catch(() => undefined);
        for (const dispose of disposers) await dispose().catch(() => undefined);
        for (const kit of kits) await kit.close();
        for (const each of prefixes) {
          prefix = each;
          const kit = openKit();
          await kit.store.migrateDown();
          await kit.close();
        }
        await proxy?.close();
      });

      const suffix = () => randomBytes(4).toString('hex');
      /** A relay child process (relay-child.ts) on this test's tables and broker names. */
      const spawnRelay = (mode: 'crash' | 'run', name: string) =>
        spawn(process.execPath, ['--import', 'tsx', 'test/relay/relay-child.ts'], {
          cwd: ROOT,
          env: {
            ...process.env,
            RELAY_MODE: mode,
            RELAY_BROKER: broker.name,
            RELAY_PORT: String(proxy.port),
            RELAY_SUFFIX: name,
            RELAY_DATABASE: JSON.stringify(testDatabaseConfig(kind, file)),
            RELAY_PREFIX: prefix,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        });

      it('publishes every event once, in the order written per payment', async (t) => {
        if (skip) t.skip();
        const name = suffix();
        const reader = await openReader(name);
        const kit = openKit();
        const relay = startRelay(kit, await openSink(name), { ...FAST, name: `relay-${name}` });
        await writeEvents(kit, name, 60, 7);
        await waitFor(async () => (await kit.events.pending(relay.name)) === 0, {
          what: 'the outbox to drain',
        });
        const arrived = await reader.arrived();
        const { distinct, repeats } = tally(arrived);
        expect(distinct).toBe(60);
        expect(repeats).toBe(0);
        for (const key of new Set(arrived.map((m) => m.key))) {
          const seqs = arrived.filter((m) => m.key === key).map((m) => m.seq);
          expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        }
        await relay.stop();
        console.log(
          `[${broker.name} ${kind}] in order: published ${relay.stats.published}, duplicates dropped ${relay.stats.duplicates}, lost ${60 - distinct}`,
        );
      });

      it('the broker is away for a while: events wait in the outbox, none lost, all published after', async (t) => {
        if (skip) t.skip();
        const name = suffix();
        const reader = await openReader(name);
        const kit = openKit();
        const sink = await openSink(name);
        proxy.cut();
        const relay = startRelay(kit, sink, { ...FAST, name: `relay-${name}` });
        await writeEvents(kit, name, 40, 5);
        // A client that queues while disconnected (ioredis) fails no batch: it keeps reconnecting.
        await waitFor(() => relay.stats.failedBatches >= 2 || proxy.refused >= 5, {
          what: 'the relay to meet the outage',
          timeoutMs: 20_000,
        });
        expect(await kit.events.pending(relay.name)).toBe(40);
        proxy.restore();
        await waitFor(async () => (await kit.events.pending(relay.name)) === 0, {
          what: 'the outbox to drain',
          timeoutMs: 30_000,
        });
        const { distinct } = tally(await reader.arrived());
        expect(distinct).toBe(40);
        await relay.stop();
        console.log(
          `[${broker.name} ${kind}] outage: failed batches ${relay.stats.failedBatches}, published ${relay.stats.published}, duplicates dropped ${relay.stats.duplicates}, lost ${40 - distinct}`,
        );
      }, 60_000);

      it('a relay killed between publish and mark: the repeat is dropped, or arrives with the same id', async (t) => {
        if (skip) t.skip();
        const name = suffix();
        const reader = await openReader(name);
        const kit = openKit();
        await writeEvents(kit, name, 10, 2);
        const child = spawnRelay('crash', name);
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          await waitFor(() => out.includes('published'), { what: 'the child to publish', timeoutMs: 30_000 });
        } finally {
          child.kill('SIGKILL');
          await exited;
        }
        expect(await kit.events.pending(`relay-${name}`)).toBe(10);
        const relay = startRelay(kit, await openSink(name), { ...FAST, name: `relay-${name}` });
        await waitFor(async () => (await kit.events.pending(relay.name)) === 0, {
          what: 'the lease to run out',
          timeoutMs: 30_000,
        });
        const arrived = await reader.arrived();
        const { distinct, repeats } = tally(arrived);
        expect(distinct).toBe(10);
        if (broker.dropsRepeats) {
          expect(repeats).toBe(0);
          expect(relay.stats.duplicates).toBe(10);
        } else {
          expect(repeats).toBe(10);
        }
        await relay.stop();
        console.log(
          `[${broker.name} ${kind}] killed relay: published ${relay.stats.published} again, duplicates dropped ${relay.stats.duplicates}, repeats delivered ${repeats}, lost ${10 - distinct}`,
        );
      }, 60_000);

      it('4 relays at once over 2,000 events: each published once', async (t) => {
        if (skip) t.skip();
        const name = suffix();
        const reader = await openReader(name);
        const writer = openKit();
        // Four processes, as four relay instances would run (SQLite: one connection per process).
        const children = Array.from({ length: 4 }, () => spawnRelay('run', name));
        const outputs = children.map((child) => {
          const lines = { text: '' };
          child.stdout.on('data', (chunk: Buffer) => (lines.text += chunk.toString()));
          return lines;
        });
        const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
        let stats: RelayStats[];
        try {
          // All four running before the events arrive, so they compete for them.
          await waitFor(() => outputs.every((out) => out.text.includes('started')), {
            what: 'four relay processes',
            timeoutMs: 30_000,
          });
          await writeEvents(writer, name, 2000, 50);
          await waitFor(async () => (await writer.events.pending(`relay-${name}`)) === 0, {
            what: 'the outbox to drain',
            timeoutMs: 60_000,
          });
        } finally {
          for (const child of children) child.kill('SIGTERM');
          await Promise.all(exits);
          stats = outputs.map((out) => JSON.parse(out.text.trim().split('\n').at(-1) ?? '{}') as RelayStats);
        }
        const arrived = await reader.arrived();
        const { distinct, repeats } = tally(arrived);
        expect(distinct).toBe(2000);
        const published = stats.reduce((n, r) => n + r.published, 0);
        const dropped = stats.reduce((n, r) => n + r.duplicates, 0);
        expect(broker.dropsRepeats ? repeats : 0).toBe(0);
        console.log(
          `[${broker.name} ${kind}] 4 relay processes: published ${published} (${stats.map((r) => r.published).join('/')}), duplicates dropped ${dropped}, repeats delivered ${repeats}, lost ${2000 - distinct}`,
        );
      }, 90_000);
    });
  }
}
