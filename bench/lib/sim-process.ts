/** A simulator in a child process (see `sim-server.ts`), with bulk seeding over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_NODE_ARGS } from './node-args.js';

/** Messages to the simulator process. */
export type SimMessage = { type: 'seed'; prefix: string; count: number; settle: boolean } | { type: 'close' };

/** Messages from the simulator process. */
export type SimReply =
  | { type: 'ready'; apiUrl: string; snapUrl: string }
  | { type: 'seeded'; count: number; rss: number };

/** A running simulator process. */
export interface SimProcess {
  apiUrl: string;
  snapUrl: string;
  /** Create `count` bank-transfer transactions `${prefix}-0…` (settled when asked); silent. */
  seed(prefix: string, count: number, settle: boolean): Promise<void>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const SEED_TIMEOUT_MS = 120_000;

function waitFor<T extends SimReply['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<SimReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`simulator process: no "${type}" in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: SimReply) => {
      if (message.type === type) done(undefined, message as Extract<SimReply, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`simulator process exited (${code})`));
    const done = (error?: Error, value?: Extract<SimReply, { type: T }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as Extract<SimReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Fork a simulator process and wait until it listens. `bare: true` forks a fixed-answer
 * node:http server instead (the loopback ceiling; `seed` is not available there).
 */
export async function startSimProcess(options: { bare?: boolean } = {}): Promise<SimProcess> {
  const entry = fileURLToPath(new URL('./sim-server.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: [...BENCH_NODE_ARGS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_SERVER: options.bare ? 'bare' : 'simulator' },
  });
  const ready = await waitFor(child, 'ready', START_TIMEOUT_MS);
  return {
    apiUrl: ready.apiUrl,
    snapUrl: ready.snapUrl,
    async seed(prefix, count, settle) {
      const seeded = waitFor(child, 'seeded', SEED_TIMEOUT_MS);
      child.send({ type: 'seed', prefix, count, settle } satisfies SimMessage);
      await seeded;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' } satisfies SimMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
