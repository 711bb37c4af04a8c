import Decimal from 'decimal.js';
import {
  activeCurrencyCodes,
  CURRENCIES,
  Dec,
  isCurrency,
  minorUnits,
  Money,
  MoneyJson,
  sumMoney,
} from '@src/common/money';
import { refusal } from './refusal';

describe('currencies', () => {
  it('knows the minor units of common and unusual currencies', () => {
    expect(minorUnits('GBP')).toBe(2);
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('CHF')).toBe(2);
    expect(minorUnits('AED')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('TND')).toBe(3);
    expect(minorUnits('CLF')).toBe(4);
  });

  it('has the active ISO 4217 list (at least 150 codes), all with 0-4 minor units', () => {
    expect(activeCurrencyCodes().length).toBeGreaterThanOrEqual(150);
    for (const [code, info] of Object.entries(CURRENCIES)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(info.minorUnits);
    }
  });

  it('rejects unknown, lower-case and non-money codes', () => {
    for (const code of ['gbp', 'XXX', 'XAU', 'BTC', 'GB', 'GBPP', '', 'constructor', 'toString']) {
      expect(isCurrency(code)).toBe(false);
      expect(minorUnits(code)).toBeUndefined();
    }
    expect(isCurrency(undefined as unknown as string)).toBe(false);
  });
});

describe('Money', () => {
  it('parses and formats with the currency minor units', () => {
    expect(Money.parse({ amount: '25000', currency: 'GBP' }).toJSON()).toEqual({
      amount: '25000.00',
      currency: 'GBP',
    });
    expect(Money.parse({ amount: '1500', currency: 'JPY' }).toJSON()).toEqual({
      amount: '1500',
      currency: 'JPY',
    });
    expect(Money.parse({ amount: '12.5', currency: 'KWD' }).toJSON().amount).toBe('12.500');
    expect(Money.parse({ amount: '-3.1', currency: 'EUR' }).toJSON().amount).toBe('-3.10');
    expect(Money.parse({ amount: '0', currency: 'GBP' }).toString()).toBe('GBP 0.00');
    expect(Money.gbp('25000').toString()).toBe('GBP 25000.00');
  });

  it('round-trips through JSON', () => {
    for (const json of [
      { amount: '25000.00', currency: 'GBP' },
      { amount: '0.01', currency: 'GBP' },
      { amount: '1500', currency: 'JPY' },
      { amount: '1.234', currency: 'KWD' },
      { amount: '-99.90', currency: 'USD' },
      { amount: '123456789012345678901234567890.12', currency: 'EUR' },
    ]) {
      const m = Money.parse(json);
      expect(m.toJSON()).toEqual(json);
      expect(Money.parse(m.toJSON()).equals(m)).toBe(true);
      expect(JSON.parse(JSON.stringify(m))).toEqual(json);
    }
  });

  it('never writes exponent notation or negative zero', () => {
    expect(Money.gbp('100000000000000000000000').toJSON().amount).toBe(
      '100000000000000000000000.00',
    );
    expect(Money.parse({ amount: '-0.00', currency: 'GBP' }).toJSON().amount).toBe('0.00');
    expect(Money.gbp('0.01').minus(Money.gbp('0.01')).toJSON().amount).toBe('0.00');
    expect(Money.gbp('0.01').times('0.0000001').toJSON().amount).toBe('0.000000001');
    expect(Money.gbp('-0.01').times('0.1').roundToMinor().toJSON().amount).toBe('0.00');
  });

  describe('invalid_money, naming the field', () => {
    const cases: [string, unknown, string][] = [
      ['a JS number', { amount: 25000, currency: 'GBP' }, 'declared.amount'],
      ['exponent', { amount: '1e3', currency: 'GBP' }, 'declared.amount'],
      ['plus sign', { amount: '+10', currency: 'GBP' }, 'declared.amount'],
      ['spaces', { amount: ' 10', currency: 'GBP' }, 'declared.amount'],
      ['thousands separator', { amount: '1,000', currency: 'GBP' }, 'declared.amount'],
      ['leading dot', { amount: '.5', currency: 'GBP' }, 'declared.amount'],
      ['trailing dot', { amount: '5.', currency: 'GBP' }, 'declared.amount'],
      ['hex', { amount: '0x10', currency: 'GBP' }, 'declared.amount'],
      ['NaN string', { amount: 'NaN', currency: 'GBP' }, 'declared.amount'],
      ['Infinity string', { amount: 'Infinity', currency: 'GBP' }, 'declared.amount'],
      ['missing amount', { currency: 'GBP' }, 'declared.amount'],
      ['null amount', { amount: null, currency: 'GBP' }, 'declared.amount'],
      ['too many decimals for GBP', { amount: '10.001', currency: 'GBP' }, 'declared.amount'],
      ['any decimals for JPY', { amount: '10.5', currency: 'JPY' }, 'declared.amount'],
      ['four decimals for KWD', { amount: '1.0001', currency: 'KWD' }, 'declared.amount'],
      ['unknown currency', { amount: '10', currency: 'ZZZ' }, 'declared.currency'],
      ['lower-case currency', { amount: '10', currency: 'gbp' }, 'declared.currency'],
      ['missing currency', { amount: '10' }, 'declared.currency'],
      ['not an object', '10 GBP', 'declared'],
      ['null', null, 'declared'],
    ];
    it.each(cases)('%s', (_label, json, field) => {
      expect(refusal(() => Money.parse(json as MoneyJson, 'declared'))).toEqual({
        code: 'invalid_money',
        field,
      });
    });

    it('uses bare field names when no field is given', () => {
      expect(refusal(() => Money.parse({ amount: '1.001', currency: 'GBP' }))).toEqual({
        code: 'invalid_money',
        field: 'amount',
      });
      expect(refusal(() => Money.parse({ amount: '1', currency: 'QQQ' }))).toEqual({
        code: 'invalid_money',
        field: 'currency',
      });
      expect(refusal(() => Money.of('1', 'QQQ'))).toEqual({
        code: 'invalid_money',
        field: 'currency',
      });
    });

    it('Money.of refuses NaN, Infinity and too many decimals', () => {
      expect(refusal(() => Money.of(NaN, 'GBP', 'x'))).toEqual({
        code: 'invalid_money',
        field: 'x.amount',
      });
      expect(refusal(() => Money.of(Infinity, 'GBP'))).toEqual({
        code: 'invalid_money',
        field: 'amount',
      });
      expect(refusal(() => Money.of(new Decimal(NaN), 'GBP'))).toEqual({
        code: 'invalid_money',
        field: 'amount',
      });
      expect(refusal(() => Money.of('0.001', 'GBP', 'x'))).toEqual({
        code: 'invalid_money',
        field: 'x.amount',
      });
      expect(refusal(() => Money.of('0x10', 'GBP'))).toEqual({
        code: 'invalid_money',
        field: 'amount',
      });
    });

    it('Money.positive refuses zero and negatives', () => {
      expect(refusal(() => Money.positive({ amount: '0.00', currency: 'GBP' }, 'd'))).toEqual({
        code: 'invalid_money',
        field: 'd.amount',
      });
      expect(refusal(() => Money.positive({ amount: '-1', currency: 'GBP' }, 'd'))).toEqual({
        code: 'invalid_money',
        field: 'd.amount',
      });
      expect(Money.positive({ amount: '0.01', currency: 'GBP' }).toJSON().amount).toBe('0.01');
    });
  });

  it('throws (a programming error) for a float JS number, never guessing', () => {
    expect(() => Money.of(0.1, 'GBP')).toThrow(TypeError);
    expect(() => Money.gbp('1').times(0.5)).toThrow(TypeError);
    expect(Money.of(1000, 'GBP').toJSON().amount).toBe('1000.00');
    expect(Money.of(10n, 'JPY').toJSON().amount).toBe('10');
  });

  it('adds exactly: 0.1 + 0.2 = 0.30', () => {
    const sum = Money.gbp('0.1').plus(Money.gbp('0.2'));
    expect(sum.toJSON().amount).toBe('0.30');
    expect(sum.equals(Money.gbp('0.3'))).toBe(true);
    expect(Money.gbp('1000000000000.01').minus(Money.gbp('0.02')).toJSON().amount).toBe(
      '999999999999.99',
    );
  });

  it('multiplies exactly and rounds only when asked', () => {
    const m = Money.gbp('80000').times('0.08').times('31').times(new Dec(1).div(365));
    // 80000 × 0.08 × 31 / 365 = 543.5616...
    expect(m.roundToMinor().toJSON().amount).toBe('543.56');
    expect(Money.gbp('10.00').times('0.125').toJSON().amount).toBe('1.25');
    expect(Money.gbp('1.00').times('0.125').toJSON().amount).toBe('0.125');
    expect(Money.gbp('1.00').times('0.125').roundToMinor().toJSON().amount).toBe('0.13');
    expect(Money.gbp('1.00').times('0.125').roundToMinor(Decimal.ROUND_DOWN).toJSON().amount).toBe(
      '0.12',
    );
    expect(Money.gbp('-1.00').times('0.125').roundToMinor().toJSON().amount).toBe('-0.13');
    expect(Money.of('7', 'JPY').times('0.5').roundToMinor().toJSON().amount).toBe('4');
    // 18 dp × 2 dp stays exact (the library default precision of 20 digits would not).
    const big = Money.gbp('123456789012.34').times('0.123456789012345678');
    expect(big.toJSON().amount).toBe('15241578753.23813554032028766652');
  });

  it('compares, with min/max/negated and predicates', () => {
    const a = Money.gbp('10.00');
    const b = Money.gbp('10.5');
    expect(a.compare(b)).toBe(-1);
    expect(b.compare(a)).toBe(1);
    expect(a.compare(Money.gbp('10'))).toBe(0);
    expect(a.lt(b) && a.lte(b) && b.gt(a) && b.gte(a) && a.gte(a) && a.lte(a)).toBe(true);
    expect(a.min(b)).toBe(a);
    expect(a.max(b)).toBe(b);
    expect(a.negated().toJSON().amount).toBe('-10.00');
    expect(a.negated().isNegative()).toBe(true);
    expect(a.isPositive()).toBe(true);
    expect(Money.zero('JPY').isZero()).toBe(true);
    expect(a.equals(Money.of('10', 'USD'))).toBe(false);
  });

  it('throws on mixing currencies (a programming error, not a refusal)', () => {
    const gbp = Money.gbp('1');
    const eur = Money.of('1', 'EUR');
    expect(() => gbp.plus(eur)).toThrow(/currency mismatch/);
    expect(() => gbp.minus(eur)).toThrow(/currency mismatch/);
    expect(() => gbp.compare(eur)).toThrow(/currency mismatch/);
    expect(() => gbp.max(eur)).toThrow(/currency mismatch/);
    expect(() => sumMoney([gbp, eur], 'GBP')).toThrow(/currency mismatch/);
  });

  it('sums', () => {
    expect(sumMoney([], 'GBP').toJSON()).toEqual({ amount: '0.00', currency: 'GBP' });
    expect(
      sumMoney([Money.gbp('0.10'), Money.gbp('0.20'), Money.gbp('1000.03')], 'GBP').toJSON(),
    ).toEqual({ amount: '1000.33', currency: 'GBP' });
  });

  it('is immutable', () => {
    const m = Money.gbp('1');
    expect(Object.isFrozen(m)).toBe(true);
    m.plus(Money.gbp('1'));
    expect(m.toJSON().amount).toBe('1.00');
  });
});
