import { startTestApp, TestApp } from './support/test-app';

/**
 * s.295(1), (1B): cash seized under s.294 may be detained initially for 48 hours, not counting
 * weekends and bank holidays, from the seizure itself. The asset and the register show that
 * expiry as soon as the seizure is recorded, before any detention is, and the recorded
 * detention's own expiry once it is.
 */
describe('the initial period runs from the seizure (GET /assets/{id}, GET /register)', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const opened = await t
      .http()
      .post('/cases')
      .send({ reference: 'MPS/ECU/2026/IP01', title: 'Initial period' })
      .expect(201);
    caseId = opened.body.id as string;
  });
  afterAll(async () => t.close());
  let n = 0;

  async function seize(over: Record<string, unknown>): Promise<{ id: string; position: string }> {
    const res = await t
      .http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `IP/${++n}`,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: 'Cash in a holdall',
        location: '14 Harrow Road, London W2',
        custodyLocation: 'Paddington Green property store',
        declared: { amount: '25000.00', currency: 'GBP' },
        ...over,
      })
      .expect(201);
    return { id: res.body.id as string, position: res.body.position as string };
  }

  const registerRow = async (assetId: string, minPosition: string) =>
    (await t.http().get('/register').query({ caseId, minPosition }).expect(200)).body.items.find(
      (r: { assetId: string }) => r.assetId === assetId,
    );

  it('cash seized Friday 27 November 10:00: 48 counted hours end Tuesday 1 December 10:00', async () => {
    const { id, position } = await seize({ occurredAt: '2026-11-27T10:00:00Z' });
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.detention).toBeNull();
    expect(asset.initialPeriod).toEqual({
      startsAt: '2026-11-27T10:00:00.000Z',
      expiresAt: '2026-12-01T10:00:00.000Z',
      countedHours: 48,
    });
    expect((await registerRow(id, position)).detentionExpiresAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('skips Christmas: seized Wednesday 24 December 2025 09:00, ends Tuesday 30 December 09:00', async () => {
    // Not counted: Thursday 25 (Christmas Day), Friday 26 (Boxing Day), Saturday 27, Sunday 28.
    // Wednesday 09:00 to midnight is 15 hours; Monday 29 gives 24 more; 9 remain on Tuesday 30.
    const { id } = await seize({ occurredAt: '2025-12-24T09:00:00Z' });
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.initialPeriod.expiresAt).toBe('2025-12-30T09:00:00.000Z');
  });

  it('listed assets: 6 hours (s.303K) without a senior officer', async () => {
    const { id } = await seize({
      power: 'POCA_S303J_LISTED',
      category: 'watch',
      description: 'Rolex Daytona',
      declared: { amount: '18000.00', currency: 'GBP' },
      occurredAt: '2026-11-25T10:00:00Z',
    });
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.initialPeriod).toMatchObject({
      expiresAt: '2026-11-25T16:00:00.000Z',
      countedHours: 6,
    });
  });

  it('once a detention is recorded, its expiry replaces the statutory one', async () => {
    const { id } = await seize({ occurredAt: '2026-11-27T10:00:00Z' });
    const recorded = await t
      .http()
      .post(`/assets/${id}/detentions`)
      .send({
        kind: 'initial',
        expiresAt: '2026-11-30T10:00:00Z',
        occurredAt: '2026-11-27T11:00:00Z',
      })
      .expect(200);
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset).not.toHaveProperty('initialPeriod');
    expect(asset.detention.expiresAt).toBe('2026-11-30T10:00:00.000Z');
    expect((await registerRow(id, recorded.body.position as string)).detentionExpiresAt).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('a PACE seizure has no detention clock', async () => {
    const { id, position } = await seize({
      power: 'PACE_S19',
      category: 'vehicle',
      description: 'Audi A6',
      occurredAt: '2026-11-27T10:00:00Z',
    });
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset).not.toHaveProperty('initialPeriod');
    expect((await registerRow(id, position)).detentionExpiresAt).toBeNull();
  });
});
