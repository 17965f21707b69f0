/**
 * Where the time goes: runs N iterations of one webhook (POSTed through the Express adapter),
 * one charge (`kit.payments.createCharge`, bank transfer) and one reconciled payment (pending
 * here, settled at Midtrans) on SQLite, each in a child process under `node --cpu-prof`, with the
 * simulator in a process of its own; then prints, per path, the statements per iteration (from
 * the store's statement tap) and the self time of the measured window grouped by layer (our
 * folders, Knex query building, Knex's runner, the driver, JSON, the HTTP adapter, Node's HTTP).
 *
 *   node --import tsx bench/profile-summary.ts [--iterations 1000] [--only webhook,charge] [--keep]
 *
 * Prints shares, not times: on a shared machine only the proportions mean something.
 * `--keep` leaves the .cpuprofile files (their folder is printed) for a closer look.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { expectStatus, keepAliveAgent } from './lib/http.js';
import { BENCH_NODE_ARGS } from './lib/node-args.js';
import { settlementNotification } from './lib/notification.js';
import type { ProfiledPath, ProfileJob, ProfileMessage, ProfileReply } from './lib/profile-child.js';
import { type CpuProfile, shareRows, summariseProfile } from './lib/profile-layers.js';
import { startSimProcess } from './lib/sim-process.js';

const PATHS: readonly ProfiledPath[] = ['webhook', 'charge', 'reconcile'];
const WEBHOOK_CONCURRENCY = 4;
const CHILD_LIMIT_MS = 300_000;

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '1000' },
    only: { type: 'string', default: PATHS.join(',') },
    keep: { type: 'boolean', default: false },
  },
});
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 10 || iterations > 100_000) {
  throw new Error('--iterations must be an integer from 10 to 100000');
}
const only = values.only.split(',').filter((p): p is ProfiledPath => (PATHS as string[]).includes(p));
const warmup = Math.max(10, Math.round(iterations / 10));

function next<T extends ProfileReply['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<ProfileReply, { type: T }>>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`profile child: no "${type}" in time`)), CHILD_LIMIT_MS);
    const onMessage = (message: ProfileReply) => {
      if (message.type === type) finish(undefined, message as Extract<ProfileReply, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`profile child exited (${code})`));
    const finish = (error?: Error, value?: Extract<ProfileReply, { type: T }>) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as Extract<ProfileReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** POST the settlement notifications of `${prefix}-0…count-1`, a few at a time. */
async function postNotifications(url: string, prefix: string, count: number): Promise<void> {
  const agent = keepAliveAgent(WEBHOOK_CONCURRENCY);
  let i = 0;
  const worker = async () => {
    while (i < count) {
      // The kit confirms with a status call; the simulator's seeded transactions have ids of
      // their own, so the notification names the order only (the status call then asks by it).
      const { transaction_id: _unknown, ...fields } = JSON.parse(
        settlementNotification(`${prefix}-${i++}`),
      ) as Record<string, unknown>;
      const body = JSON.stringify(fields);
      await expectStatus(200, agent, url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: WEBHOOK_CONCURRENCY }, worker));
  } finally {
    agent.destroy();
  }
}

async function profilePath(
  path: ProfiledPath,
  sim: { apiUrl: string; snapUrl: string; seed: (p: string, n: number, s: boolean) => Promise<void> },
  dir: string,
) {
  const prefix = `PR${path.slice(0, 2).toUpperCase()}${Date.now().toString(36)}`;
  if (path !== 'charge') {
    await sim.seed(`${prefix}W`, warmup, true);
    await sim.seed(`${prefix}M`, iterations, true);
  }
  const job: ProfileJob = { path, iterations, warmup, prefix, apiUrl: sim.apiUrl, snapUrl: sim.snapUrl };
  const child = fork(fileURLToPath(new URL('./lib/profile-child.ts', import.meta.url)), [], {
    execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '250', ...BENCH_NODE_ARGS],
    env: { ...process.env, CHILD_INPUT: JSON.stringify(job) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { url } = await next(child, 'ready');
  if (path === 'webhook') await postNotifications(url, `${prefix}W`, warmup);
  const done = next(child, 'done');
  child.send({ type: 'start' } satisfies ProfileMessage);
  if (path === 'webhook') {
    await next(child, 'started');
    await postNotifications(url, `${prefix}M`, iterations);
    child.send({ type: 'stop' } satisfies ProfileMessage);
  }
  const window = await done;
  await exited;
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`${path}: no profile written in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  return { window, summary: summariseProfile(profile, window.fromUs, window.toUs) };
}

const sim = await startSimProcess();
const kept: string[] = [];
try {
  for (const path of only) {
    const dir = mkdtempSync(join(tmpdir(), `midtrans-profile-${path}-`));
    const { window, summary } = await profilePath(path, sim, dir);
    const per = (n: number) => (n / warmup).toFixed(2);
    console.log(`\n## ${path}: ${iterations} iterations on SQLite (after ${warmup} warm-up)`);
    console.log(
      `statements per iteration (counted in the warm-up): ${per(window.statements)} ` +
        `(transactions ${per(window.transactions)}); ` +
        `profiled window ${(summary.totalUs / 1000).toFixed(0)} ms of CPU samples`,
    );
    console.log('\nself time by layer (share of the window, idle excluded):');
    for (const row of shareRows(summary.layers, summary.totalUs)) console.log(`  ${row}`);
    console.log('\ntop functions by self time:');
    for (const row of shareRows(summary.functions, summary.totalUs).slice(0, 15)) console.log(`  ${row}`);
    if (values.keep) kept.push(dir);
    else rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await sim.close();
}
if (kept.length > 0) console.log(`\nprofiles kept in: ${kept.join(' ')}`);
