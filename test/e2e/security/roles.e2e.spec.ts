import { bearer } from '../../support/tokens';
import { TestApp } from '../support/test-app';
import { ALL_ROLES, QUERY_PATHS, ROLE_MATRIX, RoleName } from './support/contract';
import {
  createFixtures,
  Fixtures,
  plausibleBody,
  realPath,
  requiredQuery,
} from './support/fixtures';
import { describeEvents, eventsAfter, headPosition, settle } from './support/ledger-log';
import { isCommand, OpenApiDocument, Operation, readOpenApi } from './support/openapi';
import { problemViolations } from './support/problems';
import { startSecurityApp } from './support/security-app';

/** A token of the MPS with this one role. */
const only = (role: RoleName) => bearer({ sub: `s2-${role}`, agency: 'MPS', roles: [role] });

describe('S2: every command route × every role: only the roles docs/api.md names get past 403', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let commands: Operation[];
  let queries: Operation[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startSecurityApp();
    const { document: doc, operations } = await readOpenApi(t);
    document = doc;
    commands = operations.filter(isCommand);
    queries = operations.filter((op) => !isCommand(op) && op.path !== '/health');
    fixtures = await createFixtures(t);
  });
  afterAll(async () => t.close());

  const call = (op: Operation, role: RoleName) => {
    const req = t
      .http()
      [op.method](realPath(op, fixtures))
      .set(only(role))
      .query(requiredQuery(op));
    const body = plausibleBody(document, op, fixtures);
    return body === undefined ? req : req.send(body);
  };

  it('the command routes in /docs-json are exactly the routes of the role table', () => {
    expect(commands.map((op) => op.key).sort()).toEqual(Object.keys(ROLE_MATRIX).sort());
  });

  it('every command route documents its roles ("Roles: …"), the same as the table', () => {
    const mismatches = commands
      .filter((op) => ROLE_MATRIX[op.key])
      .filter((op) => op.key !== 'POST /admin/projections/{name}/rebuild')
      .filter((op) => {
        const documented = /^Roles: ([\w, ]+)\./.exec(op.description ?? '')?.[1].split(', ');
        return documented?.sort().join() !== [...ROLE_MATRIX[op.key]].sort().join();
      })
      .map((op) => `${op.key}: ${op.description}`);
    expect(mismatches).toEqual([]);
  });

  // First every refusal, while the fixtures are as created; then the allowed calls, which may
  // change them (close the case, void the asset): they need only get past the role check.
  it.each(ALL_ROLES)(
    '%s alone: 403 problem+json and nothing written where the table does not allow it',
    async (role) => {
      const failures: string[] = [];
      for (const op of commands.filter((c) => !ROLE_MATRIX[c.key]?.includes(role))) {
        const before = await headPosition(t);
        const response = await call(op, role);
        const problems = [
          ...(response.status === 403 ? [] : [`status ${response.status}`]),
          ...problemViolations(response),
          ...(response.body?.code === 'forbidden' ? [] : [`code ${response.body?.code}`]),
        ];
        const written = await eventsAfter(t, before);
        if (written.length) problems.push(`wrote ${describeEvents(written)}`);
        if (problems.length) failures.push(`${op.key}: ${problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(ALL_ROLES)('%s alone: never 401 or 403 where the table allows it', async (role) => {
    const failures: string[] = [];
    for (const op of commands.filter((c) => ROLE_MATRIX[c.key]?.includes(role))) {
      const response = await call(op, role);
      if ([401, 403].includes(response.status) || response.status >= 500)
        failures.push(`${op.key}: ${response.status} ${JSON.stringify(response.body)}`);
      await settle(t);
    }
    expect(failures).toEqual([]);
  });

  it('the table gives every role but auditor at least one command, and auditor none', () => {
    for (const role of ALL_ROLES) {
      const routes = Object.values(ROLE_MATRIX).filter((roles) => roles.includes(role));
      if (role === 'auditor') expect(routes).toEqual([]);
      else expect(routes.length).toBeGreaterThan(0);
    }
  });

  it('auditor reads every query route (never 401 or 403) and writes nothing', async () => {
    const before = await headPosition(t);
    const failures: string[] = [];
    for (const op of queries) {
      const response = await t
        .http()
        .get(realPath(op, fixtures))
        .set(only('auditor'))
        .query(requiredQuery(op));
      if ([401, 403].includes(response.status) || response.status >= 500)
        failures.push(`${op.key}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
    expect(QUERY_PATHS.filter((path) => !queries.some((q) => q.path === path))).toEqual([]);
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
  });
});
