/**
 * The export map, checked the way a user meets it: from the tarball `npm pack` makes,
 * installed into a throwaway consumer, imported at run time and type-checked with NodeNext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const work = join(root, '.tmp', `pack-${process.pid}`);
const consumer = join(work, 'consumer');
const installed = join(consumer, 'node_modules', 'midtrans-kit');

interface ExportTarget {
  types: string;
  import: string;
}
interface PackageJson {
  name: string;
  exports: Record<string, ExportTarget | string>;
  files: string[];
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
const subpaths = Object.entries(pkg.exports)
  .filter((entry): entry is [string, ExportTarget] => typeof entry[1] === 'object')
  .map(([subpath, target]) => ({ subpath, target, specifier: subpath.replace(/^\./, pkg.name) }));

let packedFiles: string[] = [];

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error('npm pack printed no result');
  packedFiles = info.files.map((file) => file.path);
  execFileSync('tar', ['-xzf', join(work, info.filename), '-C', installed, '--strip-components=1']);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('package export map', () => {
  it('declares the root entry and only subpaths with types and an import target', () => {
    expect(subpaths.map((entry) => entry.subpath)).toContain('.');
    for (const { target } of subpaths) {
      expect(target.types).toMatch(/\.d\.ts$/);
      expect(target.import).toMatch(/\.js$/);
    }
  });

  it('ships only what a user needs', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('README.md');
    const unexpected = packedFiles.filter(
      (file) => !/^(dist\/|docs\/|README\.md$|package\.json$|LICENSE$)/.test(file) || /\.test\./.test(file),
    );
    expect(unexpected).toEqual([]);
    expect(packedFiles.some((file) => file.startsWith('dist/test/'))).toBe(false);
  });

  it.each(subpaths)(
    '$specifier resolves from the packed copy and has its types',
    async ({ specifier, target }) => {
      expect(existsSync(join(installed, target.types)), `${target.types} is packed`).toBe(true);
      expect(existsSync(join(installed, target.import)), `${target.import} is packed`).toBe(true);
      const loaded = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).length);`,
        ],
        { cwd: consumer, encoding: 'utf8' },
      );
      expect(Number(loaded.trim())).toBeGreaterThan(0);
    },
  );

  it('type-checks an import of every subpath under NodeNext', () => {
    const lines = subpaths.map(({ specifier }, index) => `import * as m${index} from '${specifier}';`);
    lines.push(`export const all = [${subpaths.map((_, index) => `m${index}`).join(', ')}];`);
    writeFileSync(join(consumer, 'index.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['index.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('error TS'));
    // Our declarations and the consumer's import are checked in full. Errors inside other packages'
    // declarations are not ours: in this repo express 5 hoists content-disposition 2, whose own
    // types no longer match what @types/koa expects, a clash a real Koa-only host does not have.
    const ours = errors.filter((line) => !/^node_modules\/(?!midtrans-kit\/)/.test(line));
    expect(ours).toEqual([]);
  }, 60_000);
});
