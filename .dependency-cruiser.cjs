/**
 * The layer rules of docs/architecture.md ("Layers and the one rule"), checked by `npm run deps`
 * (part of `npm run check`, so of `npm test`). Type-only imports count: a cycle through types still
 * ties the layers together, so `tsPreCompilationDeps` is on.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type-only imports included: each module sits in exactly one layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain/ imports only itself, constants, limits, errors, the wire types and node: builtins.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: [
          '^src/domain/',
          '^src/constants\\.ts$',
          '^src/limits\\.ts$',
          '^src/errors\\.ts$',
          '^src/wire-types\\.ts$',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'wire-types-is-a-leaf',
      severity: 'error',
      comment:
        'src/wire-types.ts is shared by domain, client, services and simulator: it imports only constants.',
      from: { path: '^src/wire-types\\.ts$' },
      to: { pathNot: ['^src/constants\\.ts$'] },
    },
    {
      name: 'vocabulary-is-a-leaf',
      severity: 'error',
      comment: 'constants, limits and errors are the bottom layer.',
      from: { path: '^src/(constants|limits|errors)\\.ts$' },
      to: { pathNot: ['^src/(constants|limits|errors)\\.ts$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'client-and-storage-below-services',
      severity: 'error',
      comment: 'The client and the store are used by services, never the other way round.',
      from: { path: '^src/(client|storage)/' },
      to: { path: ['^src/(services|http|dashboard|simulator|testing)/', '^src/kit\\.ts$'] },
    },
    {
      name: 'services-below-http',
      severity: 'error',
      comment:
        'Services know the client, the store and the domain, not the route table, the dashboard or the kit.',
      from: { path: '^src/services/' },
      to: { path: ['^src/(http|dashboard|simulator|testing)/', '^src/kit\\.ts$', '^adapters/'] },
    },
    {
      name: 'http-below-adapters',
      severity: 'error',
      comment: 'The route table is framework-free; adapters mount it, not the other way round.',
      from: { path: '^src/http/' },
      to: { path: ['^src/testing/', '^adapters/'] },
    },
    {
      name: 'route-table-without-the-kit',
      severity: 'error',
      comment:
        'The route table sees the kit through RouteKit (src/http/route-kit.ts), so kit.openapi() can read the table.',
      from: { path: '^src/http/' },
      to: { path: '^src/kit\\.ts$' },
    },
    {
      name: 'http-beside-dashboard',
      severity: 'error',
      comment: 'Only the public entry point src/http/index.ts re-exports the dashboard for the adapters.',
      from: { path: '^src/http/', pathNot: '^src/http/index\\.ts$' },
      to: { path: '^src/dashboard/' },
    },
    {
      name: 'simulator-is-midtrans',
      severity: 'error',
      comment:
        'The simulator is Midtrans, not us: it shares only vocabulary, wire types and pure domain rules.',
      from: { path: '^src/simulator/' },
      to: { path: ['^src/(services|storage|http|dashboard|client|testing)/', '^src/(kit|config)\\.ts$'] },
    },
    {
      name: 'src-is-inward',
      severity: 'error',
      comment: 'Nothing in src/ or migrations/ imports adapters, examples, tests or benchmarks.',
      from: { path: '^(src|migrations)/' },
      to: { path: '^(adapters|examples|test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
