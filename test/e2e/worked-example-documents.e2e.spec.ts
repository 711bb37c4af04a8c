import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const at = (date: string) => `${date}T10:00:00Z`;

/**
 * docs/domain.md's worked confiscation example, end to end through the API, read back in both
 * documents: available amount £90,000 = bank £10,000 + home equity £80,000; ordered £90,000 on
 * 20 Jan 2020; £10,000 due 20 Feb, £80,000 due 20 Apr extended to 20 Jul; £10,000 paid 20 Feb,
 * £30,000 on 20 Jul, £20,000 on 20 Aug. As at 30 Sep 2020: interest £609.32, outstanding £30,609.32.
 */
describe('the worked example in the court statement and the finance reconciliation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();

  it('both documents show its figures to the penny', async () => {
    const c = await http()
      .post('/cases')
      .send({ reference: 'CPS/POCA/2019/0042', title: 'R v Hale', occurredAt: at('2019-11-01') })
      .expect(201);
    const caseId = c.body.id as string;
    await http()
      .post(`/cases/${caseId}/subjects`)
      .send({ name: 'Martin Hale', role: 'defendant', occurredAt: at('2019-11-01') })
      .expect(200);
    const subjectId = (await http().get(`/cases/${caseId}`).expect(200)).body.subjects[0]
      .subjectId as string;
    const seize = async (
      exhibitRef: string,
      category: string,
      description: string,
      value: string,
      basis: string,
    ) => {
      const res = await http()
        .post('/assets')
        .send({
          caseId,
          exhibitRef,
          power: 'POCA_S47C',
          category,
          description,
          location: 'Bristol',
          custodyLocation: 'Held in place',
          occurredAt: at('2019-12-01'),
        })
        .expect(201);
      await http()
        .post(`/assets/${res.body.id}/valuations`)
        .send({
          basis,
          value: gbp(value),
          valuedAsAt: '2019-12-10',
          valuer: 'Financial investigator',
          occurredAt: at('2019-12-10'),
        })
        .expect(200);
    };
    await seize('MH/1', 'bank_account', 'Current account, Lloyds', '10000.00', 'face_value');
    await seize('MH/2', 'real_property', 'Equity in 4 Clifton Road, Bristol', '80000.00', 'market');

    const order = await http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId,
        orderRef: 'T20197001',
        court: 'Bristol Crown Court',
        convictedAt: '2019-11-15',
        benefitFigure: gbp('500000.00'),
        availableAmount: gbp('90000.00'),
        orderAmount: gbp('90000.00'),
        instalments: [
          { amount: gbp('10000.00'), dueDate: '2020-02-20' },
          { amount: gbp('80000.00'), dueDate: '2020-04-20' },
        ],
        defaultTermMonths: 18,
        occurredAt: at('2020-01-20'),
      })
      .expect(201);
    const url = `/confiscation-orders/${order.body.id}`;
    const pay = (amount: string, date: string) =>
      http()
        .post(`${url}/payments`)
        .send({
          amount: gbp(amount),
          method: 'voluntary',
          reference: `REC/${date}`,
          occurredAt: at(date),
        })
        .expect(200);
    await pay('10000.00', '2020-02-20');
    await http()
      .post(`${url}/time-to-pay-applications`)
      .send({ instalments: [1], appliedAt: '2020-04-06', occurredAt: at('2020-04-06') })
      .expect(200);
    await http()
      .post(`${url}/time-to-pay-extensions`)
      .send({ newDueDates: [{ index: 1, dueDate: '2020-07-20' }], occurredAt: at('2020-05-11') })
      .expect(200);
    await pay('30000.00', '2020-07-20');
    const last = await pay('20000.00', '2020-08-20');

    const statement = (
      await http()
        .get(`/cases/${caseId}/valuation-statement`)
        .query({ asAt: '2020-09-30', asKnownAt: last.body.position })
        .expect(200)
    ).body;
    expect(
      statement.schedule.map((g: { category: string; subtotalGbp: string }) => [
        g.category,
        g.subtotalGbp,
      ]),
    ).toEqual([
      ['bank_account', '10000.00'],
      ['real_property', '80000.00'],
    ]);
    expect(statement.totals).toMatchObject({ assets: 2, heldGbp: '90000.00' });
    expect(statement.totals.confiscation).toEqual([
      expect.objectContaining({
        orderRef: 'T20197001',
        ordered: '90000.00',
        paid: '60000.00',
        interest: '609.32',
        outstanding: '30609.32',
      }),
    ]);

    const reconciliation = (
      await http()
        .get('/reconciliation')
        .query({ from: '2020-07-01', to: '2020-09-30' })
        .expect(200)
    ).body;
    expect(reconciliation.rollForward.total).toEqual({
      opening: gbp('80000.00'),
      newOrders: gbp('0.00'),
      variations: gbp('0.00'),
      interest: gbp('609.32'),
      receipts: gbp('50000.00'),
      compensationPaid: gbp('0.00'),
      refundsDue: gbp('0.00'),
      writtenOff: gbp('0.00'),
      closing: gbp('30609.32'), // 80,000.00 + 609.32 − 50,000.00
    });
    expect(reconciliation.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });
});
