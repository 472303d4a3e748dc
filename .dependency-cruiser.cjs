/**
 * The layering of src/, written once. Read top to bottom, each layer may import the ones under it:
 *
 *   main.ts → app/ → modules/ → http/ → graphql/ → auth/ → db/ → ground floor (config, errors, outage, logger, ids, events)
 *
 * http/ is the web plumbing (request meta, caller, CORS, GraphQL mounting, error replies);
 * a module's own routes (feed, uploads, files, logos, public cache) stand on it. http/ never
 * imports a module: app/ registers the module routes and passes services in.
 * A module may import another module's service (or its events), never its repository.
 * Entities are the exception: another module's entity class may be imported (relations need
 * the class, and a typed reference needs its type); its SQL stays in its own repository.
 * Nothing in src/ imports app/ except main.ts (scripts, tests and benchmarks may).
 */
const GROUND = '^src/(config|errors|outage|logger|log-errors|log-redaction|text-problems|ids|events)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import circles make load order and ownership unclear.', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'ground-floor',
      severity: 'error',
      comment: 'config, errors, logger, ids and events import nothing of ours but each other.',
      from: { path: GROUND },
      to: { path: '^src/', pathNot: GROUND },
    },
    {
      name: 'db-layer',
      severity: 'error',
      comment: 'db/ sits on the ground floor only.',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: ['^src/db/', GROUND] },
    },
    {
      name: 'auth-layer',
      severity: 'error',
      comment: 'auth/ (the permission package) uses db/ and the ground floor only.',
      from: { path: '^src/auth/' },
      to: { path: '^src/', pathNot: ['^src/(auth|db)/', GROUND] },
    },
    {
      name: 'graphql-layer',
      severity: 'error',
      comment: 'graphql/ is generic plumbing: it never knows a module.',
      from: { path: '^src/graphql/' },
      to: { path: '^src/', pathNot: ['^src/(graphql|auth|db)/', GROUND] },
    },
    {
      name: 'http-layer',
      severity: 'error',
      comment: 'http/ never imports a module: app/ passes the module routes in.',
      from: { path: '^src/http/' },
      to: { path: '^src/', pathNot: ['^src/(http|graphql|auth|db)/', GROUND] },
    },
    {
      name: 'modules-layer',
      severity: 'error',
      comment: 'modules/ use http/, graphql/, auth/, db/ and the ground floor; never app/.',
      from: { path: '^src/modules/' },
      to: { path: '^src/', pathNot: ['^src/(modules|http|graphql|auth|db)/', GROUND] },
    },
    {
      name: 'app-is-the-top',
      severity: 'error',
      comment: 'Only main.ts (and scripts, tests, benchmarks) import the composition root.',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'nothing-imports-main',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'module-faces',
      severity: 'error',
      comment:
        "A module imports another module only through its face: its index.ts (services, query facades, public types) or a *.api.ts (entities.api.ts: its entities, for relations). Everything else in a module folder is private to it.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|[^/]+\\.api)\\.tsx?$'] },
    },
    {
      name: 'module-repository-is-private',
      severity: 'error',
      comment: "A module reads another module's data through its service, never its repository.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
