import { MoneyJson } from '@src/common/money';
import {
  command,
  EUR_RATE,
  listedWatch,
  NOW,
  paceVehicle,
  seized,
  spec,
  sterlingCash,
} from './fixtures';

const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });

const paceCash = (declared: MoneyJson, more = {}) =>
  seized({ power: 'PACE_S19', declared, ...more });

const paceWatch = seized({
  power: 'PACE_S19',
  category: 'watch',
  declared: gbp('800.00'),
  declaredGbp: gbp('800.00'),
});

describe('LegalBasisChanged', () => {
  it('re-bases a PACE evidential hold to s.294 cash', () => {
    spec
      .given([paceCash(gbp('5000.00'), { declaredGbp: gbp('5000.00') })])
      .when(
        command('ChangeLegalBasis', {
          to: 'POCA_S294_CASH',
          reason: 'No longer needed as evidence',
        }),
      )
      .then([
        {
          type: 'LegalBasisChanged',
          data: {
            from: 'PACE_S19',
            to: 'POCA_S294_CASH',
            reason: 'No longer needed as evidence',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('holds the asset under the new power from then on', () => {
    const { state } = spec.given([
      paceCash(gbp('5000.00'), { declaredGbp: gbp('5000.00') }),
      {
        type: 'LegalBasisChanged',
        data: { from: 'PACE_S19', to: 'POCA_S294_CASH', reason: 'r', occurredAt: NOW },
      },
    ]);
    expect(state).toMatchObject({ power: 'POCA_S294_CASH', powerSince: NOW, version: 2 });
  });

  it('applies the minimum to the new power', () => {
    spec
      .given([paceCash(gbp('900.00'), { declaredGbp: gbp('900.00') })])
      .when(command('ChangeLegalBasis', { to: 'POCA_S294_CASH', reason: 'r' }))
      .thenRefuses('below_minimum_amount', 'to');
  });

  it('needs a rate for foreign cash seized without one, and records it', () => {
    const given = [paceCash({ amount: '2000.00', currency: 'EUR' })];
    spec
      .given(given)
      .when(command('ChangeLegalBasis', { to: 'POCA_S294_CASH', reason: 'r' }))
      .thenRefuses('fx_rate_required', 'fx');
    spec
      .given(given)
      .when(command('ChangeLegalBasis', { to: 'POCA_S294_CASH', reason: 'r', fx: [EUR_RATE] }))
      .then([
        {
          type: 'LegalBasisChanged',
          data: {
            from: 'PACE_S19',
            to: 'POCA_S294_CASH',
            reason: 'r',
            fx: [EUR_RATE],
            declaredGbp: gbp('1713.40'),
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('measures a listed asset by a listed aggregate given with the change', () => {
    spec
      .given([paceWatch])
      .when(command('ChangeLegalBasis', { to: 'POCA_S303J_LISTED', reason: 'r' }))
      .thenRefuses('below_minimum_amount', 'to');
    spec
      .given([paceWatch])
      .when(
        command('ChangeLegalBasis', {
          to: 'POCA_S303J_LISTED',
          reason: 'r',
          listedAggregate: gbp('999.99'),
        }),
      )
      .thenRefuses('below_minimum_amount', 'listedAggregate');
    spec
      .given([paceWatch])
      .when(
        command('ChangeLegalBasis', {
          to: 'POCA_S303J_LISTED',
          reason: 'r',
          listedAggregate: gbp('3000'),
        }),
      )
      .thenMatches([
        {
          type: 'LegalBasisChanged',
          data: expect.objectContaining({
            listedAggregate: gbp('3000.00'),
            listedAggregateGbp: gbp('3000.00'),
          }),
        },
      ]);
  });

  it('measures by the current valuation when there is one', () => {
    spec
      .given([
        paceWatch,
        {
          type: 'AssetValued',
          data: {
            valuationId: 'v-1',
            basis: 'market',
            value: gbp('2000.00'),
            gbpValue: gbp('2000.00'),
            valuedAsAt: '2026-11-27',
            valuer: 'Watchfinder',
            occurredAt: NOW,
          },
        },
      ])
      .when(command('ChangeLegalBasis', { to: 'POCA_S303J_LISTED', reason: 'r' }))
      .thenMatches([{ type: 'LegalBasisChanged' }]);
  });

  it.each([
    ['the cash power for a vehicle', 'POCA_S294_CASH'],
    ['a restraint order', 'RESTRAINT_S41'],
    ['an AFO for a vehicle', 'POCA_S303Z1_AFO'],
  ] as const)('refuses %s', (_what, to) => {
    spec
      .given([paceVehicle])
      .when(command('ChangeLegalBasis', { to, reason: 'r' }))
      .thenRefuses('power_not_applicable', 'to');
  });

  it('refuses s.47C for cash held under PACE', () => {
    spec
      .given([paceCash(gbp('5000.00'))])
      .when(command('ChangeLegalBasis', { to: 'POCA_S47C', reason: 'r' }))
      .thenRefuses('power_not_applicable', 'to');
  });

  it('refuses a change to the power it is already held under', () => {
    spec
      .given([sterlingCash])
      .when(command('ChangeLegalBasis', { to: 'POCA_S294_CASH', reason: 'r' }))
      .thenRefuses('invalid_state', 'to');
  });

  it('refuses a listed aggregate for any other power', () => {
    spec
      .given([listedWatch])
      .when(
        command('ChangeLegalBasis', {
          to: 'PACE_S19',
          reason: 'r',
          listedAggregate: gbp('9000.00'),
        }),
      )
      .thenRefuses('invalid_money', 'listedAggregate');
  });
});

describe('CustodyTransferred', () => {
  it('moves custody from where it is now', () => {
    spec
      .given([sterlingCash])
      .when(
        command('TransferCustody', {
          to: 'Lambeth cash office',
          sealNumber: 'S-991',
          reason: 'Banking',
        }),
      )
      .then([
        {
          type: 'CustodyTransferred',
          data: {
            from: 'Croydon property store',
            to: 'Lambeth cash office',
            sealNumber: 'S-991',
            reason: 'Banking',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('updates the custody location', () => {
    const { state } = spec.given([
      sterlingCash,
      {
        type: 'CustodyTransferred',
        data: { from: 'Croydon property store', to: 'Lambeth', reason: 'r', occurredAt: NOW },
      },
    ]);
    expect(state.custodyLocation).toBe('Lambeth');
  });

  it('refuses a move to where it already is', () => {
    spec
      .given([sterlingCash])
      .when(command('TransferCustody', { to: 'Croydon property store', reason: 'r' }))
      .thenRefuses('invalid_state', 'to');
  });
});
