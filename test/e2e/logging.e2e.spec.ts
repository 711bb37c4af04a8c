import { assetHelpers } from './support/assets';
import { LogCapture, logCaptureModule } from './support/log-capture';
import { ProbeModule } from './support/probe.controller';
import { startTestApp, TestApp } from './support/test-app';
import { signTestToken } from '../support/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A line of a JavaScript stack trace. */
const STACK_FRAME = /\bat .+[(:]\d+:\d+\)?|\bat new \w+/;
const CHIS_REFERENCE = 'CHIS-SECRET-7781';

describe('structured logs: request ids and one line per request (pino)', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp([logCaptureModule(capture)], { LOG_LEVEL: 'info' })),
  );
  afterAll(async () => t.close());

  const requestId = (response: { headers: Record<string, string> }) =>
    response.headers['x-request-id'];

  it('echoes a safe X-Request-Id and logs the request under it', async () => {
    const response = await t
      .http()
      .get('/health')
      .set('X-Request-Id', 'gw-7f3a.42:b_c')
      .expect(200);
    expect(requestId(response)).toBe('gw-7f3a.42:b_c');
    expect(await capture.requestLine('gw-7f3a.42:b_c')).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/health',
      path: '/health',
      status: 200,
    });
  });

  it.each([
    ['none', undefined],
    ['an unsafe one', 'abc def<script>'],
    ['one over 100 characters', 'a'.repeat(101)],
    ['an empty one', ''],
  ])('generates a UUID when the caller sends %s', async (_name, incoming) => {
    const req = t.http().get('/health');
    if (incoming !== undefined) void req.set('X-Request-Id', incoming);
    const response = await req.expect(200);
    expect(requestId(response)).toMatch(UUID);
    await capture.requestLine(requestId(response));
  });

  it('each request gets its own id, even a body the parser refuses', async () => {
    const a = await t.http().get('/health');
    const b = await t.http().get('/health');
    expect(requestId(a)).not.toBe(requestId(b));
    const malformed = await t
      .http()
      .post('/cases')
      .set('content-type', 'application/json')
      .send('{"reference": ')
      .expect(400);
    expect(requestId(malformed)).toMatch(UUID);
    expect(await capture.requestLine(requestId(malformed))).toMatchObject({
      method: 'POST',
      path: '/cases',
      status: 400,
    });
  });

  it('logs method, route, path without the query, status, duration and the actor, once', async () => {
    const response = await t
      .http({ sub: 'DC-4411', agency: 'CoLP' })
      .get('/register')
      .query({ operation: 'Nightjar-query-value' })
      .set('X-Request-Id', 'register-read-1')
      .expect(200);
    const line = await capture.requestLine('register-read-1');
    expect(line).toMatchObject({
      msg: 'request completed',
      method: 'GET',
      route: '/register',
      path: '/register',
      status: response.status,
      actor: { sub: 'DC-4411', agency: 'CoLP' },
    });
    expect(typeof line.durationMs).toBe('number');
    expect(
      capture.forRequest('register-read-1').filter((e) => e.msg === 'request completed'),
    ).toHaveLength(1);
    expect(capture.text()).not.toContain('Nightjar-query-value');
    expect(capture.text()).not.toContain('operation=');
  });

  it('an unknown route has a path and no route', async () => {
    await t.http().get('/no-such-thing').set('X-Request-Id', 'unknown-route-1').expect(404);
    const line = await capture.requestLine('unknown-route-1');
    expect(line).toMatchObject({ path: '/no-such-thing', status: 404 });
    expect(line.route).toBeUndefined();
  });

  it('logs a refused token as a warning, with no actor', async () => {
    await t
      .http({ secret: 'another-key-entirely-0123456789-abcdefghijkl' })
      .get('/register')
      .set('X-Request-Id', 'bad-token-1')
      .expect(401);
    const line = await capture.requestLine('bad-token-1');
    expect(line).toMatchObject({ level: 'warn', status: 401, route: '/register' });
    expect(line.actor).toBeUndefined();
  });

  it('never logs the token, a body, an intelligence reference or a stack trace', async () => {
    const assets = assetHelpers(t);
    const token = signTestToken({ sub: 'DC-5150' });
    const caseId = await assets.openCase();
    const seizure = await t
      .http()
      .set('Authorization', `Bearer ${token}`)
      .post('/assets')
      .set('X-Request-Id', 'seize-secret-1')
      .send(
        assets.cashBody(caseId, {
          intelligence: { sourceType: 'informant', reference: CHIS_REFERENCE, confidential: true },
        }),
      )
      .expect(201);
    const assetId = seizure.body.id as string;
    await t
      .http()
      .set('Authorization', `Bearer ${token}`)
      .get(`/assets/${assetId}/history`)
      .expect(200);
    // A refused body: the validation problem names fields; the log has none of it.
    await t
      .http()
      .post('/assets')
      .send(
        assets.cashBody(caseId, {
          description: 7,
          intelligence: { sourceType: 'informant', reference: CHIS_REFERENCE, confidential: 'y' },
        }),
      )
      .expect(400);
    await t.http().get(`/assets/${assetId}`).set('Cookie', 'session=cookie-value-991').expect(200);
    expect((await capture.requestLine('seize-secret-1')).actor).toEqual({
      sub: 'DC-5150',
      agency: 'MPS',
    });

    const log = capture.text();
    expect(log).not.toContain(CHIS_REFERENCE);
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]);
    expect(log).not.toMatch(/bearer/i);
    expect(log).not.toContain('cookie-value-991');
    expect(log).not.toContain('Paddington Green'); // a body field of the seizure
    expect(log).not.toMatch(STACK_FRAME);
    // Every line is JSON with a level and a time; every request line has a request id.
    for (const entry of capture.entries()) {
      expect(typeof entry.level).toBe('string');
      expect(typeof entry.time).toBe('string');
      if (entry.msg === 'request completed') expect(entry.reqId).toBeDefined();
    }
  });
});

describe('structured logs: an unexpected failure', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp([ProbeModule, logCaptureModule(capture)], { LOG_LEVEL: 'info' })),
  );
  afterAll(async () => t.close());

  it('is logged at error with its request id (stack in the log, never in the response)', async () => {
    const response = await t
      .http()
      .get('/__probe/boom')
      .query({ q: 'query-value-5521' })
      .set('X-Request-Id', 'boom-1')
      .expect(500);
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
    const line = await capture.requestLine('boom-1');
    expect(line).toMatchObject({ level: 'error', status: 500, path: '/__probe/boom' });
    expect(line.err).toBeUndefined();
    const failure = capture.forRequest('boom-1').find((e) => e.context === 'ProblemFilter');
    expect(failure).toMatchObject({
      level: 'error',
      msg: 'GET /__probe/boom failed: Error: secret internal detail at /srv/ledger',
      err: { type: 'Error', message: 'secret internal detail at /srv/ledger' },
    });
    expect(capture.text()).not.toContain('query-value-5521');
  });
});

describe('structured logs: LOG_LEVEL', () => {
  const capture = new LogCapture();
  let t: TestApp;
  beforeAll(
    async () => (t = await startTestApp([logCaptureModule(capture)], { LOG_LEVEL: 'warn' })),
  );
  afterAll(async () => t.close());

  it('warn keeps refusals and drops ordinary requests', async () => {
    await t.http().get('/health').set('X-Request-Id', 'quiet-1').expect(200);
    await t.http({ expiresIn: -60 }).get('/register').set('X-Request-Id', 'expired-1').expect(401);
    expect(await capture.requestLine('expired-1')).toMatchObject({ level: 'warn', status: 401 });
    expect(capture.forRequest('quiet-1')).toEqual([]);
  });
});
