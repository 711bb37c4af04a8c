import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The OpenAPI document passes Redocly's `recommended` ruleset with no error and no warning, so
 * that clients and generated SDKs get what the API does: the bearer token on every route but
 * `GET /health`, a server, a summary and real 4xx responses on each operation, a licence.
 *
 * @redocly/cli 2 is one bundle with no programmatic API (there is no @redocly/openapi-core in
 * node_modules), so this runs its `lint` with `--format=json` on the served document.
 */
const REDOCLY = join(__dirname, '../../node_modules/.bin/redocly');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

function lint(document: unknown): LintReport {
  const dir = makeTempDir('poca-openapi-');
  try {
    const file = join(dir.path, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const run = spawnSync(
      REDOCLY,
      ['lint', '--format=json', '--extends=recommended', '--max-problems=1000', file],
      {
        cwd: dir.path,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    // 0: no errors, 1: errors found; anything else (or no JSON) means the linter did not run.
    if (run.error || (run.status !== 0 && run.status !== 1)) {
      throw new Error(
        `redocly lint failed to run (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`,
      );
    }
    return JSON.parse(run.stdout) as LintReport;
  } finally {
    dir.remove();
  }
}

const describeProblem = (p: LintProblem) =>
  `${p.severity} ${p.ruleId} at ${p.location.map((l) => l.pointer ?? '?').join(', ')}: ${p.message}`;

describe('OpenAPI document: redocly lint (recommended rules)', () => {
  let t: TestApp;
  let document: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http().get('/docs-json').expect(200)).body as Record<string, unknown>;
  });
  afterAll(async () => t.close());

  it('has no errors and no warnings', () => {
    const report = lint(document);
    expect(report.problems.map(describeProblem)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('would catch a broken document (the check is not vacuous)', () => {
    const { servers: _servers, ...withoutServers } = document;
    const report = lint(withoutServers);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.ruleId)).toContain('no-empty-servers');
  });
});
