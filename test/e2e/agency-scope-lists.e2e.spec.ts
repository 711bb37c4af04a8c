import Decimal from 'decimal.js';
import request from 'supertest';
import type { Reconciliation } from '@src/reports/reconciliation/reconciliation.model';
import { TestIdentity } from '../support/tokens';
import { startTestApp, TestApp } from './support/test-app';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });

/** Identities: the default MPS officer, an NCA officer with the same roles, an auditor elsewhere. */
const MPS: Partial<TestIdentity> = {};
const NCA: Partial<TestIdentity> = { sub: 'nca-officer', agency: 'NCA' };
const AUDITOR: Partial<TestIdentity> = { sub: 'auditor-1', agency: 'HMCTS', roles: ['auditor'] };

interface Money {
  amount: string;
  currency: string;
}
type Measures = Record<string, number | Money | Record<string, Money>>;
interface TotalsBody {
  groups: { key: string | null; measures: Measures }[];
  total: { measures: Measures };
}
interface RegisterBody {
  items: { assetId: string; caseId: string; agency: string }[];
  nextCursor: string | null;
}
interface DeadlinesBody {
  items: { caseId: string; kind: string; confiscationOrderId?: string }[];
}

/** Measures added up exactly: counts as integers, money (and each ARIS recipient) to the penny. */
function addMeasures(...all: Measures[]): Measures {
  const out: Measures = {};
  for (const m of all) {
    for (const [name, value] of Object.entries(m)) {
      const have = out[name];
      if (typeof value === 'number') {
        out[name] = ((have as number | undefined) ?? 0) + value;
      } else if ('amount' in value && typeof value.amount === 'string') {
        const sum = new Decimal((have as Money | undefined)?.amount ?? '0').plus(value.amount);
        out[name] = gbp(sum.toFixed(2));
      } else {
        const recipients = { ...((have as Record<string, Money> | undefined) ?? {}) };
        for (const [recipient, money] of Object.entries(value as Record<string, Money>)) {
          const sum = new Decimal(recipients[recipient]?.amount ?? '0').plus(money.amount);
          recipients[recipient] = gbp(sum.toFixed(2));
        }
        out[name] = recipients;
      }
    }
  }
  return out;
}

/**
 * Agency scope on the list and aggregate reads (docs/api.md, "Roles and scope"; docs/quality.md S3): an
 * officer sees only the cases their agency leads or that are shared with it, in the register, the
 * totals (to the penny), the deadlines and the reconciliation; an auditor sees everything.
 */
describe('agency scope on GET /register, /totals, /deadlines, /reconciliation (real store)', () => {
  let t: TestApp;
  let last = '0';
  /** MPS: shared with the NCA during the suite. */
  let shared: string;
  /** MPS: never shared. */
  let mpsOnly: string;
  /** NCA's own case. */
  let ncaCase: string;
  const assetsOf: Record<string, string[]> = {};
  const ordersOf: Record<string, string> = {};

  const track = (res: request.Response) => {
    const position = res.body.position as string | undefined;
    if (position !== undefined && BigInt(position) > BigInt(last)) last = position;
    return res;
  };
  const send = async (
    as: Partial<TestIdentity>,
    method: 'post' | 'delete',
    path: string,
    body: object,
    status: number,
  ) => {
    const res = await t.http(as)[method](path).send(body);
    if (res.status !== status) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return track(res);
  };
  const get = async <T>(as: Partial<TestIdentity>, path: string, query: object = {}) =>
    (
      await t
        .http(as)
        .get(path)
        .query({ ...query, minPosition: last })
        .expect(200)
    ).body as T;

  /** A case with a subject, two cash seizures and a confiscation order with a payment. */
  async function caseWith(
    as: Partial<TestIdentity>,
    reference: string,
    operation: string,
    cash: [string, string],
    order: { amount: string; made: string; due: string; paid: string; paidOn: string },
  ): Promise<string> {
    const caseId = (
      await send(
        as,
        'post',
        '/cases',
        { reference, title: `${reference} title`, operation, occurredAt: '2019-06-01T09:00:00Z' },
        201,
      )
    ).body.id as string;
    await send(
      as,
      'post',
      `/cases/${caseId}/subjects`,
      { name: 'A Defendant', role: 'defendant' },
      200,
    );
    const subjectId = (await t.http(as).get(`/cases/${caseId}`).expect(200)).body.subjects[0]
      .subjectId as string;
    assetsOf[caseId] = [];
    for (const [n, amount] of cash.entries()) {
      const res = await send(
        as,
        'post',
        '/assets',
        {
          caseId,
          exhibitRef: `${reference}/${n + 1}`,
          power: 'POCA_S294_CASH',
          category: 'cash',
          description: `Cash ${n + 1}`,
          location: '14 Harrow Road, London W2',
          custodyLocation: 'Paddington Green property store',
          declared: gbp(amount),
          occurredAt: '2026-11-27T10:00:00Z',
        },
        201,
      );
      assetsOf[caseId].push(res.body.id as string);
    }
    const orderId = (
      await send(
        as,
        'post',
        '/confiscation-orders',
        {
          caseId,
          subjectId,
          orderRef: `CO/${reference}`,
          court: 'Southwark Crown Court',
          convictedAt: '2019-11-15',
          benefitFigure: gbp('500000'),
          availableAmount: gbp(order.amount),
          orderAmount: gbp(order.amount),
          instalments: [{ amount: gbp(order.amount), dueDate: order.due }],
          defaultTermMonths: 12,
          occurredAt: `${order.made}T11:00:00Z`,
        },
        201,
      )
    ).body.id as string;
    ordersOf[caseId] = orderId;
    await send(
      as,
      'post',
      `/confiscation-orders/${orderId}/payments`,
      {
        amount: gbp(order.paid),
        method: 'voluntary',
        reference: `REC/${reference}`,
        occurredAt: `${order.paidOn}T10:00:00Z`,
      },
      200,
    );
    return caseId;
  }

  beforeAll(async () => {
    t = await startTestApp();
    shared = await caseWith(MPS, 'MPS/ECU/2019/S001', 'Stimtone', ['25000.00', '1234.56'], {
      amount: '50000.00',
      made: '2020-01-20',
      due: '2020-04-20',
      paid: '1000.01',
      paidOn: '2020-02-01',
    });
    mpsOnly = await caseWith(MPS, 'MPS/ECU/2019/S002', 'Stimtone', ['7777.77', '1000.01'], {
      amount: '20000.00',
      made: '2020-03-01',
      due: '2020-06-01',
      paid: '500.00',
      paidOn: '2020-03-15',
    });
    ncaCase = await caseWith(NCA, 'NCA/2019/S003', 'Quarry', ['3333.33', '1099.99'], {
      amount: '30000.00',
      made: '2020-02-10',
      due: '2020-05-10',
      paid: '2000.02',
      paidOn: '2020-03-01',
    });
  });
  afterAll(async () => t.close());

  const shareWithNca = () =>
    send(MPS, 'post', `/cases/${shared}/shares`, { agency: 'NCA', reason: 'Joint operation' }, 200);
  const revokeNca = () =>
    send(MPS, 'delete', `/cases/${shared}/shares/NCA`, { reason: 'Joint operation over' }, 200);

  // --- what each route shows --------------------------------------------------------------

  const registerCases = async (as: Partial<TestIdentity>, query: object = {}) => {
    const body = await get<RegisterBody>(as, '/register', { limit: 500, ...query });
    expect(body.nextCursor).toBeNull();
    return body.items;
  };
  const registerAssets = async (as: Partial<TestIdentity>, query: object = {}) =>
    (await registerCases(as, query)).map((i) => i.assetId).sort();
  const assets = (...caseIds: string[]) => caseIds.flatMap((c) => assetsOf[c]).sort();

  /** Every totals path: the fast path, grouped, filtered, as at, and as known at. */
  const totalsPaths = (as: Partial<TestIdentity>) =>
    Promise.all([
      get<TotalsBody>(as, '/totals'),
      get<TotalsBody>(as, '/totals', { groupBy: 'receiptType' }),
      get<TotalsBody>(as, '/totals', { groupBy: 'agency', financialYear: '2019-20' }),
      get<TotalsBody>(as, '/totals', { asAt: '2026-11-28' }),
      get<TotalsBody>(as, '/totals', { asKnownAt: last }),
    ]);
  /** The auditor's per-case figures: what a scoped total must be the exact sum of. */
  const perCase = async () => {
    const [now, year, asAt] = await Promise.all([
      get<TotalsBody>(AUDITOR, '/totals', { groupBy: 'case' }),
      get<TotalsBody>(AUDITOR, '/totals', { groupBy: 'case', financialYear: '2019-20' }),
      get<TotalsBody>(AUDITOR, '/totals', { groupBy: 'case', asAt: '2026-11-28' }),
    ]);
    const of = (body: TotalsBody, caseId: string) =>
      body.groups.find((g) => g.key === caseId)?.measures ?? {};
    return (...caseIds: string[]) => ({
      now: addMeasures(...caseIds.map((c) => of(now, c))),
      year: addMeasures(...caseIds.map((c) => of(year, c))),
      asAt: addMeasures(...caseIds.map((c) => of(asAt, c))),
    });
  };
  const expectTotals = async (
    as: Partial<TestIdentity>,
    expected: { now: Measures; year: Measures; asAt: Measures },
  ) => {
    const [fast, byType, byAgencyInYear, asAt, asKnownAt] = await totalsPaths(as);
    expect(fast.total.measures).toEqual(expected.now);
    expect(byType.total.measures).toEqual(expected.now);
    expect(asKnownAt.total.measures).toEqual(expected.now);
    expect(byAgencyInYear.total.measures).toEqual(expected.year);
    expect(asAt.total.measures).toEqual(expected.asAt);
    // the groups add up to the total, to the penny
    expect(addMeasures(...byType.groups.map((g) => g.measures))).toEqual(expected.now);
    return { byAgencyInYear };
  };

  const deadlineCases = async (as: Partial<TestIdentity>, query: object = {}) =>
    [
      ...new Set(
        (await get<DeadlinesBody>(as, '/deadlines', { within: 'P14D', ...query })).items.map(
          (i) => i.caseId,
        ),
      ),
    ].sort();

  const reconciliation = async (as: Partial<TestIdentity>) =>
    (
      await t
        .http(as)
        .get('/reconciliation')
        .query({ from: '2019-04-01', to: '2021-03-31' })
        .expect(200)
    ).body as Reconciliation;
  const reconciledOrders = (r: Reconciliation) =>
    r.rollForward.orders.map((o) => o.confiscationOrderId).sort();
  const sorted = (...ids: string[]) => [...ids].sort();

  // --- the story ---------------------------------------------------------------------------

  it('before sharing: each agency sees only its own cases on every list', async () => {
    expect(await registerAssets(NCA)).toEqual(assets(ncaCase));
    expect(await registerAssets(MPS)).toEqual(assets(shared, mpsOnly));
    expect(await registerAssets(NCA, { asAt: '2026-11-28' })).toEqual(assets(ncaCase));
    expect(await registerAssets(NCA, { asKnownAt: last })).toEqual(assets(ncaCase));
    // the agency filter stays a plain filter (the lead agency) inside the scope
    expect(await registerAssets(NCA, { agency: 'MPS' })).toEqual([]);
    expect(await registerAssets(NCA, { caseId: shared })).toEqual([]);
    expect(await registerAssets(NCA, { operation: 'Stimtone' })).toEqual([]);
    expect(await registerAssets(NCA, { operation: 'Quarry' })).toEqual(assets(ncaCase));

    expect(await deadlineCases(NCA)).toEqual([ncaCase]);
    expect(await deadlineCases(MPS)).toEqual(sorted(shared, mpsOnly));
    expect(await deadlineCases(NCA, { agency: 'MPS' })).toEqual([]);

    const r = await reconciliation(NCA);
    expect(reconciledOrders(r)).toEqual([ordersOf[ncaCase]]);
    expect(r.receipts.items.map((i) => i.caseId)).toEqual([ncaCase]);
    expect(r.receipts.total).toEqual(gbp('2000.02'));
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(reconciledOrders(await reconciliation(MPS))).toEqual(
      sorted(ordersOf[shared], ordersOf[mpsOnly]),
    );
  });

  it('before sharing: totals are the sums of only the visible cases, to the penny', async () => {
    const sum = await perCase();
    const nca = await expectTotals(NCA, sum(ncaCase));
    await expectTotals(MPS, sum(shared, mpsOnly));
    // the figures themselves, for NCA's one case
    const [fast] = await totalsPaths(NCA);
    expect(fast.total.measures).toMatchObject({
      assetsSeized: 2,
      valueSeized: gbp('4433.32'),
      receipts: 1,
      received: gbp('2000.02'),
      confiscationOrders: 1,
      confiscationOrdered: gbp('30000.00'),
    });
    expect(nca.byAgencyInYear.groups.map((g) => g.key)).toEqual(['NCA']);
    // a filter on another agency's cases finds nothing, not their figures
    const other = await get<TotalsBody>(NCA, '/totals', { agency: 'MPS' });
    expect(other.total.measures).toMatchObject({
      assetsSeized: 0,
      valueSeized: gbp('0.00'),
      confiscationOrders: 0,
      interestAccrued: gbp('0.00'),
      confiscationOutstanding: gbp('0.00'),
    });
  });

  it('an auditor (any agency) sees every case', async () => {
    expect(await registerAssets(AUDITOR)).toEqual(assets(shared, mpsOnly, ncaCase));
    expect(await deadlineCases(AUDITOR)).toEqual(sorted(shared, mpsOnly, ncaCase));
    const sum = await perCase();
    await expectTotals(AUDITOR, sum(shared, mpsOnly, ncaCase));
    const [fast] = await totalsPaths(AUDITOR);
    expect(fast.total.measures).toMatchObject({
      assetsSeized: 6,
      valueSeized: gbp('39445.66'),
      received: gbp('3500.03'),
      confiscationOrdered: gbp('100000.00'),
    });
    expect(reconciledOrders(await reconciliation(AUDITOR))).toEqual(
      sorted(ordersOf[shared], ordersOf[mpsOnly], ordersOf[ncaCase]),
    );
  });

  it('after MPS shares a case with the NCA: the NCA sees it too, and nothing else of MPS', async () => {
    await shareWithNca();
    expect(await registerAssets(NCA)).toEqual(assets(shared, ncaCase));
    expect(await registerAssets(NCA, { agency: 'MPS' })).toEqual(assets(shared));
    expect(await registerAssets(NCA, { operation: 'Stimtone' })).toEqual(assets(shared));
    expect(await registerAssets(NCA, { asAt: '2026-11-28' })).toEqual(assets(shared, ncaCase));
    const rows = await registerCases(NCA, { agency: 'MPS' });
    expect(rows.every((r) => r.agency === 'MPS' && r.caseId === shared)).toBe(true);

    expect(await deadlineCases(NCA)).toEqual(sorted(shared, ncaCase));
    expect(await deadlineCases(NCA, { agency: 'MPS' })).toEqual([shared]);

    const sum = await perCase();
    const nca = await expectTotals(NCA, sum(shared, ncaCase));
    expect(nca.byAgencyInYear.groups.map((g) => g.key)).toEqual(['MPS', 'NCA']);
    const [fast] = await totalsPaths(NCA);
    expect(fast.total.measures).toMatchObject({
      assetsSeized: 4,
      valueSeized: gbp('30667.88'), // 25,000.00 + 1,234.56 + 3,333.33 + 1,099.99
      received: gbp('3000.03'),
      confiscationOrders: 2,
      confiscationOrdered: gbp('80000.00'),
    });
    // MPS's own view is unchanged by sharing
    await expectTotals(MPS, sum(shared, mpsOnly));

    const r = await reconciliation(NCA);
    expect(reconciledOrders(r)).toEqual(sorted(ordersOf[shared], ordersOf[ncaCase]));
    expect(r.receipts.total).toEqual(gbp('3000.03'));
    expect(r.receipts.byAgency.map((g) => g.key)).toEqual(['MPS', 'NCA']);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('after MPS revokes the sharing: the NCA no longer sees the case anywhere', async () => {
    await revokeNca();
    expect(await registerAssets(NCA)).toEqual(assets(ncaCase));
    expect(await registerAssets(NCA, { agency: 'MPS' })).toEqual([]);
    expect(await registerAssets(NCA, { operation: 'Stimtone' })).toEqual([]);
    expect(await registerAssets(NCA, { asAt: '2026-11-28' })).toEqual(assets(ncaCase));
    expect(await deadlineCases(NCA)).toEqual([ncaCase]);
    const sum = await perCase();
    await expectTotals(NCA, sum(ncaCase));
    expect(reconciledOrders(await reconciliation(NCA))).toEqual([ordersOf[ncaCase]]);
    // the auditor still sees everything
    expect(await registerAssets(AUDITOR)).toEqual(assets(shared, mpsOnly, ncaCase));
  });
});
