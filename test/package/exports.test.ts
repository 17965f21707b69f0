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

const HOST_SOURCE = `import { createMidtrans, PaymentService } from 'midtrans-kit';
import { midtransRouter } from 'midtrans-kit/express';
import { createHttpHandler } from 'midtrans-kit/http';
import { midtransKoaRouter } from 'midtrans-kit/koa';
import { createTestMidtrans } from 'midtrans-kit/testing';
import type { WireChargeRequest } from 'midtrans-kit/wire';

class AuditedPayments extends PaymentService {}
const kit = createMidtrans({
  serverKey: 'SB-Mid-server-TEST',
  services: { payments: AuditedPayments },
  hooks: {
    beforeCharge(ctx) {
      if (ctx.kind !== 'charge') return undefined;
      const request: WireChargeRequest = ctx.request;
      return { ...request, custom_field1: 'audited' };
    },
  },
});
export const express = midtransRouter(kit);
export const koa = midtransKoaRouter(kit);
export const handler = createHttpHandler(kit);
export const testing = (await createTestMidtrans()).kit satisfies typeof kit;
`;

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

  it('has a committed API report for every subpath (npm run api:update writes them)', () => {
    for (const { subpath } of subpaths) {
      const report = `${pkg.name}${subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`}.api.md`;
      expect(existsSync(join(root, 'api', report)), `api/${report}`).toBe(true);
    }
  });

  it('runs nothing of its own when installed (no prepare or install scripts)', () => {
    const packed = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(packed.scripts ?? {}).filter((name) => lifecycle.includes(name))).toEqual([]);
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

  it('type-checks an import of every subpath, and a host using them together, under NodeNext', () => {
    const lines = subpaths.map(({ specifier }, index) => `import * as m${index} from '${specifier}';`);
    lines.push(`export const all = [${subpaths.map((_, index) => `m${index}`).join(', ')}];`);
    writeFileSync(join(consumer, 'index.ts'), `${lines.join('\n')}\n`);
    // The entries must share one declaration of the kit: a kit from the root entry (with a
    // subclassed service) goes into the adapters, and a hook edits the wire request with the wire
    // entry's type. Per-entry bundled .d.ts would each carry their own copy of the service classes,
    // whose protected members make the copies incompatible, and fail here.
    writeFileSync(join(consumer, 'host.ts'), HOST_SOURCE);
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
        files: ['index.ts', 'host.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('error TS'));
    // Our declarations and the consumer's import are checked in full. Errors inside other packages'
    // declarations are not ours: in this repo express 5 hoists content-disposition 2, whose own
    // types no longer match what @types/koa expects, a clash a real Koa-only host does not have.
    // (tsc may print such a path relative to the consumer, through a symlinked node_modules.)
    const ours = errors.filter((line) => !/^[^(]*\bnode_modules\/(?!midtrans-kit\/)/.test(line));
    expect(ours).toEqual([]);
  }, 60_000);
});
