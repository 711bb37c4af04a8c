import {
  CryptoJson,
  CryptoQuantity,
  cryptoToGbp,
  FxRate,
  FxRateJson,
  Money,
  toGbp,
} from '@src/common/money';
import { refusal } from './refusal';

const ecb = (rateToGbp: string): FxRateJson => ({ rateToGbp, source: 'ECB', asAt: '2026-11-27' });

describe('FxRate', () => {
  it('parses and round-trips', () => {
    const rate = FxRate.parse('EUR', ecb('0.8567'), 'fx.EUR');
    expect(rate.currency).toBe('EUR');
    expect(rate.rateToGbp.toFixed()).toBe('0.8567');
    expect(rate.toJSON()).toEqual(ecb('0.8567'));
    expect(
      FxRate.parse('BTC', { rateToGbp: '71234.56', source: 'Coinbase', asAt: '2026-11-27' })
        .currency,
    ).toBe('BTC');
  });

  it.each([
    ['a number rate', { ...ecb('1'), rateToGbp: 0.85 }, 'invalid_money', 'fx.rateToGbp'],
    ['a zero rate', ecb('0'), 'invalid_money', 'fx.rateToGbp'],
    ['a negative rate', ecb('-0.85'), 'invalid_money', 'fx.rateToGbp'],
    ['an exponent rate', ecb('8.5e-1'), 'invalid_money', 'fx.rateToGbp'],
    ['an empty source', { ...ecb('0.85'), source: ' ' }, 'invalid_money', 'fx.source'],
    ['a missing source', { rateToGbp: '0.85', asAt: '2026-11-27' }, 'invalid_money', 'fx.source'],
    ['a bad date', { ...ecb('0.85'), asAt: '2026-02-30' }, 'invalid_date', 'fx.asAt'],
    [
      'an instant as date',
      { ...ecb('0.85'), asAt: '2026-02-03T00:00:00Z' },
      'invalid_date',
      'fx.asAt',
    ],
    ['not an object', 'ECB 0.85', 'invalid_money', 'fx'],
  ])('refuses %s', (_label, json, code, field) => {
    expect(refusal(() => FxRate.parse('EUR', json as FxRateJson, 'fx'))).toEqual({ code, field });
  });

  it('refuses a currency that is neither ISO 4217 nor a crypto symbol', () => {
    expect(refusal(() => FxRate.parse('eur', ecb('0.85'), 'fx'))).toEqual({
      code: 'invalid_money',
      field: 'fx',
    });
  });
});

describe('toGbp', () => {
  it('leaves GBP unchanged, without needing a rate', () => {
    const m = Money.gbp('25000.00');
    expect(toGbp(m)).toBe(m);
  });

  it('converts at the rate, rounding half-up to the penny', () => {
    // 1000.00 × 0.8567 = 856.7
    expect(toGbp(Money.of('1000.00', 'EUR'), FxRate.parse('EUR', ecb('0.8567'))).toJSON()).toEqual({
      amount: '856.70',
      currency: 'GBP',
    });
    // 0.01 × 0.855 = 0.00855 -> 0.01
    expect(toGbp(Money.of('0.01', 'EUR'), FxRate.parse('EUR', ecb('0.855'))).toJSON().amount).toBe(
      '0.01',
    );
    // 0.01 × 0.5 = 0.005, exactly half a penny -> 0.01 (half-up, not half-even)
    expect(toGbp(Money.of('0.01', 'EUR'), FxRate.parse('EUR', ecb('0.5'))).toJSON().amount).toBe(
      '0.01',
    );
    // 0.01 × 0.4 = 0.004 -> 0.00
    expect(toGbp(Money.of('0.01', 'EUR'), FxRate.parse('EUR', ecb('0.4'))).toJSON().amount).toBe(
      '0.00',
    );
    // JPY 150000 at 0.0052 = 780
    expect(
      toGbp(Money.of('150000', 'JPY'), FxRate.parse('JPY', ecb('0.0052'))).toJSON().amount,
    ).toBe('780.00');
    // KWD 1.005 at 2.6 = 2.613 -> 2.61
    expect(toGbp(Money.of('1.005', 'KWD'), FxRate.parse('KWD', ecb('2.6'))).toJSON().amount).toBe(
      '2.61',
    );
  });

  it('refuses fx_rate_required without a rate, or with a rate for another currency', () => {
    expect(refusal(() => toGbp(Money.of('1200', 'EUR'), undefined, 'fx'))).toEqual({
      code: 'fx_rate_required',
      field: 'fx',
    });
    expect(
      refusal(() => toGbp(Money.of('1200', 'EUR'), FxRate.parse('USD', ecb('0.79')), 'fx')),
    ).toEqual({
      code: 'fx_rate_required',
      field: 'fx',
    });
  });
});

describe('CryptoQuantity', () => {
  it('parses up to 18 decimal places and round-trips without exponent', () => {
    const q = CryptoQuantity.parse({ symbol: 'ETH', quantity: '0.000000000000000001' });
    expect(q.toJSON()).toEqual({ symbol: 'ETH', quantity: '0.000000000000000001' });
    const big = CryptoQuantity.parse({ symbol: 'BTC', quantity: '21000000.123456789012345678' });
    expect(big.toJSON().quantity).toBe('21000000.123456789012345678');
    expect(CryptoQuantity.parse({ symbol: 'USDT', quantity: '1.500' }).toJSON().quantity).toBe(
      '1.5',
    );
    expect(CryptoQuantity.parse(big.toJSON()).equals(big)).toBe(true);
  });

  it.each([
    [
      '19 decimal places',
      { symbol: 'ETH', quantity: '0.0000000000000000001' },
      'seized.crypto.quantity',
    ],
    ['zero', { symbol: 'BTC', quantity: '0.000' }, 'seized.crypto.quantity'],
    ['negative', { symbol: 'BTC', quantity: '-1' }, 'seized.crypto.quantity'],
    ['a number', { symbol: 'BTC', quantity: 1 }, 'seized.crypto.quantity'],
    ['an exponent', { symbol: 'BTC', quantity: '1e-8' }, 'seized.crypto.quantity'],
    ['a lower-case symbol', { symbol: 'btc', quantity: '1' }, 'seized.crypto.symbol'],
    ['a one-letter symbol', { symbol: 'B', quantity: '1' }, 'seized.crypto.symbol'],
    ['an 11-letter symbol', { symbol: 'ABCDEFGHIJK', quantity: '1' }, 'seized.crypto.symbol'],
    ['no symbol', { quantity: '1' }, 'seized.crypto.symbol'],
    ['not an object', null, 'seized.crypto'],
  ])('refuses %s', (_label, json, field) => {
    expect(refusal(() => CryptoQuantity.parse(json as CryptoJson, 'seized.crypto'))).toEqual({
      code: 'invalid_money',
      field,
    });
  });
});

describe('cryptoToGbp', () => {
  it('multiplies quantity by the sterling price, exactly, then rounds half-up to the penny', () => {
    const q = CryptoQuantity.parse({ symbol: 'BTC', quantity: '0.12345678' });
    const price = FxRate.parse('BTC', {
      rateToGbp: '71234.56',
      source: 'Coinbase',
      asAt: '2026-11-27',
    });
    // 0.12345678 × 71234.56 = 8794.3894023168 -> 8794.39
    expect(cryptoToGbp(q, price).toJSON()).toEqual({ amount: '8794.39', currency: 'GBP' });

    const wei = CryptoQuantity.parse({ symbol: 'ETH', quantity: '1234.567890123456789012' });
    const ethPrice = FxRate.parse('ETH', {
      rateToGbp: '2500.005',
      source: 'Kraken',
      asAt: '2026-11-27',
    });
    // 1234.567890123456789012 × 2500.005 = 3086425.898148092589813945060 -> 3086425.90
    expect(cryptoToGbp(wei, ethPrice).toJSON().amount).toBe('3086425.90');
  });

  it('refuses a price for another symbol', () => {
    const q = CryptoQuantity.parse({ symbol: 'BTC', quantity: '1' });
    const price = FxRate.parse('ETH', { rateToGbp: '2500', source: 'Kraken', asAt: '2026-11-27' });
    expect(refusal(() => cryptoToGbp(q, price, 'price'))).toEqual({
      code: 'fx_rate_required',
      field: 'price',
    });
  });
});
