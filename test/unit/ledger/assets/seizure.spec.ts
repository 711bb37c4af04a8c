import { MoneyJson } from '@src/common/money';
import { SeizeAsset } from '@src/ledger/assets/asset.commands';
import { assetStream } from '@src/ledger/assets/asset.events';
import { thresholds } from '@src/ledger/assets/minimum-amount.rules';
import {
  BTC_PRICE,
  command,
  EUR_RATE,
  OPEN_CASE,
  SEIZED_AT,
  seized,
  seizure,
  spec,
  sterlingCash,
} from './fixtures';

const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });
const eur = (amount: string): MoneyJson => ({ amount, currency: 'EUR' });

type SeizeData = Parameters<typeof command<'SeizeAsset'>>[1];
type SeizeContext = SeizeAsset['context'];

function seize(
  data: Partial<SeizeData>,
  context: SeizeContext = OPEN_CASE,
  now = '2026-11-27T12:00:00Z',
) {
  return command('SeizeAsset', { ...seizure, ...data }, now, context);
}

describe('AssetSeized', () => {
  it('names its stream asset-{assetId}', () => {
    expect(assetStream('a-1')).toBe('asset-a-1');
  });

  it('records sterling cash under s.294 with its sterling equivalent', () => {
    spec
      .given([])
      .when(seize({ declared: gbp('15000.00') }))
      .then([sterlingCash]);
  });

  it('records euro cash with the rate used: EUR 12,500.00 at 0.8567 is GBP 10,708.75', () => {
    spec
      .given([])
      .when(seize({ declared: eur('12500.00'), fx: [EUR_RATE] }))
      .then([
        seized({
          declared: eur('12500.00'),
          fx: [EUR_RATE],
          declaredGbp: gbp('10708.75'),
        }),
      ]);
  });

  it('normalises amounts to the currency minor units and instants to UTC', () => {
    spec
      .given([])
      .when(seize({ declared: gbp('15000'), occurredAt: '2026-11-27T10:00:00+00:00' }))
      .then([sterlingCash]);
  });

  it('sums a cash breakdown by currency into its sterling equivalent', () => {
    spec
      .given([])
      .when(
        seize({
          declared: gbp('1028.35'),
          cashBreakdown: [gbp('600.00'), eur('500.00')],
          fx: [EUR_RATE],
        }),
      )
      .then([
        seized({
          declared: gbp('1028.35'),
          cashBreakdown: [gbp('600.00'), eur('500.00')],
          fx: [EUR_RATE],
          declaredGbp: gbp('1028.35'),
        }),
      ]);
  });

  it('refuses a declared total that does not match the breakdown', () => {
    spec
      .given([])
      .when(
        seize({
          declared: gbp('1100.00'),
          cashBreakdown: [gbp('600.00'), eur('500.00')],
          fx: [EUR_RATE],
        }),
      )
      .thenRefuses('invalid_money', 'declared');
  });

  it('keeps the intelligence source and the person it was seized from', () => {
    const intelligence = { sourceType: 'retailer', reference: 'INT-7', confidential: true };
    spec
      .given([])
      .when(seize({ declared: gbp('15000.00'), seizedFrom: 's-1', intelligence }))
      .then([seized({ ...sterlingCash.data, seizedFrom: 's-1', intelligence })]);
  });

  it('takes `occurredAt` from now when not given', () => {
    const { occurredAt: _o, ...rest } = seizure;
    spec
      .given([])
      .when(command('SeizeAsset', { ...rest, declared: gbp('15000.00') }, SEIZED_AT, OPEN_CASE))
      .then([sterlingCash]);
  });

  describe('minimum amount (£1,000)', () => {
    it('exports the default', () => {
      expect(thresholds).toEqual({ minimumGbp: '1000.00' });
    });

    it('accepts £1,000.00 of cash', () => {
      spec
        .given([])
        .when(seize({ declared: gbp('1000.00') }))
        .thenMatches([{ type: 'AssetSeized' }]);
    });

    it('refuses £999.99 of cash under s.294', () => {
      spec
        .given([])
        .when(seize({ declared: gbp('999.99') }))
        .thenRefuses('below_minimum_amount', 'declared');
    });

    it('measures foreign cash by its sterling equivalent (EUR 1,167.00 at 0.8567 = £999.77)', () => {
      spec
        .given([])
        .when(seize({ declared: eur('1167.00'), fx: [EUR_RATE] }))
        .thenRefuses('below_minimum_amount', 'declared');
    });

    it('measures a breakdown by the sum of its sterling equivalents', () => {
      spec
        .given([])
        .when(seize({ cashBreakdown: [gbp('500.00'), eur('500.00')], fx: [EUR_RATE] }))
        .thenRefuses('below_minimum_amount', 'cashBreakdown');
    });

    it('refuses s.294 cash with no amount at all', () => {
      spec.given([]).when(seize({})).thenRefuses('below_minimum_amount', 'declared');
    });

    it('does not apply to evidential seizures under PACE', () => {
      spec
        .given([])
        .when(seize({ power: 'PACE_S19', declared: gbp('20.00') }))
        .thenMatches([
          { type: 'AssetSeized', data: expect.objectContaining({ declaredGbp: gbp('20.00') }) },
        ]);
    });

    it('applies to the aggregate of listed assets seized together', () => {
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303J_LISTED',
            category: 'watch',
            declared: gbp('800.00'),
            listedAggregate: gbp('4500.00'),
          }),
        )
        .then([
          seized({
            power: 'POCA_S303J_LISTED',
            category: 'watch',
            declared: gbp('800.00'),
            declaredGbp: gbp('800.00'),
            listedAggregate: gbp('4500.00'),
            listedAggregateGbp: gbp('4500.00'),
          }),
        ]);
    });

    it('refuses a listed aggregate below the minimum', () => {
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303J_LISTED',
            category: 'jewellery',
            declared: gbp('800.00'),
            listedAggregate: gbp('999.99'),
          }),
        )
        .thenRefuses('below_minimum_amount', 'listedAggregate');
    });

    it('falls back to the declared value of a single listed item', () => {
      spec
        .given([])
        .when(seize({ power: 'POCA_S303J_LISTED', category: 'watch', declared: gbp('800.00') }))
        .thenRefuses('below_minimum_amount', 'declared');
      spec
        .given([])
        .when(seize({ power: 'POCA_S303J_LISTED', category: 'watch', declared: gbp('1000.00') }))
        .thenMatches([{ type: 'AssetSeized' }]);
    });

    it('refuses a listed asset with no value at all (a value is needed)', () => {
      spec
        .given([])
        .when(seize({ power: 'POCA_S303J_LISTED', category: 'artwork' }))
        .thenRefuses('below_minimum_amount', 'declared');
    });

    it('applies to an account balance under an AFO', () => {
      const account = (amount: string) => ({
        institution: 'Barclays',
        accountRef: '20-00-00 12345678',
        balance: gbp(amount),
      });
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303Z1_AFO',
            category: 'bank_account',
            declared: account('999.99'),
          }),
        )
        .thenRefuses('below_minimum_amount', 'declared.balance');
      spec
        .given([])
        .when(
          seize({ power: 'POCA_S303Z1_AFO', category: 'bank_account', declared: account('25000') }),
        )
        .thenMatches([
          {
            type: 'AssetSeized',
            data: expect.objectContaining({
              declared: account('25000.00'),
              declaredGbp: gbp('25000.00'),
            }),
          },
        ]);
    });
  });

  describe('exchange rates', () => {
    it('refuses foreign cash under s.294 without a rate', () => {
      spec
        .given([])
        .when(seize({ declared: eur('12500.00') }))
        .thenRefuses('fx_rate_required', 'declared');
    });

    it('refuses a rate for another currency', () => {
      spec
        .given([])
        .when(seize({ declared: eur('12500.00'), fx: [{ ...EUR_RATE, currency: 'USD' }] }))
        .thenRefuses('fx_rate_required', 'declared');
    });

    it('names the breakdown entry that needs a rate', () => {
      spec
        .given([])
        .when(seize({ cashBreakdown: [gbp('600.00'), eur('5000.00')] }))
        .thenRefuses('fx_rate_required', 'cashBreakdown.1');
    });

    it('refuses a foreign account balance under an AFO without a rate', () => {
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303Z1_AFO',
            category: 'bank_account',
            declared: {
              institution: 'Revolut',
              accountRef: 'LT12',
              balance: { amount: '5000.00', currency: 'USD' },
            },
          }),
        )
        .thenRefuses('fx_rate_required', 'declared.balance');
    });

    it('records foreign cash held under PACE without a sterling figure when no rate is given', () => {
      const events = spec
        .given([])
        .when(seize({ power: 'PACE_S19', declared: eur('12500.00') }))
        .events();
      expect(events[0].data).not.toHaveProperty('declaredGbp');
    });

    it('prices a crypto holding at the recorded price', () => {
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303Z29_CRYPTO',
            category: 'cryptoasset',
            declared: { symbol: 'BTC', quantity: '1.5' },
            fx: [BTC_PRICE],
          }),
        )
        .thenMatches([
          {
            type: 'AssetSeized',
            data: expect.objectContaining({
              declared: { symbol: 'BTC', quantity: '1.5' },
              declaredGbp: gbp('75000.00'),
            }),
          },
        ]);
    });

    it('refuses two rates for one currency and a malformed rate', () => {
      spec
        .given([])
        .when(seize({ declared: eur('12500.00'), fx: [EUR_RATE, EUR_RATE] }))
        .thenRefuses('invalid_money', 'fx.1.currency');
      spec
        .given([])
        .when(seize({ declared: eur('12500.00'), fx: [{ ...EUR_RATE, rateToGbp: '-1' }] }))
        .thenRefuses('invalid_money', 'fx.0.rateToGbp');
    });
  });

  describe('invalid money', () => {
    it.each([
      ['a JS number', { amount: 1500 as unknown as string, currency: 'GBP' }, 'declared.amount'],
      ['an unknown currency', { amount: '1500.00', currency: 'XYZ' }, 'declared.currency'],
      ['too many decimals', { amount: '1500.001', currency: 'GBP' }, 'declared.amount'],
      ['a negative amount', { amount: '-1500.00', currency: 'GBP' }, 'declared.amount'],
      ['zero', { amount: '0.00', currency: 'GBP' }, 'declared.amount'],
    ])('refuses %s', (_what, declared, field) => {
      spec
        .given([])
        .when(seize({ power: 'PACE_S19', declared }))
        .thenRefuses('invalid_money', field);
    });

    it('refuses a declared shape that does not fit the category', () => {
      spec
        .given([])
        .when(seize({ power: 'PACE_S19', declared: { symbol: 'BTC', quantity: '1' } }))
        .thenRefuses('invalid_money', 'declared');
      spec
        .given([])
        .when(
          seize({ power: 'POCA_S303Z29_CRYPTO', category: 'cryptoasset', declared: gbp('100.00') }),
        )
        .thenRefuses('invalid_money', 'declared');
    });

    it('refuses a crypto quantity with more than 18 decimals', () => {
      spec
        .given([])
        .when(
          seize({
            power: 'POCA_S303Z29_CRYPTO',
            category: 'cryptoasset',
            declared: { symbol: 'ETH', quantity: '0.0000000000000000001' },
          }),
        )
        .thenRefuses('invalid_money', 'declared.quantity');
    });

    it('refuses a cash breakdown for anything but cash, or with a currency twice', () => {
      spec
        .given([])
        .when(seize({ power: 'PACE_S19', category: 'vehicle', cashBreakdown: [gbp('1.00')] }))
        .thenRefuses('invalid_money', 'cashBreakdown');
      spec
        .given([])
        .when(seize({ cashBreakdown: [gbp('600.00'), gbp('600.00')] }))
        .thenRefuses('invalid_money', 'cashBreakdown.1.currency');
    });
  });

  describe('powers', () => {
    it.each([
      ['s.47C for cash', 'POCA_S47C', 'cash'],
      ['the cash power for a vehicle', 'POCA_S294_CASH', 'vehicle'],
      ['the listed-asset power for "other"', 'POCA_S303J_LISTED', 'other'],
      ['the listed-asset power for electronics', 'POCA_S303J_LISTED', 'electronics'],
      ['an AFO for cash', 'POCA_S303Z1_AFO', 'cash'],
      ['the crypto power for a watch', 'POCA_S303Z29_CRYPTO', 'watch'],
      ['a restraint order as a seizure power', 'RESTRAINT_S41', 'vehicle'],
    ] as const)('refuses %s', (_what, power, category) => {
      spec
        .given([])
        .when(seize({ power, category, declared: gbp('50000.00') }))
        .thenRefuses('power_not_applicable', 'power');
    });

    it.each([
      ['PACE_S19', 'vehicle'],
      ['PACE_S22', 'document'],
      ['POCA_S47C', 'vessel'],
      ['POCA_S303J_LISTED', 'precious_metal'],
      // s.303B(1): precious stones, face-value vouchers and postage stamps are listed too.
      ['POCA_S303J_LISTED', 'precious_stone'],
      ['POCA_S303J_LISTED', 'face_value_voucher'],
      ['POCA_S303J_LISTED', 'postage_stamp'],
    ] as const)('accepts %s for %s', (power, category) => {
      spec
        .given([])
        .when(seize({ power, category, declared: gbp('50000.00') }))
        .thenMatches([{ type: 'AssetSeized' }]);
    });
  });

  describe('the case and the asset', () => {
    it('refuses an unknown case', () => {
      spec
        .given([])
        .when(
          seize(
            { declared: gbp('15000.00') },
            { case: { exists: false, closed: false, subjectIds: [] } },
          ),
        )
        .thenRefuses('not_found', 'caseId');
    });

    it('refuses a closed case', () => {
      spec
        .given([])
        .when(
          seize(
            { declared: gbp('15000.00') },
            { case: { exists: true, closed: true, subjectIds: [] } },
          ),
        )
        .thenRefuses('case_closed', 'caseId');
    });

    it('seizes from a subject of the case only', () => {
      spec
        .given([])
        .when(
          seize(
            { declared: gbp('15000.00'), seizedFrom: 's-2' },
            { case: { exists: true, closed: false, subjectIds: ['s-1'] } },
          ),
        )
        .thenRefuses('not_found', 'seizedFrom');
      spec
        .given([])
        .when(
          seize(
            { declared: gbp('15000.00'), seizedFrom: 's-1' },
            { case: { exists: true, closed: false, subjectIds: ['s-1'] } },
          ),
        )
        .thenMatches([{ type: 'AssetSeized' }]);
    });

    it('refuses an asset id that already exists', () => {
      spec
        .given([sterlingCash])
        .when(seize({ declared: gbp('15000.00') }))
        .thenRefuses('already_exists', 'assetId');
    });

    it('refuses a seizure in the future', () => {
      spec
        .given([])
        .when(seize({ declared: gbp('15000.00'), occurredAt: '2026-11-28T10:00:00Z' }))
        .thenRefuses('future_date', 'occurredAt');
    });
  });

  it('exposes the seizure in state', () => {
    const { state } = spec.given([sterlingCash]);
    expect(state).toMatchObject({
      exists: true,
      status: 'held',
      assetId: 'a-1',
      caseId: 'c-1',
      exhibitRef: 'JS/1',
      power: 'POCA_S294_CASH',
      category: 'cash',
      custodyLocation: 'Croydon property store',
      seizedAt: SEIZED_AT,
      currentValue: { gbpValue: gbp('15000.00'), source: 'declared' },
      restrainedBy: [],
      valuations: [],
      version: 1,
    });
  });
});
