import { collect } from '../support/async';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { openCaseWithDefendant } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A restraint order binds from the moment it is acknowledged: the release, destruction or
 * realisation of an asset it names, sent right after the order's 201, is refused
 * (`asset_restrained`), however fast it comes. The restraint command writes the links onto the
 * assets' streams before it answers; the restraint-links workflow runs as well, and the two must
 * not write a link twice.
 */
describe('a restraint order binds its assets before it is acknowledged', () => {
  /** The app under test: first with the restraint-links workflow stopped, then running. */
  let t: TestApp;
  const http = () => t.http();
  let n = 0;

  const openCase = () =>
    openCaseWithDefendant(t, {
      reference: `MPS/ECU/2026/B${String(++n).padStart(4, '0')}`,
      title: 'Restraint race',
    });

  async function seize(caseId: string, category = 'vehicle'): Promise<string> {
    const res = await http()
      .post('/assets')
      .send({
        caseId,
        exhibitRef: `DO/B${++n}`,
        power: 'POCA_S47C',
        category,
        description: category === 'vessel' ? 'Sunseeker Predator 60' : 'Range Rover Sport',
        location: 'Chelsea Harbour, London SW10',
        custodyLocation: 'Secure marina berth 14',
        declared: { amount: '450000.00', currency: 'GBP' },
        occurredAt: '2026-01-10T09:00:00Z',
      })
      .expect(201);
    return res.body.id as string;
  }

  const order = (c: { caseId: string; subjectId: string }, assetIds: string[]) =>
    http()
      .post('/restraint-orders')
      .send({
        caseId: c.caseId,
        subjectId: c.subjectId,
        orderRef: `T2026${++n}`,
        court: 'Southwark Crown Court',
        assetIds,
        occurredAt: '2026-01-15T10:00:00Z',
      })
      .expect(201);

  const release = (assetId: string) =>
    http()
      .post(`/assets/${assetId}/release`)
      .send({ reason: 'no_further_action', releasedTo: 'Daniel Okafor' });

  /** Restraint links on an asset's stream, by type. */
  async function links(assetId: string): Promise<string[]> {
    return (await collect(t.store.readStream(`asset-${assetId}`)))
      .map((e) => e.type)
      .filter((type) => type === 'AssetPlacedUnderRestraint' || type === 'AssetRestraintLifted');
  }

  describe('by the command alone (the workflow stopped, so it cannot win the race)', () => {
    beforeAll(async () => {
      t = await startTestApp();
      await t.app.get(ReactorRunner).stop();
    });
    afterAll(async () => t.close());

    it('100 orders over two assets each, each followed at once by a release: 0 releases', async () => {
      const c = await openCase();
      let released = 0;
      for (let i = 0; i < 100; i++) {
        const [yacht, car] = [await seize(c.caseId, 'vessel'), await seize(c.caseId)];
        await order(c, [yacht, car]);
        const [a, b] = [await release(yacht), await release(car)];
        for (const res of [a, b]) {
          if (res.status === 200) released += 1;
          else expect(res.body).toMatchObject({ status: 422, code: 'asset_restrained' });
        }
      }
      expect(released).toBe(0);
    }, 120_000);

    it('100 orders made concurrently, each released the moment its 201 arrives: 0 releases', async () => {
      const c = await openCase();
      const assets: string[] = [];
      for (let i = 0; i < 100; i++) assets.push(await seize(c.caseId));
      const outcomes = await Promise.all(
        assets.map(async (assetId) => {
          await order(c, [assetId]);
          return (await release(assetId)).status;
        }),
      );
      expect(outcomes.filter((status) => status === 200)).toHaveLength(0);
      expect(new Set(outcomes)).toEqual(new Set([422]));
    }, 120_000);

    it('destruction and realisation are refused right after the order too', async () => {
      const c = await openCase();
      const [boat, car] = [await seize(c.caseId, 'vessel'), await seize(c.caseId)];
      await order(c, [boat, car]);
      const destroyed = await http()
        .post(`/assets/${boat}/destruction`)
        .send({ reason: 'Unseaworthy', authority: 'DI Patel' });
      expect(destroyed.status).toBe(422);
      expect(destroyed.body).toMatchObject({ code: 'asset_restrained' });
      expect(destroyed.body.errors[0].path).toBe('courtAuthority');
      const realised = await http()
        .post(`/assets/${car}/realisation`)
        .send({
          grossProceeds: { amount: '40000.00', currency: 'GBP' },
          costs: { amount: '1200.00', currency: 'GBP' },
          realisedBy: 'Wilsons Auctions',
        });
      expect(realised.status).toBe(422);
      expect(realised.body).toMatchObject({ code: 'asset_restrained' });
      expect(realised.body.errors[0].path).toBe('courtAuthority');

      // With the court's authority (s.50 enforcement receiver) it may be realised, and it says so.
      const authority = 'Enforcement receiver appointed under s.50, Southwark Crown Court';
      await http()
        .post(`/assets/${car}/realisation`)
        .send({
          grossProceeds: { amount: '40000.00', currency: 'GBP' },
          costs: { amount: '1200.00', currency: 'GBP' },
          realisedBy: 'Wilsons Auctions',
          courtAuthority: authority,
        })
        .expect(200);
      const realisedEvent = (await collect(t.store.readStream(`asset-${car}`))).find(
        (e) => e.type === 'AssetRealised',
      );
      expect(realisedEvent?.data).toMatchObject({
        netProceeds: { amount: '38800.00', currency: 'GBP' },
        courtAuthority: authority,
      });
    });
  });

  describe('beside the restraint-links workflow', () => {
    beforeAll(async () => (t = await startTestApp()));
    afterAll(async () => t.close());

    it('writes each link once, though the command and the workflow both follow the order', async () => {
      const c = await openCase();
      const [boat, car] = [await seize(c.caseId, 'vessel'), await seize(c.caseId)];
      const made = await order(c, [boat, car]);
      const id = made.body.id as string;
      // Varied: the car out; then discharged. Each answer already shows on the asset.
      await http()
        .post(`/restraint-orders/${id}/variations`)
        .send({ removedAssetIds: [car], reason: 'Car belongs to a third party' })
        .expect(200);
      expect((await http().get(`/assets/${car}`).expect(200)).body.restrainedBy).toEqual([]);
      await http()
        .post(`/restraint-orders/${id}/discharge`)
        .send({ reason: 'Proceedings concluded' })
        .expect(200);
      expect((await http().get(`/assets/${boat}`).expect(200)).body.restrainedBy).toEqual([]);
      expect((await release(boat)).status).toBe(200);

      // Let the workflow catch up with everything in the log, then count.
      const [head] = await collect(
        t.store.readAll({ fromPosition: 'end', direction: 'backwards', maxCount: 1 }),
      );
      await t.app.get(ReactorRunner).waitFor(head.position);
      expect(await links(boat)).toEqual(['AssetPlacedUnderRestraint', 'AssetRestraintLifted']);
      expect(await links(car)).toEqual(['AssetPlacedUnderRestraint', 'AssetRestraintLifted']);
    });

    it('a retried order (same Idempotency-Key) answers as the first and writes no second link', async () => {
      const c = await openCase();
      const boat = await seize(c.caseId, 'vessel');
      const key = '5b0c1f7e-9a1d-4c3b-8e2f-0a6d7c9b1e42';
      const body = {
        caseId: c.caseId,
        subjectId: c.subjectId,
        orderRef: 'T20269999',
        court: 'Southwark Crown Court',
        assetIds: [boat],
        occurredAt: '2026-01-15T10:00:00Z',
      };
      const first = await http().post('/restraint-orders').set('Idempotency-Key', key).send(body);
      const again = await http().post('/restraint-orders').set('Idempotency-Key', key).send(body);
      expect(first.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect((await release(boat)).body.code).toBe('asset_restrained');
      expect(await links(boat)).toEqual(['AssetPlacedUnderRestraint']);
    });
  });
});
