/** bench/lib/profile-layers.ts: self time grouped by layer, inside the measured window only. */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CpuProfile, shareRows, summariseProfile } from '../../bench/lib/profile-layers.js';

const repo = (path: string) => pathToFileURL(new URL(`../../${path}`, import.meta.url).pathname).href;
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

// root → our service → Knex compiler; root → Knex's better-sqlite3 _query (driver) → native `all`;
// our storage → native JSON stringify; garbage collector; idle.
const profile: CpuProfile = {
  startTime: 1_000,
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 6, 8, 9] },
    { id: 2, callFrame: frame('charge', repo('src/services/payments/charge-flow.ts')), children: [3] },
    { id: 3, callFrame: frame('toSQL', repo('node_modules/knex/lib/query/querycompiler.js')) },
    {
      id: 4,
      callFrame: frame('_query', repo('node_modules/knex/lib/dialects/better-sqlite3/index.js')),
      children: [5],
    },
    { id: 5, callFrame: frame('all', '') },
    { id: 6, callFrame: frame('encodeJson', repo('src/storage/json.ts')), children: [7] },
    { id: 7, callFrame: frame('stringify', '') },
    { id: 8, callFrame: frame('(garbage collector)', '') },
    { id: 9, callFrame: frame('(idle)', '') },
  ],
  // Samples at 1010, 1020, …: the first one and the last one fall outside the window.
  samples: [2, 2, 3, 4, 5, 6, 7, 8, 9, 3],
  timeDeltas: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
};

describe('profile layers', () => {
  it('groups self time by layer inside the window, idle left out', () => {
    const summary = summariseProfile(profile, 1_015, 1_095);
    expect(Object.fromEntries(summary.layers)).toEqual({
      'ours: src/services': 10,
      'Knex: query building': 10,
      'driver: better-sqlite3': 20,
      'ours: src/storage': 10,
      JSON: 10,
      'V8: garbage collection': 10,
    });
    expect(summary.totalUs).toBe(70);
    expect(shareRows(summary.layers, summary.totalUs)[0]).toMatch(/^ 28\.6 % {2}driver/);
  });

  it('refuses a window without samples', () => {
    expect(() => summariseProfile(profile, 5_000, 6_000)).toThrow(/no CPU samples/);
  });
});
