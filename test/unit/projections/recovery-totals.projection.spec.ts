import { EVERY_CASE } from '@src/auth/access-scope';
import Decimal from 'decimal.js';
import { EventStore, JsonObject, RecordedEvent } from '@src/event-store/event-store.port';
import { UpcasterRegistry } from '@src/ledger/upcasting/upcaster-registry';
import { ProjectedEvent, TableNames } from '@src/projections/projection';
import { tableNames } from '@src/projections/projection-catalog';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { RecoveryTotalsProjection } from '@src/projections/recovery-totals/recovery-totals.projection';
import {
  DIMENSIONS,
  GbpJson,
  TotalsMeasures,
} from '@src/projections/recovery-totals/totals.measures';
import { RecoveryTotalsQuery, TotalsView } from '@src/projections/recovery-totals/totals.query';
import { makeTempDir } from '../../support/temp-dir';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const CASE_A = '0191a000-0000-7000-8000-00000000000a';
const CASE_B = '0191a000-0000-7000-8000-00000000000b';
const CASH = '0191a000-0000-7000-8000-000000000001';
const WATCH = '0191a000-0000-7000-8000-000000000002';
const CAR = '0191a000-0000-7000-8000-000000000003';
const ORDER = '0191a000-0000-7000-8000-0000000000c1';

/** A small ledger: two cases, three assets, a forfeiture, a realisation, an order, payments. */
function ledger(): { streamId: string; type: string; data: JsonObject }[] {
  const c = (id: string, type: string, data: JsonObject) => ({
    streamId: `case-${id}`,
    type,
    data,
  });
  const a = (id: string, type: string, data: JsonObject) => ({
    streamId: `asset-${id}`,
    type,
    data,
  });
  const o = (type: string, data: JsonObject) => ({
    streamId: `confiscation-${ORDER}`,
    type,
    data,
  });
  const seized = (assetId: string, caseId: string, extra: JsonObject): JsonObject => ({
    assetId,
    caseId,
    exhibitRef: `EX/${assetId.slice(-1)}`,
    description: 'x',
    location: 'Harrow Road',
    custodyLocation: 'Paddington Green',
    occurredAt: '2026-11-27T10:00:00.000Z',
    ...extra,
  });
  return [
    c(CASE_A, 'CaseOpened', {
      caseId: CASE_A,
      reference: 'A',
      title: 'A',
      operation: 'Stimtone',
      leadAgency: 'MPS',
      jurisdiction: 'E&W',
      occurredAt: '2026-11-27T09:00:00.000Z',
    }),
    c(CASE_B, 'CaseOpened', {
      caseId: CASE_B,
      reference: 'B',
      title: 'B',
      leadAgency: 'NCA',
      jurisdiction: 'E&W',
      occurredAt: '2019-06-01T09:00:00.000Z',
    }),
    a(
      CASH,
      'AssetSeized',
      seized(CASH, CASE_A, {
        power: 'POCA_S294_CASH',
        category: 'cash',
        declared: gbp('25000.00'),
        declaredGbp: gbp('25000.00'),
      }),
    ),
    a(WATCH, 'AssetSeized', seized(WATCH, CASE_A, { power: 'PACE_S19', category: 'watch' })),
    a(CAR, 'AssetSeized', seized(CAR, CASE_B, { power: 'POCA_S47C', category: 'vehicle' })),
    a(WATCH, 'AssetValued', {
      valuationId: 'v1',
      basis: 'market',
      value: gbp('8000.00'),
      gbpValue: gbp('8000.00'),
      valuedAsAt: '2026-11-27',
      valuer: 'Valuer',
      occurredAt: '2026-11-27T12:00:00.000Z',
    }),
    a(CAR, 'AssetValued', {
      valuationId: 'v2',
      basis: 'market',
      value: gbp('12000.00'),
      gbpValue: gbp('12000.00'),
      valuedAsAt: '2026-11-27',
      valuer: 'Valuer',
      occurredAt: '2026-11-27T12:00:00.000Z',
    }),
    a(CAR, 'AssetPlacedUnderRestraint', {
      restraintOrderId: 'r1',
      occurredAt: '2026-11-27T13:00:00.000Z',
    }),
    a(CASH, 'AssetForfeited', {
      route: 'cash_s298',
      amount: gbp('25000.00'),
      gbpAmount: gbp('25000.00'),
      occurredAt: '2026-11-28T11:00:00.000Z',
    }),
    a(WATCH, 'AssetValued', {
      valuationId: 'v3',
      basis: 'market',
      value: gbp('9000.00'),
      gbpValue: gbp('9000.00'),
      valuedAsAt: '2026-11-28',
      valuer: 'Valuer',
      occurredAt: '2026-11-28T12:00:00.000Z',
    }),
    a(CAR, 'AssetRealised', {
      grossProceeds: gbp('11000.00'),
      costs: gbp('600.50'),
      netProceeds: gbp('10399.50'),
      realisedBy: 'Receiver',
      occurredAt: '2026-11-28T15:00:00.000Z',
    }),
    o('ConfiscationOrderMade', {
      confiscationOrderId: ORDER,
      caseId: CASE_B,
      subjectId: 's1',
      orderRef: 'T1',
      court: 'Southwark',
      benefitFigure: gbp('500000'),
      availableAmount: gbp('90000'),
      orderAmount: gbp('90000'),
      instalments: [
        { amount: gbp('10000'), dueDate: '2020-02-20' },
        { amount: gbp('80000'), dueDate: '2020-04-20' },
      ],
      defaultTermMonths: 18,
      compensation: { amount: gbp('2000.00'), payee: 'Victim' },
      warnings: [],
      occurredAt: '2020-01-20T11:00:00.000Z',
    }),
    o('PaymentReceived', {
      receiptId: 'rec-1',
      amount: gbp('1500.00'),
      method: 'voluntary',
      reference: 'R1',
      occurredAt: '2020-02-01T10:00:00.000Z',
    }),
    o('PaymentReceived', {
      receiptId: 'rec-2',
      amount: gbp('1500.03'),
      method: 'voluntary',
      reference: 'R2',
      occurredAt: '2020-04-02T10:00:00.000Z',
    }),
  ];
}

function projected(events: ReturnType<typeof ledger>): ProjectedEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map((e, i) => {
    const revision = revisions.get(e.streamId) ?? 0n;
    revisions.set(e.streamId, revision + 1n);
    return {
      ...e,
      metadata: {},
      revision,
      position: BigInt((i + 1) * 10),
      recordedAt: '2026-11-29T00:00:00.000Z',
    };
  });
}

describe('recovery totals projection: given events → rows', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: SqliteReadModelDb;
  let t: TableNames;
  let projection: RecoveryTotalsProjection;
  beforeEach(() => {
    dir = makeTempDir();
    db = new SqliteReadModelDb(dir.path);
    t = tableNames(1);
    projection = new RecoveryTotalsProjection();
    projection.createTables(db, t);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  /** One batch, as the runner applies it: every event, then endBatch, in one transaction. */
  const apply = (events: ProjectedEvent[], p = projection) => {
    db.transaction(() => {
      events.forEach((e) => p.apply(db, t, e));
      p.endBatch(db, t);
    });
  };
  const group = (dimension: string, key: string) =>
    db.get<{ contributors: number; measures: string }>(
      `SELECT contributors, measures FROM ${t('totals_groups')} WHERE dimension = ? AND key = ?`,
      dimension,
      key,
    );
  const measures = (dimension: string, key: string) =>
    JSON.parse(group(dimension, key)?.measures ?? '{}') as Record<string, string>;
  /** Every dimension's rows add up to the same total; the receipt types are the fewest rows. */
  const sumOf = (dimension: string) => {
    const rows = db.all<{ measures: string; contributors: number }>(
      `SELECT measures, contributors FROM ${t('totals_groups')} WHERE dimension = ?`,
      dimension,
    );
    const sums: Record<string, Decimal> = {};
    for (const row of rows) {
      for (const [name, value] of Object.entries(JSON.parse(row.measures) as object)) {
        sums[name] = (sums[name] ?? new Decimal(0)).plus(value as string);
      }
    }
    return {
      measures: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed()])),
      contributors: rows.reduce((n, r) => n + r.contributors, 0),
    };
  };
  const total = () => sumOf('receiptType').measures;
  const dump = () =>
    JSON.stringify(
      projection.tables.map((table) => db.all(`SELECT * FROM ${t(table)} ORDER BY 1, 2`)),
    );

  it('adds every figure once per dimension: groups, cells and receipts, exact', () => {
    apply(projected(ledger()));
    expect(total()).toEqual({
      assetsSeized: '3',
      receipts: '3',
      confiscationOrders: '1',
      valueSeized: '46000', // 25,000 cash + 9,000 watch (latest) + 12,000 car
      valueHeld: '9000', // cash paid over on forfeiture, car realised
      valueForfeited: '25000',
      realisedGross: '11000',
      realisedCosts: '600.5',
      realisedNet: '10399.5',
      received: '28000.03',
      compensationPaid: '2000',
      priorityPaid: '2000', // s.55(5): the compensation is a s.13(6) direction
      'aris.home_office': '13000.01', // 12,500 of the cash + 500.01 of the second payment
      'aris.investigating_agency': '12687.51',
      'aris.prosecuting_agency': '187.51',
      'aris.hmcts': '125',
      confiscationOrdered: '90000',
      confiscationReceived: '3000.03',
    });
    expect(measures('category', 'cash')).toMatchObject({ assetsSeized: '1', received: '25000' });
    expect(measures('receiptType', 'cash_forfeiture')).toEqual({
      receipts: '1',
      received: '25000',
      'aris.home_office': '12500',
      'aris.investigating_agency': '12500',
    });
    expect(measures('receiptType', 'confiscation')).toMatchObject({
      receipts: '2',
      confiscationOrders: '1',
      compensationPaid: '2000',
    });
    // Receipts are dated by their own date; assets by their seizure; orders by the order date.
    expect(measures('financialYear', '2019-20')).toMatchObject({
      confiscationOrders: '1',
      receipts: '1', // 1 Feb 2020
    });
    expect(measures('financialYear', '2020-21')).toEqual({
      receipts: '1', // 2 Apr 2020
      received: '1500.03',
      compensationPaid: '500',
      priorityPaid: '500',
      'aris.home_office': '500.01',
      'aris.investigating_agency': '187.51',
      'aris.prosecuting_agency': '187.51',
      'aris.hmcts': '125',
    });
    // The car was restrained, then realised: no longer held, so no longer "restrained".
    expect(measures('agency', 'NCA')).not.toHaveProperty('valueRestrained');
    expect(measures('agency', 'NCA')).toMatchObject({
      valueSeized: '12000',
      realisedNet: '10399.5',
    });

    const receipts = db.all<Record<string, string>>(
      `SELECT receipt_id, receipt_type, date, financial_year, amount, compensation_paid, shares
       FROM ${t('totals_receipts')} ORDER BY date`,
    );
    expect(receipts).toEqual([
      // The waterfall: £1,500 all to the victim, then £500 more, then £1,000.03 split.
      expect.objectContaining({
        receipt_id: 'rec-1',
        receipt_type: 'confiscation',
        financial_year: '2019-20',
        amount: '1500.00',
        compensation_paid: '1500.00',
      }),
      expect.objectContaining({
        receipt_id: 'rec-2',
        amount: '1500.03',
        compensation_paid: '500.00',
        shares: JSON.stringify([
          { recipient: 'home_office', amount: gbp('500.01') },
          { recipient: 'investigating_agency', amount: gbp('187.51') },
          { recipient: 'prosecuting_agency', amount: gbp('187.51') },
          { recipient: 'hmcts', amount: gbp('125.00') },
        ]),
      }),
      {
        receipt_id: `forfeiture-${CASH}`,
        receipt_type: 'cash_forfeiture',
        date: '2026-11-28',
        financial_year: '2026-27',
        amount: '25000.00',
        compensation_paid: '0.00',
        shares: JSON.stringify([
          { recipient: 'home_office', amount: gbp('12500.00') },
          { recipient: 'investigating_agency', amount: gbp('12500.00') },
        ]),
      },
    ]);
  });

  it('the groups of every dimension add up to the total, measure by measure', () => {
    apply(projected(ledger()));
    const expected = sumOf('receiptType');
    for (const dimension of DIMENSIONS) expect(sumOf(dimension)).toEqual(expected);
    // The cells and the slices (finer grains) add up to the same total too.
    for (const table of ['totals_cells', 'totals_slices']) {
      const sums: Record<string, Decimal> = {};
      for (const row of db.all<{ measures: string }>(`SELECT measures FROM ${t(table)}`)) {
        for (const [name, value] of Object.entries(JSON.parse(row.measures) as object)) {
          sums[name] = (sums[name] ?? new Decimal(0)).plus(value as string);
        }
      }
      expect(Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed()]))).toEqual(
        expected.measures,
      );
    }
  });

  it('a change of legal basis moves the asset between groups; the empty group disappears', () => {
    const events = projected(ledger()).slice(0, 4);
    apply(events);
    expect(measures('power', 'PACE_S19')).toEqual({ assetsSeized: '1' });
    apply([
      {
        ...events[3],
        type: 'LegalBasisChanged',
        data: {
          from: 'PACE_S19',
          to: 'POCA_S303J_LISTED',
          reason: 'Re-based',
          occurredAt: '2026-11-27T11:00:00.000Z',
        },
        position: 1000n,
      },
    ]);
    expect(group('power', 'PACE_S19')).toBeUndefined();
    expect(measures('power', 'POCA_S303J_LISTED')).toEqual({ assetsSeized: '1' });
    expect(total()).toMatchObject({ assetsSeized: '2' });
  });

  it('a voided record leaves every total, its forfeiture receipt too', () => {
    apply(projected(ledger()));
    apply([
      {
        streamId: `asset-${CASH}`,
        type: 'RecordVoided',
        data: { reason: 'Entered twice', occurredAt: '2026-11-29T09:00:00.000Z' },
        metadata: {},
        revision: 2n,
        position: 1000n,
        recordedAt: '2026-11-29T09:00:00.000Z',
      },
    ]);
    expect(group('category', 'cash')).toBeUndefined();
    expect(group('receiptType', 'cash_forfeiture')).toBeUndefined();
    expect(total()).toMatchObject({ assetsSeized: '2', receipts: '2' });
    expect(
      db.get(`SELECT * FROM ${t('totals_receipts')} WHERE receipt_id = ?`, `forfeiture-${CASH}`),
    ).toBeUndefined();
  });

  it('is deterministic (R6): a restarted projection (cold cache) gives byte-identical rows', () => {
    const events = projected(ledger());
    apply(events);
    const once = dump();
    // Again from scratch, this time restarting (a new instance, nothing cached) half-way.
    projection.tables.forEach((table) => db.exec(`DROP TABLE ${t(table)}`));
    projection.createTables(db, t);
    apply(events.slice(0, 7));
    apply(events.slice(7, 12), new RecoveryTotalsProjection()); // the order is made here,
    apply(events.slice(12), new RecoveryTotalsProjection()); // paid here from its stored state
    expect(dump()).toBe(once);
    // And one event per batch (as a live projection may see them): the same rows again.
    projection.tables.forEach((table) => db.exec(`DROP TABLE ${t(table)}`));
    projection.createTables(db, t);
    events.forEach((e) => apply([e]));
    expect(dump()).toBe(once);
  });
});

describe('recovery totals query: live rows, filters and exact "as at"', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: SqliteReadModelDb;
  let query: RecoveryTotalsQuery;
  const t = tableNames(1);
  const events = projected(ledger());

  beforeAll(() => {
    dir = makeTempDir();
    db = new SqliteReadModelDb(dir.path);
    const projection = new RecoveryTotalsProjection();
    projection.createTables(db, t);
    db.transaction(() => {
      events.forEach((e) => projection.apply(db, t, e));
      projection.endBatch(db, t);
    });
    const store = {
      readStream: async function* (stream: string): AsyncGenerator<RecordedEvent> {
        for (const e of events.filter((x) => x.streamId === stream)) {
          yield { ...e, id: String(e.position) };
          await Promise.resolve();
        }
      },
    } as unknown as EventStore;
    const runner = { tables: () => t } as unknown as ProjectionRunner;
    query = new RecoveryTotalsQuery(
      db,
      runner,
      store,
      new UpcasterRegistry(),
      projection.arisTable,
      () => '2026-11-29',
    );
  });
  afterAll(() => {
    db.close();
    dir.remove();
  });

  const amount = (m: GbpJson) => m.amount;
  const sumOver = (view: TotalsView, pick: (m: TotalsMeasures) => GbpJson) =>
    view.groups.reduce((s, g) => s.plus(amount(pick(g.measures))), new Decimal(0)).toFixed(2);

  it('interest and outstanding are computed to today for the orders in scope', async () => {
    const view = await query.totals({ groupBy: 'agency' }, EVERY_CASE);
    expect(view.interestAsAt).toBe('2026-11-29');
    const nca = view.groups.find((g) => g.key === 'NCA')?.measures;
    expect(nca?.confiscationOrdered).toEqual(gbp('90000.00'));
    expect(nca?.confiscationReceived).toEqual(gbp('3000.03'));
    expect(sumOver(view, (m) => m.interestAccrued)).toBe(
      view.total.measures.interestAccrued.amount,
    );
    const outstanding = new Decimal('90000')
      .minus('3000.03')
      .plus(view.total.measures.interestAccrued.amount);
    expect(view.total.measures.confiscationOutstanding.amount).toBe(outstanding.toFixed(2));
  });

  it('a filtered query adds up the cells in scope', async () => {
    const view = await query.totals({ groupBy: 'category', caseId: CASE_A }, EVERY_CASE);
    expect(view.groups.map((g) => g.key)).toEqual(['cash', 'watch']);
    expect(view.total.measures).toMatchObject({
      assetsSeized: 2,
      valueSeized: gbp('34000.00'),
      receipts: 1,
      received: gbp('25000.00'),
    });
    const year = await query.totals(
      { groupBy: 'receiptType', financialYear: '2019-20' },
      EVERY_CASE,
    );
    expect(year.groups.map((g) => g.key)).toEqual(['confiscation']);
    expect(year.total.measures).toMatchObject({
      receipts: 1,
      assetsSeized: 0,
      confiscationOrders: 1,
      compensationPaid: gbp('1500.00'),
    });
  });

  it('as at a date after everything, the fold gives the live figures', async () => {
    for (const groupBy of DIMENSIONS) {
      const live = await query.totals({ groupBy }, EVERY_CASE);
      const folded = await query.totals({ groupBy, asAt: '2026-11-29' }, EVERY_CASE);
      expect({ ...folded, asAt: null }).toEqual(live);
    }
  });

  it('as at an earlier date: the earlier valuation, nothing forfeited or realised yet', async () => {
    const view = await query.totals({ groupBy: 'category', asAt: '2026-11-27' }, EVERY_CASE);
    const watch = view.groups.find((g) => g.key === 'watch')?.measures;
    expect(watch?.valueSeized).toEqual(gbp('8000.00'));
    expect(view.total.measures).toMatchObject({
      valueForfeited: gbp('0.00'),
      realisedNet: gbp('0.00'),
      valueRestrained: gbp('12000.00'),
      receipts: 2, // the two 2020 payments
    });
    const before = await query.totals({ asAt: '2020-03-01' }, EVERY_CASE);
    expect(before.total.measures).toMatchObject({
      assetsSeized: 0,
      receipts: 1,
      compensationPaid: gbp('1500.00'),
      confiscationReceived: gbp('1500.00'),
    });
    // £10,000 due 20 Feb 2020, £8,500 unpaid after the £1,500 (principal first), 10 days at 8%.
    expect(before.total.measures.interestAccrued).toEqual(gbp('18.63'));
  });
});
