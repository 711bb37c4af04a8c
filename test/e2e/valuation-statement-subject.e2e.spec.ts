import type { ValuationStatement } from '@src/reports/valuation-statement/valuation-statement';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });

describe('valuation statement for one subject (HTTP, real store, reactors)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const settle = (position: string) => t.app.get(ReactorRunner).waitFor(BigInt(position));
  const statementUrl = (caseId: string) => `/cases/${caseId}/valuation-statement`;

  it('covers only the assets and orders of the subject asked for, figures exact', async () => {
    const caseId = (
      await http()
        .post('/cases')
        .send({ reference: 'MPS/ECU/2026/0777', title: 'R v Adeyemi and Brook' })
        .expect(201)
    ).body.id as string;
    for (const name of ['Ada Adeyemi', 'Ben Brook']) {
      await http().post(`/cases/${caseId}/subjects`).send({ name, role: 'defendant' }).expect(200);
    }
    const subjects = (await http().get(`/cases/${caseId}`).expect(200)).body.subjects as {
      subjectId: string;
      name: string;
    }[];
    const ada = subjects.find((s) => s.name === 'Ada Adeyemi')!.subjectId;
    const ben = subjects.find((s) => s.name === 'Ben Brook')!.subjectId;

    const seize = async (
      exhibitRef: string,
      category: string,
      seizedFrom: string,
      value: string,
    ) => {
      const id = (
        await http()
          .post('/assets')
          .send({
            caseId,
            exhibitRef,
            power: 'POCA_S47C',
            category,
            description: `${category} ${exhibitRef}`,
            location: 'Leeds LS1',
            custodyLocation: 'Secure storage, Wakefield',
            seizedFrom,
            occurredAt: '2026-05-19T07:30:00Z',
          })
          .expect(201)
      ).body.id as string;
      await http()
        .post(`/assets/${id}/valuations`)
        .send({
          basis: 'market',
          value: gbp(value),
          valuedAsAt: '2026-05-20',
          valuer: 'Valuer Ltd',
          occurredAt: '2026-05-20T16:00:00Z',
        })
        .expect(200);
      return id;
    };
    const adaWatch = await seize('AA/1', 'watch', ada, '1234.56');
    const adaRing = await seize('AA/2', 'jewellery', ada, '0.01');
    // Seized from Ben, but restrained by an order naming Ada: on both statements.
    const benCar = await seize('BB/1', 'vehicle', ben, '10000.01');
    const benRing = await seize('BB/2', 'jewellery', ben, '999.99');

    await http()
      .post('/restraint-orders')
      .send({
        caseId,
        subjectId: ada,
        orderRef: 'T2026/RO/0701',
        court: 'Leeds Crown Court',
        assetIds: [adaWatch, adaRing, benCar],
        occurredAt: '2026-05-22T10:00:00Z',
      })
      .expect(201);
    const benOrder = await http()
      .post('/restraint-orders')
      .send({
        caseId,
        subjectId: ben,
        orderRef: 'T2026/RO/0702',
        court: 'Bradford Crown Court',
        assetIds: [benRing],
        occurredAt: '2026-05-22T11:00:00Z',
      })
      .expect(201);
    await settle(benOrder.body.position as string);
    const confiscation = await http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId: ada,
        orderRef: 'T20267071',
        court: 'Leeds Crown Court',
        convictedAt: '2026-05-01',
        benefitFigure: gbp('50000.00'),
        availableAmount: gbp('11234.58'),
        orderAmount: gbp('11234.58'),
        instalments: [{ amount: gbp('11234.58'), dueDate: '2026-09-01' }],
        defaultTermMonths: 12,
        occurredAt: '2026-06-01T10:00:00Z',
      })
      .expect(201);
    await settle(confiscation.body.position as string);

    const get = async (query: Record<string, string>) => {
      const res = await http()
        .get(statementUrl(caseId))
        .query({ asAt: '2026-06-30', ...query })
        .expect(200);
      return JSON.parse(res.text) as ValuationStatement;
    };
    const refs = (s: ValuationStatement) =>
      s.schedule.flatMap((g) => g.assets.map((a) => a.exhibitRef));

    const whole = await get({});
    expect(whole.header.scope).toBeUndefined();
    expect(whole.header.subjects.map((s) => s.name)).toEqual(['Ada Adeyemi', 'Ben Brook']);
    expect(refs(whole)).toEqual(['AA/2', 'BB/2', 'BB/1', 'AA/1']);
    expect(whole.totals.scheduleGbp).toBe('12234.57');

    const forAda = await get({ subjectId: ada });
    expect(forAda.header.subjects).toEqual([{ name: 'Ada Adeyemi', role: 'defendant' }]);
    expect(forAda.header.scope).toMatchObject({ kind: 'subject', subjectId: ada });
    expect(forAda.header.scope?.description).toContain('one subject only');
    expect(forAda.header.courts).toEqual(['Leeds Crown Court']);
    expect(forAda.schedule.map((g) => [g.category, g.subtotalGbp])).toEqual([
      ['jewellery', '0.01'],
      ['vehicle', '10000.01'],
      ['watch', '1234.56'],
    ]);
    expect(refs(forAda)).toEqual(['AA/2', 'BB/1', 'AA/1']);
    expect(forAda.totals).toMatchObject({
      assets: 3,
      heldGbp: '11234.58',
      restrainedGbp: '11234.58',
      scheduleGbp: '11234.58',
    });
    expect(forAda.totals.confiscation).toEqual([
      expect.objectContaining({ orderRef: 'T20267071', ordered: '11234.58', paid: '0.00' }),
    ]);
    expect(forAda.statementId).not.toBe(whole.statementId);
    expect(JSON.stringify(forAda)).not.toContain('Ben Brook');
    expect(JSON.stringify(forAda)).not.toContain('T2026/RO/0702');

    const forBen = await get({ subjectId: ben.toUpperCase() });
    expect(forBen.header.subjects).toEqual([{ name: 'Ben Brook', role: 'defendant' }]);
    expect(forBen.header.courts).toEqual(['Bradford Crown Court']);
    expect(refs(forBen)).toEqual(['BB/2', 'BB/1']);
    expect(forBen.schedule.map((g) => g.subtotalGbp)).toEqual(['999.99', '10000.01']);
    expect(forBen.totals).toMatchObject({ assets: 2, scheduleGbp: '11000.00' });
    expect(forBen.totals.confiscation).toEqual([]);
    expect(forBen.statementId).not.toBe(forAda.statementId);
    // The same inputs give the same id.
    expect((await get({ subjectId: ben })).statementId).toBe(forBen.statementId);

    const csv = await http()
      .get(statementUrl(caseId))
      .query({ asAt: '2026-06-30', subjectId: ada, format: 'csv' })
      .expect(200);
    expect(csv.text).toContain('AA/1');
    expect(csv.text).not.toContain('BB/2');
    expect(csv.headers['x-statement-id']).toBe(forAda.statementId);
  });

  it('refuses an unknown subject (404) and a malformed one (400 naming subjectId)', async () => {
    const caseId = (
      await http()
        .post('/cases')
        .send({ reference: 'MPS/ECU/2026/0778', title: 'R v Nobody' })
        .expect(201)
    ).body.id as string;
    const unknown = await http()
      .get(statementUrl(caseId))
      .query({ subjectId: '0190b3c2-7c1e-7000-8000-000000000001' })
      .expect(404);
    expect(unknown.text).toContain('No subject 0190b3c2-7c1e-7000-8000-000000000001');
    const bad = await http().get(statementUrl(caseId)).query({ subjectId: 'nope' }).expect(400);
    expect(bad.text).toContain('subjectId');
  });
});
