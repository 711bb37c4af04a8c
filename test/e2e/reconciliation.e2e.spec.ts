import { v4 as uuidv4 } from 'uuid';
import type { Reconciliation } from '@src/reports/reconciliation/reconciliation.model';
import { RECONCILIATION_CSV_COLUMNS } from '@src/reports/reconciliation/reconciliation.csv';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const at = (date: string) => `${date}T10:00:00Z`;

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

describe('GET /reconciliation (real embedded store)', () => {
  let t: TestApp;
  const http = () => t.http();
  const settle = (position: string) => t.app.get(ReactorRunner).waitFor(BigInt(position));
  const post = async (path: string, body: object, status = 200) => {
    const res = await http().post(path).send(body);
    if (res.status !== status)
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const report = async (query: Record<string, string>) =>
    (await http().get('/reconciliation').query(query).expect(200)).body as Reconciliation;

  let workedId: string;
  let caseBOrder: string;
  const bank = uuidv4();
  const home = uuidv4();
  let car: string;
  let cash: string;
  let watch: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Case A: docs/domain.md's worked example (order 20 Jan 2020, £90,000).
    const caseA = (
      await post(
        '/cases',
        {
          reference: 'MPS/ECU/2019/R001',
          title: 'Worked example',
          operation: 'Stimtone',
          occurredAt: '2019-06-01T09:00:00Z',
        },
        201,
      )
    ).body.id as string;
    await post(`/cases/${caseA}/subjects`, { name: 'Daniel Okafor', role: 'defendant' });
    const subjectA = (await http().get(`/cases/${caseA}`).expect(200)).body.subjects[0].subjectId;
    workedId = (
      await post(
        '/confiscation-orders',
        {
          caseId: caseA,
          subjectId: subjectA,
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
        },
        201,
      )
    ).body.id as string;
    const orderUrl = `/confiscation-orders/${workedId}`;
    const pay = (amount: string, date: string, over: object = {}) =>
      post(`${orderUrl}/payments`, {
        amount: gbp(amount),
        method: 'voluntary',
        reference: `REC/${date}`,
        occurredAt: at(date),
        ...over,
      });
    await pay('10000', '2020-02-20', { method: 'asset_realisation', assetId: bank });
    await post(`${orderUrl}/time-to-pay-applications`, {
      instalments: [1],
      appliedAt: '2020-04-06',
      occurredAt: at('2020-04-06'),
    });
    await post(`${orderUrl}/time-to-pay-extensions`, {
      newDueDates: [{ index: 1, dueDate: '2020-07-20' }],
      occurredAt: at('2020-05-11'),
    });
    await pay('30000', '2020-07-20');
    await pay('20000', '2020-08-20', { method: 'asset_realisation', assetId: home });

    // Case B: cash forfeited, a car sold below its valuation, a watch sold for an order that
    // cannot take the proceeds (overpayment: the reactor's payment is refused).
    const caseB = (
      await post(
        '/cases',
        { reference: 'MPS/BW/2026/R002', title: 'Big Wing', operation: 'Quarry' },
        201,
      )
    ).body.id as string;
    await post(`/cases/${caseB}/subjects`, { name: 'Mr B', role: 'defendant' });
    const subjectB = (await http().get(`/cases/${caseB}`).expect(200)).body.subjects[0].subjectId;
    const seize = async (n: number, over: object) =>
      (
        await post(
          '/assets',
          {
            caseId: caseB,
            exhibitRef: `REC/${n}`,
            description: `Exhibit ${n}`,
            location: '14 Harrow Road, London W2',
            custodyLocation: 'Paddington Green property store',
            occurredAt: '2026-11-02T10:00:00Z',
            ...over,
          },
          201,
        )
      ).body.id as string;
    cash = await seize(1, { power: 'POCA_S294_CASH', category: 'cash', declared: gbp('25000.00') });
    car = await seize(2, { power: 'POCA_S47C', category: 'vehicle' });
    watch = await seize(3, { power: 'POCA_S47C', category: 'watch' });
    const value = (assetId: string, amount: string) =>
      post(`/assets/${assetId}/valuations`, {
        basis: 'market',
        value: gbp(amount),
        valuedAsAt: '2026-11-03',
        valuer: 'DC Patel',
        occurredAt: '2026-11-03T12:00:00Z',
      });
    await value(car, '12000.00');
    await value(watch, '8000.00');
    await post(`/assets/${cash}/forfeiture`, {
      route: 'cash_s298',
      orderRef: 'WMC/2026/R1',
      court: 'Westminster Magistrates’ Court',
      occurredAt: '2026-11-10T11:00:00Z',
    });
    await post(`/assets/${car}/realisation`, {
      grossProceeds: gbp('11000.00'),
      costs: gbp('600.50'),
      realisedBy: 'Enforcement receiver',
      occurredAt: '2026-11-12T15:00:00Z',
    });
    caseBOrder = (
      await post(
        '/confiscation-orders',
        {
          caseId: caseB,
          subjectId: subjectB,
          orderRef: 'T20267009',
          court: 'Southwark Crown Court',
          convictedAt: '2026-10-01',
          benefitFigure: gbp('50000'),
          availableAmount: gbp('5000'),
          orderAmount: gbp('5000'),
          instalments: [{ amount: gbp('5000'), dueDate: '2026-12-31' }],
          defaultTermMonths: 6,
          occurredAt: '2026-11-05T10:00:00Z',
        },
        201,
      )
    ).body.id as string;
    const sale = await post(`/assets/${watch}/realisation`, {
      grossProceeds: gbp('8000.00'),
      costs: gbp('0.00'),
      realisedBy: 'Enforcement receiver (s.50)',
      confiscationOrderId: caseBOrder,
      occurredAt: '2026-11-20T15:00:00Z',
    });
    await settle(sale.body.position as string);
  }, 60_000);
  afterAll(async () => t.close());

  it('rolls the worked example forward for Jul–Sep 2020, figure by figure, to the penny', async () => {
    const r = await report({ from: '2020-07-01', to: '2020-09-30' });
    const line = r.rollForward.orders.find((o) => o.confiscationOrderId === workedId);
    expect(line).toMatchObject({
      orderRef: 'T20197001',
      orderDate: '2020-01-20',
      agency: 'MPS',
      operation: 'Stimtone',
      opening: gbp('80000.00'), // £90,000 − £10,000 paid 20 Feb, no interest (extended)
      newOrders: gbp('0.00'),
      variations: gbp('0.00'),
      interest: gbp('609.32'), // 21 Jul..20 Aug on £50,000 + 21 Aug..30 Sep on £30,000
      receipts: gbp('50000.00'),
      compensationPaid: gbp('0.00'),
      closing: gbp('30609.32'),
      balances: true,
    });
    expect(r.rollForward.orders).toHaveLength(1); // the 2026 order is not yet made
    expect(r.checks.length).toBeGreaterThan(0);
    for (const c of r.checks) expect(c).toMatchObject({ ok: true, expected: c.actual });
    expect(r.checks.map((c) => c.name)).toContain('roll_forward_balances:total');

    // Receipts: confiscation only, ARIS 50 / 18.75 / 18.75 / 12.5 exactly.
    expect(r.receipts.byType).toEqual([
      { key: 'confiscation', receipts: 2, amount: gbp('50000.00') },
    ]);
    expect(r.receipts.byAgency).toEqual([{ key: 'MPS', receipts: 2, amount: gbp('50000.00') }]);
    expect(r.receipts.byOperation).toEqual([
      { key: 'Stimtone', receipts: 2, amount: gbp('50000.00') },
    ]);
    expect(r.receipts.byFinancialYear).toEqual([
      { key: '2020-21', receipts: 2, amount: gbp('50000.00') },
    ]);
    expect(r.receipts.items.map((x) => [x.date, x.amount.amount])).toEqual([
      ['2020-07-20', '30000.00'],
      ['2020-08-20', '20000.00'],
    ]);
    expect(r.receipts.aris).toEqual([
      { recipient: 'home_office', amount: gbp('25000.00') },
      { recipient: 'investigating_agency', amount: gbp('9375.00') },
      { recipient: 'prosecuting_agency', amount: gbp('9375.00') },
      { recipient: 'hmcts', amount: gbp('6250.00') },
    ]);
    expect(r.receipts.compensationPaid).toEqual(gbp('0.00'));

    // The 20 Aug payment names an asset the ledger never realised.
    expect(r.exceptions).toEqual([
      expect.objectContaining({
        code: 'payment_asset_not_realised',
        date: '2020-08-20',
        assetId: home,
        confiscationOrderId: workedId,
        amount: gbp('20000.00'),
      }),
    ]);
  });

  it('rolls forward the first quarter of the order: a new order, a receipt, interest none', async () => {
    const r = await report({ from: '2020-01-01', to: '2020-03-31' });
    expect(r.rollForward.total).toEqual({
      opening: gbp('0.00'),
      newOrders: gbp('90000.00'),
      variations: gbp('0.00'),
      interest: gbp('0.00'),
      receipts: gbp('10000.00'),
      compensationPaid: gbp('0.00'),
      refundsDue: gbp('0.00'),
      writtenOff: gbp('0.00'),
      closing: gbp('80000.00'),
    });
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('November 2026: a forfeiture receipt, a flagged variance, a realisation overpaying its order (refund due)', async () => {
    const r = await report({ from: '2026-11-01', to: '2026-11-28' });
    for (const c of r.checks) expect(c.ok).toBe(true);
    const order = r.rollForward.orders.find((o) => o.confiscationOrderId === caseBOrder);
    // The watch sold for £8,000 into an order owing £5,000: the reactor records the receipt,
    // £5,000 pays the order and £3,000 is a refund due to the defendant (not an ARIS receipt).
    expect(order).toMatchObject({
      opening: gbp('0.00'),
      newOrders: gbp('5000.00'),
      receipts: gbp('5000.00'),
      refundsDue: gbp('3000.00'),
      closing: gbp('0.00'),
      balances: true,
    });
    expect(r.checks.find((c) => c.name === 'refunds_due_match:T20267009')).toMatchObject({
      expected: '3000.00',
      actual: '3000.00',
      ok: true,
    });
    expect(r.receipts.byType).toEqual([
      { key: 'confiscation', receipts: 1, amount: gbp('5000.00') },
      { key: 'cash_forfeiture', receipts: 1, amount: gbp('25000.00') },
    ]);
    expect(r.receipts.refundsDue).toEqual(gbp('3000.00'));
    expect(r.receipts.items.find((x) => x.sourceId === caseBOrder)).toMatchObject({
      amount: gbp('5000.00'),
      refundDue: gbp('3000.00'),
    });
    expect(r.receipts.aris).toEqual([
      { recipient: 'home_office', amount: gbp('15000.00') },
      { recipient: 'investigating_agency', amount: gbp('13437.50') },
      { recipient: 'prosecuting_agency', amount: gbp('937.50') },
      { recipient: 'hmcts', amount: gbp('625.00') },
    ]);
    expect(r.variance.thresholdPercent).toBe('10');
    const carLine = r.variance.items.find((v) => v.assetId === car);
    expect(carLine).toMatchObject({
      realisedOn: '2026-11-12',
      lastValuation: { gbpValue: gbp('12000.00'), valuedAsAt: '2026-11-03', basis: 'market' },
      netProceeds: gbp('10399.50'),
      variance: gbp('-1600.50'),
      variancePercent: '-13.34',
      flagged: true,
    });
    expect(r.variance.items.find((v) => v.assetId === watch)).toMatchObject({
      variance: gbp('0.00'),
      variancePercent: '0.00',
      flagged: false,
    });
    expect(r.exceptions).toEqual([]);

    const loose = await report({ from: '2026-11-01', to: '2026-11-28', varianceThreshold: '15' });
    expect(loose.variance.items.find((v) => v.assetId === car)?.flagged).toBe(false);
  });

  it('CSV: one header row, plain decimals, ISO dates, parses back to the same figures', async () => {
    const query = { from: '2020-07-01', to: '2020-09-30' };
    const json = await report(query);
    const res = await http()
      .get('/reconciliation')
      .query({ ...query, format: 'csv' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([...RECONCILIATION_CSV_COLUMNS]);
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    for (const r of records) {
      expect(r.section).toMatch(/^(roll_forward|receipt|aris|variance|exception)$/);
      if (r.amount) expect(r.amount).toMatch(/^-?\d+\.\d{2}$/);
      if (r.date) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const rf = (item: string) =>
      records.find((r) => r.section === 'roll_forward' && r.id === workedId && r.item === item)
        ?.amount;
    const line = json.rollForward.orders[0];
    expect(rf('opening')).toBe(line.opening.amount);
    expect(rf('new_orders')).toBe(line.newOrders.amount);
    expect(rf('variations')).toBe(line.variations.amount);
    expect(rf('interest')).toBe(line.interest.amount);
    expect(rf('receipts')).toBe(line.receipts.amount);
    expect(rf('closing')).toBe(line.closing.amount);
    // The principal/interest split behind the figures is labelled, marked verify.
    expect(line.allocationPolicy).toMatchObject({ order: 'principal_first', verify: true });
    expect(
      records.find(
        (r) => r.section === 'roll_forward' && r.id === workedId && r.item === 'allocation_policy',
      )?.detail,
    ).toMatch(/^principal_first \(verify\): /);
    const receipts = records.filter((r) => r.section === 'receipt');
    expect(
      receipts.map((r) => [r.date, r.receipt_type, r.agency, r.financial_year, r.amount]),
    ).toEqual(
      json.receipts.items.map((x) => [x.date, x.type, x.agency, x.financialYear, x.amount.amount]),
    );
    const aris = new Map<string, number>();
    for (const r of records.filter((x) => x.section === 'aris' && x.item === 'share')) {
      // Pence as integers: exact.
      aris.set(r.recipient, (aris.get(r.recipient) ?? 0) + Math.round(Number(r.amount) * 100));
    }
    expect(
      json.receipts.aris.map((a) => [a.recipient, (aris.get(a.recipient) ?? 0) / 100]),
    ).toEqual(json.receipts.aris.map((a) => [a.recipient, Number(a.amount.amount)]));
    expect(records.filter((r) => r.section === 'exception').map((r) => r.item)).toEqual([
      'payment_asset_not_realised',
    ]);
  });

  it('400 naming from and to when inverted or not dates', async () => {
    const inverted = await http()
      .get('/reconciliation')
      .query({ from: '2020-09-30', to: '2020-07-01' })
      .expect(400);
    expect(inverted.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'from',
      'to',
    ]);
    const bad = await http()
      .get('/reconciliation')
      .query({ from: '2020-13-01', to: 'yesterday', format: 'xml' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'format',
      'from',
      'to',
    ]);
  });
});
