/**
 * Run a TS entry in a child process and read the JSON it writes to `CHILD_OUT`: for work whose
 * peak RSS must be its own (the runner's, the seeding's and the simulator's memory stay out).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_NODE_ARGS } from './node-args.js';

/** Run `entry` with `input` (JSON in `CHILD_INPUT`); resolve with its output, reject on failure or after `limitMs`. */
export function runJsonChild<I, O>(entry: string, input: I, limitMs: number): Promise<O> {
  const dir = mkdtempSync(join(tmpdir(), 'midtrans-bench-child-'));
  const out = join(dir, 'out.json');
  // BENCH_CPU_PROF=<dir>: profile the measured child (how the misses in RESULTS.md were found).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...BENCH_NODE_ARGS, entry], {
    env: { ...process.env, CHILD_INPUT: JSON.stringify(input), CHILD_OUT: out },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise<O>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')) as O);
        else
          reject(
            new Error(`${entry}: ${signal === 'SIGKILL' ? `killed after ${limitMs} ms` : `exit ${code}`}`),
          );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Child side: the input, and a way to hand back the output and exit. */
export function childInput<I>(): I {
  const raw = process.env.CHILD_INPUT;
  if (raw === undefined) throw new Error('CHILD_INPUT is not set: run this through runJsonChild');
  return JSON.parse(raw) as I;
}

/** Child side: write the output and exit 0 (open handles must not keep a bench alive). */
export function childDone<O>(output: O): never {
  const out = process.env.CHILD_OUT;
  if (out === undefined) throw new Error('CHILD_OUT is not set');
  writeFileSync(out, JSON.stringify(output));
  process.exit(0);
}

/** Samples RSS every `everyMs` until stopped; returns the peak seen (bytes). */
export function rssSampler(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
