import { collect } from '../support/async';
import { ProbeModule } from './support/probe.controller';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP foundation (real embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp([ProbeModule])));
  afterAll(async () => t.close());
  const http = () => t.http();
  const eventCount = async () => (await collect(t.store.readAll())).length;

  it('GET /health reports the embedded store reachable', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', eventStore: { ok: true, kind: 'sqlite' } });
  });

  it('GET /health is 503 when the store cannot answer', async () => {
    const health = jest
      .spyOn(t.store, 'health')
      .mockResolvedValueOnce({ ok: false, kind: 'sqlite', detail: 'disk gone' });
    const response = await http().get('/health').expect(503);
    expect(response.body).toMatchObject({
      status: 'unavailable',
      eventStore: { ok: false, detail: 'disk gone' },
    });
    health.mockRestore();
  });

  it('sends security headers (helmet) and no x-powered-by', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await http().get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths as object)).toContain('/health');
    await http().get('/docs').expect(200).expect('content-type', /html/);
  });

  it('an unknown route is a problem+json 404', async () => {
    const response = await http().get('/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'No route GET /no-such-thing',
    });
    expect(response.body.type).toBe('/problems/not_found');
  });

  it('a bad body lists each bad field by path, and nothing is written', async () => {
    const before = await eventCount();
    const response = await http()
      .post('/__probe/validated')
      .send({ exhibitRef: 7, declared: { amount: 25000, currency: 'USD' }, sneaky: true })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('validation_failed');
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['declared.amount', 'declared.currency', 'exhibitRef', 'sneaky']);
    expect(await eventCount()).toBe(before);
  });

  it('a valid body reaches the store', async () => {
    const before = await eventCount();
    await http()
      .post('/__probe/validated')
      .send({ exhibitRef: 'JB/1', declared: { amount: '25000.00', currency: 'GBP' } })
      .expect(201);
    expect(await eventCount()).toBe(before + 1);
  });

  it('malformed JSON is a 400 problem, not a 500', async () => {
    const response = await http()
      .post('/__probe/validated')
      .set('content-type', 'application/json')
      .send('{"exhibitRef": ')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'malformed_json', status: 400 });
  });

  it('a body over 1 MB is a 413 problem and nothing is written', async () => {
    const before = await eventCount();
    const huge = JSON.stringify({
      exhibitRef: 'x'.repeat(1_100_000),
      declared: { amount: '1.00', currency: 'GBP' },
    });
    const response = await http()
      .post('/__probe/validated')
      .set('content-type', 'application/json')
      .send(huge)
      .expect(413);
    expect(response.body).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(await eventCount()).toBe(before);
  });

  it('a body that is not JSON is a 415 problem', async () => {
    const response = await http()
      .post('/__probe/validated')
      .set('content-type', 'text/plain')
      .send('exhibitRef=JB/1')
      .expect(415);
    expect(response.body).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('a revision conflict is a 409 concurrency_conflict with the current revision', async () => {
    const response = await http().post('/__probe/conflict').expect(409);
    expect(response.body).toMatchObject({ code: 'concurrency_conflict', currentRevision: '0' });
  });

  it('an unexpected failure is a bare 500: no message, no stack', async () => {
    const response = await http().get('/__probe/boom').expect(500);
    expect(response.body).toEqual({
      type: '/problems/internal_error',
      title: 'Internal server error',
      status: 500,
      code: 'internal_error',
    });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });
});
