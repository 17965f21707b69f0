/** The Node options every bench process starts with (see compiled-kit.mjs). */
import { fileURLToPath } from 'node:url';

/** tsx for the bench's TypeScript, then the kit itself from dist/. */
export const BENCH_NODE_ARGS: readonly string[] = [
  '--import',
  'tsx',
  '--import',
  fileURLToPath(new URL('./compiled-kit.mjs', import.meta.url)),
];
