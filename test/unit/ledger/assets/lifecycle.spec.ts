import { MoneyJson } from '@src/common/money';
import { AssetCommand } from '@src/ledger/assets/asset.commands';
import { assetDecider } from '@src/ledger/assets/asset.decider';
import { AssetEvent } from '@src/ledger/assets/asset.events';
import { fold } from '@src/ledger/decider';
import {
  command,
  initialDetention,
  listedWatch,
  NOW,
  OPEN_CASE,
  restrained,
  seizure,
  spec,
  sterlingCash,
} from './fixtures';

const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });

const lifted = (restraintOrderId: string): AssetEvent => ({
  type: 'AssetRestraintLifted',
  data: { restraintOrderId, occurredAt: NOW },
});

/** One command of every type other than SeizeAsset, each valid against a held asset. */
const everyCommand: AssetCommand[] = [
  command('ChangeLegalBasis', { to: 'PACE_S19', reason: 'r' }),
  command('TransferCustody', { to: 'Elsewhere', reason: 'r' }),
  command('OrderDetention', { kind: 'initial' }),
  command('ValueAsset', {
    valuationId: 'v-9',
    basis: 'market',
    value: gbp('1.00'),
    valuedAsAt: '2026-11-27',
    valuer: 'V',
  }),
  command('WithdrawValuation', { valuationId: 'v-1', reason: 'r' }),
  command('GiveForfeitureNotice', { noticeRef: 'N' }),
  command('ObjectToForfeiture', { objector: 'O' }),
  command('ApplyForForfeiture', { court: 'C' }),
  command('ForfeitAsset', { route: 'cash_s298' }),
  command('RefuseForfeiture', { court: 'C', reason: 'r' }),
  command('PlaceUnderRestraint', { restraintOrderId: 'r-9' }),
  command('RealiseAsset', { grossProceeds: gbp('1.00'), costs: gbp('0.00'), realisedBy: 'R' }),
  command('ReleaseAsset', { reason: 'no_further_action', releasedTo: 'Mr A' }),
  command('DestroyAsset', { reason: 'r', authority: 'a' }),
  command('VoidRecord', { reason: 'r' }),
];

describe('AssetPlacedUnderRestraint / AssetRestraintLifted', () => {
  it('places an asset under a restraint order', () => {
    spec
      .given([sterlingCash])
      .when(command('PlaceUnderRestraint', { restraintOrderId: 'r-1' }))
      .then([restrained('r-1')]);
    expect(spec.given([sterlingCash, restrained('r-1')]).state.restrainedBy).toEqual(['r-1']);
  });

  it('is a no-op for the same order again', () => {
    spec
      .given([sterlingCash, restrained('r-1')])
      .when(command('PlaceUnderRestraint', { restraintOrderId: 'r-1' }))
      .then([]);
  });

  it('places it under a second active order too (co-defendants, joint property): both bind it', () => {
    spec
      .given([sterlingCash, restrained('r-1')])
      .when(command('PlaceUnderRestraint', { restraintOrderId: 'r-2' }))
      .then([restrained('r-2')]);
    const both = spec.given([sterlingCash, restrained('r-1'), restrained('r-2')]);
    expect(both.state.restrainedBy).toEqual(['r-1', 'r-2']);
    both
      .when(command('ReleaseAsset', { reason: 'no_further_action', releasedTo: 'Mr A' }))
      .thenRefuses('asset_restrained');
    spec
      .given([sterlingCash, restrained('r-1'), restrained('r-2'), lifted('r-1')])
      .when(command('ReleaseAsset', { reason: 'no_further_action', releasedTo: 'Mr A' }))
      .thenRefuses('asset_restrained');
  });

  it('accepts another order once the first is lifted', () => {
    spec
      .given([sterlingCash, restrained('r-1'), lifted('r-1')])
      .when(command('PlaceUnderRestraint', { restraintOrderId: 'r-2' }))
      .then([restrained('r-2')]);
  });

  it('lifts an order, and is a no-op for an order it is not under', () => {
    spec
      .given([sterlingCash, restrained('r-1')])
      .when(command('LiftRestraint', { restraintOrderId: 'r-1' }))
      .then([lifted('r-1')]);
    spec
      .given([sterlingCash, restrained('r-1')])
      .when(command('LiftRestraint', { restraintOrderId: 'r-2' }))
      .then([]);
    expect(spec.given([sterlingCash, restrained('r-1'), lifted('r-1')]).state.restrainedBy).toEqual(
      [],
    );
  });

  it('lifts an order from an asset a receiver has realised', () => {
    const realised: AssetEvent = {
      type: 'AssetRealised',
      data: {
        grossProceeds: gbp('7000.00'),
        costs: gbp('0.00'),
        netProceeds: gbp('7000.00'),
        realisedBy: 'Receiver',
        occurredAt: NOW,
      },
    };
    spec
      .given([listedWatch, restrained('r-1'), realised])
      .when(command('LiftRestraint', { restraintOrderId: 'r-1' }))
      .then([lifted('r-1')]);
  });
});

describe('AssetReleased', () => {
  it('releases an asset', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(command('ReleaseAsset', { reason: 'detention_expired', releasedTo: 'Mr A' }))
      .then([
        {
          type: 'AssetReleased',
          data: { reason: 'detention_expired', releasedTo: 'Mr A', occurredAt: NOW },
        },
      ]);
  });

  it('refuses to release an asset under an active restraint order', () => {
    spec
      .given([sterlingCash, restrained('r-1')])
      .when(command('ReleaseAsset', { reason: 'owner_claim', releasedTo: 'Mr A' }))
      .thenRefuses('asset_restrained');
  });

  it('releases it once the order is lifted', () => {
    spec
      .given([sterlingCash, restrained('r-1'), lifted('r-1')])
      .when(command('ReleaseAsset', { reason: 'owner_claim', releasedTo: 'Mr A' }))
      .thenMatches([{ type: 'AssetReleased' }]);
  });
});

describe('AssetRealised', () => {
  it('computes net proceeds from gross and costs, carrying the confiscation order', () => {
    spec
      .given([listedWatch])
      .when(
        command('RealiseAsset', {
          grossProceeds: gbp('12000'),
          costs: gbp('850.5'),
          realisedBy: 'Bonhams',
          confiscationOrderId: 'co-1',
        }),
      )
      .then([
        {
          type: 'AssetRealised',
          data: {
            grossProceeds: gbp('12000.00'),
            costs: gbp('850.50'),
            netProceeds: gbp('11149.50'),
            realisedBy: 'Bonhams',
            confiscationOrderId: 'co-1',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('accepts zero costs and zero proceeds', () => {
    spec
      .given([listedWatch])
      .when(
        command('RealiseAsset', {
          grossProceeds: gbp('0.00'),
          costs: gbp('0.00'),
          realisedBy: 'R',
        }),
      )
      .thenMatches([{ data: expect.objectContaining({ netProceeds: gbp('0.00') }) }]);
  });

  it('never takes net proceeds from the client', () => {
    const data = {
      grossProceeds: gbp('100.00'),
      costs: gbp('10.00'),
      netProceeds: gbp('100.00'),
      realisedBy: 'R',
    };
    spec
      .given([listedWatch])
      .when(command('RealiseAsset', data))
      .thenMatches([{ data: expect.objectContaining({ netProceeds: gbp('90.00') }) }]);
  });

  it.each([
    ['costs above gross', { grossProceeds: gbp('100.00'), costs: gbp('100.01') }, 'costs'],
    ['negative gross', { grossProceeds: gbp('-1.00'), costs: gbp('0.00') }, 'grossProceeds.amount'],
    ['negative costs', { grossProceeds: gbp('100.00'), costs: gbp('-1.00') }, 'costs.amount'],
    [
      'costs in another currency',
      { grossProceeds: gbp('100.00'), costs: { amount: '1.00', currency: 'EUR' } },
      'costs.currency',
    ],
  ])('refuses %s', (_what, money, field) => {
    spec
      .given([listedWatch])
      .when(command('RealiseAsset', { ...money, realisedBy: 'R' }))
      .thenRefuses('invalid_money', field);
  });

  describe('under a restraint order (s.41(1): no dealing with restrained property)', () => {
    const sale = {
      grossProceeds: gbp('100.00'),
      costs: gbp('0.00'),
      realisedBy: 'Enforcement receiver',
    };
    const authority = 'Enforcement receiver appointed under s.50, Southwark Crown Court';

    it("refuses a realisation without the court's authority", () => {
      spec
        .given([listedWatch, restrained('r-1')])
        .when(command('RealiseAsset', sale))
        .thenRefuses('asset_restrained', 'courtAuthority');
    });

    it('refuses a blank authority', () => {
      spec
        .given([listedWatch, restrained('r-1')])
        .when(command('RealiseAsset', { ...sale, courtAuthority: '  ' }))
        .thenRefuses('asset_restrained', 'courtAuthority');
    });

    it('realises with it, and records it', () => {
      const events = spec
        .given([listedWatch, restrained('r-1')])
        .when(command('RealiseAsset', { ...sale, courtAuthority: authority }))
        .events();
      expect(events).toMatchObject([
        { type: 'AssetRealised', data: { courtAuthority: authority } },
      ]);
    });

    it('realises without one once the order is lifted, and records none', () => {
      const events = spec
        .given([listedWatch, restrained('r-1'), lifted('r-1')])
        .when(command('RealiseAsset', sale))
        .events();
      expect(events).toHaveLength(1);
      expect(events[0].data).not.toHaveProperty('courtAuthority');
    });

    it("refuses a destruction without the court's authority, and destroys with it", () => {
      const destroy = { reason: 'Counterfeit', authority: 'DI Patel' };
      spec
        .given([listedWatch, restrained('r-1')])
        .when(command('DestroyAsset', destroy))
        .thenRefuses('asset_restrained', 'courtAuthority');
      const events = spec
        .given([listedWatch, restrained('r-1')])
        .when(command('DestroyAsset', { ...destroy, courtAuthority: authority }))
        .events();
      expect(events).toMatchObject([
        { type: 'AssetDestroyed', data: { courtAuthority: authority } },
      ]);
    });
  });

  it('exposes the realisation', () => {
    const events = spec
      .given([listedWatch])
      .when(
        command('RealiseAsset', {
          grossProceeds: gbp('100.00'),
          costs: gbp('10.00'),
          realisedBy: 'R',
        }),
      )
      .events();
    const { state } = spec.given([listedWatch, ...events]);
    expect(state.status).toBe('realised');
    expect(state.realisation).toMatchObject({ netProceeds: gbp('90.00'), realisedBy: 'R' });
  });
});

describe('AssetDestroyed', () => {
  it('destroys an asset', () => {
    spec
      .given([listedWatch])
      .when(command('DestroyAsset', { reason: 'Counterfeit', authority: 'Insp Lee' }))
      .then([
        {
          type: 'AssetDestroyed',
          data: { reason: 'Counterfeit', authority: 'Insp Lee', occurredAt: NOW },
        },
      ]);
  });
});

describe('terminal states', () => {
  const released: AssetEvent = {
    type: 'AssetReleased',
    data: { reason: 'no_further_action', releasedTo: 'Mr A', occurredAt: NOW },
  };
  const realised: AssetEvent = {
    type: 'AssetRealised',
    data: {
      grossProceeds: gbp('1.00'),
      costs: gbp('0.00'),
      netProceeds: gbp('1.00'),
      realisedBy: 'R',
      occurredAt: NOW,
    },
  };
  const destroyed: AssetEvent = {
    type: 'AssetDestroyed',
    data: { reason: 'r', authority: 'a', occurredAt: NOW },
  };

  describe.each([
    ['released', released],
    ['realised', realised],
    ['destroyed', destroyed],
  ])('%s', (status, terminal) => {
    it('is the status', () => {
      expect(spec.given([sterlingCash, terminal]).state.status).toBe(status);
    });

    it.each(everyCommand.filter((c) => c.type !== 'VoidRecord').map((c) => [c.type, c] as const))(
      'refuses %s with asset_not_held',
      (_type, cmd) => {
        spec.given([sterlingCash, terminal]).when(cmd).thenRefuses('asset_not_held');
      },
    );

    it('can still be voided', () => {
      spec
        .given([sterlingCash, terminal])
        .when(command('VoidRecord', { reason: 'Duplicate' }))
        .thenMatches([{ type: 'RecordVoided' }]);
    });
  });
});

describe('RecordVoided', () => {
  const voided: AssetEvent = {
    type: 'RecordVoided',
    data: { reason: 'Duplicate entry', occurredAt: NOW },
  };

  it('voids a record, keeping its history', () => {
    spec
      .given([sterlingCash, initialDetention])
      .when(command('VoidRecord', { reason: 'Duplicate entry' }))
      .then([voided]);
    const { state } = spec.given([sterlingCash, initialDetention, voided]);
    expect(state).toMatchObject({
      status: 'voided',
      voided: { reason: 'Duplicate entry' },
      version: 3,
    });
  });

  it.each(everyCommand.map((c) => [c.type, c] as const))(
    'refuses %s afterwards with asset_not_held',
    (_type, cmd) => {
      spec.given([sterlingCash, voided]).when(cmd).thenRefuses('asset_not_held');
    },
  );

  it('refuses to lift a restraint from a voided record', () => {
    spec
      .given([sterlingCash, restrained('r-1'), voided])
      .when(command('LiftRestraint', { restraintOrderId: 'r-1' }))
      .thenRefuses('asset_not_held');
  });
});

describe('an asset that does not exist', () => {
  it.each(
    [...everyCommand, command('LiftRestraint', { restraintOrderId: 'r-1' })].map(
      (c) => [c.type, c] as const,
    ),
  )('refuses %s with not_found', (_type, cmd) => {
    spec.given([]).when(cmd).thenRefuses('not_found');
  });

  it('can be seized', () => {
    spec
      .given([])
      .when(command('SeizeAsset', { ...seizure, declared: gbp('15000.00') }, NOW, OPEN_CASE))
      .then([sterlingCash]);
  });
});

describe('occurredAt', () => {
  it('refuses a command dated in the future', () => {
    spec
      .given([sterlingCash])
      .when(
        command('TransferCustody', { to: 'X', reason: 'r', occurredAt: '2026-11-27T13:00:00Z' }),
      )
      .thenRefuses('future_date', 'occurredAt');
  });

  it('counts the events on the stream', () => {
    expect(
      spec.given([sterlingCash, initialDetention, restrained('r-1'), lifted('r-1')]).state.version,
    ).toBe(4);
  });
});

describe('the command context', () => {
  it('never reaches the events', () => {
    const cmd = command('SeizeAsset', { ...seizure, declared: gbp('15000.00') }, NOW, OPEN_CASE);
    const events = assetDecider.decide(cmd, fold(assetDecider, []));
    expect(events).toHaveLength(1);
    for (const event of events) expect(event.data).not.toHaveProperty('context');
    expect(events[0].data).not.toHaveProperty('case');
  });
});
