import { addDays } from '@src/common/time';
import { EVERY_CASE } from '@src/auth/access-scope';
import { AssetEvent } from '@src/ledger/assets/asset.events';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { ProjectedEvent } from '@src/projections/projection';
import { tableNames } from '@src/projections/projection-catalog';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { decodeConfiscationState } from '@src/projections/deadlines/confiscation-state.json';
import { DeadlineRow, DeadlinesProjection } from '@src/projections/deadlines/deadlines.projection';
import { deadlinesDue, parseWithin } from '@src/projections/deadlines/deadlines.query';
import { ProjectionRunner } from '@src/projections/projection-runner';
import { makeTempDir } from '../../support/temp-dir';
import {
  bitcoin,
  extension,
  frozenAccount,
  initialDetention,
  sterlingCash,
} from '../ledger/assets/fixtures';
import {
  at,
  extensionApplied,
  gbp,
  orderMade,
  paymentReceived,
  timeExtended,
} from '../ledger/confiscation/fixtures';

type AnyEvent = { type: string; data: object };

const t = tableNames(1);
const CASE_ID = 'c-1';
const NOWISH = at('2026-12-02');

describe('deadlines projection (given events → rows)', () => {
  let dir: { path: string; remove: () => void };
  let db: SqliteReadModelDb;
  let projection: DeadlinesProjection;
  let position = 0n;

  beforeEach(() => {
    dir = makeTempDir('poca-deadlines-');
    db = new SqliteReadModelDb(dir.path);
    projection = new DeadlinesProjection();
    db.transaction(() => projection.createTables(db, t));
    position = 0n;
    revisions.clear();
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const revisions = new Map<string, bigint>();
  function apply(streamId: string, events: AnyEvent[]): void {
    db.transaction(() => {
      for (const e of events) {
        position += 1n;
        const revision = revisions.get(streamId) ?? 0n;
        revisions.set(streamId, revision + 1n);
        const event: ProjectedEvent = {
          type: e.type,
          data: e.data as ProjectedEvent['data'],
          metadata: {},
          streamId,
          revision,
          position,
          recordedAt: '2026-11-29T10:00:00.000Z',
        };
        projection.apply(db, t, event);
      }
      projection.endBatch(db, t);
    });
  }
  const asset = (id: string, events: AssetEvent[]) => apply(`asset-${id}`, events);
  const order = (id: string, events: ConfiscationEvent[]) => apply(`confiscation-${id}`, events);
  const openCase = (caseId = CASE_ID, leadAgency = 'MPS') =>
    apply(`case-${caseId}`, [
      {
        type: 'CaseOpened',
        data: {
          caseId,
          reference: 'MPS/ECU/2026/0001',
          title: 'Stimtone',
          operation: 'Stimtone',
          leadAgency,
          jurisdiction: 'E&W',
          occurredAt: '2026-11-01T09:00:00.000Z',
        },
      },
    ]);

  const rows = () =>
    db.all<DeadlineRow>(
      `SELECT * FROM ${t('deadline_items')} ORDER BY due_at, kind, source_id, seq`,
    );
  const brief = () => rows().map((r) => ({ kind: r.kind, due: r.due, dueAt: r.due_at }));

  it('cash seized Friday 10:00: the initial period ends Tuesday 10:00, before and after it is recorded', () => {
    asset('a-1', [sterlingCash]);
    expect(brief()).toEqual([
      {
        kind: 'detention_expiry',
        due: '2026-12-01T10:00:00.000Z',
        dueAt: '2026-12-01T10:00:00.000Z',
      },
    ]);
    expect(rows()[0]).toMatchObject({
      source_id: 'asset-a-1',
      case_id: 'c-1',
      asset_id: 'a-1',
      confiscation_order_id: null,
      ref: 'JS/1',
    });
    expect(rows()[0].description).toMatch(/no detention recorded/);

    asset('a-1', [initialDetention]);
    expect(brief()).toEqual([
      {
        kind: 'detention_expiry',
        due: '2026-12-01T10:00:00.000Z',
        dueAt: '2026-12-01T10:00:00.000Z',
      },
      // No cap yet: the 2 years of s.295(2)(b) begin with the date of the first extension order.
    ]);
    expect(rows()[0].description).toMatch(/^Initial detention \(s\.295\)/);
  });

  it('an extension order moves the expiry and starts the cap: the end of 2 years beginning with its date', () => {
    asset('a-1', [
      sterlingCash,
      initialDetention,
      extension('2026-12-01T10:00:00.000Z', '2027-05-28T16:00:00.000Z'),
    ]);
    expect(brief()).toEqual([
      {
        kind: 'detention_expiry',
        due: '2027-05-28T16:00:00.000Z',
        dueAt: '2027-05-28T16:00:00.000Z',
      },
      // The first order was made on 1 December 2026: day one; the last day is 30 November 2028,
      // passing at the midnight ending it (GMT).
      { kind: 'detention_cap', due: '2028-11-30', dueAt: '2028-12-01T00:00:00.000Z' },
    ]);
    expect(rows()[0].description).toBe(
      'Detention order EXT ends: apply for a further order or release',
    );
  });

  it('a first order made after a lapse starts the cap from that order', () => {
    asset('a-1', [sterlingCash, extension('2027-03-10T09:00:00.000Z', '2027-06-30T16:00:00.000Z')]);
    // 2 years beginning with 10 March 2027 end at the end of 9 March 2029 (GMT)
    expect(brief()[1]).toEqual({
      kind: 'detention_cap',
      due: '2029-03-09',
      dueAt: '2029-03-10T00:00:00.000Z',
    });
  });

  const cryptoOrder: AssetEvent = {
    type: 'DetentionOrdered',
    data: {
      kind: 'extension',
      orderRef: 'WMC/1',
      startsAt: '2027-06-15T09:00:00.000Z',
      expiresAt: '2027-12-14T09:00:00.000Z',
      lateReason: 'test',
      occurredAt: '2027-06-15T09:00:00.000Z',
    },
  };

  it('cryptoassets: the cap is 2 years (s.303Z32(2)(b)) until a s.303Z32(4) order, and passes at the midnight ending the day in BST', () => {
    asset('a-3', [bitcoin, cryptoOrder]);
    expect(brief()).toEqual([
      {
        kind: 'detention_expiry',
        due: '2027-12-14T09:00:00.000Z',
        dueAt: '2027-12-14T09:00:00.000Z',
      },
      // 2 years beginning with 15 June 2027 end with 14 June 2029, in BST: 23:00 UTC
      { kind: 'detention_cap', due: '2029-06-14', dueAt: '2029-06-14T23:00:00.000Z' },
    ]);
    expect(rows()[1].description).toMatch(/2 years .*s\.303Z32\(4\) order may extend it/);
  });

  it('cryptoassets: a s.303Z32(4) order moves the cap to the day it set (at most 3 years)', () => {
    asset('a-3', [
      bitcoin,
      cryptoOrder,
      {
        type: 'DetentionLimitExtended',
        data: {
          section: 's.303Z32(4)',
          court: 'Westminster MC',
          orderRef: 'WMC/9',
          orderDate: '2029-05-01',
          firstOrderDate: '2027-06-15',
          extendedTo: '2030-06-14',
          occurredAt: '2029-05-01T09:00:00.000Z',
        },
      },
    ]);
    expect(brief()[1]).toEqual({
      kind: 'detention_cap',
      due: '2030-06-14',
      dueAt: '2030-06-14T23:00:00.000Z',
    });
    expect(rows()[1].description).toMatch(/s\.303Z32\(4\) order of 2029-05-01/);
  });

  it('flags an order recorded under earlier rules instead of failing: 3 years for a cryptoasset without a s.303Z32(4) order', () => {
    asset('a-3', [
      bitcoin,
      cryptoOrder,
      {
        type: 'DetentionOrdered',
        data: {
          kind: 'extension',
          orderRef: 'WMC/2',
          startsAt: '2029-06-01T09:00:00.000Z',
          expiresAt: '2029-11-30T09:00:00.000Z',
          occurredAt: '2029-06-01T09:00:00.000Z',
        },
      },
    ]);
    expect(rows().map((r) => [r.kind, r.flags])).toEqual([
      ['detention_cap', '["detention_limit_exceeded"]'],
      ['detention_expiry', '["detention_limit_exceeded"]'],
    ]);
  });

  it('release, forfeiture, an application for forfeiture and voiding close the detention deadlines', () => {
    asset('a-1', [sterlingCash, initialDetention]);
    asset('a-1', [
      {
        type: 'AssetReleased',
        data: { reason: 'no_further_action', releasedTo: 'Mr A', occurredAt: at('2026-11-28') },
      },
    ]);
    expect(rows()).toEqual([]);

    asset('a-2', [{ ...sterlingCash, data: { ...sterlingCash.data, assetId: 'a-2' } }]);
    asset('a-2', [
      initialDetention,
      {
        type: 'ForfeitureApplied',
        data: { court: 'Croydon MC', appliedAt: '2026-11-30', occurredAt: at('2026-11-30') },
      },
    ]);
    expect(rows()).toEqual([]);
    // refused, still detained: the clock binds again
    asset('a-2', [
      {
        type: 'ForfeitureRefused',
        data: {
          court: 'Croydon MC',
          reason: 'adjourned',
          outcome: 'detained',
          occurredAt: at('2026-11-30'),
        },
      },
    ]);
    expect(brief().map((r) => r.kind)).toEqual(['detention_expiry']);
    asset('a-2', [{ type: 'RecordVoided', data: { reason: 'duplicate', occurredAt: NOWISH } }]);
    expect(rows()).toEqual([]);
  });

  it('a forfeiture notice opens an objection window; an objection removes it', () => {
    const notice: AssetEvent = {
      type: 'ForfeitureNoticeGiven',
      data: {
        noticeRef: 'FN/1',
        givenAt: '2026-11-28',
        objectionDeadline: '2026-12-28',
        occurredAt: at('2026-11-28'),
      },
    };
    asset('a-1', [sterlingCash, initialDetention, notice]);
    expect(brief()).toContainEqual({
      kind: 'objection_window',
      due: '2026-12-28',
      dueAt: '2026-12-29T00:00:00.000Z',
    });
    asset('a-1', [
      {
        type: 'ForfeitureObjected',
        data: { objector: 'Mr A', receivedAt: '2026-12-01', occurredAt: at('2026-12-01') },
      },
    ]);
    expect(brief().map((r) => r.kind)).toEqual(['detention_expiry']);
  });

  describe('s.297C, s.297D and s.303Z11(2): what a notice and an objection do to the clock', () => {
    const order: AssetEvent = {
      type: 'DetentionOrdered',
      data: {
        kind: 'extension',
        orderRef: 'WMC/1',
        startsAt: '2026-12-01T10:00:00.000Z',
        expiresAt: '2027-01-08T10:00:00.000Z',
        occurredAt: '2026-11-30T10:00:00.000Z',
      },
    };
    const notice = (givenAt: string): AssetEvent => ({
      type: 'ForfeitureNoticeGiven',
      data: {
        noticeRef: 'FN/1',
        givenAt,
        objectionDeadline: addDays(givenAt, 30),
        method: 'electronic',
        sentAt: `${givenAt}T10:00:00.000Z`,
        occurredAt: `${givenAt}T10:00:00.000Z`,
      },
    });
    const objected = (madeAt: string): AssetEvent => ({
      type: 'ForfeitureObjected',
      data: { objector: 'Mr A', receivedAt: madeAt.slice(0, 10), madeAt, occurredAt: madeAt },
    });

    it('s.297C: while the notice stands, no detention expiry or cap is raised, only the objection window', () => {
      asset('a-1', [sterlingCash, initialDetention, order, notice('2026-12-02')]);
      expect(brief()).toEqual([
        { kind: 'objection_window', due: '2027-01-01', dueAt: '2027-01-02T00:00:00.000Z' },
      ]);
    });

    it('an objection while the order runs brings its expiry back', () => {
      asset('a-1', [
        sterlingCash,
        initialDetention,
        order,
        notice('2026-12-02'),
        objected('2027-01-08T10:00:00.000Z'),
      ]);
      expect(brief().map((r) => [r.kind, r.due])).toEqual([
        ['detention_expiry', '2027-01-08T10:00:00.000Z'],
        ['detention_cap', '2028-11-29'],
      ]);
    });

    it('s.297D: an objection after the order ended gives 48 more counted hours: Friday 10:00 → Tuesday 10:00', () => {
      asset('a-1', [
        sterlingCash,
        initialDetention,
        order,
        notice('2026-12-10'),
        objected('2027-01-08T10:00:01.000Z'),
      ]);
      expect(brief()).toEqual([
        {
          kind: 'notice_lapsed_detention',
          due: '2027-01-12T10:00:01.000Z',
          dueAt: '2027-01-12T10:00:01.000Z',
        },
      ]);
      expect(rows()[0].description).toMatch(/s\.297D/);
    });

    it('s.303Z11(2): an objection to an account forfeiture notice: the freezing order ceases 48 hours later (real hours)', () => {
      asset('a-4', [frozenAccount, notice('2026-12-02'), objected('2026-12-04T15:00:00.000Z')]);
      expect(brief().map((r) => [r.kind, r.due])).toContainEqual([
        'afo_ceases_after_objection',
        '2026-12-06T15:00:00.000Z',
      ]);
      asset('a-4', [
        {
          type: 'ForfeitureApplied',
          data: { court: 'Croydon MC', appliedAt: '2026-12-05', occurredAt: at('2026-12-05') },
        },
      ]);
      expect(brief().map((r) => r.kind)).not.toContain('afo_ceases_after_objection');
    });
  });

  it('an unobjected notice that ends in forfeiture leaves nothing', () => {
    asset('a-1', [
      sterlingCash,
      initialDetention,
      {
        type: 'ForfeitureNoticeGiven',
        data: {
          noticeRef: 'FN/1',
          givenAt: '2026-11-28',
          objectionDeadline: '2026-12-28',
          occurredAt: at('2026-11-28'),
        },
      },
      {
        type: 'AssetForfeited',
        data: {
          route: 'notice_s297A',
          amount: gbp('15000.00'),
          gbpAmount: gbp('15000.00'),
          occurredAt: at('2026-12-29'),
        },
      },
    ]);
    expect(rows()).toEqual([]);
  });

  it('an account freezing order with no period recorded: at most the end of 2 years starting with the day it was made (s.303Z3(4))', () => {
    // Made Friday 27 November 2026: 2 years starting with that day end with 26 November 2028.
    asset('a-4', [frozenAccount]);
    expect(brief()).toEqual([
      { kind: 'afo_expiry', due: '2028-11-26', dueAt: '2028-11-27T00:00:00.000Z' },
    ]);
    expect(rows()[0]).toMatchObject({ ref: 'JS/4', asset_id: 'a-4' });
    expect(rows()[0].description).toMatch(/no period recorded/);
  });

  it('an account freezing order ends when the court specified, and moves with a variation (s.303Z4)', () => {
    const period = (kind: 'made' | 'variation', expiresOn: string): AssetEvent => ({
      type: 'FreezingOrderPeriodSet',
      data: {
        kind,
        court: 'Westminster MC',
        orderRef: 'AFO/1',
        madeOn: '2026-11-27',
        expiresOn,
        occurredAt: at('2026-11-27'),
      },
    });
    asset('a-4', [frozenAccount, period('made', '2027-05-26')]);
    expect(brief()).toEqual([
      { kind: 'afo_expiry', due: '2027-05-26', dueAt: '2027-05-26T23:00:00.000Z' },
    ]);
    asset('a-4', [period('variation', '2027-11-26')]);
    expect(brief()[0].due).toBe('2027-11-26');
    expect(rows()[0].description).toMatch(/as varied under s\.303Z4/);
  });

  it('no deadlines for an evidential (PACE) seizure', () => {
    asset('a-5', [
      { ...sterlingCash, data: { ...sterlingCash.data, assetId: 'a-5', power: 'PACE_S19' } },
    ]);
    expect(rows()).toEqual([]);
  });

  describe('time to pay', () => {
    const ttp = () =>
      rows()
        .filter((r) => r.kind === 'time_to_pay')
        .map((r) => ({ seq: r.seq, due: r.due, dueAt: r.due_at, ref: r.ref }));

    it('one row per unpaid instalment; a paid instalment leaves the list', () => {
      order('co-1', [orderMade]);
      expect(ttp()).toEqual([
        { seq: 0, due: '2020-02-20', dueAt: '2020-02-21T00:00:00.000Z', ref: 'T20197001' },
        { seq: 1, due: '2020-04-20', dueAt: '2020-04-20T23:00:00.000Z', ref: 'T20197001' },
      ]);
      expect(rows()[0]).toMatchObject({
        source_id: 'confiscation-co-1',
        case_id: 'case-1',
        confiscation_order_id: 'co-1',
        asset_id: null,
        description: 'Instalment 1 of 2: £10000.00 of £10000.00 due',
      });

      order('co-1', [paymentReceived('r-1', '4000', '2020-02-10')]);
      expect(rows()[0].description).toBe(
        'Instalment 1 of 2: £6000.00 of £10000.00 due (£4000.00 paid)',
      );
      order('co-1', [paymentReceived('r-2', '6000', '2020-02-20')]);
      expect(ttp().map((r) => r.seq)).toEqual([1]);
    });

    it('an extension of time to pay moves the due date', () => {
      order('co-1', [orderMade, extensionApplied('2020-04-06')]);
      expect(rows()[1].description).toMatch(/an extension of time to pay is applied for$/);
      order('co-1', [timeExtended('2020-04-15', 1, '2020-07-20')]);
      expect(ttp()[1]).toEqual({
        seq: 1,
        due: '2020-07-20',
        dueAt: '2020-07-20T23:00:00.000Z',
        ref: 'T20197001',
      });
      expect(rows()[1].description).toBe(
        'Instalment 2 of 2: £80000.00 of £80000.00 due (first due 2020-04-20)',
      );
    });

    it('a variation replaces the schedule; paying everything satisfies the order', () => {
      order('co-1', [
        orderMade,
        {
          type: 'ConfiscationOrderVaried',
          data: {
            section: 's23',
            newAvailableAmount: gbp('60000.00'),
            newOrderAmount: gbp('60000.00'),
            instalments: [
              { amount: gbp('10000.00'), dueDate: '2020-02-20' },
              { amount: gbp('25000.00'), dueDate: '2020-03-20' },
              { amount: gbp('25000.00'), dueDate: '2020-04-20' },
            ],
            reason: 'home equity fell',
            warnings: [],
            occurredAt: at('2020-02-01'),
          },
        },
      ]);
      expect(ttp().map((r) => [r.seq, r.due])).toEqual([
        [0, '2020-02-20'],
        [1, '2020-03-20'],
        [2, '2020-04-20'],
      ]);
      order('co-1', [paymentReceived('r-1', '60000', '2020-02-15')]);
      expect(rows()).toEqual([]);
    });

    it('the stored state reads back into the same Money-valued state', () => {
      order('co-1', [orderMade, paymentReceived('r-1', '4000', '2020-02-10')]);
      const stored = db.get<{ state: string }>(
        `SELECT state FROM ${t('deadline_order_state')} WHERE order_id = ?`,
        'co-1',
      );
      const state = decodeConfiscationState(stored?.state);
      expect(state.order?.orderAmount.toJSON()).toEqual(gbp('90000.00'));
      expect(state.payments[0].amount.toJSON()).toEqual(gbp('4000.00'));
      expect(state.schedules[0].instalments[1].amount.toJSON()).toEqual(gbp('80000.00'));
    });
  });

  it('is deterministic: the same events give identical tables (R6)', () => {
    const history = () => {
      openCase();
      asset('a-1', [sterlingCash, initialDetention]);
      asset('a-4', [frozenAccount]);
      order('co-1', [orderMade, paymentReceived('r-1', '10000', '2020-02-20')]);
    };
    history();
    const first = JSON.stringify(rows());
    const other = makeTempDir('poca-deadlines-');
    const db2 = new SqliteReadModelDb(other.path);
    const p2 = new DeadlinesProjection();
    try {
      db2.transaction(() => p2.createTables(db2, t));
      const saved = { db, projection };
      db = db2;
      projection = p2;
      history();
      expect(JSON.stringify(rows())).toBe(first);
      db = saved.db;
      projection = saved.projection;
    } finally {
      db2.close();
      other.remove();
    }
  });

  describe('the query', () => {
    const runner = { tables: () => t } as unknown as ProjectionRunner;

    beforeEach(() => {
      openCase();
      asset('a-1', [sterlingCash, initialDetention]); // expires 2026-12-01T10:00Z
      asset('a-4', [frozenAccount]); // AFO to 2028-11-26
      order('co-1', [
        { ...orderMade, data: { ...orderMade.data, caseId: CASE_ID } } as typeof orderMade,
      ]);
    });

    it('soonest first, overdue first and flagged, only what falls due within the period', () => {
      const now = new Date('2026-11-30T10:00:00.000Z');
      const answer = deadlinesDue(db, runner, now, 'P14D', {}, EVERY_CASE);
      expect(answer.asOf).toBe('2026-11-30T10:00:00.000Z');
      expect(
        answer.items.map((i) => [i.kind, i.due, i.overdue, i.daysLeft ?? i.hoursLeft]),
      ).toEqual([
        ['time_to_pay', '2020-02-20', true, -2475],
        ['time_to_pay', '2020-04-20', true, -2415],
        ['detention_expiry', '2026-12-01T10:00:00.000Z', false, 24],
      ]);
      expect(answer.items[2]).toMatchObject({
        caseId: CASE_ID,
        caseReference: 'MPS/ECU/2026/0001',
        operation: 'Stimtone',
        agency: 'MPS',
        assetId: 'a-1',
        ref: 'JS/1',
      });
      expect(answer.items[0]).toMatchObject({ confiscationOrderId: 'co-1', instalment: 0 });

      expect(
        deadlinesDue(db, runner, now, 'PT12H', {}, EVERY_CASE).items.map((i) => i.kind),
      ).toEqual(['time_to_pay', 'time_to_pay']);
      expect(
        deadlinesDue(db, runner, now, 'P105W', { kind: 'afo_expiry' }, EVERY_CASE).items.map(
          (i) => i.due,
        ),
      ).toEqual(['2028-11-26']);
      expect(deadlinesDue(db, runner, now, 'P14D', { agency: 'NCA' }, EVERY_CASE).items).toEqual(
        [],
      );
    });

    it('a deadline passes at its instant: overdue one millisecond after', () => {
      const before = deadlinesDue(
        db,
        runner,
        new Date('2026-12-01T10:00:00.000Z'),
        'P1D',
        { kind: 'detention_expiry' },
        EVERY_CASE,
      );
      expect(before.items[0]).toMatchObject({ overdue: false, hoursLeft: 0 });
      const after = deadlinesDue(
        db,
        runner,
        new Date('2026-12-01T10:00:00.001Z'),
        'P1D',
        { kind: 'detention_expiry' },
        EVERY_CASE,
      );
      expect(after.items[0]).toMatchObject({ overdue: true, hoursLeft: -0.1 });
    });
  });

  it('within: PnD, PTnH, PnW only', () => {
    expect(parseWithin('P14D')).toBe(14 * 24 * 3_600_000);
    expect(parseWithin('PT48H')).toBe(48 * 3_600_000);
    expect(parseWithin('P2W')).toBe(14 * 24 * 3_600_000);
    for (const bad of ['14D', 'P1M', 'P1Y', 'P1DT2H', 'PT30M', 'p14d', 'P-1D', '', 'P99999D']) {
      expect(parseWithin(bad)).toBeUndefined();
    }
  });
});
