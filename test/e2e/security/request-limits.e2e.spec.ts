import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import request from 'supertest';
import { bearer, signTestToken } from '../../support/tokens';
import { TestApp } from '../support/test-app';
import { createFixtures, Fixtures, plausibleBody, realPath } from './support/fixtures';
import { describeEvents, eventsAfter, headPosition, settle } from './support/ledger-log';
import { isCommand, OpenApiDocument, Operation, readOpenApi } from './support/openapi';
import { leaks, problemViolations } from './support/problems';
import { startSecurityApp } from './support/security-app';

const OVER_1MB = 1_100_000;

/** Each place in a body where an object sits (dotted paths; '' is the body itself). */
function objectPlaces(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const here = Array.isArray(value) ? [] : [path];
  return [
    ...here,
    ...Object.entries(value).flatMap(([key, child]) =>
      objectPlaces(child, path ? `${path}.${key}` : key),
    ),
  ];
}

function withFieldAt(body: object, place: string, field: string): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of place ? place.split('.') : []) target = target[key] as Record<string, unknown>;
  target[field] = 'surprise';
  return copy;
}

/**
 * S6 (docs/quality.md): request limits on the real routes. test/e2e/foundation.e2e.spec.ts has the
 * basics on a probe route (413, 415, malformed JSON, a bare 500, helmet on /health); this goes
 * over every route of /docs-json and every kind of response.
 */
describe('S6: request limits, whitelisting, no internals in errors, security headers', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let commands: Operation[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startSecurityApp();
    const read = await readOpenApi(t);
    document = read.document;
    commands = read.operations.filter(isCommand);
    fixtures = await createFixtures(t);
  });
  afterAll(async () => t.close());

  const send = (op: Operation, body: unknown) =>
    t
      .http()
      [op.method](realPath(op, fixtures))
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  describe('bodies over 1 MB', () => {
    it('every command route: 413 payload_too_large problem, nothing written', async () => {
      const before = await headPosition(t);
      const failures: string[] = [];
      for (const op of commands) {
        const body = { ...plausibleBody(document, op, fixtures), padding: 'x'.repeat(OVER_1MB) };
        const response = await send(op, body);
        const problems = [
          ...(response.status === 413 ? [] : [`status ${response.status}`]),
          ...(response.body?.code === 'payload_too_large' ? [] : [`code ${response.body?.code}`]),
          ...problemViolations(response),
        ];
        if (problems.length) failures.push(`${op.key}: ${problems.join('; ')}`);
      }
      expect(failures).toEqual([]);
      expect(describeEvents(await eventsAfter(t, before))).toBe('');
    });

    it('a chunked body (no Content-Length) over 1 MB is a 413 too, nothing written', async () => {
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const { port } = server.address() as AddressInfo;
      const before = await headPosition(t);
      const answer = await new Promise<{ status?: number; type?: string; body: string }>(
        (resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/assets',
              headers: { 'content-type': 'application/json', ...bearer() },
            },
            (res) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString()));
              res.on('end', () =>
                resolve({ status: res.statusCode, type: res.headers['content-type'], body }),
              );
            },
          );
          // The server may answer (and stop reading) before the whole body is sent.
          req.on('error', (error: NodeJS.ErrnoException) =>
            error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
          );
          req.write(`{"caseId":"${fixtures.caseId}","description":"`);
          for (let sent = 0; sent < OVER_1MB; sent += 64 * 1024) req.write('x'.repeat(64 * 1024));
          req.end('"}');
        },
      );
      expect(answer.status).toBe(413);
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
      expect(describeEvents(await eventsAfter(t, before))).toBe('');
    });

    it('a body just under 1 MB is read and refused by validation, naming the field', async () => {
      const op = commands.find((c) => c.key === 'POST /assets')!;
      const body = { ...plausibleBody(document, op, fixtures), description: 'x'.repeat(1_000_000) };
      const response = await send(op, body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ path: 'description' }));
    });
  });

  describe('unknown fields are refused (whitelist), by name, nothing written', () => {
    it('an unknown top-level field on every command route that takes a body', async () => {
      const before = await headPosition(t);
      const failures: string[] = [];
      for (const op of commands.filter((c) => c.body)) {
        const body = withFieldAt(plausibleBody(document, op, fixtures)!, '', 'unexpectedField');
        const response = await send(op, body);
        const named = (response.body?.errors ?? []).some(
          (e: { path: string }) => e.path === 'unexpectedField',
        );
        if (response.status !== 400 || !named)
          failures.push(`${op.key}: ${response.status} ${JSON.stringify(response.body?.errors)}`);
      }
      expect(failures).toEqual([]);
      expect(describeEvents(await eventsAfter(t, before))).toBe('');
    });

    it('an unknown field inside every nested object (money, fx rates, instalments, …)', async () => {
      const before = await headPosition(t);
      const failures: string[] = [];
      let checked = 0;
      for (const op of commands.filter((c) => c.body)) {
        const plausible = plausibleBody(document, op, fixtures)!;
        for (const place of objectPlaces(plausible).filter(Boolean)) {
          checked++;
          const response = await send(op, withFieldAt(plausible, place, 'unexpectedNested'));
          const expected = `${place}.unexpectedNested`;
          const named = (response.body?.errors ?? []).some(
            (e: { path: string }) => e.path === expected,
          );
          if (response.status !== 400 || !named)
            failures.push(
              `${op.key} ${expected}: ${response.status} ${JSON.stringify(response.body?.errors)}`,
            );
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(20);
      expect(describeEvents(await eventsAfter(t, before))).toBe('');
    });
  });

  it('no stack trace, source location or server path in any error, across bad requests of every kind', async () => {
    const anonymous = () => request(t.app.getHttpServer());
    const asset = `/assets/${fixtures.assetId}`;
    const json = (path: string, body: string) =>
      t.http().post(path).set('content-type', 'application/json').send(body);
    const samples: [string, () => PromiseLike<Response>][] = [
      ['malformed JSON', () => json('/cases', '{"reference": ')],
      ['JSON null', () => json('/cases', 'null')],
      ['a JSON number', () => json('/cases', '42')],
      ['a JSON string', () => json('/cases', '"MPS/ECU/2026/0001"')],
      ['a JSON array', () => json('/cases', '[{"reference":"MPS/ECU/2026/0001"}]')],
      ['a lone surrogate escape', () => json('/cases', '{"reference":"\\ud800","title":"x"}')],
      ['a NUL in a field', () => json('/cases', '{"reference":"A\\u0000B","title":"x"}')],
      ['text/plain', () => t.http().post('/cases').set('content-type', 'text/plain').send('x')],
      [
        'an unknown charset',
        () =>
          t
            .http()
            .post('/cases')
            .set('content-type', 'application/json; charset=koi8-x')
            .send('{}'),
      ],
      [
        'gzip that is not',
        () =>
          t
            .http()
            .post('/cases')
            .set('content-type', 'application/json')
            .set('content-encoding', 'gzip')
            .send('{}'),
      ],
      ['no token', () => anonymous().get('/register')],
      ['a garbage token', () => anonymous().get('/register').set('Authorization', 'Bearer x.y.z')],
      [
        'a forbidden role',
        () =>
          t
            .http()
            .post('/cases')
            .set('Authorization', `Bearer ${signTestToken({ roles: ['auditor'] })}`)
            .send({ reference: 'X/1', title: 'x' }),
      ],
      ['an unknown route', () => t.http().get('/no/such/route')],
      ['an unknown method', () => t.http().put('/cases').send({})],
      ['a path id that is not a UUID', () => t.http().get('/assets/not-a-uuid')],
      ['a path traversal', () => t.http().get('/cases/..%2f..%2fetc%2fpasswd')],
      ['a bad percent-encoding', () => t.http().get('/cases/%E0%A4%A')],
      ['a 10 kB path', () => t.http().get(`/cases/${'a'.repeat(10_000)}`)],
      ['a bad If-Match', () => t.http().post(`${asset}/void`).set('If-Match', '"x"').send({})],
      [
        'a stale If-Match',
        () => t.http().post(`${asset}/void`).set('If-Match', '"0"').send({ reason: 'x' }),
      ],
      [
        'a bad Idempotency-Key',
        () => t.http().post('/cases').set('Idempotency-Key', 'nope').send({}),
      ],
      [
        'a bad X-Correlation-Id',
        () => t.http().post('/cases').set('X-Correlation-Id', 'a b').send({}),
      ],
      [
        'a number for money',
        () =>
          t
            .http()
            .post(`/confiscation-orders/${fixtures.confiscationOrderId}/payments`)
            .send({
              amount: { amount: 25000, currency: 'GBP' },
              method: 'voluntary',
              reference: 'R',
            }),
      ],
      [
        'a domain rule (422)',
        () =>
          t
            .http()
            .post(`/cases/${fixtures.caseId}/shares`)
            .send({ agency: 'MPS', reason: 'the lead agency itself' }),
      ],
      ['a bad date in a query', () => t.http().get(`${asset}?asAt=2026-02-30`)],
      ['an array in a query', () => t.http().get('/register?asAt[]=1&asAt[]=2')],
      ['a bad minPosition', () => t.http().get('/register?minPosition=-1')],
      ['a bad limit', () => t.http().get('/register?limit=1e400')],
      ['a bad cursor', () => t.http().get('/register?cursor=%00%ff')],
      ['a bad groupBy', () => t.http().get('/totals?groupBy=__proto__')],
      ['a bad duration', () => t.http().get('/deadlines?within=P999999999Y')],
      [
        'a bad report format',
        () => t.http().get('/reconciliation?from=2026-01-01&to=2026-02-01&format=exe'),
      ],
      [
        'a bad statement date',
        () => t.http().get(`/cases/${fixtures.caseId}/valuation-statement?format=pdf&asAt=x`),
      ],
      ['an unknown projection', () => t.http().post('/admin/projections/__proto__/rebuild')],
    ];
    const before = await headPosition(t);
    const failures: string[] = [];
    for (const [what, send] of samples) {
      const response = await send();
      const problems = [
        ...(response.status >= 400 && response.status < 500 ? [] : [`status ${response.status}`]),
        ...problemViolations(response, { fieldErrorsOn400: false }),
        ...leaks(JSON.stringify(response.headers)).map((l) => `header leaks ${l}`),
      ];
      if (problems.length) failures.push(`${what}: ${problems.join('; ')} ${response.text}`);
    }
    expect(failures).toEqual([]);
    expect(describeEvents(await eventsAfter(t, before))).toBe('');
  });

  it('security headers on every kind of response: JSON, CSV, PDF, 2xx and every error', async () => {
    const statement = `/cases/${fixtures.caseId}/valuation-statement`;
    const responses: [string, Response][] = [
      ['201 command', await t.http().post('/cases').send({ reference: 'MPS/S6/0001', title: 'x' })],
      ['200 query', await t.http().get(`/assets/${fixtures.assetId}`)],
      ['200 CSV', await t.http().get(statement).query({ format: 'csv' })],
      ['200 PDF', await t.http().get(statement).query({ format: 'pdf' })],
      ['400', await t.http().post('/cases').send({ sneaky: true })],
      ['401', await request(t.app.getHttpServer()).get('/register')],
      [
        '403',
        await t
          .http()
          .post('/cases')
          .set('Authorization', `Bearer ${signTestToken({ roles: ['auditor'] })}`)
          .send({}),
      ],
      ['404', await t.http().get('/nowhere')],
      [
        '413',
        await t
          .http()
          .post('/cases')
          .set('content-type', 'application/json')
          .send(JSON.stringify({ padding: 'x'.repeat(OVER_1MB) })),
      ],
      ['415', await t.http().post('/cases').set('content-type', 'text/plain').send('x')],
      ['200 health', await request(t.app.getHttpServer()).get('/health')],
    ];
    await settle(t);
    const failures: string[] = [];
    for (const [what, response] of responses) {
      const h = response.headers;
      const problems = [
        ...(h['x-content-type-options'] === 'nosniff' ? [] : ['no nosniff']),
        ...(h['x-powered-by'] === undefined ? [] : [`x-powered-by ${h['x-powered-by']}`]),
        ...(h['x-frame-options'] === 'SAMEORIGIN' ? [] : ['no x-frame-options']),
        ...(String(h['content-security-policy']).includes("default-src 'self'") ? [] : ['no CSP']),
        ...(h['strict-transport-security'] ? [] : ['no HSTS']),
        ...(h['referrer-policy'] === 'no-referrer' ? [] : ['no referrer-policy']),
        ...(h['cross-origin-resource-policy'] === 'same-origin' ? [] : ['no CORP']),
      ];
      if (problems.length) failures.push(`${what} (${response.status}): ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
    // Each response is the kind its label says.
    expect(responses.map(([what, r]) => [what, r.status])).toEqual(
      responses.map(([what]) => [what, Number(what.split(' ')[0])]),
    );
  });
});
