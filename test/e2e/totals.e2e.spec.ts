import request from 'supertest';
import { bearer } from '../support/tokens';
import Decimal from 'decimal.js';
import { EUR_RATE } from './support/assets';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const NCA = bearer({ agency: 'NCA' });
const GROUP_BYS = [
  'case',
  'operation',
  'agency',
  'power',
  'category',
  'financialYear',
  'receiptType',
] as const;

interface Money {
  amount: string;
  currency: string;
}
type Measures = Record<string, number | Money | Record<string, Money>>;
interface TotalsBody {
  groupBy: string | null;
  asAt: string | null;
  interestAsAt: string;
  groups: { key: string | null; measures: Measures }[];
  total: { measures: Measures };
}

/** Every measure, counts and money and each ARIS recipient, summed over the groups = the total. */
function expectGroupsToAddUp(body: TotalsBody): void {
  const flat = (m: Measures): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(m)) {
      if (typeof value === 'number') out[name] = String(value);
      else if ('amount' in value && typeof value.amount === 'string') {
        expect(value.currency).toBe('GBP');
        expect(value.amount).toMatch(/^-?\d+\.\d{2}$/);
        out[name] = value.amount;
      } else {
        for (const [recipient, money] of Object.entries(value as Record<string, Money>)) {
          out[`${name}.${recipient}`] = money.amount;
        }
      }
    }
    return out;
  };
  const total = flat(body.total.measures);
  const sums: Record<string, Decimal> = Object.fromEntries(
    Object.keys(total).map((k) => [k, new Decimal(0)]),
  );
  for (const g of body.groups) {
    for (const [name, value] of Object.entries(flat(g.measures))) {
      sums[name] = sums[name].plus(value);
    }
  }
  for (const [name, value] of Object.entries(total)) {
    expect(`${name} ${sums[name].toFixed(value.includes('.') ? 2 : 0)}`).toBe(`${name} ${value}`);
  }
}

describe('GET /totals (recovery totals projection, real store)', () => {
  let t: TestApp;
  let caseA: string; // MPS, Operation Stimtone
  let caseB: string; // NCA, Operation Quarry
  let orderId: string;
  let last = '0';
  const http = () => t.http();
  const track = (res: request.Response) => {
    const position = res.body.position as string;
    if (BigInt(position) > BigInt(last)) last = position;
    return res;
  };
  const post = async (
    path: string,
    body: object,
    status: number,
    headers: Record<string, string> = {},
  ) => {
    const res = await http().post(path).set(headers).send(body);
    if (res.status !== status) {
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return track(res);
  };
  const seize = async (body: object, headers: Record<string, string> = {}) =>
    (await post('/assets', body, 201, headers)).body.id as string;
  // Figures across both agencies' cases: read as an auditor (an officer sees only the cases of
  // their own agency and those shared with it: agency-scope-lists.e2e.spec.ts).
  const totals = async (query: Record<string, string>) => {
    const res = await t
      .http({ sub: 'auditor-1', agency: 'HMCTS', roles: ['auditor'] })
      .get('/totals')
      .query({ ...query, minPosition: last })
      .expect(200);
    return res.body as TotalsBody;
  };
  const seizure = (caseId: string, n: number, over: object) => ({
    caseId,
    exhibitRef: `TOT/${n}`,
    description: `Exhibit ${n}`,
    location: '14 Harrow Road, London W2',
    custodyLocation: 'Paddington Green property store',
    occurredAt: '2026-11-27T10:00:00Z',
    ...over,
  });

  let cash: string;
  let watch: string;
  let euros: string;
  let car: string;
  let phone: string;

  beforeAll(async () => {
    t = await startTestApp();
    caseA = (
      await post(
        '/cases',
        { reference: 'MPS/BW/2026/T001', title: 'Big Wing: couriers', operation: 'Stimtone' },
        201,
      )
    ).body.id as string;
    caseB = (
      await post(
        '/cases',
        {
          reference: 'NCA/2019/T002',
          title: 'Quarry: confiscation',
          operation: 'Quarry',
          occurredAt: '2019-06-01T09:00:00Z',
        },
        201,
        NCA,
      )
    ).body.id as string;
    await post(`/cases/${caseB}/subjects`, { name: 'Daniel Okafor', role: 'defendant' }, 200, NCA);
    const read = await http().get(`/cases/${caseB}`).set(NCA).expect(200);
    const subjectId = read.body.subjects[0].subjectId as string;

    // Case A (MPS): £25,000 cash, a watch, EUR 12,500 cash.
    cash = await seize(
      seizure(caseA, 1, {
        power: 'POCA_S294_CASH',
        category: 'cash',
        declared: gbp('25000.00'),
      }),
    );
    watch = await seize(seizure(caseA, 2, { power: 'PACE_S19', category: 'watch' }));
    euros = await seize(
      seizure(caseA, 3, {
        power: 'POCA_S294_CASH',
        category: 'cash',
        declared: { amount: '12500.00', currency: 'EUR' },
        fx: [EUR_RATE],
      }),
    );
    // Case B (NCA): a car and a phone.
    car = await seize(seizure(caseB, 4, { power: 'POCA_S47C', category: 'vehicle' }), NCA);
    phone = await seize(seizure(caseB, 5, { power: 'PACE_S19', category: 'electronics' }), NCA);

    const value = (assetId: string, amount: string, date: string, at: string, h = {}) =>
      post(
        `/assets/${assetId}/valuations`,
        {
          basis: 'market',
          value: gbp(amount),
          valuedAsAt: date,
          valuer: 'DC Patel',
          occurredAt: at,
        },
        200,
        h,
      );
    await value(watch, '8000.00', '2026-11-27', '2026-11-27T12:00:00Z');
    await value(car, '12000.00', '2026-11-27', '2026-11-27T12:00:00Z', NCA);
    await value(phone, '300.00', '2026-11-27', '2026-11-27T12:00:00Z', NCA);
    // The next day: the watch revalued, the cash forfeited, the phone released, the car sold.
    await value(watch, '9000.00', '2026-11-28', '2026-11-28T12:00:00Z');
    await post(
      `/assets/${cash}/forfeiture`,
      {
        route: 'cash_s298',
        orderRef: 'WMC/2026/T1',
        court: 'Westminster Magistrates’ Court',
        occurredAt: '2026-11-28T11:00:00Z',
      },
      200,
    );
    await post(
      `/assets/${phone}/release`,
      { reason: 'no_further_action', releasedTo: 'Mr A', occurredAt: '2026-11-28T09:00:00Z' },
      200,
      NCA,
    );
    await post(
      `/assets/${car}/realisation`,
      {
        grossProceeds: gbp('11000.00'),
        costs: gbp('600.50'),
        realisedBy: 'Enforcement receiver',
        occurredAt: '2026-11-28T15:00:00Z',
      },
      200,
      NCA,
    );

    // Case B: docs/domain.md's worked order (20 Jan 2020, £90,000), and a payment of £1,000.03.
    orderId = (
      await post(
        '/confiscation-orders',
        {
          caseId: caseB,
          subjectId,
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
        NCA,
      )
    ).body.id as string;
    await post(
      `/confiscation-orders/${orderId}/payments`,
      {
        amount: gbp('1000.03'),
        method: 'voluntary',
        reference: 'REC/2020/1',
        occurredAt: '2020-02-01T10:00:00Z',
      },
      200,
      NCA,
    );
  });
  afterAll(async () => t.close());

  it('the total: every measure, exact, in GBP; interest and outstanding to today', async () => {
    const body = await totals({});
    expect(body.groupBy).toBeNull();
    expect(body.groups).toEqual([]);
    const m = body.total.measures;
    expect(m).toMatchObject({
      assetsSeized: 5,
      // 25,000 + 9,000 (the watch's latest) + 10,708.75 (EUR 12,500 at 0.8567) + 12,000 + 300
      valueSeized: gbp('57008.75'),
      // the watch and the euros (the cash was paid over, the car sold, the phone released)
      valueHeld: gbp('19708.75'),
      valueRestrained: gbp('0.00'),
      valueForfeited: gbp('25000.00'),
      valueReleased: gbp('300.00'),
      realisedGross: gbp('11000.00'),
      realisedCosts: gbp('600.50'),
      realisedNet: gbp('10399.50'),
      receipts: 2,
      received: gbp('26000.03'),
      compensationPaid: gbp('0.00'),
      arisAllocations: {
        home_office: gbp('13000.01'), // 12,500.00 of the forfeiture + 500.01
        investigating_agency: gbp('12687.51'), // 12,500.00 + 187.51
        prosecuting_agency: gbp('187.51'),
        hmcts: gbp('125.00'),
        enforcement_authority: gbp('0.00'),
      },
      confiscationOrders: 1,
      confiscationOrdered: gbp('90000.00'),
      confiscationReceived: gbp('1000.03'),
    });
    const interest = new Decimal((m.interestAccrued as Money).amount);
    expect(interest.gt(0)).toBe(true);
    expect((m.confiscationOutstanding as Money).amount).toBe(
      new Decimal('90000').minus('1000.03').plus(interest).toFixed(2),
    );
  });

  it('every groupBy: the groups add up to the total, to the penny', async () => {
    const total = (await totals({})).total;
    for (const groupBy of GROUP_BYS) {
      const body = await totals({ groupBy });
      expect(body.groupBy).toBe(groupBy);
      expect(body.total).toEqual(total);
      expectGroupsToAddUp(body);
    }
  });

  it('by case, operation and agency', async () => {
    const byCase = await totals({ groupBy: 'case' });
    const a = byCase.groups.find((g) => g.key === caseA)?.measures;
    const b = byCase.groups.find((g) => g.key === caseB)?.measures;
    expect(byCase.groups).toHaveLength(2);
    expect(a).toMatchObject({
      assetsSeized: 3,
      valueSeized: gbp('44708.75'),
      valueHeld: gbp('19708.75'),
      receipts: 1,
      received: gbp('25000.00'),
      confiscationOrders: 0,
    });
    expect(b).toMatchObject({
      assetsSeized: 2,
      valueSeized: gbp('12300.00'),
      realisedNet: gbp('10399.50'),
      valueReleased: gbp('300.00'),
      receipts: 1,
      received: gbp('1000.03'),
      confiscationOrders: 1,
      arisAllocations: {
        home_office: gbp('500.01'),
        investigating_agency: gbp('187.51'),
        prosecuting_agency: gbp('187.51'),
        hmcts: gbp('125.00'),
        enforcement_authority: gbp('0.00'),
      },
    });
    const byOperation = await totals({ groupBy: 'operation' });
    expect(byOperation.groups.map((g) => g.key)).toEqual(['Quarry', 'Stimtone']);
    const byAgency = await totals({ groupBy: 'agency' });
    expect(byAgency.groups.map((g) => [g.key, g.measures.assetsSeized])).toEqual([
      ['MPS', 3],
      ['NCA', 2],
    ]);
  });

  it('by power, category, financial year and receipt type (null: does not apply)', async () => {
    const byPower = await totals({ groupBy: 'power' });
    expect(byPower.groups.map((g) => g.key)).toEqual([
      'PACE_S19',
      'POCA_S294_CASH',
      'POCA_S47C',
      null,
    ]);
    expect(byPower.groups[1].measures).toMatchObject({
      assetsSeized: 2,
      valueSeized: gbp('35708.75'),
      receipts: 1, // the cash forfeiture, under the power the cash was held by
    });
    expect(byPower.groups[3].measures).toMatchObject({ assetsSeized: 0, confiscationOrders: 1 });

    const byCategory = await totals({ groupBy: 'category' });
    expect(byCategory.groups.map((g) => [g.key, g.measures.assetsSeized])).toEqual([
      ['cash', 2],
      ['electronics', 1],
      ['vehicle', 1],
      ['watch', 1],
      [null, 0],
    ]);

    const byYear = await totals({ groupBy: 'financialYear' });
    expect(byYear.groups.map((g) => g.key)).toEqual(['2019-20', '2026-27']);
    expect(byYear.groups[0].measures).toMatchObject({
      assetsSeized: 0,
      receipts: 1,
      received: gbp('1000.03'),
      confiscationOrdered: gbp('90000.00'),
    });

    const byType = await totals({ groupBy: 'receiptType' });
    expect(byType.groups.map((g) => g.key)).toEqual(['cash_forfeiture', 'confiscation', null]);
    expect(byType.groups[0].measures).toMatchObject({
      receipts: 1,
      received: gbp('25000.00'),
      arisAllocations: {
        home_office: gbp('12500.00'),
        investigating_agency: gbp('12500.00'),
        prosecuting_agency: gbp('0.00'),
        hmcts: gbp('0.00'),
        enforcement_authority: gbp('0.00'),
      },
    });
    expect(byType.groups[1].measures).toMatchObject({
      receipts: 1,
      received: gbp('1000.03'),
      confiscationOrders: 1,
      arisAllocations: {
        home_office: gbp('500.01'),
        investigating_agency: gbp('187.51'),
        prosecuting_agency: gbp('187.51'),
        hmcts: gbp('125.00'),
      },
    });
    expect(byType.groups[2].measures).toMatchObject({ assetsSeized: 5, receipts: 0 });
  });

  it('filters narrow every measure, and the groups still add up', async () => {
    const mps = await totals({ groupBy: 'category', agency: 'MPS' });
    expect(mps.groups.map((g) => g.key)).toEqual(['cash', 'watch']);
    expect(mps.total.measures).toMatchObject({
      assetsSeized: 3,
      valueSeized: gbp('44708.75'),
      confiscationOrders: 0,
      interestAccrued: gbp('0.00'),
    });
    expectGroupsToAddUp(mps);

    const quarry = await totals({ groupBy: 'receiptType', operation: 'Quarry', caseId: caseB });
    expect(quarry.total.measures).toMatchObject({ assetsSeized: 2, confiscationOrders: 1 });
    expectGroupsToAddUp(quarry);

    const year = await totals({ groupBy: 'case', financialYear: '2019-20' });
    expect(year.groups.map((g) => g.key)).toEqual([caseB]);
    expect(year.total.measures).toMatchObject({
      assetsSeized: 0,
      receipts: 1,
      confiscationOrders: 1,
    });
    const all = await totals({});
    expect(year.total.measures.interestAccrued).toEqual(all.total.measures.interestAccrued);
  });

  it('asAt: exact by folding; before the revaluation the watch shows its earlier value', async () => {
    const body = await totals({ groupBy: 'category', asAt: '2026-11-27' });
    expect(body.asAt).toBe('2026-11-27');
    expect(body.interestAsAt).toBe('2026-11-27');
    expect(body.groups.find((g) => g.key === 'watch')?.measures.valueSeized).toEqual(
      gbp('8000.00'),
    );
    expect(body.total.measures).toMatchObject({
      assetsSeized: 5,
      valueSeized: gbp('56008.75'),
      valueHeld: gbp('56008.75'), // nothing forfeited, released or sold yet
      valueForfeited: gbp('0.00'),
      valueReleased: gbp('0.00'),
      realisedNet: gbp('0.00'),
      receipts: 1,
      received: gbp('1000.03'),
    });
    expectGroupsToAddUp(body);
    for (const groupBy of GROUP_BYS) {
      expectGroupsToAddUp(await totals({ groupBy, asAt: '2026-11-28' }));
    }
  });

  it('asAt the day after the order fell due: interest to the penny', async () => {
    // £10,000 due 20 Feb 2020, £1,000.03 paid 1 Feb: £8,999.97 unpaid for 10 days (21 Feb to
    // 1 Mar) at 8%: 8,999.97 × 0.08 × 10 / 365 = 19.7259... = £19.73.
    const body = await totals({ groupBy: 'agency', asAt: '2020-03-01' });
    expect(body.groups.map((g) => g.key)).toEqual(['NCA']);
    expect(body.total.measures).toMatchObject({
      assetsSeized: 0,
      confiscationOrdered: gbp('90000.00'),
      confiscationReceived: gbp('1000.03'),
      interestAccrued: gbp('19.73'),
      confiscationOutstanding: gbp('89019.70'),
    });
    const beforeOrder = await totals({ asAt: '2020-01-19' });
    expect(beforeOrder.total.measures).toMatchObject({
      confiscationOrders: 0,
      receipts: 0,
      interestAccrued: gbp('0.00'),
    });
  });

  it('follows later events (deltas): a void takes the asset out of every total', async () => {
    await post(`/assets/${euros}/void`, { reason: 'Entered twice' }, 200);
    const body = await totals({ groupBy: 'power' });
    expect(body.total.measures).toMatchObject({
      assetsSeized: 4,
      valueSeized: gbp('46300.00'),
      valueHeld: gbp('9000.00'),
    });
    expectGroupsToAddUp(body);
  });

  it('refuses a bad query with a 400 naming each bad field', async () => {
    const bad = await http()
      .get('/totals')
      .query({
        groupBy: 'colour',
        asAt: '2026-13-01',
        financialYear: '2026-28',
        agency: '!!',
        caseId: 'x',
        extra: '1',
      })
      .expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'agency',
      'asAt',
      'caseId',
      'extra',
      'financialYear',
      'groupBy',
    ]);
    await http().get('/totals').query({ minPosition: 'soon' }).expect(400);
  });
});
