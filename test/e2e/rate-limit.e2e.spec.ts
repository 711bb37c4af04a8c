import { collect } from '../support/async';
import { startTestApp, TestApp } from './support/test-app';

const A = { sub: 'DC-1001', agency: 'MPS' };
const B = { sub: 'DC-2002', agency: 'MPS' };

describe('rate limiting per token subject (RATE_LIMIT_PER_MINUTE=5)', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => (t = await startTestApp([], { RATE_LIMIT_PER_MINUTE: '5' })));
  afterAll(async () => t.close());
  const eventCount = async () => (await collect(t.store.readAll())).length;
  const openCase = (who: typeof A) =>
    t
      .http(who)
      .post('/cases')
      .send({
        reference: `MPS/ECU/2026/${String(++n).padStart(4, '0')}`,
        title: 'Operation Kestrel',
      });

  it('GET /health is never limited, and refused tokens do not spend a budget', async () => {
    for (let i = 0; i < 8; i++) await t.http(A).get('/health').expect(200);
    for (let i = 0; i < 8; i++)
      await t
        .http({ ...A, expiresIn: -3600 })
        .get('/register')
        .expect(401);
  });

  it('the 6th request of a subject in a minute is a 429 problem with Retry-After; nothing is written', async () => {
    const first = await openCase(A).expect(201);
    expect(first.headers['x-ratelimit-limit']).toBe('5');
    expect(first.headers['x-ratelimit-remaining']).toBe('4');
    for (let i = 0; i < 3; i++) await openCase(A).expect(201);
    await t.http(A).get('/register').expect(200); // reads count too: one budget per subject
    const before = await eventCount();

    const refused = await openCase(A).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(refused.body.detail).toContain('5 requests a minute');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await eventCount()).toBe(before);
    await t.http(A).get('/register').expect(429);
  });

  it('another subject still gets through, from the same address', async () => {
    await t.http(B).get('/register').expect(200);
    await openCase(B).expect(201);
  });

  it('a limited subject can still reach GET /health', async () => {
    await t.http(A).get('/health').expect(200);
  });
});

describe('rate limiting off (RATE_LIMIT_PER_MINUTE=0, the e2e default)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());

  it('never limits and sends no rate-limit headers', async () => {
    for (let i = 0; i < 20; i++) {
      const response = await t.http(A).get('/register').expect(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});
