/** Parent side of `app-server.ts`: fork, wait until it listens, ask its RSS, close it. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppMessage, AppReply, AppServerInput } from './app-server.js';
import { BENCH_NODE_ARGS } from './node-args.js';

/** A running app process. */
export interface AppProcess {
  url: string;
  /** Current RSS and heap of the app process, bytes; `gc: true` runs a full collection first. */
  memory(options?: { gc?: boolean }): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

function next<T extends AppReply['type']>(child: ChildProcess, type: T, timeoutMs: number) {
  return new Promise<Extract<AppReply, { type: T }>>((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`app process: no "${type}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: AppReply) => {
      if (message.type === type) finish(undefined, message as Extract<AppReply, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`app process exited (${code})`));
    const finish = (error?: Error, value?: Extract<AppReply, { type: T }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as Extract<AppReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Start an app process; BENCH_CPU_PROF=<dir> profiles it. */
export async function startAppProcess(input: AppServerInput): Promise<AppProcess> {
  const entry = fileURLToPath(new URL('./app-server.ts', import.meta.url));
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = fork(entry, [], {
    execArgv: [...profile, '--expose-gc', ...BENCH_NODE_ARGS],
    env: { ...process.env, CHILD_INPUT: JSON.stringify(input) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await next(child, 'ready', 30_000);
  return {
    url: ready.url,
    async memory(options = {}) {
      const reply = next(child, 'rss', 10_000);
      child.send({ type: 'rss', gc: options.gc === true } satisfies AppMessage);
      const { rss, heapUsed } = await reply;
      return { rss, heapUsed };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' } satisfies AppMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
