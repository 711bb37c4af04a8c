import { v4 as uuidv4 } from 'uuid';
import { londonDateOf } from '@src/common/time';
import { ConfiscationOrderView } from '@src/ledger/confiscation/http/confiscation.view';
import { collect } from '../support/async';
import { openCaseWithDefendant } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
/** 10:00 UTC on a date: the same London date in GMT and BST. */
const at = (date: string) => `${date}T10:00:00Z`;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('confiscation orders over HTTP (real embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());
  const http = () => t.http();
  const eventCount = async () =>
    (await collect(t.store.readAll())).filter((e) => !e.streamId.startsWith('asset-')).length;
  const events = async (id: string) =>
    (await collect(t.store.readStream(`confiscation-${id}`))).map((e) => e.type);
  const paths = (body: unknown) =>
    ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path).sort();

  let n = 0;
  const openCase = () =>
    openCaseWithDefendant(t, {
      reference: `MPS/ECU/2019/C${String(++n).padStart(3, '0')}`,
      title: 'Operation Stimtone: confiscation',
      occurredAt: '2019-06-01T09:00:00Z',
    });

  /** docs/domain.md's worked example: order 20 Jan 2020; £10,000 due 20 Feb, £80,000 due 20 Apr. */
  const orderBody = (c: { caseId: string; subjectId: string }, over: object = {}) => ({
    caseId: c.caseId,
    subjectId: c.subjectId,
    orderRef: 'T20197001',
    court: 'Southwark Crown Court',
    convictedAt: '2019-11-15',
    benefitFigure: gbp('500000'),
    availableAmount: gbp('90000'),
    orderAmount: gbp('90000'),
    instalments: [
      { amount: gbp('10000'), dueDate: '2020-02-20' },
      { amount: gbp('80000'), dueDate: '2020-04-20' },
    ],
    defaultTermMonths: 18,
    occurredAt: '2020-01-20T11:00:00Z',
    ...over,
  });

  async function makeOrder(over: object = {}): Promise<string> {
    const c = await openCase();
    const made = await http().post('/confiscation-orders').send(orderBody(c, over)).expect(201);
    return made.body.id as string;
  }

  const pay = (id: string, amount: string, date: string, over: object = {}) =>
    http()
      .post(`/confiscation-orders/${id}/payments`)
      .send({
        amount: gbp(amount),
        method: 'voluntary',
        reference: `REC/${date}`,
        occurredAt: at(date),
        ...over,
      });

  const position = (id: string, asAt?: string) =>
    http()
      .get(`/confiscation-orders/${id}`)
      .query(asAt ? { asAt } : {})
      .expect(200)
      .then((r) => r.body as ConfiscationOrderView);

  const figures = (p: ConfiscationOrderView) => ({
    orderAmount: p.orderAmount.amount,
    paid: p.paid.amount,
    interest: p.interestAccrued.amount,
    interestPaid: p.interestPaid.amount,
    outstanding: p.outstanding.amount,
    status: p.status,
  });

  describe('the worked example (docs/domain.md), to the penny', () => {
    let c: { caseId: string; subjectId: string };
    let id: string;
    const bank = uuidv4();
    const home = uuidv4();

    it('makes the order: three figures apart, two instalments, 18 months default', async () => {
      c = await openCase();
      const made = await http().post('/confiscation-orders').send(orderBody(c)).expect(201);
      expect(made.body).toMatchObject({ revision: '0', events: ['ConfiscationOrderMade'] });
      expect(made.body.id).toMatch(UUID_V7);
      expect(made.headers.etag).toBe('"0"');
      id = made.body.id;

      const read = await http()
        .get(`/confiscation-orders/${id}`)
        .query({ asAt: '2020-01-20' })
        .expect(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toEqual({
        id,
        revision: '0',
        asAt: '2020-01-20',
        status: 'outstanding',
        caseId: c.caseId,
        subjectId: c.subjectId,
        orderRef: 'T20197001',
        court: 'Southwark Crown Court',
        orderDate: '2020-01-20',
        convictedAt: '2019-11-15',
        benefitFigure: gbp('500000.00'),
        availableAmount: gbp('90000.00'),
        orderAmount: gbp('90000.00'),
        instalments: [
          {
            index: 0,
            dueDate: '2020-02-20',
            originalDueDate: '2020-02-20',
            amount: gbp('10000.00'),
            paid: gbp('0.00'),
            unpaid: gbp('10000.00'),
            overdue: false,
            extensionPending: false,
            interest: gbp('0.00'),
            interestExact: '0.0000000000',
          },
          {
            index: 1,
            dueDate: '2020-04-20',
            originalDueDate: '2020-04-20',
            amount: gbp('80000.00'),
            paid: gbp('0.00'),
            unpaid: gbp('80000.00'),
            overdue: false,
            extensionPending: false,
            interest: gbp('0.00'),
            interestExact: '0.0000000000',
          },
        ],
        nextDue: { index: 0, dueDate: '2020-02-20', unpaid: gbp('10000.00'), overdue: false },
        payments: [],
        paid: gbp('0.00'),
        refundDue: gbp('0.00'),
        interestAccrued: gbp('0.00'),
        interestAccruedExact: '0.0000000000',
        interestPaid: gbp('0.00'),
        allocationPolicy: {
          order: 'principal_first',
          verify: true,
          from: '2003-03-24',
          note: expect.stringContaining('verify') as string,
        },
        outstanding: gbp('90000.00'),
        outstandingExact: '90000.0000000000',
        defaultTerm: {
          months: 18,
          startsOn: '2020-01-20',
          termDays: 547,
          reductionDays: 0,
          reducedToDays: 547,
          paidTowardsTerm: gbp('0.00'),
        },
        extensionRequests: [],
        variations: [],
        enforcementReceivers: [],
        priorityDirections: [], // no s.13(6) direction: nothing is paid first
        expensesPaid: gbp('0.00'),
        warnings: [],
      });
    });

    it('£10,000 from the bank on 20 Feb (on time): no interest', async () => {
      const paid = await pay(id, '10000', '2020-02-20', {
        method: 'asset_realisation',
        assetId: bank,
        reference: 'Barclays closure',
      }).expect(200);
      expect(paid.body).toMatchObject({ id, revision: '1', events: ['PaymentReceived'] });
      expect(figures(await position(id, '2020-02-20'))).toEqual({
        orderAmount: '90000.00',
        paid: '10000.00',
        interest: '0.00',
        interestPaid: '0.00',
        outstanding: '80000.00',
        status: 'outstanding',
      });
    });

    it('an extension application on 6 Apr suspends interest while pending', async () => {
      await http()
        .post(`/confiscation-orders/${id}/time-to-pay-applications`)
        .send({ instalments: [1], appliedAt: '2020-04-06', occurredAt: at('2020-04-06') })
        .expect(200)
        .expect((r) => expect(r.body.events).toEqual(['TimeToPayExtensionApplied']));
      const p = await position(id, '2020-05-11');
      expect(p.interestAccruedExact).toBe('0.0000000000');
      expect(p.instalments[1]).toMatchObject({
        dueDate: '2020-04-20',
        extensionPending: true,
        overdue: false,
      });
      expect(p.extensionRequests).toEqual([
        { index: 1, appliedAt: '2020-04-06', outcome: 'pending' },
      ]);
    });

    it('the court extends the £80,000 to 20 Jul (6 months): still nothing accrues up to it', async () => {
      await http()
        .post(`/confiscation-orders/${id}/time-to-pay-extensions`)
        .send({ newDueDates: [{ index: 1, dueDate: '2020-07-20' }], occurredAt: at('2020-05-11') })
        .expect(200)
        .expect((r) => expect(r.body.events).toEqual(['TimeToPayExtended']));
      const p = await position(id, '2020-07-19');
      expect(p.interestAccruedExact).toBe('0.0000000000');
      expect(p.instalments[1]).toMatchObject({
        dueDate: '2020-07-20',
        originalDueDate: '2020-04-20',
        extensionPending: false,
      });
      expect(p.nextDue).toEqual({
        index: 1,
        dueDate: '2020-07-20',
        unpaid: gbp('80000.00'),
        overdue: false,
      });
      expect(p.extensionRequests).toEqual([
        { index: 1, appliedAt: '2020-04-06', outcome: 'extended', decidedOn: '2020-05-11' },
      ]);
    });

    it('£30,000 on 20 Jul and £20,000 from the home on 20 Aug: £339.73 interest as at 20 Aug', async () => {
      await pay(id, '30000', '2020-07-20').expect(200);
      await pay(id, '20000', '2020-08-20', {
        method: 'asset_realisation',
        assetId: home,
      }).expect(200);
      // 21 Jul..20 Aug = 31 days on £50,000: 50,000 × 8 × 31 / 36,500 = 339.7260273...
      const p = await position(id, '2020-08-20');
      expect(p.interestAccruedExact).toBe('339.7260273973');
      expect(figures(p)).toEqual({
        orderAmount: '90000.00',
        paid: '60000.00',
        interest: '339.73',
        interestPaid: '0.00',
        outstanding: '30339.73',
        status: 'outstanding',
      });
      expect(p.instalments.map((x) => [x.paid.amount, x.unpaid.amount, x.overdue])).toEqual([
        ['10000.00', '0.00', false],
        ['50000.00', '30000.00', true],
      ]);
    });

    it('as at 30 Sep: £30,000 + £609.32 interest = £30,609.32', async () => {
      const p = await position(id, '2020-09-30');
      expect(p.interestAccruedExact).toBe('609.3150684932');
      expect(p.outstandingExact).toBe('30609.3150684932');
      expect(p.instalments[1].interest).toEqual(gbp('609.32'));
      expect(p.instalments[1].interestExact).toBe('609.3150684932');
      expect(figures(p)).toEqual({
        orderAmount: '90000.00',
        paid: '60000.00',
        interest: '609.32',
        interestPaid: '0.00',
        outstanding: '30609.32',
        status: 'outstanding',
      });
      expect(p.nextDue).toEqual({
        index: 1,
        dueDate: '2020-07-20',
        unpaid: gbp('30000.00'),
        overdue: true,
      });
      expect(p.payments.map((x) => [x.date, x.amount.amount, x.method])).toEqual([
        ['2020-02-20', '10000.00', 'asset_realisation'],
        ['2020-07-20', '30000.00', 'voluntary'],
        ['2020-08-20', '20000.00', 'asset_realisation'],
      ]);
      expect(p.payments[0]).toMatchObject({ assetId: bank, reference: 'Barclays closure' });
      expect(new Set(p.payments.map((x) => x.receiptId)).size).toBe(3);
      p.payments.forEach((x) => expect(x.receiptId).toMatch(UUID_V7));
    });

    it('refuses £30,609.33 (a penny over) as overpayment, writing nothing', async () => {
      const before = await eventCount();
      const over = await pay(id, '30609.33', '2020-09-30').expect(422);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(over.body).toMatchObject({
        code: 'overpayment',
        errors: [{ path: 'amount' }],
        details: { outstanding: '30609.32', asAt: '2020-09-30' },
      });
      expect(await eventCount()).toBe(before);
    });

    it('accepts £30,609.32 once under an Idempotency-Key sent twice, settling the order', async () => {
      const key = uuidv4();
      const before = await events(id);
      const first = await pay(id, '30609.32', '2020-09-30').set('Idempotency-Key', key);
      const second = await pay(id, '30609.32', '2020-09-30').set('Idempotency-Key', key);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(await events(id)).toEqual([...before, 'PaymentReceived']);
      const reused = await pay(id, '30609.31', '2020-09-30')
        .set('Idempotency-Key', key)
        .expect(422);
      expect(reused.body.code).toBe('idempotency_key_reused');

      const p = await position(id, '2020-09-30');
      expect(figures(p)).toEqual({
        orderAmount: '90000.00',
        paid: '90609.32',
        interest: '609.32',
        interestPaid: '609.32',
        outstanding: '0.00',
        status: 'satisfied',
      });
      expect(p.nextDue).toBeNull();
      // Today (the default asAt): nothing more has accrued, nothing is outstanding.
      const today = await position(id);
      expect(today.asAt).toBe(londonDateOf(new Date().toISOString()));
      expect(figures(today)).toMatchObject({ outstanding: '0.00', status: 'satisfied' });
      const penny = await pay(id, '0.01', '2020-10-01').expect(422);
      expect(penny.body.code).toBe('overpayment');
    });
  });

  it('an overpayment is refused (422 overpayment) unless acknowledged; then the surplus is a refund due', async () => {
    const id = await makeOrder();
    // As at 1 Mar 2020: £10,000 overdue 10 days = £21.92; £90,021.92 owed.
    const before = await eventCount();
    const refused = await pay(id, '90100', '2020-03-01').expect(422);
    expect(refused.body).toMatchObject({
      code: 'overpayment',
      errors: [{ path: 'amount' }],
      details: { outstanding: '90021.92', asAt: '2020-03-01' },
    });
    expect(await eventCount()).toBe(before);
    const bad = await pay(id, '90100', '2020-03-01', { acknowledgeOverpayment: 'yes' }).expect(400);
    expect(paths(bad.body)).toEqual(['acknowledgeOverpayment']);
    expect(await eventCount()).toBe(before);

    await pay(id, '90100', '2020-03-01', { acknowledgeOverpayment: true }).expect(200);
    const p = await position(id, '2020-06-01');
    expect(figures(p)).toMatchObject({
      paid: '90021.92',
      outstanding: '0.00',
      status: 'satisfied',
    });
    expect(p.refundDue).toEqual(gbp('78.08'));
    expect(p.interestAccrued).toEqual(gbp('21.92')); // nothing accrues once settled
    expect(p.payments).toEqual([
      expect.objectContaining({ amount: gbp('90100.00'), refundDue: gbp('78.08') }),
    ]);
  });

  it('s.25 and s.24 discharges: the threshold, the amount written off, and no commands after', async () => {
    const id = await makeOrder();
    await pay(id, '10000', '2020-02-20').expect(200);
    await pay(id, '79950.05', '2020-04-20').expect(200);
    const discharge = (body: object) =>
      http().post(`/confiscation-orders/${id}/discharge`).send(body);
    const before = await eventCount();
    // 26 Apr: £49.95 + 6 days' interest = £50.02, above the s.25 £50.
    const high = await discharge({
      section: 's25',
      reason: 'small sum',
      occurredAt: at('2020-04-26'),
    }).expect(422);
    expect(high.body).toMatchObject({
      code: 'discharge_threshold_exceeded',
      errors: [{ path: 'section' }],
      details: { remaining: '50.02', threshold: '50.00', asAt: '2020-04-26' },
    });
    // s.24 needs its cause; a bad section or cause is a 400 naming the field.
    const noCause = await discharge({
      section: 's24',
      reason: 'fx',
      occurredAt: at('2020-04-25'),
    }).expect(422);
    expect(noCause.body).toMatchObject({ code: 'invalid_state', errors: [{ path: 'cause' }] });
    expect(paths((await discharge({ section: 's26', reason: 'r' }).expect(400)).body)).toEqual([
      'section',
    ]);
    expect(
      paths((await discharge({ section: 's24', cause: 'luck', reason: 'r' }).expect(400)).body),
    ).toEqual(['cause']);
    expect(await eventCount()).toBe(before);

    const done = await discharge({
      section: 's25',
      reason: 'small sum',
      occurredAt: at('2020-04-25'),
    }).expect(200);
    expect(done.body.events).toEqual(['ConfiscationOrderDischarged']);
    const p = await position(id, '2020-06-01');
    expect(p.status).toBe('discharged');
    expect(p.discharge).toEqual({
      section: 's25',
      on: '2020-04-25',
      reason: 'small sum',
      writtenOff: gbp('50.00'),
    });
    expect(figures(p)).toMatchObject({ interest: '0.05', outstanding: '0.00' });
    const after = await pay(id, '1', '2020-06-01').expect(422);
    expect(after.body.code).toBe('order_discharged');
    const twice = await discharge({ section: 's25', reason: 'again' }).expect(422);
    expect(twice.body.code).toBe('order_discharged');
  });

  it('had the extension been refused on 11 May, interest runs from 12 May (£350.68 by 31 May)', async () => {
    const id = await makeOrder();
    await pay(id, '10000', '2020-02-20').expect(200);
    await http()
      .post(`/confiscation-orders/${id}/time-to-pay-applications`)
      .send({ instalments: [1], occurredAt: at('2020-04-06') })
      .expect(200);
    const refused = await http()
      .post(`/confiscation-orders/${id}/time-to-pay-refusals`)
      .send({
        reason: 'Not satisfied the defendant is unable to pay',
        occurredAt: at('2020-05-11'),
      })
      .expect(200);
    expect(refused.body.events).toEqual(['TimeToPayExtensionRefused']);
    const p = await position(id, '2020-05-31');
    expect(p.interestAccrued).toEqual(gbp('350.68'));
    expect(p.outstanding).toEqual(gbp('80350.68'));
    expect(p.extensionRequests).toEqual([
      { index: 1, appliedAt: '2020-04-06', outcome: 'refused', decidedOn: '2020-05-11' },
    ]);
    const again = await http()
      .post(`/confiscation-orders/${id}/time-to-pay-refusals`)
      .send({ reason: 'again', occurredAt: at('2020-05-12') })
      .expect(422);
    expect(again.body.code).toBe('invalid_state');
  });

  it('an s.23 reduction keeps the interest accrued before it; figures read as at the date', async () => {
    const id = await makeOrder();
    await pay(id, '10000', '2020-02-20').expect(200);
    const varied = await http()
      .post(`/confiscation-orders/${id}/variations`)
      .send({
        section: 's23',
        newAvailableAmount: gbp('60000'),
        newOrderAmount: gbp('60000'),
        reason: 'Home equity fell',
        occurredAt: at('2020-05-20'),
      })
      .expect(200);
    expect(varied.body.events).toEqual(['ConfiscationOrderVaried']);
    const p = await position(id, '2020-05-31');
    expect(figures(p)).toEqual({
      orderAmount: '60000.00',
      paid: '10000.00',
      interest: '646.58',
      interestPaid: '0.00',
      outstanding: '50646.58',
      status: 'outstanding',
    });
    expect(p.availableAmount).toEqual(gbp('60000.00'));
    expect(p.variations).toEqual([
      {
        section: 's23',
        on: '2020-05-20',
        newOrderAmount: gbp('60000.00'),
        reason: 'Home equity fell',
      },
    ]);
    const earlier = await position(id, '2020-05-19');
    expect(earlier.orderAmount).toEqual(gbp('90000.00'));
    expect(earlier.availableAmount).toEqual(gbp('90000.00'));
    expect(earlier.variations).toEqual([]);

    const above = await http()
      .post(`/confiscation-orders/${id}/variations`)
      .send({
        section: 's22',
        newAvailableAmount: gbp('600000'),
        newOrderAmount: gbp('600000'),
        reason: 'More found',
      })
      .expect(422);
    // s.22(4)(b): the amount to pay may not exceed the benefit (£500,000); the available amount may.
    expect(above.body).toMatchObject({
      code: 'order_exceeds_benefit',
      errors: [{ path: 'newOrderAmount' }],
    });
  });

  it('enforcement receiver, default term and compensation', async () => {
    const id = await makeOrder({
      compensation: { amount: gbp('15000'), payee: 'Victim Ltd' },
    });
    await pay(id, '10000', '2020-02-20').expect(200);
    await http()
      .post(`/confiscation-orders/${id}/receivers`)
      .send({ receiver: 'Smith & Williamson LLP', occurredAt: at('2020-10-01') })
      .expect(200)
      .expect((r) => expect(r.body.events).toEqual(['EnforcementReceiverAppointed']));
    const activated = await http()
      .post(`/confiscation-orders/${id}/default-term`)
      .send({})
      .expect(200);
    expect(activated.body.events).toEqual(['DefaultTermActivated']);
    const p = await position(id);
    expect(p.enforcementReceivers).toEqual([
      { receiver: 'Smith & Williamson LLP', appointedOn: '2020-10-01' },
    ]);
    const today = londonDateOf(new Date().toISOString());
    // MCA 1980 s.79(2): £10,000 of £90,000 paid takes floor((days − 1) / 9) days off the term.
    const termDays = p.defaultTerm.termDays;
    expect(p.defaultTerm).toEqual({
      months: 18,
      activated: { months: 18, on: today },
      startsOn: today,
      termDays,
      reductionDays: Math.floor((termDays - 1) / 9),
      reducedToDays: termDays - Math.floor((termDays - 1) / 9),
      paidTowardsTerm: gbp('10000.00'),
    });
    expect(termDays).toBeGreaterThanOrEqual(546);
    expect(termDays).toBeLessThanOrEqual(549);
    expect(p.compensation).toEqual({
      payee: 'Victim Ltd',
      amount: gbp('15000.00'),
      paid: gbp('10000.00'),
      outstanding: gbp('5000.00'),
    });
    // Serving the default term does not reduce the debt.
    expect(p.status).toBe('outstanding');
    const twice = await http().post(`/confiscation-orders/${id}/default-term`).send({}).expect(422);
    expect(twice.body.code).toBe('invalid_state');

    // s.38(5): the term served leaves the order payable, interest running.
    const servedAt = await http()
      .post(`/confiscation-orders/${id}/default-term-served`)
      .send({})
      .expect(200);
    expect(servedAt.body.events).toEqual(['DefaultTermServed']);
    const afterService = await position(id);
    expect(afterService.defaultTerm.served).toEqual({ on: today });
    expect(afterService.status).toBe('outstanding');
    expect(afterService.outstanding).toEqual(p.outstanding);
    await pay(id, '100', today).expect(200);
    const again = await http()
      .post(`/confiscation-orders/${id}/default-term-served`)
      .send({})
      .expect(422);
    expect(again.body.code).toBe('invalid_state');
  });

  it('refuses an order above the benefit, instalments that do not sum, and time to pay too long, writing nothing', async () => {
    const c = await openCase();
    const before = await eventCount();
    const above = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, { orderAmount: gbp('500000.01') }))
      .expect(422);
    expect(above.body).toMatchObject({
      code: 'order_exceeds_benefit',
      errors: [{ path: 'orderAmount' }],
    });
    const sum = await http()
      .post('/confiscation-orders')
      .send(
        orderBody(c, {
          instalments: [
            { amount: gbp('10000'), dueDate: '2020-02-20' },
            { amount: gbp('79999.99'), dueDate: '2020-04-20' },
          ],
        }),
      )
      .expect(422);
    expect(sum.body).toMatchObject({
      code: 'instalments_do_not_sum',
      errors: [{ path: 'instalments' }],
      details: { sum: '89999.99', orderAmount: '90000.00' },
    });
    const late = await http()
      .post('/confiscation-orders')
      .send(
        orderBody(c, {
          instalments: [{ amount: gbp('90000'), dueDate: '2020-04-21' }],
        }),
      )
      .expect(422);
    expect(late.body).toMatchObject({
      code: 'time_to_pay_too_long',
      errors: [{ path: 'instalments.0.dueDate' }],
    });
    const compensation = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, { compensation: { amount: gbp('90000.01'), payee: 'Victim Ltd' } }))
      .expect(422);
    expect(compensation.body.code).toBe('compensation_exceeds_order');
    const noSubject = await http()
      .post('/confiscation-orders')
      .send(orderBody({ caseId: c.caseId, subjectId: uuidv4() }))
      .expect(404);
    expect(noSubject.body).toMatchObject({ code: 'not_found', errors: [{ path: 'subjectId' }] });
    const noCase = await http()
      .post('/confiscation-orders')
      .send(orderBody({ caseId: uuidv4(), subjectId: c.subjectId }))
      .expect(404);
    expect(noCase.body).toMatchObject({ code: 'not_found', errors: [{ path: 'caseId' }] });
    expect(await eventCount()).toBe(before);
  });

  it('bad input on every route: 400 or 422 naming the field, and nothing written', async () => {
    const c = await openCase();
    const made = await http().post('/confiscation-orders').send(orderBody(c)).expect(201);
    const id = made.body.id as string;
    const before = await eventCount();
    const post = (path: string, body: object) =>
      http()
        .post(`/confiscation-orders${path ? `/${id}/${path}` : ''}`)
        .send(body);

    const make = await post('', {
      caseId: 'case-1',
      orderRef: '',
      court: 'Southwark Crown Court',
      convictedAt: '15/11/2019',
      benefitFigure: { amount: 500000, currency: 'GBP' },
      availableAmount: '90000',
      orderAmount: { amount: '90000', currency: 'gbp' },
      instalments: [
        { amount: { amount: 10000, currency: 'GBP' }, dueDate: '2020-02-20' },
        { amount: gbp('80000'), dueDate: '20 April 2020' },
      ],
      defaultTermMonths: '18',
      lifestyle: 'yes',
      extra: true,
    }).expect(400);
    expect(make.body.code).toBe('validation_failed');
    expect(paths(make.body)).toEqual([
      'availableAmount',
      'benefitFigure.amount',
      'caseId',
      'convictedAt',
      'defaultTermMonths',
      'extra',
      'instalments.0.amount.amount',
      'instalments.1.dueDate',
      'lifestyle',
      'orderAmount.currency',
      'orderRef',
      'subjectId',
    ]);
    const empty = await post('', orderBody(c, { instalments: [], orderAmount: undefined })).expect(
      400,
    );
    expect(paths(empty.body)).toEqual(['instalments', 'orderAmount']);

    expect(
      paths(
        (
          await post('time-to-pay-applications', {
            instalments: ['1', -1],
            appliedAt: 'soon',
          }).expect(400)
        ).body,
      ),
    ).toEqual(['appliedAt', 'instalments']);
    expect(
      paths(
        (
          await post('time-to-pay-extensions', {
            newDueDates: [{ index: 'one', dueDate: '2020-13-01', extra: 1 }],
          }).expect(400)
        ).body,
      ),
    ).toEqual(['newDueDates.0.dueDate', 'newDueDates.0.extra', 'newDueDates.0.index']);
    expect(
      paths((await post('time-to-pay-refusals', { instalments: [] }).expect(400)).body),
    ).toEqual(['instalments', 'reason']);
    expect(
      paths(
        (
          await post('variations', {
            section: 's99',
            newOrderAmount: { amount: 60000, currency: 'GBP' },
            instalments: [{ amount: gbp('60000') }],
            defaultTermMonths: 1.5,
          }).expect(400)
        ).body,
      ),
    ).toEqual([
      'defaultTermMonths',
      'instalments.0.dueDate',
      'newOrderAmount.amount',
      'reason',
      'section',
    ]);
    expect(paths((await post('receivers', { receiver: '' }).expect(400)).body)).toEqual([
      'receiver',
    ]);
    expect(paths((await post('default-term', { months: 0 }).expect(400)).body)).toEqual(['months']);
    expect(
      paths(
        (
          await post('payments', {
            amount: { amount: 100, currency: 'GBP' },
            method: 'cash',
            assetId: 'car',
            occurredAt: '2020-09-30',
          }).expect(400)
        ).body,
      ),
    ).toEqual(['amount.amount', 'assetId', 'method', 'occurredAt', 'reference']);
    expect(paths((await post('payments', {}).expect(400)).body)).toEqual([
      'amount',
      'method',
      'reference',
    ]);

    // Well-formed, but against the rules: 422 naming the field.
    const negative = await pay(id, '-5.00', '2020-02-20').expect(422);
    expect(negative.body).toMatchObject({
      code: 'invalid_money',
      errors: [{ path: 'amount.amount' }],
    });
    const zero = await pay(id, '0.00', '2020-02-20').expect(422);
    expect(zero.body.code).toBe('invalid_money');
    const euros = await post('payments', {
      amount: { amount: '100.00', currency: 'EUR' },
      method: 'voluntary',
      reference: 'R',
    }).expect(422);
    expect(euros.body).toMatchObject({
      code: 'invalid_money',
      errors: [{ path: 'amount.currency' }],
    });
    const unknownCurrency = await post('payments', {
      amount: { amount: '100.00', currency: 'XYZ' },
      method: 'voluntary',
      reference: 'R',
    }).expect(422);
    expect(unknownCurrency.body.code).toBe('invalid_money');
    const pennies = await pay(id, '1.001', '2020-02-20').expect(422);
    expect(pennies.body.code).toBe('invalid_money');
    const future = await pay(id, '10.00', '2999-01-01').expect(422);
    expect(future.body).toMatchObject({ code: 'future_date', errors: [{ path: 'occurredAt' }] });
    const beforeOrder = await pay(id, '10.00', '2020-01-19').expect(422);
    expect(beforeOrder.body).toMatchObject({
      code: 'invalid_date',
      errors: [{ path: 'occurredAt' }],
    });
    const realisation = await post('payments', {
      amount: gbp('100.00'),
      method: 'asset_realisation',
      reference: 'R',
    }).expect(422);
    expect(realisation.body).toMatchObject({ errors: [{ path: 'assetId' }] });
    const negativeOrder = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, { availableAmount: gbp('-1') }))
      .expect(422);
    expect(negativeOrder.body).toMatchObject({
      code: 'invalid_money',
      errors: [{ path: 'availableAmount.amount' }],
    });
    const futureOrder = await http()
      .post('/confiscation-orders')
      .send(orderBody(c, { occurredAt: '2999-01-01T00:00:00Z' }))
      .expect(422);
    expect(futureOrder.body.code).toBe('future_date');
    const noInstalment = await post('time-to-pay-applications', {
      instalments: [2],
      occurredAt: at('2020-02-01'),
    }).expect(422);
    expect(noInstalment.body).toMatchObject({ errors: [{ path: 'instalments.0' }] });
    const lateApplication = await post('time-to-pay-applications', {
      instalments: [1],
      appliedAt: '2020-04-21',
    }).expect(422);
    expect(lateApplication.body.code).toBe('time_to_pay_too_long');
    const noApplication = await post('time-to-pay-extensions', {
      newDueDates: [{ index: 1, dueDate: '2020-07-20' }],
    }).expect(422);
    expect(noApplication.body).toMatchObject({
      code: 'invalid_state',
      errors: [{ path: 'newDueDates.0.index' }],
    });
    const futureApplication = await post('time-to-pay-applications', {
      instalments: [1],
      appliedAt: '2999-01-01',
    }).expect(422);
    expect(futureApplication.body.code).toBe('future_date');
    const notDue = await post('default-term', { occurredAt: at('2020-01-25') }).expect(422);
    expect(notDue.body.code).toBe('invalid_state');
    const longer = await post('default-term', { months: 19 }).expect(422);
    expect(longer.body).toMatchObject({ code: 'invalid_state', errors: [{ path: 'months' }] });

    expect(await eventCount()).toBe(before);
    expect(await events(id)).toEqual(['ConfiscationOrderMade']);
  });

  it('GET: asAt must be a date (400 naming asAt), not before the order (422); unknown ids are 404', async () => {
    const id = await makeOrder();
    for (const asAt of ['2020-02-30', 'yesterday', '2020-1-5']) {
      const bad = await http().get(`/confiscation-orders/${id}`).query({ asAt }).expect(400);
      expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'asAt' }] });
    }
    const early = await http()
      .get(`/confiscation-orders/${id}`)
      .query({ asAt: '2020-01-19' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'invalid_date', errors: [{ path: 'asAt' }] });
    await http().get(`/confiscation-orders/${id}`).query({ minPosition: '1' }).expect(200);
    await http().get('/confiscation-orders/not-a-uuid').expect(404);
    const missing = await http().get(`/confiscation-orders/${uuidv4()}`).expect(404);
    expect(missing.body.code).toBe('not_found');
    const before = await eventCount();
    for (const path of [
      'time-to-pay-applications',
      'time-to-pay-extensions',
      'time-to-pay-refusals',
      'variations',
      'receivers',
      'default-term',
      'default-term-served',
      'discharge',
      'payments',
    ]) {
      const body = {
        'time-to-pay-applications': { instalments: [0] },
        'time-to-pay-extensions': { newDueDates: [{ index: 0, dueDate: '2020-03-01' }] },
        'time-to-pay-refusals': { reason: 'r' },
        variations: { section: 'appeal', newOrderAmount: gbp('1'), reason: 'r' },
        receivers: { receiver: 'R LLP' },
        'default-term': {},
        'default-term-served': {},
        discharge: { section: 's25', reason: 'r' },
        payments: { amount: gbp('1'), method: 'voluntary', reference: 'R' },
      }[path];
      const res = await http()
        .post(`/confiscation-orders/${uuidv4()}/${path}`)
        .send(body)
        .expect(404);
      expect(res.body.code).toBe('not_found');
    }
    expect(await eventCount()).toBe(before);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await http().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/confiscation-orders',
        '/confiscation-orders/{id}',
        '/confiscation-orders/{id}/time-to-pay-applications',
        '/confiscation-orders/{id}/time-to-pay-extensions',
        '/confiscation-orders/{id}/time-to-pay-refusals',
        '/confiscation-orders/{id}/variations',
        '/confiscation-orders/{id}/receivers',
        '/confiscation-orders/{id}/default-term',
        '/confiscation-orders/{id}/default-term-served',
        '/confiscation-orders/{id}/discharge',
        '/confiscation-orders/{id}/payments',
      ]),
    );
    const schemas = doc.body.components.schemas as Record<
      string,
      { properties: Record<string, unknown> }
    >;
    expect(schemas.MakeConfiscationOrderDto.properties.instalments).toMatchObject({
      type: 'array',
    });
    expect(schemas).toHaveProperty('ConfiscationOrderView');
    const get = doc.body.paths['/confiscation-orders/{id}'].get as {
      parameters: { name: string }[];
    };
    expect(get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'asAt']));
  });
});
