import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const EUR_RATE = {
  currency: 'EUR',
  rateToGbp: '0.8567',
  source: 'ECB euro reference rate',
  asAt: '2026-11-27',
};

describe('GET /register (asset register projection, real store)', () => {
  let t: TestApp;
  let caseId: string;
  const assets: string[] = [];
  let lastPosition = '0';
  beforeAll(async () => {
    t = await startTestApp();
    const c = await http()
      .post('/cases')
      .send({
        reference: 'MPS/BW/2026/0001',
        title: 'Big Wing: Harrow Road',
        operation: 'Stimtone',
      })
      .expect(201);
    caseId = c.body.id as string;
    for (let i = 1; i <= 5; i++) {
      const res = await http()
        .post('/assets')
        .send({
          caseId,
          exhibitRef: `BW/${i}`,
          power: 'POCA_S294_CASH',
          category: 'cash',
          description: `Cash bundle ${i}`,
          location: '14 Harrow Road, London W2',
          custodyLocation: 'Paddington Green property store',
          declared: i === 5 ? { amount: '12500.00', currency: 'EUR' } : gbp(`${i}000.00`),
          ...(i === 5 ? { fx: [EUR_RATE] } : {}),
          occurredAt: '2026-11-27T10:00:00Z',
        })
        .expect(201);
      assets.push(res.body.id as string);
      lastPosition = res.body.position as string;
    }
  });
  afterAll(async () => t.close());
  function http() {
    return t.http();
  }

  it('reads its own writes with minPosition, and says which position it reflects', async () => {
    const res = await http()
      .get('/register')
      .query({ caseId, minPosition: lastPosition })
      .expect(200);
    expect(BigInt(res.headers['x-ledger-position']) >= BigInt(lastPosition)).toBe(true);
    expect(res.body.items.map((r: { exhibitRef: string }) => r.exhibitRef)).toEqual([
      'BW/1',
      'BW/2',
      'BW/3',
      'BW/4',
      'BW/5',
    ]);
    expect(res.body.items[4]).toMatchObject({
      caseReference: 'MPS/BW/2026/0001',
      operation: 'Stimtone',
      agency: 'MPS',
      category: 'cash',
      power: 'POCA_S294_CASH',
      status: 'held',
      held: true,
      currentValue: {
        source: 'declared',
        native: { amount: '12500.00', currency: 'EUR' },
        gbp: gbp('10708.75'),
      },
      restraintOrderIds: [],
      realisedNet: null,
    });
  });

  it('pages by cursor in a stable order', async () => {
    const first = await http()
      .get('/register')
      .query({ caseId, limit: 2, minPosition: lastPosition })
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await http()
      .get('/register')
      .query({ caseId, limit: 2, cursor: first.body.nextCursor })
      .expect(200);
    const third = await http()
      .get('/register')
      .query({ caseId, limit: 2, cursor: second.body.nextCursor })
      .expect(200);
    expect(third.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map(
      (r: { assetId: string }) => r.assetId,
    );
    expect(ids).toEqual(assets);
  });

  it('follows valuations, detentions and releases', async () => {
    const [a, b] = assets;
    await http()
      .post(`/assets/${a}/valuations`)
      .send({
        basis: 'face_value',
        value: gbp('1000.00'),
        valuedAsAt: '2026-11-27',
        valuer: 'DC Patel',
      })
      .expect(200);
    const detained = await http()
      .post(`/assets/${a}/detentions`)
      .send({ kind: 'initial', occurredAt: '2026-11-27T10:05:00Z' })
      .expect(200);
    const released = await http()
      .post(`/assets/${b}/release`)
      .send({ reason: 'no_further_action', releasedTo: 'Mr A' })
      .expect(200);
    const pos = [detained.body.position, released.body.position].sort((x, y) =>
      BigInt(x) < BigInt(y) ? 1 : -1,
    )[0] as string;
    const res = await http().get('/register').query({ caseId, minPosition: pos }).expect(200);
    const byId = new Map(res.body.items.map((r: { assetId: string }) => [r.assetId, r]));
    expect(byId.get(a)).toMatchObject({
      status: 'detained',
      detentionExpiresAt: '2026-12-01T10:00:00.000Z' /* 48 counted hours from the seizure */,
      currentValue: { source: 'valuation', gbp: gbp('1000.00') },
    });
    expect(byId.get(b)).toMatchObject({ status: 'released', held: false });
    const held = await http().get('/register').query({ caseId, status: 'released' }).expect(200);
    expect(held.body.items.map((r: { assetId: string }) => r.assetId)).toEqual([b]);
  });

  it('refuses bad filters with a 400 naming them; a position not yet reached is a 503', async () => {
    const bad = await http()
      .get('/register')
      .query({ status: 'lost', limit: 0, colour: 'red' })
      .expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'colour',
      'limit',
      'status',
    ]);
    await http().get('/register').query({ minPosition: 'soon' }).expect(400);
  });
});

describe('GET /register as at a date, and as known at a position', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();

  it('shows the earlier picture exactly, whatever was recorded since', async () => {
    const c = await http()
      .post('/cases')
      .send({ reference: 'MPS/BW/2026/0002', title: 'As at', operation: 'Stimtone' })
      .expect(201);
    const seized = await http()
      .post('/assets')
      .send({
        caseId: c.body.id,
        exhibitRef: 'AA/1',
        power: 'POCA_S47C',
        category: 'watch',
        description: 'Rolex Daytona',
        location: 'Mayfair',
        custodyLocation: 'Hendon',
        occurredAt: '2026-11-20T09:00:00Z',
      })
      .expect(201);
    const id = seized.body.id as string;
    const first = await http()
      .post(`/assets/${id}/valuations`)
      .send({
        basis: 'market',
        value: gbp('24000.00'),
        valuedAsAt: '2026-11-21',
        valuer: 'Bonhams',
        occurredAt: '2026-11-21T12:00:00Z',
      })
      .expect(200);
    const second = await http()
      .post(`/assets/${id}/valuations`)
      .send({
        basis: 'market',
        value: gbp('26500.00'),
        valuedAsAt: '2026-11-25',
        valuer: 'Christie’s',
        occurredAt: '2026-11-25T12:00:00Z',
      })
      .expect(200);
    await http()
      .post(`/assets/${id}/release`)
      .send({ reason: 'owner_claim', releasedTo: 'Owner', occurredAt: '2026-11-26T12:00:00Z' })
      .expect(200);
    const row = async (query: Record<string, string>): Promise<Record<string, unknown>[]> =>
      (
        await http()
          .get('/register')
          .query({ caseId: c.body.id, minPosition: second.body.position, ...query })
          .expect(200)
      ).body.items;

    expect(await row({ asAt: '2026-11-19' })).toEqual([]); // not yet seized
    expect((await row({ asAt: '2026-11-20' }))[0]).toMatchObject({
      status: 'held',
      currentValue: null,
    });
    expect((await row({ asAt: '2026-11-22' }))[0]).toMatchObject({
      status: 'held',
      currentValue: { gbp: gbp('24000.00') },
    });
    expect((await row({ asAt: '2026-11-25' }))[0]).toMatchObject({
      status: 'held',
      currentValue: { gbp: gbp('26500.00') },
    });
    expect((await row({ asAt: '2026-11-27' }))[0]).toMatchObject({
      status: 'released',
      held: false,
    });
    expect(await row({ asAt: '2026-11-27', status: 'held' })).toEqual([]);
    // As known when only the first valuation had been recorded.
    expect((await row({ asKnownAt: first.body.position as string }))[0]).toMatchObject({
      status: 'held',
      currentValue: { gbp: gbp('24000.00') },
    });
    await http().get('/register').query({ asAt: '27/11/2026' }).expect(400);
  });
});
