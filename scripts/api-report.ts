/**
 * The API report of every package entry point, with API Extractor: one `api/<entry>.api.md` per
 * subpath of package.json `exports`, so that a change of the public surface shows in review.
 *
 *   node --import tsx scripts/api-report.ts           check: fails when a report differs (npm test)
 *   node --import tsx scripts/api-report.ts --update  rewrite the reports (npm run api:update)
 *
 * It emits declarations only (no JavaScript) into .tmp/api/dts and reads them from there, so it
 * neither needs nor disturbs a `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  type IConfigFile,
} from '@microsoft/api-extractor';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const work = join(root, '.tmp', 'api');
const dts = join(work, 'dts');
const update = process.argv.includes('--update');

interface PackageJson {
  name: string;
  exports: Record<string, { import: string } | string>;
}

/** One entry point: its subpath, its report's base name and its emitted declaration file. */
interface Entry {
  subpath: string;
  report: string;
  declarations: string;
}

function entriesOf(pkg: PackageJson): Entry[] {
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string') return [];
    const suffix = subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`;
    // ./dist/src/index.js → .tmp/api/dts/src/index.d.ts: the build's layout, declarations only.
    const declarations = join(dts, target.import.replace(/^\.\/dist\//, '').replace(/\.js$/, '.d.ts'));
    return [{ subpath, report: `${pkg.name}${suffix}`, declarations }];
  });
}

function emitDeclarations(): void {
  rmSync(dts, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--outDir', dts];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tsc failed:\n${run.stdout}${run.stderr}`);
}

function configFor(entry: Entry): IConfigFile {
  return {
    projectFolder: root,
    mainEntryPointFilePath: entry.declarations,
    compiler: { tsconfigFilePath: join(root, 'tsconfig.build.json') },
    apiReport: {
      enabled: true,
      reportFileName: entry.report,
      reportFolder: join(root, 'api'),
      reportTempFolder: join(work, 'reports'),
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning },
        // No release tags (@public/@beta): every export of an entry is public.
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // Undocumented members are a TSDoc matter (the team's TSDoc rule), not a change of surface.
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
        // A type another entry exports (the client's wire shapes live in `midtrans-kit/wire`) may be
        // used here without a re-export. Kept quiet and out of the report (its footer would carry .d.ts
        // line numbers); `main` rejects one that no entry exports.
        'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
      },
      // TSDoc style is not the surface: cosmetic comment issues must not change or fail the report.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
}

interface Outcome {
  entry: Entry;
  changed: boolean;
  forgotten: string[];
  messages: string[];
}

function extract(entry: Entry, packageJsonFullPath: string): Outcome {
  const config = ExtractorConfig.prepare({
    configObject: configFor(entry),
    configObjectFullPath: join(root, 'api', 'api-extractor.json'),
    packageJsonFullPath,
  });
  const forgotten: string[] = [];
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback(message: ExtractorMessage) {
      if (message.messageId === 'ae-forgotten-export') {
        // API Extractor suffixes a second declaration of one name (`JsonObject_2`); the name is what counts.
        const symbol = /The symbol "(\w+?)(?:_\d+)?"/.exec(message.text)?.[1];
        if (symbol !== undefined) forgotten.push(symbol);
      }
      const serious =
        message.logLevel === ExtractorLogLevel.Warning || message.logLevel === ExtractorLogLevel.Error;
      // A report that differs, was created or was copied is told by `apiReportChanged` below.
      if (serious && !message.messageId.startsWith('console-api-report-')) {
        messages.push(`${message.logLevel}: ${message.formatMessageWithLocation(root)}`);
      }
      message.handled = true;
    },
  });
  return { entry, changed: result.apiReportChanged, forgotten, messages };
}

/** Names each entry exports, read back from the reports API Extractor just wrote. */
function exportedNames(entry: Entry): Set<string> {
  const report = readFileSync(join(work, 'reports', `${entry.report}.api.md`), 'utf8');
  const names = new Set<string>();
  const declaration =
    /^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|enum|namespace) (\w+)/gm;
  for (const match of report.matchAll(declaration)) if (match[1]) names.add(match[1]);
  for (const match of report.matchAll(/^export \{ ([^}]+) \}/gm)) {
    for (const part of (match[1] ?? '').split(','))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? '',
      );
  }
  return names;
}

function main(): number {
  const packageJsonFullPath = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(packageJsonFullPath, 'utf8')) as PackageJson;
  mkdirSync(join(root, 'api'), { recursive: true });
  emitDeclarations();
  const outcomes = entriesOf(pkg).map((entry) => extract(entry, packageJsonFullPath));

  const failures: string[] = [];
  const everyName = new Set(outcomes.flatMap(({ entry }) => [...exportedNames(entry)]));
  for (const outcome of outcomes) {
    const where = `${outcome.entry.subpath} (api/${outcome.entry.report}.api.md)`;
    for (const symbol of outcome.forgotten) {
      if (!everyName.has(symbol))
        failures.push(`${where}: "${symbol}" is used by the API but no entry exports it`);
    }
    failures.push(...outcome.messages.map((text) => `${where}: ${text}`));
    if (outcome.changed) {
      const diff = `diff api/${outcome.entry.report}.api.md .tmp/api/reports/${outcome.entry.report}.api.md`;
      failures.push(update ? `${where}: updated` : `${where}: the public surface changed (${diff})`);
    }
  }
  const problems = update ? failures.filter((text) => !text.endsWith(': updated')) : failures;
  for (const line of failures) console.error(line);
  if (problems.length > 0) {
    if (!update) console.error('If the change is intended, run `npm run api:update` and commit api/.');
    return 1;
  }
  console.error(`API reports ${update ? 'written' : 'match'}: ${outcomes.length} entry points.`);
  return 0;
}

process.exitCode = main();
