/**
 * The docs cannot rot: every ```ts sample in README.md and docs/*.md is type-checked with tsc
 * against the sources (`midtrans-kit`, `midtrans-kit/express`… mapped to src/ and adapters/ by
 * `paths`). Each sample is its own module, with `prelude.d.ts.txt` declaring the host's own things
 * a sample only refers to (its app, its users, its order store). The prelude is a .txt so that the
 * repository's own tsc run never sees its globals; it is copied next to the samples.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSamples, type DocSample, extractSamples } from './extract.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'doc-samples');

function writeProject(samples: DocSample[]): Map<string, DocSample> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = new Map<string, DocSample>();
  samples.forEach((sample, index) => {
    const name = `${sample.doc.replace(/[^A-Za-z0-9]+/g, '_')}_${index}.ts`;
    // `export {}` makes each sample a module: its names stay its own and top-level await works.
    writeFileSync(join(OUT, name), `${sample.code}\nexport {};\n`);
    files.set(name, sample);
  });
  copyFileSync(join(import.meta.dirname, 'prelude.d.ts.txt'), join(OUT, 'prelude.d.ts'));
  const src = (path: string) => [relative(OUT, join(ROOT, path))];
  const tsconfig = {
    extends: relative(OUT, join(ROOT, 'tsconfig.json')),
    compilerOptions: {
      noEmit: true,
      rootDir: relative(OUT, ROOT),
      // Samples show one idea each; an unused import or variable is not an error there.
      noUnusedLocals: false,
      paths: {
        'midtrans-kit': src('src/index.ts'),
        'midtrans-kit/wire': src('src/wire.ts'),
        'midtrans-kit/simulator': src('src/simulator/index.ts'),
        'midtrans-kit/migrations': src('migrations/index.ts'),
        'midtrans-kit/testing': src('src/testing/index.ts'),
        'midtrans-kit/http': src('src/http/index.ts'),
        'midtrans-kit/express': src('adapters/express.ts'),
        'midtrans-kit/koa': src('adapters/koa.ts'),
        'midtrans-kit/fastify': src('adapters/fastify.ts'),
        'midtrans-kit/fetch': src('adapters/fetch.ts'),
      },
    },
    include: ['*.ts'],
  };
  writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return files;
}

describe('doc samples', () => {
  it('finds ```ts fences and honours nocheck', () => {
    const md = [
      '# T',
      '```ts',
      'const a = 1;',
      '```',
      '```ts nocheck',
      'broken(',
      '```',
      '```sh',
      'ls',
      '```',
    ].join('\n');
    expect(extractSamples('x.md', md)).toEqual([{ doc: 'x.md', line: 3, code: 'const a = 1;' }]);
  });

  it('every ```ts sample in README.md and docs/*.md type-checks', { timeout: 120_000 }, () => {
    const samples = collectSamples(ROOT);
    expect(samples.length).toBeGreaterThan(30);
    const files = writeProject(samples);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json'), '--pretty', 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // Point every error at the Markdown line it comes from.
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .map((line) => {
        const at = /doc-samples\/([^(]+)\((\d+),(\d+)\): (.*)$/.exec(line);
        const sample = at ? files.get(at[1] ?? '') : undefined;
        if (!at || !sample) return line;
        return `${sample.doc}:${sample.line + Number(at[2]) - 1}: ${at[4]}`;
      });
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});
