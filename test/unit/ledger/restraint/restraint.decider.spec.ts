import { concurrentRestraints } from '@src/ledger/restraint/restraint.rules';
import { fold } from '@src/ledger/decider';
import {
  MakeRestraintOrder,
  RestraintAssetFacts,
  VaryRestraintOrder,
} from '@src/ledger/restraint/restraint.commands';
import { restraintDecider } from '@src/ledger/restraint/restraint.decider';
import { RestraintEvent, restraintStream } from '@src/ledger/restraint/restraint.events';
import { deciderSpec } from '../../../support/decider-spec';

const spec = deciderSpec(restraintDecider);
const now = '2026-11-29T10:00:00.000Z';
const ORDER = 'ro-1';

const held = (over: Partial<RestraintAssetFacts> = {}): RestraintAssetFacts => ({
  exists: true,
  caseId: 'case-1',
  held: true,
  restrainedBy: [],
  ...over,
});

function make(
  over: Partial<MakeRestraintOrder['data']> = {},
  context: Partial<MakeRestraintOrder['context']> = {},
) {
  const command: MakeRestraintOrder = {
    type: 'MakeRestraintOrder',
    now,
    data: {
      restraintOrderId: ORDER,
      caseId: 'case-1',
      subjectId: 'subj-1',
      orderRef: 'T20267001',
      court: 'Southwark Crown Court',
      assetIds: ['asset-car', 'asset-watch'],
      coversAllRealisableProperty: false,
      exceptions: [
        { purpose: 'living expenses', amountPerWeek: { amount: '250', currency: 'GBP' } },
      ],
      occurredAt: '2026-11-02T14:30:00+00:00',
      ...over,
    },
    context: {
      case: { exists: true, closed: false },
      subjectExists: true,
      assets: { 'asset-car': held(), 'asset-watch': held(), 'asset-yacht': held() },
      ...context,
    },
  };
  return command;
}

const made: RestraintEvent = {
  type: 'RestraintOrderMade',
  data: {
    restraintOrderId: ORDER,
    caseId: 'case-1',
    subjectId: 'subj-1',
    orderRef: 'T20267001',
    court: 'Southwark Crown Court',
    assetIds: ['asset-car', 'asset-watch'],
    coversAllRealisableProperty: false,
    exceptions: [
      { purpose: 'living expenses', amountPerWeek: { amount: '250.00', currency: 'GBP' } },
    ],
    occurredAt: '2026-11-02T14:30:00.000Z',
  },
};

function vary(
  data: Partial<VaryRestraintOrder['data']>,
  assets: VaryRestraintOrder['context']['assets'] = {},
) {
  const command: VaryRestraintOrder = {
    type: 'VaryRestraintOrder',
    now,
    data: { reason: 'further property identified', occurredAt: '2026-11-20T09:00:00Z', ...data },
    context: { assets },
  };
  return command;
}

const discharged: RestraintEvent = {
  type: 'RestraintOrderDischarged',
  data: { reason: 'confiscation order satisfied', occurredAt: '2026-11-25T10:00:00.000Z' },
};

describe('restraint orders (ss.40-41)', () => {
  it('lives in the restraint-{orderId} stream', () => {
    expect(restraintStream('ro-1')).toBe('restraint-ro-1');
  });

  describe('MakeRestraintOrder', () => {
    it('records the order with its assets and exceptions (money normalised)', () => {
      spec.given([]).when(make()).then([made]);
    });

    it('may cover all realisable property without naming assets', () => {
      spec
        .given([])
        .when(make({ assetIds: [], coversAllRealisableProperty: true, exceptions: undefined }))
        .thenMatches([
          {
            type: 'RestraintOrderMade',
            data: expect.objectContaining({ assetIds: [], coversAllRealisableProperty: true }),
          },
        ]);
    });

    it('accepts an asset already listed under this same order (a retried command)', () => {
      const assets = { 'asset-car': held({ restrainedBy: [ORDER] }), 'asset-watch': held() };
      spec.given([]).when(make({}, { assets })).then([made]);
    });

    it('refuses a second order on the same stream', () => {
      spec.given([made]).when(make()).thenRefuses('already_exists', 'restraintOrderId');
    });

    it('refuses an unknown case, a closed case and an unknown subject', () => {
      spec
        .given([])
        .when(make({}, { case: { exists: false, closed: false } }))
        .thenRefuses('not_found', 'caseId');
      spec
        .given([])
        .when(make({}, { case: { exists: true, closed: true } }))
        .thenRefuses('case_closed', 'caseId');
      spec
        .given([])
        .when(make({}, { subjectExists: false }))
        .thenRefuses('not_found', 'subjectId');
    });

    it('refuses an unknown asset', () => {
      spec
        .given([])
        .when(make({ assetIds: ['asset-car', 'asset-ghost'] }))
        .thenRefuses('not_found', 'assetIds.1');
    });

    it('refuses an asset no longer held', () => {
      const assets = { 'asset-car': held({ held: false }), 'asset-watch': held() };
      spec.given([]).when(make({}, { assets })).thenRefuses('asset_not_held', 'assetIds.0');
    });

    it('records an order over an asset under another active order (both bind it), and warns', () => {
      const assets = { 'asset-car': held(), 'asset-watch': held({ restrainedBy: ['ro-other'] }) };
      spec
        .given([])
        .when(make({}, { assets }))
        .thenMatches([{ type: 'RestraintOrderMade' }]);
      expect(
        concurrentRestraints(['asset-car', 'asset-watch'], assets, 'ro-1', 'assetIds'),
      ).toEqual([
        {
          code: 'already_restrained',
          path: 'assetIds.1',
          detail: expect.stringContaining('ro-other') as string,
          restrainedBy: ['ro-other'],
        },
      ]);
      // Not a warning about the order itself (a retry finds the asset under it).
      expect(
        concurrentRestraints(
          ['asset-watch'],
          { 'asset-watch': held({ restrainedBy: ['ro-1'] }) },
          'ro-1',
          'assetIds',
        ),
      ).toEqual([]);
    });

    it('refuses an asset of another case, a duplicate and an order with nothing to restrain', () => {
      const assets = { 'asset-car': held({ caseId: 'case-2' }), 'asset-watch': held() };
      spec.given([]).when(make({}, { assets })).thenRefuses('invalid_state', 'assetIds.0');
      spec
        .given([])
        .when(make({ assetIds: ['asset-car', 'asset-car'] }))
        .thenRefuses('invalid_state', 'assetIds.1');
      spec
        .given([])
        .when(make({ assetIds: [] }))
        .thenRefuses('invalid_state', 'assetIds');
    });

    it('refuses a bad weekly allowance', () => {
      spec
        .given([])
        .when(
          make({
            exceptions: [
              { purpose: 'legal expenses', amountPerWeek: { amount: '-5', currency: 'GBP' } },
            ],
          }),
        )
        .thenRefuses('invalid_money', 'exceptions.0.amountPerWeek.amount');
    });

    it('refuses an occurredAt in the future', () => {
      spec
        .given([])
        .when(make({ occurredAt: '2026-12-25T10:00:00Z' }))
        .thenRefuses('future_date', 'occurredAt');
    });
  });

  describe('VaryRestraintOrder', () => {
    it('adds and removes assets and replaces the exceptions', () => {
      spec
        .given([made])
        .when(
          vary(
            {
              addedAssetIds: ['asset-yacht'],
              removedAssetIds: ['asset-watch'],
              exceptions: [{ purpose: 'legal expenses' }],
            },
            { 'asset-yacht': held() },
          ),
        )
        .then([
          {
            type: 'RestraintOrderVaried',
            data: {
              addedAssetIds: ['asset-yacht'],
              removedAssetIds: ['asset-watch'],
              exceptions: [{ purpose: 'legal expenses' }],
              reason: 'further property identified',
              occurredAt: '2026-11-20T09:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses removing an asset not on the order, or adding one already on it', () => {
      spec
        .given([made])
        .when(vary({ removedAssetIds: ['asset-yacht'] }))
        .thenRefuses('invalid_state', 'removedAssetIds.0');
      spec
        .given([made])
        .when(
          vary({ addedAssetIds: ['asset-car'] }, { 'asset-car': held({ restrainedBy: [ORDER] }) }),
        )
        .thenRefuses('invalid_state', 'addedAssetIds.0');
    });

    it('checks added assets like a new order', () => {
      spec
        .given([made])
        .when(vary({ addedAssetIds: ['asset-yacht'] }))
        .thenRefuses('not_found', 'addedAssetIds.0');
      spec
        .given([made])
        .when(vary({ addedAssetIds: ['asset-yacht'] }, { 'asset-yacht': held({ held: false }) }))
        .thenRefuses('asset_not_held', 'addedAssetIds.0');
      spec
        .given([made])
        .when(
          vary(
            { addedAssetIds: ['asset-yacht'] },
            { 'asset-yacht': held({ restrainedBy: ['ro-other'] }) },
          ),
        )
        .thenMatches([{ type: 'RestraintOrderVaried' }]);
    });

    it('refuses an empty variation', () => {
      spec.given([made]).when(vary({})).thenRefuses('invalid_state');
    });

    it('refuses a missing or discharged order', () => {
      spec
        .given([])
        .when(vary({ removedAssetIds: ['asset-car'] }))
        .thenRefuses('not_found');
      spec
        .given([made, discharged])
        .when(vary({ removedAssetIds: ['asset-car'] }))
        .thenRefuses('order_discharged');
    });
  });

  describe('AppointManagementReceiver', () => {
    const appoint = (data: { receiver: string; appointedAt?: string; occurredAt?: string }) => ({
      type: 'AppointManagementReceiver' as const,
      now,
      data,
    });

    it('records the receiver and the date of appointment', () => {
      spec
        .given([made])
        .when(
          appoint({
            receiver: 'Grant Thornton UK LLP',
            appointedAt: '2026-11-10',
            occurredAt: '2026-11-10T12:00:00Z',
          }),
        )
        .then([
          {
            type: 'ManagementReceiverAppointed',
            data: {
              receiver: 'Grant Thornton UK LLP',
              appointedAt: '2026-11-10',
              occurredAt: '2026-11-10T12:00:00.000Z',
            },
          },
        ]);
    });

    it('defaults the appointment date to the London date of occurredAt', () => {
      // 23:30 UTC on 28 November is 23:30 GMT: still the 28th in London.
      spec
        .given([made])
        .when(appoint({ receiver: 'R', occurredAt: '2026-11-28T23:30:00Z' }))
        .thenMatches([
          {
            data: {
              receiver: 'R',
              appointedAt: '2026-11-28',
              occurredAt: '2026-11-28T23:30:00.000Z',
            },
          },
        ]);
    });

    it('refuses a date before the order, in the future, the same receiver twice, or after discharge', () => {
      spec
        .given([made])
        .when(appoint({ receiver: 'R', appointedAt: '2026-11-01' }))
        .thenRefuses('invalid_date', 'appointedAt');
      spec
        .given([made])
        .when(appoint({ receiver: 'R', appointedAt: '2026-12-01' }))
        .thenRefuses('future_date', 'appointedAt');
      const appointed: RestraintEvent = {
        type: 'ManagementReceiverAppointed',
        data: { receiver: 'R', appointedAt: '2026-11-10', occurredAt: '2026-11-10T12:00:00.000Z' },
      };
      spec
        .given([made, appointed])
        .when(appoint({ receiver: 'R' }))
        .thenRefuses('invalid_state', 'receiver');
      spec
        .given([made, discharged])
        .when(appoint({ receiver: 'R' }))
        .thenRefuses('order_discharged');
    });
  });

  describe('DischargeRestraintOrder', () => {
    const discharge = {
      type: 'DischargeRestraintOrder' as const,
      now,
      data: { reason: 'confiscation order satisfied', occurredAt: '2026-11-25T10:00:00Z' },
    };

    it('discharges the order', () => {
      spec.given([made]).when(discharge).then([discharged]);
    });

    it('refuses anything after discharge, and a missing order', () => {
      spec.given([made, discharged]).when(discharge).thenRefuses('order_discharged');
      spec.given([]).when(discharge).thenRefuses('not_found');
    });
  });

  it('folds to the assets covered now, the exceptions, the receiver and the status', () => {
    const state = fold(restraintDecider, [
      made,
      {
        type: 'RestraintOrderVaried',
        data: {
          addedAssetIds: ['asset-yacht'],
          removedAssetIds: ['asset-watch'],
          reason: 'r',
          occurredAt: '2026-11-20T09:00:00.000Z',
        },
      },
      {
        type: 'ManagementReceiverAppointed',
        data: { receiver: 'R', appointedAt: '2026-11-21', occurredAt: '2026-11-21T09:00:00.000Z' },
      },
    ]);
    expect(state).toMatchObject({
      exists: true,
      discharged: false,
      madeOn: '2026-11-02',
      assetIds: ['asset-car', 'asset-yacht'],
      exceptions: [
        { purpose: 'living expenses', amountPerWeek: { amount: '250.00', currency: 'GBP' } },
      ],
      receiver: { receiver: 'R', appointedAt: '2026-11-21' },
    });
    expect(restraintDecider.evolve(state, discharged).discharged).toBe(true);
  });
});
