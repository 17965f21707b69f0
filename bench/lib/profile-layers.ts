/**
 * Self time of a V8 CPU profile (`node --cpu-prof`), grouped by layer: our folders, Knex's query
 * building and its runner, the SQLite driver, JSON, the HTTP adapter and Express, Node's own
 * HTTP/net code, garbage collection. Only samples inside a time window count (the measured loop,
 * not start-up and migrations). Shares, not times: the machine is shared.
 */
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The parts of a `.cpuprofile` file this reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per layer and per function, in µs, inside the window. */
export interface LayerSummary {
  totalUs: number;
  layers: Map<string, number>;
  functions: Map<string, number>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const EXPRESS = new Set(
  'express router body-parser raw-body finalhandler on-finished type-is content-type mime-types mime-db qs iconv-lite depd http-errors statuses parseurl encodeurl path-to-regexp accepts negotiator fresh etag setprototypeof proxy-addr forwarded ipaddr.js vary cookie content-disposition media-typer escape-html merge-descriptors range-parser send ee-first unpipe bytes toidentifier inherits debug ms side-channel object-inspect call-bound math-intrinsics es-errors get-intrinsic dunder-proto function-bind hasown gopd es-object-atoms'.split(
    ' ',
  ),
);
// better-sqlite3's native methods, called from Knex's dialect and our statement cache.
const DRIVER = 'driver: better-sqlite3';
const DRIVER_CALLS = new Set(['all', 'run', 'get', 'prepare', 'iterate', 'safeIntegers', 'raw', 'pluck']);
const KNEX_BUILDING =
  /knex\/lib\/(query|formatter|dialects\/[^/]+\/query|raw|ref|builder-interface|knex-builder|util)\b/;

/** The layer of a frame with a URL; undefined for native frames (they belong to their caller). */
function layerOfUrl(url: string): string | undefined {
  if (url === '') return undefined;
  if (url.startsWith('node:')) {
    return /_http|internal\/http|net|stream|dns|tls/.test(url) ? 'node: http, net, streams' : 'node: other';
  }
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (modules) {
    const [, pkg = '', rest = ''] = modules;
    if (pkg === 'knex')
      return KNEX_BUILDING.test(`knex/${rest}`) ? 'Knex: query building' : 'Knex: runner, pool, transactions';
    if (pkg === 'better-sqlite3') return DRIVER;
    if (pkg === 'tarn') return 'Knex: runner, pool, transactions';
    if (pkg === 'lodash') return 'package: lodash (Knex uses it)';
    if (EXPRESS.has(pkg)) return 'HTTP adapter: adapters/ + Express';
    if (pkg === 'ajv' || pkg === 'ajv-formats' || pkg === '@sinclair/typebox')
      return 'validation: ajv, TypeBox';
    if (pkg === 'tsx' || pkg === 'esbuild' || pkg === 'get-tsconfig') return 'module loading (tsx)';
    return `package: ${pkg}`;
  }
  // The benches run the kit from dist/ (compiled-kit.mjs): dist/src/… counts as src/….
  const inRepo = (path.startsWith(ROOT) ? path.slice(ROOT.length) : path).replace(/^dist\//, '');
  if (inRepo.startsWith('adapters/')) return 'HTTP adapter: adapters/ + Express';
  const ours = /^src\/([^/.]+)/.exec(inRepo);
  if (ours) return `ours: src/${ours[1]}`;
  if (inRepo.startsWith('bench/')) return 'bench harness';
  return `other: ${inRepo}`;
}

function nativeLayer(name: string, caller: string): string {
  if (name === '(garbage collector)') return 'V8: garbage collection';
  if (name === '(program)') return 'V8: program (native, unattributed)';
  if (name === 'parse' || name === 'stringify') return 'JSON';
  if (DRIVER_CALLS.has(name) && /Knex|ours: src\/storage|driver/.test(caller)) return DRIVER;
  return caller;
}

/** Summarise the samples of `profile` taken between `fromUs` and `toUs` (V8's clock, µs). */
export function summariseProfile(profile: CpuProfile, fromUs: number, toUs: number): LayerSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const layerOf = new Map<number, string>();
  const walk = (id: number, callerLayer: string) => {
    const node = byId.get(id);
    if (node === undefined) return;
    const { url, functionName } = node.callFrame;
    // better-sqlite3's native calls do not show as frames of their own: their time is the self
    // time of the JS function that makes them, Knex's `_query` (run/all) and our SQLite runner's
    // `execute` / `control` (which do little else).
    const driver =
      (/dialects\/better-sqlite3\//.test(url) && functionName === '_query') ||
      (/storage\/sql\/sqlite-runner\.[jt]s$/.test(url) &&
        (functionName === 'execute' || functionName === 'control'));
    const layer = driver ? DRIVER : (layerOfUrl(url) ?? nativeLayer(functionName, callerLayer));
    layerOf.set(id, layer);
    for (const child of node.children ?? []) walk(child, layer);
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, 'V8: program (native, unattributed)');

  const summary: LayerSummary = { totalUs: 0, layers: new Map(), functions: new Map() };
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) return;
    const node = byId.get(id);
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    const layer = layerOf.get(id) ?? 'unknown';
    summary.totalUs += delta;
    summary.layers.set(layer, (summary.layers.get(layer) ?? 0) + delta);
    const { functionName, url, lineNumber } = node.callFrame;
    // Our files run through tsx, whose line numbers are not the source's: name the file only.
    const file = url.replace(/^.*node_modules\//, '').replace(`file://${ROOT}`, '');
    const where =
      url === ''
        ? ''
        : file.startsWith('node') || url.includes('node_modules')
          ? ` ${file}:${lineNumber + 1}`
          : ` ${file}`;
    const key = `${functionName || '(anonymous)'}${where} [${layer}]`;
    summary.functions.set(key, (summary.functions.get(key) ?? 0) + delta);
  });
  if (summary.totalUs === 0) throw new Error('no CPU samples inside the measured window');
  return summary;
}

/** Rows of `name  share%`, largest first, down to `minShare` (a fraction). */
export function shareRows(values: Map<string, number>, total: number, minShare = 0): string[] {
  return [...values.entries()]
    .sort((a, b) => b[1] - a[1])
    .filter(([, us]) => us / total >= minShare)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
}
