/**
 * Loaded with `--import` after tsx by every bench process: the kit's own modules (src/,
 * adapters/, migrations/) are loaded from the compiled package in dist/, as a host runs them,
 * while the bench's own TypeScript still goes through tsx. tsx compiles with esbuild's
 * `keepNames`, which adds a `__name(fn, "…")` call for every function the kit creates (each
 * repository, each closure per transaction): 2.5 % of a webhook's profile that no host pays.
 *
 * Refuses to start when dist/ is missing or older than a source file: the numbers would be of
 * other code. `npm run bench` builds first.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const rootPath = fileURLToPath(root);
const built = join(rootPath, 'dist/src/kit.js');

function newestSource(dir) {
  let newest = { file: '', time: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith('.ts')
        ? { file: path, time: statSync(path).mtimeMs }
        : newest;
    if (found.time > newest.time) newest = found;
  }
  return newest;
}

if (!existsSync(built)) throw new Error('bench: dist/ is missing; run `npm run build` first');
const builtAt = statSync(built).mtimeMs;
for (const folder of ['src', 'adapters', 'migrations']) {
  const newest = newestSource(join(rootPath, folder));
  if (newest.time > builtAt) {
    throw new Error(`bench: ${newest.file} is newer than dist/; run \`npm run build\` first`);
  }
}

register(new URL('./compiled-kit-hooks.mjs', import.meta.url), { data: { root: root.href } });
// Read by runIfMain (main.ts): a bench started without this module would measure src/ under tsx.
process.env.MIDTRANS_BENCH_COMPILED = '1';
