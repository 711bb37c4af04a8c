import { MoneyJson } from '@src/common/money';
import { currentValuation } from '@src/ledger/assets/asset.decider';
import { AssetValued, RateUsed } from '@src/ledger/assets/asset.events';
import {
  bitcoin,
  command,
  EUR_RATE,
  euroCash,
  listedWatch,
  NOW,
  spec,
  sterlingCash,
} from './fixtures';

const gbp = (amount: string): MoneyJson => ({ amount, currency: 'GBP' });
const later = '2026-12-10T12:00:00Z';

function valued(
  valuationId: string,
  amount: string,
  valuedAsAt: string,
  occurredAt = NOW,
): AssetValued {
  return {
    type: 'AssetValued',
    data: {
      valuationId,
      basis: 'market',
      value: gbp(amount),
      gbpValue: gbp(amount),
      valuedAsAt,
      valuer: 'Watchfinder',
      occurredAt,
    },
  };
}

const withdrawn = (valuationId: string) => ({
  type: 'ValuationWithdrawn' as const,
  data: { valuationId, reason: 'Wrong model', occurredAt: '2026-12-10T12:00:00.000Z' },
});

describe('AssetValued', () => {
  it('records a sterling valuation', () => {
    spec
      .given([listedWatch])
      .when(
        command('ValueAsset', {
          valuationId: 'v-1',
          basis: 'market',
          value: gbp('9500'),
          valuedAsAt: '2026-11-27',
          valuer: 'Watchfinder',
          costsOfSale: gbp('450.5'),
          notes: 'Box and papers',
        }),
      )
      .then([
        {
          type: 'AssetValued',
          data: {
            valuationId: 'v-1',
            basis: 'market',
            value: gbp('9500.00'),
            gbpValue: gbp('9500.00'),
            valuedAsAt: '2026-11-27',
            valuer: 'Watchfinder',
            costsOfSale: gbp('450.50'),
            notes: 'Box and papers',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('converts a foreign-currency value at the rate given and records the rate', () => {
    spec
      .given([euroCash])
      .when(
        command('ValueAsset', {
          valuationId: 'v-1',
          basis: 'exchange_rate',
          value: { amount: '2000.00', currency: 'EUR' },
          fx: EUR_RATE,
          valuedAsAt: '2026-11-27',
          valuer: 'Finance',
        }),
      )
      .then([
        {
          type: 'AssetValued',
          data: {
            valuationId: 'v-1',
            basis: 'exchange_rate',
            value: { amount: '2000.00', currency: 'EUR' },
            gbpValue: gbp('1713.40'),
            fx: EUR_RATE,
            valuedAsAt: '2026-11-27',
            valuer: 'Finance',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('prices a crypto quantity: 1.5 BTC at £52,345.67 is £78,518.51 (half-up)', () => {
    const price: RateUsed = {
      currency: 'BTC',
      rateToGbp: '52345.67',
      source: 'Kraken',
      asAt: '2026-11-27',
    };
    spec
      .given([bitcoin])
      .when(
        command('ValueAsset', {
          valuationId: 'v-1',
          basis: 'exchange_rate',
          value: { symbol: 'BTC', quantity: '1.5' },
          fx: price,
          valuedAsAt: '2026-11-27',
          valuer: 'Chainalysis',
        }),
      )
      .then([
        {
          type: 'AssetValued',
          data: {
            valuationId: 'v-1',
            basis: 'exchange_rate',
            value: { symbol: 'BTC', quantity: '1.5' },
            gbpValue: gbp('78518.51'),
            fx: price,
            valuedAsAt: '2026-11-27',
            valuer: 'Chainalysis',
            occurredAt: NOW,
          },
        },
      ]);
  });

  it('never takes gbpValue from the client', () => {
    const data = {
      valuationId: 'v-1',
      basis: 'market' as const,
      value: gbp('9500.00'),
      gbpValue: gbp('1.00'),
      valuedAsAt: '2026-11-27',
      valuer: 'Watchfinder',
    };
    spec
      .given([listedWatch])
      .when(command('ValueAsset', data))
      .thenMatches([{ data: expect.objectContaining({ gbpValue: gbp('9500.00') }) }]);
  });

  const base = {
    valuationId: 'v-1',
    basis: 'market' as const,
    valuedAsAt: '2026-11-27',
    valuer: 'V',
  };

  it('needs a rate for a foreign value, and a rate for its currency', () => {
    spec
      .given([euroCash])
      .when(command('ValueAsset', { ...base, value: { amount: '2000.00', currency: 'EUR' } }))
      .thenRefuses('fx_rate_required', 'value');
    spec
      .given([euroCash])
      .when(
        command('ValueAsset', {
          ...base,
          value: { amount: '2000.00', currency: 'EUR' },
          fx: { ...EUR_RATE, currency: 'USD' },
        }),
      )
      .thenRefuses('fx_rate_required', 'value');
  });

  it('needs a price for a crypto quantity, for its symbol', () => {
    spec
      .given([bitcoin])
      .when(command('ValueAsset', { ...base, value: { symbol: 'BTC', quantity: '1.5' } }))
      .thenRefuses('fx_rate_required', 'value');
    spec
      .given([bitcoin])
      .when(
        command('ValueAsset', {
          ...base,
          value: { symbol: 'BTC', quantity: '1.5' },
          fx: { currency: 'ETH', rateToGbp: '2500', source: 'Kraken', asAt: '2026-11-27' },
        }),
      )
      .thenRefuses('fx_rate_required', 'value');
  });

  it('refuses another symbol, or a crypto quantity for something else', () => {
    spec
      .given([bitcoin])
      .when(command('ValueAsset', { ...base, value: { symbol: 'ETH', quantity: '1' } }))
      .thenRefuses('invalid_money', 'value.symbol');
    spec
      .given([listedWatch])
      .when(command('ValueAsset', { ...base, value: { symbol: 'BTC', quantity: '1' } }))
      .thenRefuses('invalid_money', 'value');
  });

  it('refuses bad money', () => {
    spec
      .given([listedWatch])
      .when(command('ValueAsset', { ...base, value: gbp('-1.00') }))
      .thenRefuses('invalid_money', 'value.amount');
    spec
      .given([listedWatch])
      .when(command('ValueAsset', { ...base, value: gbp('100.00'), costsOfSale: gbp('1.234') }))
      .thenRefuses('invalid_money', 'costsOfSale.amount');
  });

  it('refuses a valued-as-at date in the future or not a date', () => {
    spec
      .given([listedWatch])
      .when(command('ValueAsset', { ...base, value: gbp('100.00'), valuedAsAt: '2026-11-28' }))
      .thenRefuses('future_date', 'valuedAsAt');
    spec
      .given([listedWatch])
      .when(command('ValueAsset', { ...base, value: gbp('100.00'), valuedAsAt: '27/11/2026' }))
      .thenRefuses('invalid_date', 'valuedAsAt');
  });

  it('refuses a valuation id used before', () => {
    spec
      .given([listedWatch, valued('v-1', '9000.00', '2026-11-27')])
      .when(command('ValueAsset', { ...base, value: gbp('100.00') }))
      .thenRefuses('already_exists', 'valuationId');
  });
});

describe('ValuationWithdrawn', () => {
  it('withdraws a valuation', () => {
    spec
      .given([listedWatch, valued('v-1', '9000.00', '2026-11-27')])
      .when(command('WithdrawValuation', { valuationId: 'v-1', reason: 'Wrong model' }, later))
      .then([
        {
          type: 'ValuationWithdrawn',
          data: {
            valuationId: 'v-1',
            reason: 'Wrong model',
            occurredAt: '2026-12-10T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses an unknown valuation', () => {
    spec
      .given([listedWatch])
      .when(command('WithdrawValuation', { valuationId: 'v-9', reason: 'r' }))
      .thenRefuses('not_found', 'valuationId');
  });

  it('refuses a valuation already withdrawn', () => {
    spec
      .given([listedWatch, valued('v-1', '9000.00', '2026-11-27'), withdrawn('v-1')])
      .when(command('WithdrawValuation', { valuationId: 'v-1', reason: 'r' }, later))
      .thenRefuses('invalid_state', 'valuationId');
  });

  it('keeps the withdrawn valuation in history, flagged', () => {
    const { state } = spec.given([
      listedWatch,
      valued('v-1', '9000.00', '2026-11-27'),
      withdrawn('v-1'),
    ]);
    expect(state.valuations).toEqual([
      expect.objectContaining({
        valuationId: 'v-1',
        withdrawn: true,
        withdrawnReason: 'Wrong model',
      }),
    ]);
  });
});

describe('currentValuation', () => {
  const history = [
    listedWatch,
    valued('v-1', '9000.00', '2026-11-27'),
    valued('v-2', '9500.00', '2026-12-10', later),
  ];

  it('is the latest non-withdrawn valuation', () => {
    const { state } = spec.given(history);
    expect(currentValuation(state)).toEqual({
      gbpValue: gbp('9500.00'),
      source: 'valuation',
      valuationId: 'v-2',
      basis: 'market',
      valuedAsAt: '2026-12-10',
    });
    expect(state.currentValue?.valuationId).toBe('v-2');
  });

  it('as at a date, ignores valuations valued after it', () => {
    const { state } = spec.given(history);
    expect(currentValuation(state, '2026-12-09')?.valuationId).toBe('v-1');
    expect(currentValuation(state, '2026-12-10')?.valuationId).toBe('v-2');
    expect(currentValuation(state, '2026-11-26')).toBeUndefined();
  });

  it('falls back to the earlier valuation when the latest is withdrawn', () => {
    const { state } = spec.given([...history, withdrawn('v-2')]);
    expect(currentValuation(state)?.valuationId).toBe('v-1');
    expect(state.currentValue?.gbpValue).toEqual(gbp('9000.00'));
  });

  it('prefers the later recorded of two valuations as at the same date', () => {
    const { state } = spec.given([
      listedWatch,
      valued('v-1', '9000.00', '2026-11-27'),
      valued('v-2', '8800.00', '2026-11-27'),
    ]);
    expect(currentValuation(state)?.valuationId).toBe('v-2');
  });

  it('with no valuation, is the declared amount of cash at the seizure rate', () => {
    const { state } = spec.given([euroCash]);
    expect(currentValuation(state)).toEqual({ gbpValue: gbp('10708.75'), source: 'declared' });
    expect(currentValuation(state, '2026-11-26')).toBeUndefined();
    expect(currentValuation(spec.given([bitcoin]).state)?.gbpValue).toEqual(gbp('75000.00'));
  });

  it('with no valuation, is unknown for other categories', () => {
    expect(currentValuation(spec.given([listedWatch]).state)).toBeUndefined();
  });

  it('is the valuation rather than the declared amount once valued', () => {
    const { state } = spec.given([sterlingCash, valued('v-1', '14990.00', '2026-11-27')]);
    expect(currentValuation(state)?.gbpValue).toEqual(gbp('14990.00'));
  });
});
