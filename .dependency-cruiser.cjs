/**
 * The boundaries of the code, checked by `npm run lint` (dependency-cruiser). A violation names
 * its rule; docs/architecture.md ("Boundaries") says why each rule is there.
 */
const DOMAIN = '^src/ledger/(cases|assets|restraint|confiscation|recovery)/(?!http/)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'No import cycles: a cycle means two files are one thing, or a type lives in the wrong one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'Domain files (ledger/<aggregate>/ outside http/, ledger/recovery) are pure: no NestJS, no event store, no command handling, no I/O.',
      from: { path: DOMAIN },
      to: {
        path: [
          '(^|/)node_modules/@nestjs/',
          '^src/event-store/',
          '^src/ledger/command-handling/',
          '^src/ledger/http/',
          '^src/(projections|reports|workflows|auth|config|logging|metrics|health|rate-limit|cli|demo|http)/',
          '^src/common/http/',
        ],
      },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'Domain files read no files, sockets, databases, processes or clocks of their own.',
      from: { path: DOMAIN },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|fs/promises|net|http|https|http2|child_process|worker_threads|dgram|dns|os|process|cluster|tls)$',
      },
    },
    {
      name: 'domain-no-io-packages',
      severity: 'error',
      comment: 'Domain files use no storage, network or framework packages.',
      from: { path: DOMAIN },
      to: {
        path: '(^|/)node_modules/(better-sqlite3|@eventstore|express|pino|nestjs-pino|pdfkit|prom-client|rxjs)',
      },
    },
    {
      name: 'ledger-not-read-side',
      severity: 'error',
      comment:
        'The write side (ledger) knows nothing of the read side: projections, reports and workflows import the ledger, never the other way round.',
      from: { path: '^src/ledger/' },
      to: { path: '^src/(projections|reports|workflows)/' },
    },
    {
      name: 'auth-not-ledger',
      severity: 'error',
      comment:
        'Authentication knows who is calling, not what the ledger does: auth imports nothing from ledger.',
      from: { path: '^src/auth/' },
      to: { path: '^src/ledger/' },
    },
    {
      name: 'reports-only-from-app-and-cli',
      severity: 'error',
      comment: 'Reports are leaves: only the app module and the CLI import them.',
      from: {
        path: '^src/',
        pathNot: [
          '^src/reports/',
          '^src/app\\.module\\.ts$',
          '^src/cli(\\.ts|/)',
          '^src/cli-run\\.ts$',
        ],
      },
      to: { path: '^src/reports/' },
    },
    {
      name: 'common-is-a-leaf',
      severity: 'error',
      comment:
        'common/ holds building blocks (money, time, problems) that import nothing else of the app.',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'read-side-not-http-of-ledger',
      severity: 'error',
      comment:
        "Projections and reports use the domain and its services, not another module's controllers.",
      from: { path: '^src/(projections|reports)/' },
      to: { path: '^src/ledger/[^/]+/http/.+\\.controller\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
