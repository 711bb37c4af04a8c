import fc from 'fast-check';
import { activeCurrencyCodes, allocate, Dec, minorUnits, Money, sumMoney } from '@src/common/money';

const ARIS_CONFISCATION = ['50', '18.75', '18.75', '12.5']; // Home Office, investigator, prosecutor, HMCTS
const ARIS_FORFEITURE = ['50', '50'];

const amounts = (parts: Money[]): string[] => parts.map((p) => p.toJSON().amount);

describe('allocate: the ARIS examples', () => {
  it('£0.01 split 50/18.75/18.75/12.5', () => {
    // In pence: 1 × (50, 18.75, 18.75, 12.5)/100 = 0.5, 0.1875, 0.1875, 0.125 -> all round down to 0.
    // One penny left over; largest remainder is the Home Office (0.5).
    expect(amounts(allocate(Money.gbp('0.01'), ARIS_CONFISCATION))).toEqual([
      '0.01',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('£1,000.03 split 50/18.75/18.75/12.5', () => {
    // 100003p: 50% = 50001.5, 18.75% = 18750.5625 (twice), 12.5% = 12500.375.
    // Floors 50001 + 18750 + 18750 + 12500 = 100001, 2p left over.
    // Remainders .5625, .5625 (the two 18.75% shares, tie -> table order), .5, .375:
    // the two 18.75% shares get a penny each.
    expect(amounts(allocate(Money.gbp('1000.03'), ARIS_CONFISCATION))).toEqual([
      '500.01',
      '187.51',
      '187.51',
      '125.00',
    ]);
  });

  it('£123,456.79 split 50/18.75/18.75/12.5', () => {
    // 12345679p: 50% = 6172839.5, 18.75% = 2314814.8125 (twice), 12.5% = 1543209.875.
    // Floors 6172839 + 2314814 + 2314814 + 1543209 = 12345676, 3p left over.
    // Remainders: .875 (HMCTS), .8125, .8125 (investigator then prosecutor), .5 (Home Office):
    // HMCTS, investigator and prosecutor get a penny each.
    expect(amounts(allocate(Money.gbp('123456.79'), ARIS_CONFISCATION))).toEqual([
      '61728.39',
      '23148.15',
      '23148.15',
      '15432.10',
    ]);
  });

  it('50/50 forfeiture: an odd penny goes to the first (ties go by the order given)', () => {
    expect(amounts(allocate(Money.gbp('0.01'), ARIS_FORFEITURE))).toEqual(['0.01', '0.00']);
    expect(amounts(allocate(Money.gbp('1000.03'), ARIS_FORFEITURE))).toEqual(['500.02', '500.01']);
    expect(amounts(allocate(Money.gbp('1000.02'), ARIS_FORFEITURE))).toEqual(['500.01', '500.01']);
  });

  it('ties go by the order given, whatever that order is', () => {
    // 3 pence in thirds: exact, no leftover.
    expect(amounts(allocate(Money.gbp('0.03'), ['1', '1', '1']))).toEqual(['0.01', '0.01', '0.01']);
    // 2 pence in thirds: all remainders equal, the first two get them.
    expect(amounts(allocate(Money.gbp('0.02'), ['1', '1', '1']))).toEqual(['0.01', '0.01', '0.00']);
    // The table reversed: the two 18.75% shares still have the largest remainders.
    expect(amounts(allocate(Money.gbp('1000.03'), ['12.5', '18.75', '18.75', '50']))).toEqual([
      '125.00',
      '187.51',
      '187.51',
      '500.01',
    ]);
  });

  it('handles zero weights, zero totals, other currencies and negative totals', () => {
    expect(amounts(allocate(Money.gbp('10.00'), ['0', '1', '0']))).toEqual([
      '0.00',
      '10.00',
      '0.00',
    ]);
    expect(amounts(allocate(Money.gbp('0'), ARIS_CONFISCATION))).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(amounts(allocate(Money.of('1001', 'JPY'), ARIS_FORFEITURE))).toEqual(['501', '500']);
    expect(amounts(allocate(Money.of('0.010', 'KWD'), ['1', '1', '1']))).toEqual([
      '0.004',
      '0.003',
      '0.003',
    ]);
    expect(amounts(allocate(Money.gbp('-1000.03'), ARIS_CONFISCATION))).toEqual([
      '-500.01',
      '-187.51',
      '-187.51',
      '-125.00',
    ]);
    expect(amounts(allocate(Money.gbp('100'), [new Dec('0.5'), '1.5']))).toEqual([
      '25.00',
      '75.00',
    ]);
  });

  it('throws on bad weights or an unrounded total (programming errors)', () => {
    expect(() => allocate(Money.gbp('1'), [])).toThrow();
    expect(() => allocate(Money.gbp('1'), ['0', '0'])).toThrow(/all be zero/);
    expect(() => allocate(Money.gbp('1'), ['-1', '2'])).toThrow(/non-negative/);
    expect(() => allocate(Money.gbp('1'), ['abc'])).toThrow(/non-negative/);
    expect(() => allocate(Money.gbp('1'), [0.5, 0.5])).toThrow(TypeError);
    expect(() => allocate(Money.gbp('1').times('0.001'), ['1'])).toThrow(/minor units/);
  });
});

// ---------------------------------------------------------------------------------------------
// R5: property tests. Every amount is built from a string of digits; no JS float is ever used.

const CODES = activeCurrencyCodes();

/** Formats an integer count of minor units (a bigint) as a decimal string with `places` places. */
function formatMinor(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const frac = places === 0 ? '' : `.${digits.slice(-places)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** A currency and an amount in it, up to 1e12 in major units. */
const moneyArb = (opts: { allowNegative?: boolean } = {}) =>
  fc.constantFrom(...CODES).chain((currency) => {
    const places = minorUnits(currency) as number;
    const max = 10n ** BigInt(12 + places);
    return fc
      .bigInt({ min: opts.allowNegative ? -max : 0n, max })
      .map((units) => Money.parse({ amount: formatMinor(units, places), currency }));
  });

/** A GBP amount with 2 dp up to 1e12, as a string. */
const gbpStringArb = fc.bigInt({ min: 0n, max: 10n ** 14n }).map((p) => formatMinor(p, 2));

/** A weight: a decimal string with 0-4 places, e.g. "18.75". */
const weightArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 1_000_000n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, places]) => formatMinor(units, places));

const weightsArb = fc
  .array(weightArb, { minLength: 1, maxLength: 8 })
  .filter((ws) => ws.some((w) => !new Dec(w).isZero()));

describe('property tests (R5: money exactness)', () => {
  it('allocation parts always sum exactly to the total, each within one minor unit of its share', () => {
    fc.assert(
      fc.property(moneyArb({ allowNegative: true }), weightsArb, (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumMoney(parts, total.currency).equals(total)).toBe(true);

        const unit = new Dec(10).pow(-total.minorUnits);
        const weightSum = weights.reduce((a, w) => a.plus(w), new Dec(0));
        parts.forEach((part, i) => {
          expect(part.currency).toBe(total.currency);
          // A whole number of minor units...
          expect(part.amount.div(unit).isInteger()).toBe(true);
          // ...within one minor unit of the exact share: |part × W − total × w| < unit × W.
          const error = part.amount.times(weightSum).minus(total.amount.times(weights[i])).abs();
          expect(error.lt(unit.times(weightSum))).toBe(true);
          // A zero weight gets nothing.
          if (new Dec(weights[i]).isZero()) expect(part.isZero()).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('allocating a 2 dp GBP string up to 1e12 by the ARIS tables sums to the receipt', () => {
    fc.assert(
      fc.property(gbpStringArb, fc.constantFrom(ARIS_CONFISCATION, ARIS_FORFEITURE), (s, table) => {
        const receipt = Money.parse({ amount: s, currency: 'GBP' });
        const parts = allocate(receipt, table);
        expect(sumMoney(parts, 'GBP').toJSON()).toEqual(receipt.toJSON());
      }),
      { numRuns: 500 },
    );
  });

  it('totals across groups sum to the overall total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(gbpStringArb, fc.integer({ min: 0, max: 4 })), { maxLength: 30 }),
        (receipts) => {
          const all = receipts.map(([s]) => Money.parse({ amount: s, currency: 'GBP' }));
          const byGroup = new Map<number, Money[]>();
          receipts.forEach(([, g], i) => byGroup.set(g, [...(byGroup.get(g) ?? []), all[i]]));
          const groupTotals = [...byGroup.values()].map((ms) => sumMoney(ms, 'GBP'));
          expect(sumMoney(groupTotals, 'GBP').equals(sumMoney(all, 'GBP'))).toBe(true);
        },
      ),
    );
  });

  it('Money.parse(m.toJSON()) round-trips, through JSON text too', () => {
    fc.assert(
      fc.property(moneyArb({ allowNegative: true }), (m) => {
        const json = m.toJSON();
        expect(typeof json.amount).toBe('string');
        expect(json.amount).not.toMatch(/e/i);
        expect(json.amount.split('.')[1]?.length ?? 0).toBe(m.minorUnits);
        const back = Money.parse(JSON.parse(JSON.stringify(m)) as typeof json);
        expect(back.equals(m)).toBe(true);
        expect(back.toJSON()).toEqual(json);
      }),
      { numRuns: 500 },
    );
  });

  it('addition is associative and commutative, and minus undoes plus', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODES).chain((currency) => {
          const places = minorUnits(currency) as number;
          const max = 10n ** BigInt(12 + places);
          const m = fc
            .bigInt({ min: -max, max })
            .map((u) => Money.parse({ amount: formatMinor(u, places), currency }));
          return fc.tuple(m, m, m);
        }),
        ([a, b, c]) => {
          expect(
            a
              .plus(b)
              .plus(c)
              .equals(a.plus(b.plus(c))),
          ).toBe(true);
          expect(a.plus(b).equals(b.plus(a))).toBe(true);
          expect(a.plus(b).minus(b).equals(a)).toBe(true);
          expect(sumMoney([a, b, c], a.currency).equals(sumMoney([c, a, b], a.currency))).toBe(
            true,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('0.1 + 0.2 style sums are exact for any pair of cent amounts', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        (x, y) => {
          const sum = Money.gbp(formatMinor(x, 2)).plus(Money.gbp(formatMinor(y, 2)));
          expect(sum.toJSON().amount).toBe(formatMinor(x + y, 2));
        },
      ),
      { numRuns: 500 },
    );
  });
});
