/**
 * The world one history runs in: a simulator on a socket, one database, the kit mounted behind
 * Express on an ephemeral port, a receiver that captures what the simulator would notify (the
 * history delivers it later, in its own order), and the host's `payment.paid` listener. A crash
 * abandons the kit mid-request and a restart opens a new one on the same tables.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMidtransForSimulation, type MidtransKit } from '../../src/kit.js';
import type { FaultPoint } from '../../src/services/core/fault-points.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { buildApp } from '../http/apps.js';
import { type TestDatabaseKind, testDatabaseConfig, testTablePrefix } from '../support/databases.js';
import { createInbox, type Inbox } from './inbox.js';

/** Keys shared by the simulator and the kits. */
export const SIM_SERVER_KEY = 'SB-Mid-server-SIMULATION';
const SIM_CLIENT_KEY = 'SB-Mid-client-SIMULATION';

/** What a request through the HTTP surface answered; `crashed` when the kit died during it. */
export type Answer =
  | { crashed: false; status: number; body: Record<string, unknown> }
  | { crashed: true; point: FaultPoint };

/** A user of the host app. */
export interface SimUser {
  id: string;
  staff: boolean;
}

/** Counters the runner prints. */
export interface WorldStats {
  operations: number;
  crashes: number;
  restarts: number;
  notificationsDelivered: number;
}

/** The running world of one history. */
export class World {
  sim!: Simulator;
  kit!: MidtransKit;
  readonly inbox: Inbox = createInbox();
  /** Every `payment.paid` the host's listener received: payment id → event ids. */
  readonly paid = new Map<string, Set<string>>();
  readonly violations: string[] = [];
  /** What happened, one line per request, crash and restart (printed with `--trace`). */
  readonly trace: string[] = [];
  readonly stats: WorldStats = { operations: 0, crashes: 0, restarts: 0, notificationsDelivered: 0 };
  readonly tablePrefix: string;
  private server: Server | undefined;
  private baseUrl = '';
  private armed: FaultPoint[] = [];
  private onCrash: ((point: FaultPoint) => void) | undefined;

  constructor(
    readonly db: TestDatabaseKind,
    readonly sqliteFile: string | undefined,
    seed: number,
  ) {
    this.tablePrefix = testTablePrefix(`sim${seed}`);
  }

  async start(): Promise<void> {
    await this.inbox.listen();
    this.sim = await startSimulator({
      serverKey: SIM_SERVER_KEY,
      clientKey: SIM_CLIENT_KEY,
      notificationUrl: this.inbox.url,
      notificationRetry: { timeScale: 0.0001, jitter: 0, timeoutMs: 10_000 },
    });
    await this.open();
  }

  /** The database config of this history (also what the CLI is pointed at). */
  databaseConfig() {
    return testDatabaseConfig(this.db, this.sqliteFile);
  }

  /** Arm crash points: the next service to reach one of them dies there. */
  arm(points: readonly FaultPoint[]): void {
    this.armed = [...points];
  }

  disarm(): void {
    this.armed = [];
  }

  /** A request as `user` (none: anonymous), through real HTTP; a 5xx is a violation. */
  async request(user: SimUser | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
    const controller = new AbortController();
    const headers: Record<string, string> = {};
    if (user) Object.assign(headers, { 'x-test-user': user.id, 'x-test-role': user.staff ? 'staff' : '' });
    const init: RequestInit = { method, headers, signal: controller.signal };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const crash = new Promise<Answer>((resolve) => {
      this.onCrash = (point) => resolve({ crashed: true, point });
    });
    const call = (async (): Promise<Answer> => {
      const response = await fetch(`${this.baseUrl}/midtrans${path}`, init);
      const text = await response.text();
      return { crashed: false, status: response.status, body: parseObject(text) };
    })().catch((error: unknown) => ({
      crashed: false as const,
      status: 599,
      body: { error: String(error) },
    }));
    const answer = await Promise.race([call, crash]);
    this.onCrash = undefined;
    const sent = typeof body === 'string' ? body : JSON.stringify(body ?? '');
    const outcome = answer.crashed
      ? `CRASH at ${answer.point}`
      : `${answer.status} ${JSON.stringify(answer.body)}`;
    this.note(
      `${user?.id ?? 'anonymous'} ${method} ${path} ${sent.slice(0, 160)} → ${outcome.slice(0, 200)}`,
    );
    if (answer.crashed) {
      controller.abort();
      this.stats.crashes += 1;
      await this.restart();
    } else if (answer.status >= 500) {
      this.violations.push(
        `(e) ${method} ${path} by ${user?.id ?? 'anonymous'} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    }
    return answer;
  }

  /** Add a line to the trace. */
  note(line: string): void {
    this.trace.push(line);
  }

  /** Abandon the kit as a killed process would, and start a new one on the same tables. */
  async restart(): Promise<void> {
    const { kit, server } = this;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await kit.close();
    this.stats.restarts += 1;
    await this.open();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.sim.close();
    await this.inbox.close();
    try {
      await this.kit.store.migrateDown();
      await this.kit.store.knex.schema.dropTableIfExists(this.kit.store.migrationTableName);
      await this.kit.store.knex.schema.dropTableIfExists(`${this.kit.store.migrationTableName}_lock`);
    } finally {
      await this.kit.close();
    }
  }

  private async open(): Promise<void> {
    const kit = createMidtransForSimulation(
      {
        serverKey: SIM_SERVER_KEY,
        clientKey: SIM_CLIENT_KEY,
        apiBaseUrl: this.sim.apiUrl,
        snapBaseUrl: this.sim.snapUrl,
        database: this.databaseConfig(),
        tablePrefix: this.tablePrefix,
      },
      {
        now: () => this.sim.controls.now(),
        faults: {
          at: (point) => {
            const onCrash = this.onCrash;
            if (onCrash === undefined || !this.armed.includes(point as FaultPoint)) return;
            this.armed = [];
            onCrash(point as FaultPoint);
            // The process is dead from here: nothing after this await ever runs.
            return new Promise<void>(() => {});
          },
        },
      },
    );
    kit.events.on('payment.paid', (event) => {
      const ids = this.paid.get(event.payment.id) ?? new Set<string>();
      ids.add(event.id);
      this.paid.set(event.payment.id, ids);
    });
    await kit.migrate();
    this.kit = kit;
    this.server = createServer(buildApp('express', kit));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text: text.slice(0, 200) };
  }
}
