/**
 * How a bench file runs as a child of the runner (or alone): options come from `BENCH_OPTIONS`
 * (JSON) or the command line, the result goes to the file named by `BENCH_OUT` (or stdout).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { assertHasNumbers, type BenchOptions, type BenchResult } from './result.js';

/** A bench: measures and returns its result (without `elapsedMs`, which is added here). */
export type Bench = (options: BenchOptions) => Promise<Omit<BenchResult, 'elapsedMs'>>;

/** Options from `BENCH_OPTIONS` or `--runs N` / `--quick`. */
export function readOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const fromEnv = process.env.BENCH_OPTIONS;
  if (fromEnv) return JSON.parse(fromEnv) as BenchOptions;
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : quick ? 1 : 5;
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be 1..50');
  return { runs, quick };
}

/** Run `bench` when `moduleUrl` is the entry point; exit non-zero when it throws or reports nothing. */
export function runIfMain(moduleUrl: string, bench: Bench): void {
  const entry = process.argv[1];
  if (entry === undefined || pathToFileURL(entry).href !== moduleUrl) return;
  assertCompiledKit();
  const started = performance.now();
  bench(readOptions())
    .then((partial) => {
      const result: BenchResult = { ...partial, elapsedMs: performance.now() - started };
      assertHasNumbers(result);
      const json = JSON.stringify(result);
      const out = process.env.BENCH_OUT;
      if (out) writeFileSync(out, json);
      else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/**
 * Refuse to measure unless the kit comes from dist/ (compiled-kit.mjs loaded): `npm run bench:*`
 * does that, as does `node --import tsx --import ./bench/lib/compiled-kit.mjs bench/<file>.ts`.
 */
export function assertCompiledKit(): void {
  if (process.env.MIDTRANS_BENCH_COMPILED === '1') return;
  throw new Error(
    'bench: start with `--import tsx --import ./bench/lib/compiled-kit.mjs` (or `npm run bench:…`): the benches measure the compiled kit in dist/',
  );
}
