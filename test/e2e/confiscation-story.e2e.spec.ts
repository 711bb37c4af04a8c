import { ReactorRunner } from '@src/workflows/reactor-runner';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const EUR_RATE = {
  currency: 'EUR',
  rateToGbp: '0.8567',
  source: 'ECB euro reference rate',
  asAt: '2026-05-20',
};

/**
 * The confiscation track end to end over HTTP, with the reactors running: a watch and a yacht are
 * valued and restrained; the release of the watch is refused while it is restrained; a
 * confiscation order with two instalments; a time-to-pay extension; the yacht is realised and its
 * net proceeds pay into the order; a s.23 reduction settles the order; the restraint is
 * discharged and the watch can go back. Every figure to the penny.
 */
describe('story: restraint, confiscation, realisation, s.23 (HTTP, real store, reactors)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const settle = (position: string) => t.app.get(ReactorRunner).waitFor(BigInt(position));

  it('runs from restraint to a settled order', async () => {
    const caseRes = await http()
      .post('/cases')
      .send({
        reference: 'MPS/ECU/2026/0777',
        title: 'R v Okafor',
        operation: 'Stimtone',
        prosecutingAgency: 'CPS',
      })
      .expect(201);
    const caseId = caseRes.body.id as string;
    const subject = await http()
      .post(`/cases/${caseId}/subjects`)
      .send({ name: 'Daniel Okafor', role: 'defendant' })
      .expect(200);
    const subjectId = (await http().get(`/cases/${caseId}`).expect(200)).body.subjects[0]
      .subjectId as string;
    expect(subject.body.events).toEqual(['SubjectAdded']);

    const seize = async (exhibitRef: string, category: string, description: string) =>
      (
        await http()
          .post('/assets')
          .send({
            caseId,
            exhibitRef,
            power: 'POCA_S47C',
            category,
            description,
            location: 'Chelsea Harbour, London SW10',
            custodyLocation: 'Secure storage, Enfield',
            seizedFrom: subjectId,
            occurredAt: '2026-05-19T07:30:00Z',
          })
          .expect(201)
      ).body.id as string;
    const watch = await seize('DO/1', 'watch', 'Patek Philippe Nautilus 5711');
    const yacht = await seize('DO/2', 'vessel', 'Sunseeker Manhattan 52 "Blue Horizon"');

    await http()
      .post(`/assets/${watch}/valuations`)
      .send({
        basis: 'market',
        value: gbp('18500.00'),
        valuedAsAt: '2026-05-20',
        valuer: 'Bonhams watch department',
      })
      .expect(200);
    await http()
      .post(`/assets/${yacht}/valuations`)
      .send({
        basis: 'market',
        value: { amount: '285000.00', currency: 'EUR' },
        fx: EUR_RATE,
        valuedAsAt: '2026-05-20',
        valuer: 'Marine survey, Hamble',
      })
      .expect(200);
    const yachtView = (await http().get(`/assets/${yacht}`).expect(200)).body;
    expect(yachtView.currentValuation.gbpValue).toEqual(gbp('244159.50')); // 285,000.00 × 0.8567

    // Restraint over both; the reactor links the assets to the order.
    const restraint = await http()
      .post('/restraint-orders')
      .send({
        caseId,
        subjectId,
        orderRef: 'T2026/RO/0042',
        court: 'Southwark Crown Court',
        assetIds: [watch, yacht],
        occurredAt: '2026-05-22T10:00:00Z',
      })
      .expect(201);
    await settle(restraint.body.position as string);
    expect((await http().get(`/assets/${watch}`).expect(200)).body.restrainedBy).toEqual([
      restraint.body.id,
    ]);
    expect((await http().get(`/assets/${yacht}`).expect(200)).body.restrainedBy).toEqual([
      restraint.body.id,
    ]);

    const blocked = await http()
      .post(`/assets/${watch}/release`)
      .send({ reason: 'owner_claim', releasedTo: 'Daniel Okafor' })
      .expect(422);
    expect(blocked.body.code).toBe('asset_restrained');

    // The confiscation order: ordered = available = watch + yacht = £262,659.50.
    const order = await http()
      .post('/confiscation-orders')
      .send({
        caseId,
        subjectId,
        orderRef: 'T20267001',
        court: 'Southwark Crown Court',
        convictedAt: '2026-05-01',
        benefitFigure: gbp('400000.00'),
        availableAmount: gbp('262659.50'),
        orderAmount: gbp('262659.50'),
        instalments: [
          { amount: gbp('18500.00'), dueDate: '2026-07-01' },
          { amount: gbp('244159.50'), dueDate: '2026-09-01' },
        ],
        defaultTermMonths: 36,
        occurredAt: '2026-06-01T10:00:00Z',
      })
      .expect(201);
    const orderId = order.body.id as string;
    const orderUrl = `/confiscation-orders/${orderId}`;

    await http()
      .post(`${orderUrl}/payments`)
      .send({
        amount: gbp('18500.00'),
        method: 'voluntary',
        reference: 'Sale of watch by defendant',
        occurredAt: '2026-07-01T12:00:00Z',
      })
      .expect(200);
    await http()
      .post(`${orderUrl}/time-to-pay-applications`)
      .send({ instalments: [1], occurredAt: '2026-08-15T10:00:00Z' })
      .expect(200);
    await http()
      .post(`${orderUrl}/time-to-pay-extensions`)
      .send({
        newDueDates: [{ index: 1, dueDate: '2026-12-01' }],
        occurredAt: '2026-08-20T10:00:00Z',
      })
      .expect(200);

    // The yacht is sold by the enforcement receiver; the reactor pays the net proceeds in.
    const sale = await http()
      .post(`/assets/${yacht}/realisation`)
      .send({
        grossProceeds: gbp('240000.00'),
        costs: gbp('12480.00'),
        realisedBy: 'Enforcement receiver (s.50)',
        courtAuthority: 'Enforcement receiver appointed under s.50, Southwark Crown Court',
        confiscationOrderId: orderId,
        occurredAt: '2026-10-20T15:00:00Z',
      })
      .expect(200);
    await settle(sale.body.position as string);
    const afterSale = (await http().get(orderUrl).query({ asAt: '2026-10-21' }).expect(200)).body;
    const payments = afterSale.payments as { amount: unknown; method: string }[];
    expect(payments.map((p) => [p.method, p.amount])).toEqual([
      ['voluntary', gbp('18500.00')],
      ['asset_realisation', gbp('227520.00')], // 240,000.00 − 12,480.00
    ]);
    expect(afterSale.paid).toEqual(gbp('246020.00'));
    expect(afterSale.interestAccrued).toEqual(gbp('0.00')); // nothing overdue: extended to 1 December
    expect(afterSale.outstanding).toEqual(gbp('16639.50')); // 262,659.50 − 246,020.00
    expect(afterSale.status).toBe('outstanding');

    // s.23: the available amount was inadequate (the yacht sold below its valuation).
    await http()
      .post(`${orderUrl}/variations`)
      .send({
        section: 's23',
        newAvailableAmount: gbp('246020.00'),
        newOrderAmount: gbp('246020.00'),
        instalments: [
          { amount: gbp('18500.00'), dueDate: '2026-07-01' },
          { amount: gbp('227520.00'), dueDate: '2026-12-01' },
        ],
        reason: 'Yacht realised below its valuation; available amount inadequate',
        occurredAt: '2026-11-02T10:00:00Z',
      })
      .expect(200);
    const settled = (await http().get(orderUrl).query({ asAt: '2026-11-03' }).expect(200)).body;
    expect(settled).toMatchObject({
      status: 'satisfied',
      orderAmount: gbp('246020.00'),
      paid: gbp('246020.00'),
      outstanding: gbp('0.00'),
    });
    const earlier = (await http().get(orderUrl).query({ asAt: '2026-10-21' }).expect(200)).body;
    expect(earlier.orderAmount).toEqual(gbp('262659.50')); // as at a date, the earlier figures

    // As known when the order had just been made: no payments yet, the original figures.
    const known = (
      await http()
        .get(orderUrl)
        .query({ asAt: '2026-11-03', asKnownAt: order.body.position })
        .expect(200)
    ).body;
    expect(known).toMatchObject({ orderAmount: gbp('262659.50'), paid: gbp('0.00'), payments: [] });
    const totalsThen = (
      await http()
        .get('/totals')
        .query({ caseId, asKnownAt: order.body.position, minPosition: sale.body.position })
        .expect(200)
    ).body;
    const totalsNow = (
      await http().get('/totals').query({ caseId, asAt: '2026-11-03' }).expect(200)
    ).body;
    expect(totalsThen.total.measures.confiscationReceived).toEqual(gbp('0.00'));
    expect(totalsNow.total.measures.confiscationReceived).toEqual(gbp('246020.00'));
    expect(totalsThen.asKnownAt).toBe(order.body.position);

    // Discharged: the reactor lifts the restraint and the watch can go back.
    const discharge = await http()
      .post(`/restraint-orders/${restraint.body.id}/discharge`)
      .send({ reason: 'Confiscation order satisfied', occurredAt: '2026-11-10T10:00:00Z' })
      .expect(200);
    await settle(discharge.body.position as string);
    expect((await http().get(`/assets/${watch}`).expect(200)).body.restrainedBy).toEqual([]);
    await http()
      .post(`/assets/${watch}/release`)
      .send({
        reason: 'owner_claim',
        releasedTo: 'Daniel Okafor',
        occurredAt: '2026-11-12T10:00:00Z',
      })
      .expect(200);

    const historyBody = (await http().get(`/assets/${yacht}/history`).expect(200)).body;
    const history = (historyBody.events as { type: string }[]).map((e) => e.type);
    expect(history).toEqual([
      'AssetSeized',
      'AssetValued',
      'AssetPlacedUnderRestraint',
      'AssetRealised',
      'AssetRestraintLifted',
    ]);
  });
});
