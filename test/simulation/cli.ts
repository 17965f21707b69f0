/**
 * `npm run simulate -- [--runs N] [--seed S] [--db sqlite|mariadb|postgres|all] [--exclude a,b]`:
 * run histories and print what they did. Seeds run S, S+1, … so a failure names one seed, and
 * `--runs 1 --seed S --db D` replays it. Exit 1 when any invariant was violated.
 */
import { parseArgs } from 'node:util';
import { TEST_DATABASE_KINDS, type TestDatabaseKind } from '../support/databases.js';
import { replayCommand, runHistory } from './history.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    seed: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    exclude: { type: 'string', default: process.env.SIM_EXCLUDE ?? '' },
    verbose: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
const firstSeed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const dbs: TestDatabaseKind[] =
  values.db === 'all' ? [...TEST_DATABASE_KINDS] : [values.db as TestDatabaseKind];
const exclude = values.exclude.split(',').filter(Boolean);
if (
  !Number.isSafeInteger(runs) ||
  runs < 1 ||
  !Number.isSafeInteger(firstSeed) ||
  dbs.some((d) => !TEST_DATABASE_KINDS.includes(d))
) {
  console.error(
    'usage: npm run simulate -- [--runs N] [--seed S] [--db sqlite|mariadb|postgres|all] [--exclude kind,…]',
  );
  process.exit(2);
}

const totals = { histories: 0, operations: 0, crashes: 0, notifications: 0, violations: 0 };
const started = Date.now();
for (const db of dbs) {
  for (let i = 0; i < runs; i += 1) {
    const seed = (firstSeed + i) >>> 0;
    const result = await runHistory({ seed, db, exclude });
    totals.histories += 1;
    totals.operations += result.operations;
    totals.crashes += result.crashes;
    totals.notifications += result.notifications;
    totals.violations += result.violations.length;
    const line = `[${db}] seed ${seed}: ${result.operations} operations, ${result.crashes} crashes, ${result.violations.length} violations`;
    if (values.trace) for (const t of result.trace) console.log(`  ${t}`);
    if (values.verbose || result.violations.length > 0) console.log(line);
    if (result.violations.length > 0) {
      for (const v of result.violations) console.log(`    ${v}`);
      console.log(`    replay: ${replayCommand(db, seed, exclude)}`);
    }
  }
}
console.log(
  `histories ${totals.histories}, operations ${totals.operations}, crashes injected ${totals.crashes}, ` +
    `notifications delivered ${totals.notifications}, violations ${totals.violations} ` +
    `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(totals.violations > 0 ? 1 : 0);
