/**
 * The shared integration harness: `describeWithKit(title, (h) => …)` runs the block once per
 * database (SQLite file, MariaDB, PostgreSQL; each with its own table prefix), against a fresh
 * in-process simulator whose notifications go to a small HTTP receiver feeding
 * `h.kit.notifications.handle(rawBody, headers)`. Servers that are unreachable fail under
 * `CI=true` and are skipped otherwise; `MIDTRANS_TEST_DATABASES=sqlite,postgres` narrows the matrix.
 *
 * ```ts
 * describeWithKit('charges', (h) => {
 *   it('pays a VA', async () => {
 *     const { payment } = await h.kit.payments.createCharge({ paymentType: 'bank_transfer', grossAmount: 10_000, paymentOptions: { bank: 'bca' } });
 *     h.sim.controls.pay(payment.orderId);
 *     await h.settle();
 *   });
 * });
 * ```
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { createMidtrans, type MidtransKit, type MidtransOptions } from '../../src/kit.js';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';
import {
  openTestDatabase,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestDatabaseKind,
  testTablePrefix,
} from './databases.js';

/** Keys the harness's simulator and kits share. */
export const TEST_SERVER_KEY = 'SB-Mid-server-HARNESS';
/** Client key for card tokenisation. */
export const TEST_CLIENT_KEY = 'SB-Mid-client-HARNESS';

/** One delivery the receiver got, and what the kit answered. */
export interface ReceivedNotification {
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** HTTP status the receiver answered with. */
  status: number;
  /** What `handle` resolved with (or the error it threw). */
  result: unknown;
}

/** The in-test webhook endpoint. */
export interface Receiver {
  /** Its URL (the simulator's notification URL). */
  readonly url: string;
  /** Every delivery, in arrival order. */
  readonly records: ReceivedNotification[];
  /** How many deliveries arrived. */
  readonly count: number;
  /** Forget the records. */
  clear(): void;
}

/** What a `describeWithKit` block gets. Fields are ready inside hooks and tests, not at collection time. */
export interface KitHarness {
  /** Database family of this run. */
  readonly kind: TestDatabaseKind;
  /** The kit under test (migrated). */
  readonly kit: MidtransKit;
  /** The simulator (notifications → receiver). */
  readonly sim: Simulator;
  /** The webhook receiver. */
  readonly receiver: Receiver;
  /** Wait until the simulator has no notification in flight or scheduled (each one processed), and the main kit's events are delivered. */
  settle(): Promise<void>;
  /**
   * Another migrated kit on the same simulator and receiver, with option overrides (a hook, a
   * subclass, a short timeout). It gets its own tables (SQLite: its own file); it is closed after
   * the block. Notifications still go to `h.kit` unless `useForNotifications` is set.
   */
  createKit(
    overrides?: Partial<MidtransOptions>,
    settings?: { useForNotifications?: boolean },
  ): Promise<MidtransKit>;
}

/** Options of `describeWithKit`. */
export interface DescribeWithKitOptions {
  /** Extra options of the main kit. */
  kit?: Partial<MidtransOptions>;
  /** Extra simulator options. */
  simulator?: Partial<SimulatorOptions>;
  /** Only these databases (still narrowed by `MIDTRANS_TEST_DATABASES`); default every one. */
  databases?: readonly TestDatabaseKind[];
  /**
   * Readable start of the table prefixes (default `kit`); the database family and a random part
   * are added, so blocks and files sharing a server never share tables.
   */
  tablePrefixLabel?: string;
}

const selected = (process.env.MIDTRANS_TEST_DATABASES ?? TEST_DATABASE_KINDS.join(','))
  .split(',')
  .map((kind) => kind.trim())
  .filter((kind): kind is TestDatabaseKind => (TEST_DATABASE_KINDS as readonly string[]).includes(kind));

// Probed once per test file, so a missing server costs one connection attempt, not one per block.
const reachability = new Map<TestDatabaseKind, Promise<string | undefined>>();
function unreachable(kind: TestDatabaseKind): Promise<string | undefined> {
  let probe = reachability.get(kind);
  if (probe === undefined) {
    probe =
      kind === 'sqlite' ? Promise.resolve(undefined) : openTestDatabase(kind).then((db) => db.unavailable);
    reachability.set(kind, probe);
  }
  return probe;
}

/** Run `body` once per database against a fresh kit, simulator and receiver. */
export function describeWithKit(
  title: string,
  body: (h: KitHarness) => void,
  options: DescribeWithKitOptions = {},
): void {
  for (const kind of selected.filter((k) => options.databases?.includes(k) ?? true)) {
    describe(`${title} [${kind}]`, () => {
      const state = new HarnessState(kind, options);
      beforeAll(async () => {
        const reason = await unreachable(kind);
        if (reason !== undefined) {
          if (process.env.CI === 'true') throw new Error(`${kind} is unreachable under CI: ${reason}`);
          state.skipReason = reason;
          console.warn(
            `[midtrans-kit tests] ${title} [${kind}]: database unreachable, its tests are skipped (${reason})`,
          );
          return;
        }
        await state.start();
      }, 60_000);
      // Plain `it`s in the block are skipped too, not only `itWithKit`s.
      beforeEach((ctx) => {
        if (state.skipReason !== undefined) ctx.skip();
      });
      afterAll(async () => state.stop(), 60_000);
      body(state.harness());
    });
  }
}

/** `it` that does nothing when the block's database was unreachable outside CI. */
export function itWithKit(h: KitHarness, name: string, fn: () => Promise<void>, timeout = 30_000): void {
  it(
    name,
    async (ctx) => {
      if ((h as unknown as { skipped: boolean }).skipped) ctx.skip();
      await fn();
    },
    timeout,
  );
}

type NotificationHandler = (rawBody: string, headers: IncomingHttpHeaders) => Promise<unknown>;

class HarnessState {
  skipReason: string | undefined;
  private kit: MidtransKit | undefined;
  private notificationKit: MidtransKit | undefined;
  private sim: Simulator | undefined;
  private server: Server | undefined;
  private url = '';
  private readonly records: ReceivedNotification[] = [];
  private readonly extra: { kit: MidtransKit; db: TestDatabase }[] = [];
  private mainDb: TestDatabase | undefined;

  constructor(
    private readonly kind: TestDatabaseKind,
    private readonly options: DescribeWithKitOptions,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.sim = await startSimulator({
      serverKey: TEST_SERVER_KEY,
      notificationUrl: this.url,
      notificationRetry: { timeScale: 0.0001, jitter: 0, timeoutMs: 10_000 },
      ...this.options.simulator,
    });
    const { kit, db } = await this.openKit(this.options.kit ?? {});
    this.kit = kit;
    this.mainDb = db;
  }

  async stop(): Promise<void> {
    await this.sim?.close();
    for (const { kit, db } of this.extra) await disposeKit(kit, db);
    if (this.kit && this.mainDb) await disposeKit(this.kit, this.mainDb);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  harness(): KitHarness {
    const self = this;
    const need = <T>(value: T | undefined, what: string): T => {
      if (value === undefined)
        throw new Error(`kit harness: ${what} is not ready (use it inside hooks and tests)`);
      return value;
    };
    return {
      kind: this.kind,
      get skipped() {
        return self.skipReason !== undefined;
      },
      get kit() {
        return need(self.kit, 'kit');
      },
      get sim() {
        return need(self.sim, 'sim');
      },
      receiver: {
        get url() {
          return self.url;
        },
        records: this.records,
        get count() {
          return self.records.length;
        },
        clear: () => {
          self.records.length = 0;
        },
      },
      settle: async () => {
        await need(self.sim, 'sim').controls.idle({ timeoutMs: 20_000 });
        // Events are delivered after the answers; a test looks at what the listeners did.
        await need(self.kit, 'kit').events.dispatchPending();
      },
      createKit: async (overrides = {}, settings = {}) => {
        const opened = await self.openKit(overrides);
        self.extra.push(opened);
        if (settings.useForNotifications) self.notificationKit = opened.kit;
        return opened.kit;
      },
    } as KitHarness;
  }

  private async openKit(
    overrides: Partial<MidtransOptions>,
  ): Promise<{ kit: MidtransKit; db: TestDatabase }> {
    const db = await openTestDatabase(this.kind);
    const kit = createMidtrans({
      serverKey: TEST_SERVER_KEY,
      clientKey: TEST_CLIENT_KEY,
      apiBaseUrl: need(this.sim).apiUrl,
      snapBaseUrl: need(this.sim).snapUrl,
      database: db.config(),
      tablePrefix: testTablePrefix(`${this.options.tablePrefixLabel ?? 'kit'}${this.kind}`),
      ...overrides,
    });
    await kit.migrate();
    return { kit, db };
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        void this.deliver(rawBody, req.headers).then(({ status, result }) => {
          this.records.push({ rawBody, headers: req.headers, status, result });
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status }));
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/midtrans/notifications`;
  }

  private async deliver(
    rawBody: string,
    headers: IncomingHttpHeaders,
  ): Promise<{ status: number; result: unknown }> {
    const kit = this.notificationKit ?? this.kit;
    const handle = (kit?.notifications as unknown as { handle?: NotificationHandler } | undefined)?.handle;
    if (kit === undefined || handle === undefined) return { status: 503, result: 'no handler' };
    try {
      const result = await handle.call(kit.notifications, rawBody, headers);
      return { status: statusOf(result), result };
    } catch (error) {
      return { status: 500, result: error };
    }
  }
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('kit harness: simulator not started');
  return value;
}

/** HTTP status from whatever `handle` returns (`status`/`httpStatus`, else 200). */
function statusOf(result: unknown): number {
  if (typeof result === 'object' && result !== null) {
    const record = result as { status?: unknown; httpStatus?: unknown };
    if (typeof record.status === 'number') return record.status;
    if (typeof record.httpStatus === 'number') return record.httpStatus;
  }
  return 200;
}

async function disposeKit(kit: MidtransKit, db: TestDatabase): Promise<void> {
  try {
    await kit.store.migrateDown();
    await kit.store.knex.schema.dropTableIfExists(kit.store.migrationTableName);
    await kit.store.knex.schema.dropTableIfExists(`${kit.store.migrationTableName}_lock`);
  } finally {
    await kit.close();
    db.cleanup();
  }
}
