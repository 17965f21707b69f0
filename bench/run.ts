/**
 * `npm run bench`: runs each bench in its own child process (so RSS is per bench and a crash
 * stays contained), each with a time limit, then writes bench/RESULTS.md.
 *
 * Options: `--only a,b` (ids below), `--runs N` (default 5), `--quick` (one short iteration,
 * small sizes; writes nothing unless `--out` is given), `--out FILE`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_NODE_ARGS } from './lib/node-args.js';
import { renderResults } from './lib/report.js';
import type { BenchOptions, BenchResult } from './lib/result.js';

/** Every bench, in the order the report shows them, with its time limit in full mode. */
export const BENCHES = [
  { id: 'webhook', file: 'webhook.bench.ts', limitMs: 330_000 },
  { id: 'client', file: 'client.bench.ts', limitMs: 150_000 },
  { id: 'charge', file: 'charge.bench.ts', limitMs: 150_000 },
  { id: 'reconciler', file: 'reconciler.bench.ts', limitMs: 480_000 },
  { id: 'simulator', file: 'simulator.bench.ts', limitMs: 90_000 },
  { id: 'memory', file: 'memory.bench.ts', limitMs: 240_000 },
  { id: 'relay', file: 'relay.bench.ts', limitMs: 300_000 },
] as const;

const here = fileURLToPath(new URL('.', import.meta.url));

/** Run one bench file in a child process; resolves with its result or rejects with why not. */
export function runBenchChild(file: string, options: BenchOptions, limitMs: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'midtrans-bench-'));
  const out = join(dir, 'result.json');
  const child = spawn(process.execPath, [...BENCH_NODE_ARGS, join(here, file)], {
    env: { ...process.env, BENCH_OPTIONS: JSON.stringify(options), BENCH_OUT: out },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    process.stderr.write(chunk);
  });
  return new Promise<BenchResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')) as BenchResult);
        else {
          const why = signal === 'SIGKILL' ? `time limit of ${limitMs / 1000} s` : `exit ${code ?? signal}`;
          const last = stderr.trim().split('\n').slice(-3).join(' ');
          reject(new Error(`${file}: ${why}${last ? ` — ${last}` : ''}`));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const runs = Number(argValue(argv, '--runs') ?? (quick ? 1 : 5));
  const only = argValue(argv, '--only')?.split(',');
  const out = argValue(argv, '--out') ?? (quick ? undefined : join(here, 'RESULTS.md'));
  const selected = BENCHES.filter((bench) => only === undefined || only.includes(bench.id));
  if (selected.length === 0) throw new Error(`--only: none of ${only?.join(',')} is a bench`);
  const results: BenchResult[] = [];
  const failures: { id: string; error: string }[] = [];
  for (const bench of selected) {
    process.stdout.write(`bench ${bench.id}…\n`);
    try {
      const limit = quick ? 60_000 : bench.limitMs;
      const result = await runBenchChild(bench.file, { runs, quick }, limit);
      results.push(result);
      for (const check of result.checks) {
        process.stdout.write(`  ${check.met ? 'ok  ' : 'MISS'} ${check.label} (${check.target})\n`);
      }
    } catch (error) {
      failures.push({ id: bench.id, error: (error as Error).message });
      process.stdout.write(`  FAILED ${(error as Error).message}\n`);
    }
  }
  if (out) {
    const fixes = join(here, 'FIXES.md');
    const appendix = existsSync(fixes) ? readFileSync(fixes, 'utf8') : '';
    writeFileSync(out, renderResults(results, { date: new Date(), runs, failures, appendix }));
    process.stdout.write(`wrote ${out}\n`);
  }
  return failures.length === 0 ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && fileURLToPath(import.meta.url) === entry) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
