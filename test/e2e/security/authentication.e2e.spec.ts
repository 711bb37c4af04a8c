import { createHmac } from 'node:crypto';
import request from 'supertest';
import { signTestToken, TEST_JWT_SECRET } from '../../support/tokens';
import { TestApp } from '../support/test-app';
import { MIN_OPERATIONS, QUERY_PATHS, ROLE_MATRIX } from './support/contract';
import {
  createFixtures,
  Fixtures,
  plausibleBody,
  realPath,
  requiredQuery,
} from './support/fixtures';
import { describeEvents, eventsAfter, headPosition } from './support/ledger-log';
import { OpenApiDocument, Operation, readOpenApi } from './support/openapi';
import { problemViolations } from './support/problems';
import { startSecurityApp } from './support/security-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token over exactly these claims (no defaults filled in). */
function tokenWithClaims(claims: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const valid = signTestToken();
const [validHeader, validPayload, validSignature] = valid.split('.');

/**
 * S1 (docs/quality.md): credentials that must not get anyone in. Each is `[what, Authorization header]`
 * (undefined: no header at all).
 */
const BAD_CREDENTIALS: [string, string | undefined][] = [
  ['no Authorization header', undefined],
  ['an expired token', `Bearer ${signTestToken({ expiresIn: -3600 })}`],
  [
    'a token signed with another key',
    `Bearer ${signTestToken({ secret: 'someone-elses-signing-key-0123456789abcdef' })}`,
  ],
  ['a malformed token', 'Bearer not-a-jwt'],
  ['a token of three parts that are not JSON', 'Bearer abc.def.ghi'],
  ['a token cut short (no signature)', `Bearer ${validHeader}.${validPayload}`],
  ['an unsigned token (alg none)', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${validPayload}.`],
  [
    'a token whose payload was changed after signing',
    `Bearer ${validHeader}.${b64({ sub: 'x', agency: 'NCA', roles: ['auditor'], exp: now() + 3600 })}.${validSignature}`,
  ],
  ['an empty bearer', 'Bearer '],
  ['another scheme (Basic)', `Basic ${Buffer.from('officer:password').toString('base64')}`],
  ['a token with no roles claim', `Bearer ${signTestToken({}, { roles: undefined })}`],
  ['a token with an empty roles claim', `Bearer ${signTestToken({ roles: [] })}`],
  ['a token with only unknown roles', `Bearer ${signTestToken({ roles: ['admin', 'root'] })}`],
  [
    'a token with no exp claim',
    `Bearer ${tokenWithClaims({ sub: 'dev-officer', agency: 'MPS', roles: ['supervisor'] })}`,
  ],
  ['a token with no agency claim', `Bearer ${signTestToken({}, { agency: undefined })}`],
  ['a token with no sub claim', `Bearer ${signTestToken({}, { sub: undefined })}`],
  ['a token not valid until next hour', `Bearer ${signTestToken({}, { nbf: now() + 3600 })}`],
];

describe('S1: every route but GET /health refuses a missing or bad token with 401, writing nothing', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startSecurityApp();
    ({ document, operations } = await readOpenApi(t));
    fixtures = await createFixtures(t);
  });
  afterAll(async () => t.close());

  /** Every documented route except the public health check. */
  const protectedOperations = () =>
    operations.filter((op) => !(op.method === 'get' && op.path === '/health'));

  /** The route called the way a client would, with real ids, the query it needs and a plausible body. */
  function call(op: Operation, authorization: string | undefined) {
    const server = request(t.app.getHttpServer());
    let req = server[op.method](realPath(op, fixtures)).query(requiredQuery(op));
    if (authorization !== undefined) req = req.set('Authorization', authorization);
    const body = plausibleBody(document, op, fixtures);
    return body === undefined ? req : req.send(body);
  }

  it('the document lists every route of the contract, and no fewer routes than expected', () => {
    const keys = new Set(operations.map((op) => op.key));
    expect(operations.length).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    const missing = [
      ...Object.keys(ROLE_MATRIX),
      ...QUERY_PATHS.map((path) => `GET ${path}`),
      'GET /health',
    ].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });

  it.each(BAD_CREDENTIALS)(
    'with %s: 401 problem+json and WWW-Authenticate on every route',
    async (_what, authorization) => {
      const before = await headPosition(t);
      const failures: string[] = [];
      for (const op of protectedOperations()) {
        const response = await call(op, authorization);
        const problems = [
          ...(response.status === 401 ? [] : [`status ${response.status}`]),
          ...problemViolations(response),
          ...(response.body?.code === 'unauthorized' ? [] : [`code ${response.body?.code}`]),
          ...(/^Bearer realm="poca-ledger"/.test(String(response.headers['www-authenticate']))
            ? []
            : [`WWW-Authenticate ${response.headers['www-authenticate']}`]),
          ...(response.headers['x-content-type-options'] === 'nosniff' ? [] : ['no nosniff']),
          ...(response.headers['x-powered-by'] === undefined ? [] : ['x-powered-by']),
        ];
        if (problems.length) failures.push(`${op.key}: ${problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
      const written = await eventsAfter(t, before);
      expect(describeEvents(written)).toBe('');
    },
  );

  it('an invalid token says why in the WWW-Authenticate error, a missing one does not', async () => {
    const missing = await request(t.app.getHttpServer()).get('/register').expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="poca-ledger"');
    const expired = await request(t.app.getHttpServer())
      .get('/register')
      .set('Authorization', `Bearer ${signTestToken({ expiresIn: -3600 })}`)
      .expect(401);
    expect(expired.headers['www-authenticate']).toBe(
      'Bearer realm="poca-ledger", error="invalid_token"',
    );
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('GET /health, /docs and /docs-json answer without a token', async () => {
    const anonymous = request(t.app.getHttpServer());
    await anonymous.get('/health').expect(200);
    await anonymous.get('/docs-json').expect(200);
    await anonymous.get('/docs').expect(200);
  });

  it('control: the same requests with a valid (auditor) token are never 401, and write nothing', async () => {
    const before = await headPosition(t);
    const auditor = `Bearer ${signTestToken({ sub: 'auditor-1', agency: 'MPS', roles: ['auditor'] })}`;
    const failures: string[] = [];
    for (const op of protectedOperations()) {
      const response = await call(op, auditor);
      if (response.status === 401 || response.status >= 500)
        failures.push(`${op.key}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
  });
});
