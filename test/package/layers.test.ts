/**
 * The layer rules of .dependency-cruiser.cjs bite: a tree with a type-only cycle, a domain file
 * importing the store, a route importing the kit and the simulator importing a service is refused,
 * rule by rule. (`npm run deps` runs the same rules over the real tree.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
  }),
  'src/constants.ts': 'export const A = 1;\n',
  'src/domain/money.ts': "import type { Store } from '../storage/store.js';\nexport type M = Store;\n",
  'src/storage/store.ts': "import { A } from '../constants.js';\nexport interface Store { a: typeof A }\n",
  'src/kit.ts': "import type { Route } from './http/route.js';\nexport interface Kit { routes: Route[] }\n",
  'src/http/route.ts': "import type { Kit } from '../kit.js';\nexport interface Route { kit: Kit }\n",
  'src/services/pay.ts': 'export const pay = 1;\n',
  'src/simulator/engine.ts': "import { pay } from '../services/pay.js';\nexport const run = pay;\n",
};

describe('dependency rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses cycles (type-only too) and imports across the layers', async () => {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
    const previous = process.cwd();
    process.chdir(dir);
    let result: IReporterOutput;
    try {
      result = await cruise(['src'], options, undefined, { tsConfig: extractTSConfig('tsconfig.json') });
    } finally {
      process.chdir(previous);
    }
    if (typeof result.output === 'string') throw new TypeError('expected a cruise result');
    const found = result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'domain-is-pure: src/domain/money.ts → src/storage/store.ts',
        'route-table-without-the-kit: src/http/route.ts → src/kit.ts',
        'simulator-is-midtrans: src/simulator/engine.ts → src/services/pay.ts',
      ]),
    );
    expect(found.some((line) => line.startsWith('no-circular: '))).toBe(true);
  });
});
