import { v4 as uuidv4 } from 'uuid';
import { JsonObject } from '@src/event-store/event-store.port';
import { collect } from '../support/async';
import { startTestApp, TestApp } from './support/test-app';

const BTC_RATE = {
  currency: 'BTC',
  rateToGbp: '71234.56',
  source: 'Coinbase GBP spot 10:00',
  asAt: '2026-11-27',
};

/**
 * Cryptoassets are seized under s.303Z29 (the code POCA_S303Z29_CRYPTO; POCA_S303Z21_CRYPTO is a
 * deprecated alias). s.303Z32(2)(b): no further order beyond 2 years beginning with the date of
 * the first order, "subject to subsection (4)": only a s.303Z32(4) order extends it, to at most 3.
 */
describe('cryptoassets: s.303Z29 seizure and the s.303Z32(4) order', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const opened = await t
      .http()
      .post('/cases')
      .send({ reference: 'MPS/ECU/2026/CR01', title: 'Crypto' })
      .expect(201);
    caseId = opened.body.id as string;
  });
  afterAll(async () => t.close());
  let n = 0;

  const seize = async (power: string) =>
    t
      .http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `CR/${++n}`,
        power,
        category: 'cryptoasset',
        description: 'Ledger Nano S hardware wallet',
        location: '14 Harrow Road, London W2',
        custodyLocation: 'Force crypto wallet',
        declared: { symbol: 'BTC', quantity: '0.53100000' },
        fx: [BTC_RATE],
        occurredAt: '2026-11-27T10:00:00Z',
      })
      .expect(201);

  const post = (path: string, body: Record<string, unknown>) => t.http().post(path).send(body);

  it('accepts the deprecated code and records the current one', async () => {
    const res = await seize('POCA_S303Z21_CRYPTO');
    const asset = (
      await t
        .http()
        .get(`/assets/${res.body.id as string}`)
        .expect(200)
    ).body;
    expect(asset.legalBasis.power).toBe('POCA_S303Z29_CRYPTO');
    const stored = await collect(t.store.readStream(`asset-${res.body.id as string}`));
    expect(stored[0].data).toMatchObject({ power: 'POCA_S303Z29_CRYPTO' });
    expect(stored[0].metadata.schemaVersion).toBe(2);
  });

  it('reads an old event with the old code as the current one (AssetSeized v1 upcast)', async () => {
    const id = uuidv4();
    await t.store.append(`asset-${id}`, [
      {
        id: uuidv4(),
        type: 'AssetSeized',
        data: {
          assetId: id,
          caseId,
          exhibitRef: 'CR/OLD',
          power: 'POCA_S303Z21_CRYPTO',
          category: 'cryptoasset',
          description: 'Old wallet',
          location: 'x',
          custodyLocation: 'y',
          declared: { symbol: 'BTC', quantity: '1' },
          fx: [BTC_RATE],
          occurredAt: '2026-11-27T10:00:00.000Z',
        },
        metadata: { schemaVersion: 1 },
      },
    ]);
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.legalBasis.power).toBe('POCA_S303Z29_CRYPTO');
  });

  it('holds a cryptoasset to 2 years from the first order until a s.303Z32(4) order extends it to 3', async () => {
    const id = (await seize('POCA_S303Z29_CRYPTO')).body.id as string;
    await post(`/assets/${id}/detentions`, { kind: 'initial' }).expect(200);
    // The first order, made Monday 30 November 2026, to the end of 29 May 2027.
    await post(`/assets/${id}/detentions`, {
      kind: 'extension',
      orderRef: 'WMC/1',
      court: 'Westminster MC',
      expiresAt: '2027-05-29T22:00:00Z',
      occurredAt: '2026-11-30T12:00:00Z',
    }).expect(200);
    let asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.detention.limit).toEqual({ lastDay: '2028-11-29', firstOrderDate: '2026-11-30' });

    // Before the s.303Z32(4) order: nothing beyond 29 November 2028.
    const extendedTo = { court: 'Westminster MC', orderRef: 'WMC/4' };
    const tooFar = await post(`/assets/${id}/detention-limit-extension`, {
      ...extendedTo,
      extendedTo: '2029-11-30',
    }).expect(422);
    expect(tooFar.body).toMatchObject({
      code: 'detention_limit_exceeded',
      errors: [expect.objectContaining({ path: 'extendedTo' })],
    });
    const badDate = await post(`/assets/${id}/detention-limit-extension`, {
      ...extendedTo,
      extendedTo: '29/11/2029',
    }).expect(400);
    expect(JSON.stringify(badDate.body)).toMatch(/extendedTo/);

    await post(`/assets/${id}/detention-limit-extension`, {
      ...extendedTo,
      extendedTo: '2029-11-29',
      occurredAt: '2026-12-01T12:00:00Z',
    }).expect(200);
    asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.detention.limit).toEqual({
      lastDay: '2029-11-29',
      firstOrderDate: '2026-11-30',
      extendedBy: { section: 's.303Z32(4)', orderDate: '2026-12-01', orderRef: 'WMC/4' },
    });
    expect(asset.earlierRulesFlags).toEqual([]);
  });

  it('flags, not refuses, an old order that held a cryptoasset into a third year without a s.303Z32(4) order: on the asset, the register and the deadlines', async () => {
    const id = uuidv4();
    const at = (i: string) => `${i}T10:00:00.000Z`;
    const events: { type: string; data: JsonObject }[] = [
      {
        type: 'AssetSeized',
        data: {
          assetId: id,
          caseId,
          exhibitRef: 'CR/OLD/2',
          power: 'POCA_S303Z21_CRYPTO',
          category: 'cryptoasset',
          description: 'Old wallet',
          location: 'x',
          custodyLocation: 'y',
          declared: { symbol: 'BTC', quantity: '1' },
          fx: [BTC_RATE],
          occurredAt: at('2026-11-27'),
        },
      },
      {
        type: 'DetentionOrdered',
        data: {
          kind: 'extension',
          orderRef: 'WMC/OLD/1',
          startsAt: at('2026-11-30'),
          expiresAt: at('2027-05-28'),
          occurredAt: at('2026-11-30'),
        },
      },
      {
        type: 'DetentionOrdered',
        data: {
          kind: 'extension',
          orderRef: 'WMC/OLD/2',
          startsAt: at('2028-11-01'),
          expiresAt: at('2029-04-30'),
          lateReason: 'recorded under the old 3-year rule',
          occurredAt: at('2028-11-01'),
        },
      },
    ];
    const written = await t.store.append(
      `asset-${id}`,
      events.map((e) => ({ id: uuidv4(), ...e, metadata: { schemaVersion: 1 } })),
    );
    const asset = (await t.http().get(`/assets/${id}`).expect(200)).body;
    expect(asset.earlierRulesFlags).toEqual([
      expect.objectContaining({ code: 'detention_limit_exceeded', ref: 'WMC/OLD/2' }),
    ]);
    const minPosition = String(written.position);
    const row = (
      await t.http().get('/register').query({ caseId, minPosition }).expect(200)
    ).body.items.find((r: { assetId: string }) => r.assetId === id);
    expect(row.earlierRulesFlags).toEqual(['detention_limit_exceeded']);
    const deadlines = (
      await t.http().get('/deadlines').query({ caseId, within: 'P1500D', minPosition }).expect(200)
    ).body.items.filter((d: { assetId?: string }) => d.assetId === id);
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(d.earlierRulesFlags).toEqual(['detention_limit_exceeded']);
  });

  it('refuses the s.303Z32(4) order for cash', async () => {
    const cash = await t
      .http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `CR/${++n}`,
        power: 'POCA_S294_CASH',
        category: 'cash',
        description: 'Cash',
        location: 'x',
        custodyLocation: 'y',
        declared: { amount: '5000.00', currency: 'GBP' },
      })
      .expect(201);
    const res = await post(`/assets/${cash.body.id as string}/detention-limit-extension`, {
      court: 'Westminster MC',
    }).expect(422);
    expect(res.body.code).toBe('power_not_applicable');
  });
});
