import { cashBodyFor } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

/** GET /metrics (Prometheus) and the read-side detail of GET /health. */
describe('metrics and health', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('GET /metrics needs a token, like every route but /health', async () => {
    await t.http().get('/metrics').set('Authorization', '').expect(401);
  });

  it('counts requests by route pattern and status, and reports the log head and each lag', async () => {
    const caseId = (
      await t.http().post('/cases').send({ reference: 'MPS/M/1', title: 'Metrics' }).expect(201)
    ).body.id as string;
    const seized = await t.http().post('/assets').send(cashBodyFor(caseId, 'M/1')).expect(201);
    await t
      .http()
      .get(`/assets/${seized.body.id as string}`)
      .expect(200);
    await t.http().get('/assets/00000000-0000-7000-8000-000000000000').expect(404);
    await t
      .http()
      .get(`/register?minPosition=${seized.body.position as string}`)
      .expect(200);

    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toContain(
      'poca_http_requests_total{method="POST",route="/assets",status="201"} 1',
    );
    expect(text).toContain(
      'poca_http_requests_total{method="GET",route="/assets/:assetId",status="200"} 1',
    );
    expect(text).toContain(
      'poca_http_requests_total{method="GET",route="/assets/:assetId",status="404"} 1',
    );
    // Raw paths (ids) never become labels.
    expect(text).not.toContain(seized.body.id as string);
    expect(text).toMatch(
      /^poca_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/assets"\} 1$/m,
    );
    const head = /^poca_event_store_head_position (\d+)$/m.exec(text);
    expect(head && BigInt(head[1])).toBe(BigInt(seized.body.position as string));
    for (const name of ['asset-register', 'recovery-totals', 'deadlines', 'case-access']) {
      expect(text).toContain(`poca_lag_positions{kind="projection",name="${name}"} 0`);
      expect(text).toContain(`poca_caught_up{kind="projection",name="${name}"} 1`);
    }
    expect(text).toMatch(/^poca_process_resident_memory_bytes \d+/m);
  });

  it('GET /health lists each projection and reactor with its lag', async () => {
    const res = await t.http().get('/health').set('Authorization', '').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.projections.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['asset-register', 'recovery-totals', 'deadlines', 'case-access']),
    );
    for (const p of res.body.projections) expect(p.lag).toMatch(/^\d+$/);
    expect(res.body.reactors.length).toBeGreaterThan(0);
  });
});
