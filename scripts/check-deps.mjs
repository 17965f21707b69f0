/**
 * `npm run deps`: the layer and cycle rules of .dependency-cruiser.cjs over src, adapters and
 * migrations. It calls dependency-cruiser's API because its CLI refuses to start on Node 20
 * (its `engines` field), which this package still supports; the API itself runs there.
 * Exits 1 on any violation, printing each one with its rule and, for a cycle, the whole loop.
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOTS = ['src', 'adapters', 'migrations'];

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const tsConfig = extractTSConfig('./tsconfig.json');
const { output } = await cruise(ROOTS, options, undefined, { tsConfig });
if (typeof output === 'string') throw new TypeError('dependency-cruiser returned a report, not a result');

const { violations, totalCruised, totalDependenciesCruised } = output.summary;
for (const v of violations) {
  const loop = v.cycle ? `\n    cycle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' → ')}` : '';
  process.stderr.write(`✗ ${v.rule.name}: ${v.from} → ${v.to}${loop}\n`);
}
const summary = `${totalCruised} modules, ${totalDependenciesCruised} imports`;
if (violations.length > 0) {
  process.stderr.write(
    `\n${violations.length} dependency rule violation(s) (${summary}); see .dependency-cruiser.cjs\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(`dependency rules: no violations (${summary})\n`);
}
