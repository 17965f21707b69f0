/**
 * The repository depends on nothing beside it: no module, fixture URL or Markdown link resolves
 * to a path outside the checkout, and every relative Markdown link points at a file that exists.
 * (`.ci/run` proves the same by running the suite in a fresh clone; this catches it locally.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && existsSync(join(ROOT, file)));

const CODE_REFERENCES = [
  /\bfrom\s+'(\.[^']*)'/g,
  /\bimport\(\s*'(\.[^']*)'\s*\)/g,
  /new URL\(\s*'(\.[^']*)',\s*import\.meta\.url\)/g,
];
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

function outside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel === '..' || rel.startsWith(`..${sep}`);
}

/** `file:target` for every relative reference of the tracked files matching `pattern`. */
function references(extension: string, patterns: RegExp[]): { where: string; path: string }[] {
  return tracked
    .filter((file) => file.endsWith(extension))
    .flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return patterns.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((match) => {
          const target = (match[1] ?? '').split('#')[0] ?? '';
          return { where: `${file}: ${match[1]}`, path: resolve(ROOT, dirname(file), target) };
        }),
      );
    });
}

describe('paths stay inside the repository', () => {
  it('no import or fixture URL in the TypeScript reaches outside', () => {
    const refs = references('.ts', CODE_REFERENCES);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((ref) => outside(ref.path)).map((ref) => ref.where)).toEqual([]);
  });

  it('every relative Markdown link stays inside and exists', () => {
    const refs = references('.md', [MARKDOWN_LINK]).filter((ref) => !/^\S+: ([a-z]+:|#)/.test(ref.where));
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((ref) => outside(ref.path) || !existsSync(ref.path)).map((ref) => ref.where)).toEqual(
      [],
    );
  });
});
