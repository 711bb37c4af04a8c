import type { Reconciliation } from '@src/reports/reconciliation/reconciliation.model';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { collect } from '../support/async';
import { openCaseWithDefendant } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });

/**
 * s.13(6) directions for priority orders (s.13(3A)) and the s.55 order of application, over HTTP:
 * the order's view, the totals and the reconciliation show the priority payments and the
 * expenses separately, and every receipt still balances to the penny.
 */
describe('priority orders and the application of sums (HTTP, real store, reactors)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const settle = (position: string) => t.app.get(ReactorRunner).waitFor(BigInt(position));
  let n = 0;
  const openCase = () =>
    openCaseWithDefendant(t, {
      reference: `MPS/ECU/2020/P${String(++n).padStart(3, '0')}`,
      title: 'Operation Stimtone: priority orders',
      occurredAt: '2019-06-01T09:00:00Z',
    });
  const orderBody = (c: { caseId: string; subjectId: string }, over: object = {}) => ({
    caseId: c.caseId,
    subjectId: c.subjectId,
    orderRef: `T2020700${n}`,
    court: 'Southwark Crown Court',
    convictedAt: '2019-11-15',
    benefitFigure: gbp('500000'),
    availableAmount: gbp('90000'),
    orderAmount: gbp('90000'),
    instalments: [{ amount: gbp('90000'), dueDate: '2020-04-20' }],
    defaultTermMonths: 18,
    occurredAt: '2020-01-20T11:00:00Z',
    ...over,
  });
  const directions = {
    compensation: { amount: gbp('1000.00'), payee: 'Victim Ltd' },
    priorityDirections: [{ kind: 'surcharge', amount: gbp('500.00'), payee: 'HMCTS' }],
  };

  it('refuses directions above the amount ordered (422 naming the field), writing nothing', async () => {
    const c = await openCase();
    const before = (await collect(t.store.readAll())).length;
    const res = await http()
      .post('/confiscation-orders')
      .send(
        orderBody(c, {
          priorityDirections: [
            { kind: 'compensation', amount: gbp('89000.00'), payee: 'V' },
            { kind: 'unlawful_profit', amount: gbp('1000.01'), payee: 'Council' },
          ],
        }),
      )
      .expect(422);
    expect(res.body.code).toBe('compensation_exceeds_order');
    expect(res.body.errors[0].path).toBe('priorityDirections');
    expect((await collect(t.store.readAll())).length).toBe(before);
    const bad = await http()
      .post('/confiscation-orders')
      .send(
        orderBody(c, { priorityDirections: [{ kind: 'fine', amount: gbp('1.00'), payee: 'X' }] }),
      )
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('priorityDirections.0.kind');
  });

  it('pays the directions first, ranking together; totals and reconciliation show them apart and balance', async () => {
    const c = await openCase();
    const made = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, directions))
      .expect(201);
    const id = made.body.id as string;
    await http()
      .post(`/confiscation-orders/${id}/payments`)
      .send({
        amount: gbp('1200.00'),
        method: 'voluntary',
        reference: 'REC/1',
        occurredAt: '2020-02-20T10:00:00Z',
      })
      .expect(200);
    const view = (
      await http().get(`/confiscation-orders/${id}`).query({ asAt: '2020-02-20' }).expect(200)
    ).body;
    // 1,200 for 1,500 owed: 800 and 400; the order is reduced by the whole 1,200 (s.55(2)).
    expect(view.priorityDirections).toEqual([
      {
        kind: 'compensation',
        payee: 'Victim Ltd',
        amount: gbp('1000.00'),
        paid: gbp('800.00'),
        outstanding: gbp('200.00'),
      },
      {
        kind: 'surcharge',
        payee: 'HMCTS',
        amount: gbp('500.00'),
        paid: gbp('400.00'),
        outstanding: gbp('100.00'),
      },
    ]);
    expect(view.compensation).toMatchObject({ paid: gbp('800.00'), outstanding: gbp('200.00') });
    expect(view.paid).toEqual(gbp('1200.00'));
    expect(view.outstanding).toEqual(gbp('88800.00'));

    // A second receipt: 300 settles the directions, the other 700 is shared out by ARIS.
    const second = await http()
      .post(`/confiscation-orders/${id}/payments`)
      .send({
        amount: gbp('1000.00'),
        method: 'voluntary',
        reference: 'REC/2',
        occurredAt: '2020-03-02T10:00:00Z',
      })
      .expect(200);

    const totals = (
      await http()
        .get('/totals')
        .query({ caseId: c.caseId, minPosition: second.body.position })
        .expect(200)
    ).body;
    expect(totals.total.measures).toMatchObject({
      received: gbp('2200.00'),
      priorityPaid: gbp('1500.00'),
      compensationPaid: gbp('1000.00'),
      expensesPaid: gbp('0.00'),
      arisAllocations: {
        home_office: gbp('350.00'),
        investigating_agency: gbp('131.25'),
        prosecuting_agency: gbp('131.25'),
        hmcts: gbp('87.50'),
      },
    });

    const r = (
      await http()
        .get('/reconciliation')
        .query({ from: '2020-01-01', to: '2020-03-31' })
        .expect(200)
    ).body as Reconciliation;
    const mine = r.receipts.items.filter((x) => x.sourceId === id);
    expect(mine.map((x) => [x.amount.amount, x.priorityPaid.amount, x.remainder.amount])).toEqual([
      ['1200.00', '1200.00', '0.00'],
      ['1000.00', '300.00', '700.00'],
    ]);
    expect(mine[1].priorityPayments).toEqual([
      { kind: 'compensation', payee: 'Victim Ltd', amount: gbp('200.00') },
      { kind: 'surcharge', payee: 'HMCTS', amount: gbp('100.00') },
    ]);
    for (const check of r.checks) expect(check).toMatchObject({ ok: true });
    expect(r.checks.map((x) => x.name)).toContain('aris_allocated');

    const csv = await http()
      .get('/reconciliation')
      .query({ from: '2020-01-01', to: '2020-03-31', format: 'csv' })
      .expect(200);
    expect(csv.text).toContain('aris,priority,');
    expect(csv.text).toMatch(/aris,compensation,.*,compensation,800\.00,GBP/);
  });

  it('a realisation by the enforcement receiver: the order is credited in full, the s.55(4) expenses come first', async () => {
    const c = await openCase();
    const made = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, directions))
      .expect(201);
    const id = made.body.id as string;
    const asset = (
      await http()
        .post('/assets')
        .send({
          caseId: c.caseId,
          exhibitRef: `PRI/${n}`,
          power: 'POCA_S47C',
          category: 'vehicle',
          description: 'Range Rover Sport',
          location: '14 Harrow Road, London W2',
          custodyLocation: 'Vehicle pound, Perivale',
          occurredAt: '2020-01-21T10:00:00Z',
        })
        .expect(201)
    ).body.id as string;
    const refused = await http()
      .post(`/assets/${asset}/realisation`)
      .send({
        grossProceeds: gbp('12000.00'),
        costs: gbp('600.00'),
        receiverExpenses: gbp('11400.01'),
        realisedBy: 'Enforcement receiver (s.50)',
        confiscationOrderId: id,
        occurredAt: '2020-02-10T10:00:00Z',
      })
      .expect(422);
    expect(refused.body.code).toBe('expenses_exceed_receipt');
    const sale = await http()
      .post(`/assets/${asset}/realisation`)
      .send({
        grossProceeds: gbp('12000.00'),
        costs: gbp('600.00'),
        receiverExpenses: gbp('400.00'),
        realisedBy: 'Enforcement receiver (s.50)',
        confiscationOrderId: id,
        occurredAt: '2020-02-10T10:00:00Z',
      })
      .expect(200);
    await settle(sale.body.position as string);
    const view = (
      await http().get(`/confiscation-orders/${id}`).query({ asAt: '2020-02-10' }).expect(200)
    ).body;
    expect(view.paid).toEqual(gbp('11400.00')); // net proceeds, credited in full (s.55(2))
    expect(view.expensesPaid).toEqual(gbp('400.00'));
    expect(view.priorityDirections.map((p: { paid: unknown }) => p.paid)).toEqual([
      gbp('1000.00'),
      gbp('500.00'),
    ]);
    const totals = (
      await http()
        .get('/totals')
        .query({ caseId: c.caseId, minPosition: sale.body.position })
        .expect(200)
    ).body;
    // 11,400 = 400 expenses + 1,500 directions + 9,500 shared by ARIS.
    expect(totals.total.measures).toMatchObject({
      received: gbp('11400.00'),
      expensesPaid: gbp('400.00'),
      priorityPaid: gbp('1500.00'),
      arisAllocations: { home_office: gbp('4750.00'), hmcts: gbp('1187.50') },
    });
  });
});
